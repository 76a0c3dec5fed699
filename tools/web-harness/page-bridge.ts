/**
 * Runs in the page, before the renderer's own module: defines `window.inspector` with exactly the
 * `InspectorApi` shape the preload exposes, each call a POST to the harness's `/__ipc/<channel>` and each
 * pushed event read from the `/__ipc/events` stream. The harness server serves this file transpiled.
 */
import { BRIDGE_GLOBAL, IPC_CHANNELS, IPC_EVENTS } from '../../shared/ipc/contract';
import type { InspectorApi, IpcEvent, IpcEvents } from '../../shared/ipc/contract';
import { decodeIpc, encodeIpc } from './codec';

type Listener = (payload: unknown) => void;

const listeners = new Map<IpcEvent, Set<Listener>>(IPC_EVENTS.map((event) => [event, new Set<Listener>()]));

function isEventMessage(value: unknown): value is { event: IpcEvent; payload: unknown } {
  return (
    typeof value === 'object' &&
    value !== null &&
    listeners.has((value as { event: IpcEvent }).event) &&
    'payload' in value
  );
}

new EventSource('/__ipc/events').addEventListener('message', (message: MessageEvent<string>) => {
  const decoded = decodeIpc(message.data);
  if (!isEventMessage(decoded)) return;
  for (const listener of listeners.get(decoded.event) ?? []) listener(decoded.payload);
});

async function invoke(channel: string, args: unknown): Promise<unknown> {
  try {
    const response = await fetch(`/__ipc/${encodeURIComponent(channel)}`, {
      method: 'POST',
      body: encodeIpc(args),
    });
    const result = decodeIpc(await response.text());
    // Where Electron's invoke would resolve: the browser benchmark times the renderer from here.
    performance.mark(`ipc:${channel}`);
    return result;
  } catch (cause) {
    // Electron's invoke rejects when main is gone; a Result is friendlier to the UI and says the same.
    const message = cause instanceof Error ? cause.message : String(cause);
    return {
      ok: false,
      error: { kind: 'internal', message: `Harness unreachable: ${message}`, hint: 'Restart the harness.' },
    };
  }
}

const api: Record<string, unknown> = {};
for (const channel of IPC_CHANNELS) api[channel] = (args?: unknown) => invoke(channel, args ?? null);
api.on = <E extends IpcEvent>(event: E, listener: (payload: IpcEvents[E]) => void): (() => void) => {
  const set = listeners.get(event);
  if (!set) throw new Error(`unknown event ${event}`);
  const untyped = listener as Listener;
  set.add(untyped);
  return () => set.delete(untyped);
};

// A page in a browser cannot see a file's path (only Electron's webUtils can): files the page made have none.
api.pathForFile = (): string => '';

Object.defineProperty(window, BRIDGE_GLOBAL, { value: Object.freeze(api as InspectorApi), enumerable: true });

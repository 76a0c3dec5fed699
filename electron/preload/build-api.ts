/** Builds `window.inspector` from the shared channel table: one function per channel, no raw IPC. */
import {
  IPC_CHANNELS,
  IPC_EVENTS,
  type InspectorApi,
  type IpcEvent,
  type IpcEvents,
} from '../../shared/ipc/contract';

export interface PreloadIpc {
  invoke(channel: string, args: unknown): Promise<unknown>;
  on(channel: string, listener: (payload: unknown) => void): () => void;
  /** webUtils.getPathForFile in Electron. */
  pathForFile(file: File): string;
}

export function buildInspectorApi(ipc: PreloadIpc): InspectorApi {
  const api: Record<string, unknown> = {};
  for (const channel of IPC_CHANNELS) api[channel] = (args?: unknown) => ipc.invoke(channel, args);
  api.on = <E extends IpcEvent>(event: E, listener: (payload: IpcEvents[E]) => void): (() => void) => {
    if (!(IPC_EVENTS as readonly string[]).includes(event)) throw new Error(`Unknown event ${String(event)}`);
    return ipc.on(event, (payload) => listener(payload as IpcEvents[E]));
  };
  api.pathForFile = (file: File): string => ipc.pathForFile(file);
  return Object.freeze(api) as InspectorApi;
}

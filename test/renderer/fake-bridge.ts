/**
 * A stand-in for `window.inspector` in jsdom component tests: every channel is a spy answering plain
 * data. (The browser tests run the real main-process handlers; this only drives the UI.)
 */
import { vi } from 'vitest';
import type { AppError, Result } from '../../shared/domain/errors';
import type { LoadedSession } from '../../shared/domain/loaded-session';
import type { Profile } from '../../shared/domain/profile';
import { BRIDGE_GLOBAL, IPC_CHANNELS } from '../../shared/ipc/contract';
import type { Settings } from '../../shared/domain/settings';
import type { InspectorApi, IpcEvents } from '../../shared/ipc/contract';

export const PROFILES: Profile[] = [
  {
    id: 'p1',
    name: 'Staging',
    baseUrl: 'https://staging.example.com/ocpi/2.2.1',
    flavour: 'ocpi-2.2.1',
    auth: { kind: 'token' },
    base64Token: false,
    timeouts: { connectMs: 10_000, totalMs: 60_000 },
    maxBytes: 1_000_000,
  },
];

export const ok = <T>(value: T): Promise<Result<T>> => Promise.resolve({ ok: true, value });
export const fail = (error: Partial<AppError> & Pick<AppError, 'kind'>): Promise<Result<never>> =>
  Promise.resolve({
    ok: false,
    error: { message: `failed: ${error.kind}`, hint: `hint for ${error.kind}`, ...error },
  });

export interface FakeBridge {
  api: InspectorApi & { [K in keyof InspectorApi]: ReturnType<typeof vi.fn> & InspectorApi[K] };
  emit<E extends keyof IpcEvents>(event: E, payload: IpcEvents[E]): void;
}

export function installFakeBridge(loaded: LoadedSession): FakeBridge {
  let settings: Settings = {
    tileUrl: 'https://tiles.invalid/{z}/{x}/{y}.png',
    timeZone: 'utc',
    activeProfileId: 'p1',
    followSeconds: 30,
    staleMinutes: 15,
  };
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const api = {
    'profiles:list': vi.fn(() => ok({ profiles: PROFILES, notices: [] })),
    'profiles:save': vi.fn((input: Profile) => ok({ ...input, id: input.id ?? 'p2' })),
    'profiles:delete': vi.fn(() => ok({ profiles: PROFILES, notices: [] })),
    'token:state': vi.fn(({ profileId }: { profileId: string }) =>
      ok({ profileId, status: 'unset' as const }),
    ),
    'token:set': vi.fn(({ profileId, memoryOnly }: { profileId: string; memoryOnly: boolean }) =>
      ok({ profileId, status: memoryOnly ? ('memory' as const) : ('set' as const) }),
    ),
    'token:clear': vi.fn(({ profileId }: { profileId: string }) =>
      ok({ profileId, status: 'unset' as const }),
    ),
    'session:fetch': vi.fn(() => ok(loaded)),
    'session:cancel': vi.fn(() => ok(true)),
    'session:get': vi.fn(() => ({
      ok: false as const,
      error: { kind: 'not-found' as const, message: 'gone', hint: 'fetch it' },
    })),
    'session:open-dialog': vi.fn(() => ok(null)),
    'session:open-text': vi.fn(() => ok(loaded)),
    'history:list': vi.fn(() =>
      ok({
        entries: [
          {
            id: 'h1',
            sessionId: 'old-1',
            label: 'Session old-1 · Staging',
            savedAt: '2026-01-02T03:04:05Z',
            sourceKind: 'fetch' as const,
            bytes: 2048,
          },
        ],
        notices: [],
      }),
    ),
    'history:open': vi.fn(() => ok(loaded)),
    'history:delete': vi.fn(() => ok({ entries: [], notices: [] })),
    'history:pin': vi.fn(() => ok({ entries: [], notices: [] })),
    'export:session': vi.fn(() => ok({ path: '/tmp/out.csv', bytes: 1234 })),
    'export:png': vi.fn(() => ok({ path: '/tmp/out.png', bytes: 10 })),
    'settings:get': vi.fn(() => ok(settings)),
    'settings:update': vi.fn((patch: Partial<Settings>) => ok((settings = { ...settings, ...patch }))),
    'shell:open-external': vi.fn(() => ok(true)),
    'billing:attach-file': vi.fn(() => ok(null)),
    'billing:attach-text': vi.fn(() => ok(null)),
    'billing:detach': vi.fn(() => ok(loaded)),
    'billing:attach-path': vi.fn(() => ok(null)),
    'session:open-path': vi.fn(() => ok(loaded)),
    // Files made in jsdom have no path: the text fallback, unless a test says otherwise.
    pathForFile: vi.fn(() => ''),
    on: vi.fn((event: string, listener: (payload: unknown) => void) => {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set.add(listener));
      return () => set.delete(listener);
    }),
  };
  // A channel added to the contract and not answered above fails plainly instead of hiding the bridge.
  for (const channel of IPC_CHANNELS)
    if (!(channel in api))
      (api as Record<string, unknown>)[channel] = vi.fn(() =>
        fail({ kind: 'internal', message: `no fake for ${channel}` }),
      );
  (window as unknown as Record<string, unknown>)[BRIDGE_GLOBAL] = api;
  return {
    api: api as unknown as FakeBridge['api'],
    emit: (event, payload) => listeners.get(event)?.forEach((l) => l(payload)),
  };
}

import { describe, expect, it } from 'vitest';
import { IPC_CHANNELS } from '../../../shared/ipc/contract';
import { buildInspectorApi } from '../../../electron/preload/build-api';

function fakeIpc() {
  const calls: [string, unknown][] = [];
  const listeners = new Map<string, (payload: unknown) => void>();
  return {
    calls,
    listeners,
    ipc: {
      invoke: async (channel: string, args: unknown) => {
        calls.push([channel, args]);
        return { ok: true, value: null };
      },
      on: (channel: string, listener: (payload: unknown) => void) => {
        listeners.set(channel, listener);
        return () => listeners.delete(channel);
      },
      pathForFile: (file: File) => `/dropped/${file.name}`,
    },
  };
}

describe('buildInspectorApi', () => {
  it('exposes exactly one function per contract channel plus on() and pathForFile(), nothing else', () => {
    const api = buildInspectorApi(fakeIpc().ipc);
    expect(Object.keys(api).sort()).toEqual([...IPC_CHANNELS, 'on', 'pathForFile'].sort());
    // A dropped file's path comes from the preload (webUtils), so main can read it by Open's rules.
    expect(api.pathForFile(new File(['{}'], 's.json'))).toBe('/dropped/s.json');
    expect(Object.isFrozen(api)).toBe(true);
    expect(JSON.stringify(Object.keys(api))).not.toMatch(/ipcRenderer|token:get/);
  });

  it('forwards calls to the channel of the same name', async () => {
    const fake = fakeIpc();
    const api = buildInspectorApi(fake.ipc);
    await api['session:fetch']({ requestId: 'r', profileId: 'p', sessionId: 's' });
    await api['profiles:list']();
    expect(fake.calls).toEqual([
      ['session:fetch', { requestId: 'r', profileId: 'p', sessionId: 's' }],
      ['profiles:list', undefined],
    ]);
  });

  it('subscribes to known events only, and unsubscribes', () => {
    const fake = fakeIpc();
    const api = buildInspectorApi(fake.ipc);
    const seen: unknown[] = [];
    const off = api.on('session:progress', (p) => seen.push(p));
    fake.listeners.get('session:progress')?.({ requestId: 'r', bytes: 1, elapsedMs: 2, phase: 'session' });
    expect(seen).toHaveLength(1);
    off();
    expect(fake.listeners.size).toBe(0);
    expect(() => api.on('other' as 'session:progress', () => undefined)).toThrow(/Unknown event/);
  });
});

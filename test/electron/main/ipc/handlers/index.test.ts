import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_MAX_BYTES, type ProfileInput } from '../../../../../shared/domain/profile';
import type { FetchProgress } from '../../../../../shared/domain/loaded-session';
import { IPC_CHANNELS } from '../../../../../shared/ipc/contract';
import { createIpcHandlers, type IpcHandlers } from '../../../../../electron/main/ipc/handlers/index';
import { createAppServices, type AppServices } from '../../../../../services/app-services';
import {
  MOCK_PREFIXES,
  startMockOcpiServer,
  type MockOcpiServer,
} from '../../../../../tools/mock-api/server';

let mock: MockOcpiServer;
beforeAll(async () => {
  mock = await startMockOcpiServer({ token: 'handler-token-0123456789' });
});
afterAll(() => mock.close());

let dir: string;
let services: AppServices;
let handlers: IpcHandlers;
let progress: FetchProgress[];
let confirms: string[];
let opened: string[];
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'handlers-'));
  services = await createAppServices({
    userDataDir: dir,
    keychain: async () => {
      throw new Error('no keychain here');
    },
    client: { retryDelaysMs: [5, 5], maxRetryAfterMs: 10 },
  });
  progress = [];
  confirms = [];
  opened = [];
  handlers = createIpcHandlers(services, {
    emit: (event, payload) => {
      if (event === 'session:progress') progress.push(payload as FetchProgress);
    },
    dialogs: {
      chooseOpenPath: async () => null,
      chooseSavePath: async () => null,
      confirm: async (message) => {
        confirms.push(message);
        return false;
      },
    },
    openExternal: async (url) => void opened.push(url),
  });
});
afterEach(async () => {
  // A fetch answers before its history write; let that finish before the folder goes.
  await services.history.list().catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
});

const localProfile = (): ProfileInput => ({
  name: 'Local',
  baseUrl: `${mock.baseUrl}${MOCK_PREFIXES.vendor}`,
  flavour: 'vendor',
  auth: { kind: 'token' },
  base64Token: false,
  timeouts: { connectMs: 1000, totalMs: 5000 },
  maxBytes: DEFAULT_MAX_BYTES,
});

async function withToken(): Promise<string> {
  const saved = await handlers['profiles:save'](localProfile());
  if (!saved.ok) throw new Error(saved.error.message);
  const set = await handlers['token:set']({ profileId: saved.value.id, token: mock.token, memoryOnly: true });
  expect(set).toEqual({ ok: true, value: { profileId: saved.value.id, status: 'memory' } });
  return saved.value.id;
}

describe('createIpcHandlers', () => {
  it('has a handler for every channel of the contract', () => {
    expect(Object.keys(handlers).sort()).toEqual([...IPC_CHANNELS].sort());
  });

  it('answers garbage arguments on every channel with a Result, never an exception', async () => {
    const garbage: unknown[] = [undefined, null, 42, 'x', [], {}, { id: 7 }, { profileId: '\n' }];
    for (const channel of IPC_CHANNELS) {
      for (const args of garbage) {
        const result = await handlers[channel](args);
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) expect(result.error.message).not.toMatch(/\n\s+at /);
      }
    }
  });

  it('fetches a session: registers it, keeps it in history and emits progress', async () => {
    const profileId = await withToken();
    const r = await handlers['session:fetch']({ requestId: 'r1', profileId, sessionId: 'gen-40' });
    if (!r.ok) throw new Error(r.error.message);
    expect(services.registry.get(r.value.key)).toBe(r.value);
    expect((await services.history.list()).entries).toHaveLength(1);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((p) => p.requestId === 'r1')).toBe(true);
    expect(JSON.stringify(r)).not.toContain(mock.token);
  });

  it('gives back a session main holds by its key, and a clear error for one it does not', async () => {
    const profileId = await withToken();
    const r = await handlers['session:fetch']({ requestId: 'r3', profileId, sessionId: 'gen-5' });
    if (!r.ok) throw new Error(r.error.message);
    expect(await handlers['session:get']({ key: r.value.key })).toEqual({ ok: true, value: r.value });
    const gone = await handlers['session:get']({ key: 'no-such-key' });
    expect(gone.ok ? null : gone.error.kind).toBe('not-found');
    const bad = await handlers['session:get']({ key: 42 });
    expect(bad.ok ? null : bad.error.kind).toBe('invalid-argument');
  });

  it('still returns the session when history cannot keep it', async () => {
    const profileId = await withToken();
    services.history.add = async () => {
      throw new Error('disk full');
    };
    const r = await handlers['session:fetch']({ requestId: 'r2', profileId, sessionId: 'gen-5' });
    expect(r.ok).toBe(true);
    // The failure is in the main-process log, with its stack.
    await expect
      .poll(() => readFile(join(dir, 'main.log'), 'utf8'))
      .toMatch(/ERROR history-add-failed .*"message":"disk full".*"stack":"Error: disk full\\n/);
  });

  it('cancels a running fetch', async () => {
    const profileId = await withToken();
    const pending = handlers['session:fetch']({ requestId: 'slow', profileId, sessionId: 'fault-timeout' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await handlers['session:cancel']({ requestId: 'slow' })).toEqual({ ok: true, value: true });
    const r = await pending;
    expect(r.ok ? null : r.error.kind).toBe('cancelled');
    expect(await handlers['session:cancel']({ requestId: 'slow' })).toEqual({ ok: true, value: false });
  });

  it('rejects unsafe session ids before any request', async () => {
    const profileId = await withToken();
    const before = mock.requests.length;
    for (const sessionId of ['', '../admin', 'a/b', 'a\u0000b', 'x'.repeat(500)]) {
      const r = await handlers['session:fetch']({ requestId: 'bad', profileId, sessionId });
      expect(r.ok ? null : r.error.kind).toBe('invalid-session-id');
    }
    expect(mock.requests.length).toBe(before);
  });

  it('never returns the token and removes it with its profile', async () => {
    const profileId = await withToken();
    const state = await handlers['token:state']({ profileId });
    expect(state).toEqual({ ok: true, value: { profileId, status: 'memory' } });
    expect((await handlers['profiles:delete']({ id: profileId })).ok).toBe(true);
    expect((await services.tokens.get(profileId)).ok).toBe(false);
  });

  it('the Demo profile takes no token and works with none', async () => {
    const state = await handlers['token:state']({ profileId: 'demo' });
    expect(state.ok ? null : state.error.kind).toBe('invalid-argument');
    const r = await handlers['session:fetch']({
      requestId: 'd',
      profileId: 'demo',
      sessionId: 'demo-ocpi-221-dc',
    });
    expect(r.ok && r.value.source.kind).toBe('demo');
  });

  it('lists the Demo profile first and selects it by default', async () => {
    const list = await handlers['profiles:list'](undefined);
    expect(list.ok && list.value.profiles[0].demo).toBe(true);
    const settings = await handlers['settings:get'](undefined);
    expect(settings.ok && settings.value.activeProfileId).toBe('demo');
  });

  it('turns an unexpected exception into an internal error without a stack', async () => {
    services.profiles.list = () => {
      throw new Error('boom\n    at secret (file.ts:1:1)');
    };
    const r = await handlers['profiles:list'](undefined);
    expect(r).toEqual({
      ok: false,
      error: expect.objectContaining({ kind: 'internal', message: expect.stringContaining('boom') }),
    });
    expect(JSON.stringify(r)).not.toContain('secret');
  });

  it('opens allow-listed https links, asks for others, refuses other schemes', async () => {
    expect(await handlers['shell:open-external']({ url: 'https://www.openstreetmap.org/copyright' })).toEqual(
      { ok: true, value: true },
    );
    expect(await handlers['shell:open-external']({ url: 'https://evil.example.com/' })).toEqual({
      ok: true,
      value: false,
    });
    expect(confirms).toHaveLength(1);
    expect(await handlers['shell:open-external']({ url: 'javascript:alert(1)' })).toEqual({
      ok: true,
      value: false,
    });
    expect(await handlers['shell:open-external']({ url: 'file:///etc/passwd' })).toEqual({
      ok: true,
      value: false,
    });
    expect(opened).toEqual(['https://www.openstreetmap.org/copyright']);
  });
});

/**
 * The token belongs to the origin it was given for: saving a profile whose base URL moves to another
 * origin clears it, unless the user confirmed in the profile form; the new origin never receives it unasked.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { createIpcHandlers, type IpcHandlers } from '../../../../../electron/main/ipc/handlers/index';
import { createAppServices, type AppServices } from '../../../../../services/app-services';
import type { Keychain } from '../../../../../services/storage/token-store';
import { DEFAULT_MAX_BYTES, type ProfileInput } from '../../../../../shared/domain/profile';
import {
  MOCK_PREFIXES,
  startMockOcpiServer,
  type MockOcpiServer,
} from '../../../../../tools/mock-api/server';

const TOKEN = 'origin-bound-token-0123456789';
let serverA: MockOcpiServer;
let serverB: MockOcpiServer;
beforeAll(async () => {
  serverA = await startMockOcpiServer({ token: TOKEN });
  serverB = await startMockOcpiServer({ token: TOKEN });
});
afterAll(async () => {
  await serverA.close();
  await serverB.close();
});

/** A keychain in memory, so the test covers the stored (not only the run-only) token. */
function memoryKeychain(): Keychain {
  const entries = new Map<string, string>();
  return {
    getPassword: async (s, a) => entries.get(`${s}/${a}`) ?? null,
    setPassword: async (s, a, p) => void entries.set(`${s}/${a}`, p),
    deletePassword: async (s, a) => entries.delete(`${s}/${a}`),
  };
}

let dir: string;
let handlers: IpcHandlers;
let services: AppServices;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'profile-origin-'));
  const keychain = memoryKeychain();
  services = await createAppServices({ userDataDir: dir, keychain: async () => keychain });
  handlers = createIpcHandlers(services, {
    emit: () => undefined,
    dialogs: {
      chooseOpenPath: async () => null,
      chooseSavePath: async () => null,
      confirm: async () => false,
    },
  });
});
afterEach(async () => {
  // A fetch answers before its history write; let that finish before the folder goes.
  await services.history.list();
  await rm(dir, { recursive: true, force: true });
});

const profileAt = (server: MockOcpiServer, path: string = MOCK_PREFIXES.vendor): ProfileInput => ({
  name: 'Moving',
  baseUrl: `${server.baseUrl}${path}`,
  flavour: 'vendor',
  auth: { kind: 'token' },
  base64Token: false,
  timeouts: { connectMs: 1000, totalMs: 5000 },
  maxBytes: DEFAULT_MAX_BYTES,
});

const sentToken = (server: MockOcpiServer): boolean =>
  server.requests.some((r) => JSON.stringify(r.headers).includes(TOKEN));

async function savedWithToken(): Promise<string> {
  const saved = await handlers['profiles:save'](profileAt(serverA));
  if (!saved.ok) throw new Error(saved.error.message);
  const set = await handlers['token:set']({ profileId: saved.value.id, token: TOKEN, memoryOnly: false });
  expect(set.ok && set.value.status).toBe('set');
  const fetched = await handlers['session:fetch']({
    requestId: 'a',
    profileId: saved.value.id,
    sessionId: 'gen-2',
  });
  expect(fetched.ok).toBe(true);
  return saved.value.id;
}

it('clears the token when the base URL moves to another origin, so the new host never gets it', async () => {
  const id = await savedWithToken();
  expect(sentToken(serverA)).toBe(true);
  const before = serverB.requests.length;
  const moved = await handlers['profiles:save']({ ...profileAt(serverB), id });
  expect(moved.ok).toBe(true);
  expect(await handlers['token:state']({ profileId: id })).toEqual({
    ok: true,
    value: { profileId: id, status: 'unset' },
  });
  const r = await handlers['session:fetch']({ requestId: 'b', profileId: id, sessionId: 'gen-2' });
  expect(r.ok ? null : r.error.kind).toBe('no-token');
  expect(serverB.requests.length).toBe(before);
  expect(sentToken(serverB)).toBe(false);
});

it('keeps the token for the new origin only when the user confirmed it', async () => {
  const id = await savedWithToken();
  const moved = await handlers['profiles:save']({ ...profileAt(serverB), id, keepTokenForNewOrigin: true });
  expect(moved.ok).toBe(true);
  const r = await handlers['session:fetch']({ requestId: 'c', profileId: id, sessionId: 'gen-2' });
  expect(r.ok).toBe(true);
  expect(sentToken(serverB)).toBe(true);
});

it('keeps the token when only the path on the same origin changes', async () => {
  const id = await savedWithToken();
  const samePlace = await handlers['profiles:save']({
    ...profileAt(serverA, MOCK_PREFIXES['ocpi-2.1.1']),
    id,
  });
  expect(samePlace.ok).toBe(true);
  const state = await handlers['token:state']({ profileId: id });
  expect(state.ok && state.value.status).toBe('set');
});

it('clears the token when only the OCPI versions URL moves to another origin', async () => {
  const id = await savedWithToken();
  const withVersions = {
    ...profileAt(serverA),
    id,
    ocpi: { versionsUrl: `${serverA.baseUrl}/ocpi/versions` },
  };
  expect((await handlers['profiles:save'](withVersions)).ok).toBe(true);
  const kept = await handlers['token:state']({ profileId: id });
  expect(kept.ok && kept.value.status).toBe('set');
  const moved = { ...withVersions, ocpi: { versionsUrl: `${serverB.baseUrl}/ocpi/versions` } };
  expect((await handlers['profiles:save'](moved)).ok).toBe(true);
  const cleared = await handlers['token:state']({ profileId: id });
  expect(cleared.ok && cleared.value.status).toBe('unset');
});

it('refuses a keep-token choice that is not a boolean', async () => {
  const r = await handlers['profiles:save']({ ...profileAt(serverA), keepTokenForNewOrigin: 'yes' });
  expect(r.ok ? null : r.error.kind).toBe('invalid-argument');
});

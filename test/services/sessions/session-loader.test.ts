import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SESSIONS } from '../../../shared/demo/catalog';
import { DEFAULT_MAX_BYTES, type Profile } from '../../../shared/domain/profile';
import { createAppServices, type AppServices } from '../../../services/app-services';
import { demoTransport } from '../../../services/http/demo-transport';
import { nodeTransport } from '../../../services/http/http-transport';
import { DEMO_PROFILE } from '../../../services/storage/profiles';
import { separateLocationId } from '../../../services/sessions/assemble-loaded';
import { loadSession } from '../../../services/sessions/session-loader';
import { MOCK_PREFIXES, startMockOcpiServer, type MockOcpiServer } from '../../../tools/mock-api/server';

let mock: MockOcpiServer;
beforeAll(async () => {
  mock = await startMockOcpiServer();
});
afterAll(() => mock.close());

const client = { transport: nodeTransport, retryDelaysMs: [5, 5] };
const profile = (flavour: Profile['flavour']): Profile => ({
  id: 'p',
  name: 'Local',
  baseUrl: `${mock.baseUrl}${MOCK_PREFIXES[flavour]}`,
  flavour,
  auth: { kind: 'token' },
  base64Token: false,
  timeouts: { connectMs: 1000, totalMs: 5000 },
  maxBytes: DEFAULT_MAX_BYTES,
});

describe('loadSession', () => {
  it('fetches the Location of an OCPI 2.2.1 session and hands it to the reader', async () => {
    const r = await loadSession(
      { profile: profile('ocpi-2.2.1'), sessionId: 'gen-30', token: mock.token },
      client,
    );
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.session.location?.evses.length).toBeGreaterThan(1);
    expect(r.value.source.locationFetch?.url).toMatch(/\/locations\/LOC-ZUIDAS$/);
    expect(r.value.rawLocationText).toContain('LOC-ZUIDAS');
    expect(r.value.source).toMatchObject({ kind: 'fetch', flavour: 'ocpi-2.2.1', profileName: 'Local' });
    expect(r.value.warnings.filter((w) => /Location/.test(w.message))).toEqual([]);
  });

  it('sends the session and its Location GET under one correlation id, and keeps both', async () => {
    const before = mock.requests.length;
    const r = await loadSession(
      { profile: profile('ocpi-2.2.1'), sessionId: 'gen-30', token: mock.token },
      client,
    );
    if (!r.ok) throw new Error(r.error.message);
    const sent = mock.requests.slice(before);
    expect(sent).toHaveLength(2);
    expect(new Set(sent.map((x) => x.headers['x-correlation-id'])).size).toBe(1);
    expect(r.value.source.requests?.map((m) => m.requestId)).toEqual(
      sent.map((x) => x.headers['x-request-id']),
    );
    expect(r.value.source.requests?.[0].correlationId).toBe(sent[0].headers['x-correlation-id']);
  });

  it('still shows the session, with a warning, when the Location GET fails', async () => {
    const r = await loadSession(
      { profile: profile('ocpi-2.2.1'), sessionId: 'fault-location-404', token: mock.token },
      client,
    );
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.session.location).toBeNull();
    expect(r.value.warnings[0].message).toMatch(/LOC-MISSING could not be fetched.*HTTP 404/);
  });

  it('a failed Location GET is a LOCATION_UNAVAILABLE finding, and its 404 does not blame the session id', async () => {
    const r = await loadSession(
      { profile: profile('ocpi-2.2.1'), sessionId: 'fault-location-404', token: mock.token },
      client,
    );
    if (!r.ok) throw new Error(r.error.message);
    const finding = r.value.checks.find((c) => c.code === 'LOCATION_UNAVAILABLE');
    expect(finding).toMatchObject({ severity: 'warning', message: expect.stringMatching(/LOC-MISSING/) });
    expect(finding?.message).toMatch(/the Location id is unknown/);
    expect(finding?.message).not.toMatch(/session id/);
  });

  it('never sends the token-bearing GET to a parent path for a server-sent location_id of ".."', async () => {
    const before = mock.requests.length;
    const r = await loadSession(
      { profile: profile('ocpi-2.2.1'), sessionId: 'fault-location-dotdot', token: mock.token },
      client,
    );
    if (!r.ok) throw new Error(r.error.message);
    expect(mock.requests.slice(before).map((q) => q.path)).toEqual([
      `${MOCK_PREFIXES['ocpi-2.2.1']}/sessions/fault-location-dotdot`,
    ]);
    expect(r.value.checks.find((c) => c.code === 'LOCATION_UNAVAILABLE')?.message).toMatch(
      /Location id contains "\.\."/,
    );
  });

  it('reads a session whose envelope says 1001, with the code as a warning', async () => {
    const r = await loadSession(
      { profile: profile('vendor'), sessionId: 'fault-echo-1001', token: mock.token },
      client,
    );
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.session.ids.id).toBe('gen-10');
    expect(r.value.warnings.some((w) => w.path === 'status_code' && /1001/.test(w.message))).toBe(true);
  });

  it.each([
    ['the client', 'fault-2003', 'envelope-status'],
    ['the reader', 'fault-no-data', 'envelope-no-data'],
  ])('an error from %s carries the request id of the fetch', async (_from, sessionId, kind) => {
    const r = await loadSession({ profile: profile('vendor'), sessionId, token: mock.token }, client);
    expect(r.ok ? null : r.error).toMatchObject({ kind, status: 200 });
    expect(r.ok ? null : r.error.requestId).toBe(mock.requests.at(-1)?.headers['x-request-id']);
  });

  it('makes one GET for sessions that embed their location (vendor, 2.1.1)', async () => {
    for (const flavour of ['vendor', 'ocpi-2.1.1'] as const) {
      const before = mock.requests.length;
      const r = await loadSession(
        { profile: profile(flavour), sessionId: 'gen-10', token: mock.token },
        client,
      );
      expect(r.ok).toBe(true);
      expect(mock.requests.length - before).toBe(1);
    }
  });

  it('reports progress for both phases', async () => {
    const phases = new Set<string>();
    await loadSession(
      {
        profile: profile('ocpi-2.2.1'),
        sessionId: 'gen-20',
        token: mock.token,
        onProgress: (p) => phases.add(p.phase),
      },
      client,
    );
    expect([...phases].sort()).toEqual(['location', 'session']);
  });

  it('finds the separate location id only when the Location is not embedded', () => {
    // Envelopes as the reader opens them: with a status code (a bare `{data}` is not an envelope).
    const ok = { status_code: 1000 };
    expect(separateLocationId({ ...ok, data: { location_id: 'L1' } })).toBe('L1');
    expect(separateLocationId({ location_id: 'L1' })).toBe('L1');
    expect(separateLocationId({ ...ok, data: { location_id: 'L1', location: { id: 'L1' } } })).toBeNull();
    expect(separateLocationId({ ...ok, data: {} })).toBeNull();
    expect(separateLocationId({ status_code: 1001, data: [{ location_id: 'L2' }] })).toBe('L2');
    expect(separateLocationId({ status_code: 2003, data: { location_id: 'L1' } })).toBeNull();
  });
});

describe('the Demo profile', () => {
  it.each(DEMO_SESSIONS.filter((s) => s.id !== 'demo-long'))(
    'serves $id through the client with no token',
    async ({ id }) => {
      const r = await loadSession(
        { profile: DEMO_PROFILE, sessionId: id, token: null },
        { transport: demoTransport },
      );
      if (!r.ok) throw new Error(r.error.message);
      expect(r.value.source.kind).toBe('demo');
      expect(r.value.source.fetch?.status).toBe(200);
      expect(r.value.session.location).not.toBeNull();
    },
  );

  it('answers an unknown demo id with not-found', async () => {
    const r = await loadSession(
      { profile: DEMO_PROFILE, sessionId: 'nope', token: null },
      { transport: demoTransport },
    );
    expect(r.ok ? null : r.error.kind).toBe('not-found');
    expect(r.ok ? '' : r.error.message).toContain(`demo ids, closest first: ${DEMO_SESSIONS[0].id}`);
  });

  it.each(DEMO_SESSIONS.map((s) => s.id))('a typo of %s names it first', async (id) => {
    const typo = `${id.slice(0, -1)}#`;
    const r = await loadSession(
      { profile: DEMO_PROFILE, sessionId: typo, token: null },
      { transport: demoTransport },
    );
    expect(r.ok ? '' : r.error.message).toContain(`closest first: ${id},`);
  });
});

describe('createAppServices().fetchSession', () => {
  let dir: string;
  let services: AppServices;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'services-'));
    services = await createAppServices({
      userDataDir: dir,
      keychain: async () => {
        throw new Error('no keychain in this test');
      },
    });
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('uses a memory token for a real profile and needs none for the Demo profile', async () => {
    const { id: _id, ...input } = profile('vendor');
    const saved = await services.profiles.save(input);
    if (!saved.ok) throw new Error(saved.error.message);
    const noToken = await services.fetchSession({ profileId: saved.value.id, sessionId: 'gen-5' });
    expect(noToken.ok ? null : noToken.error.kind).toBe('keychain-unavailable');
    await services.tokens.set(saved.value.id, mock.token, true);
    expect((await services.fetchSession({ profileId: saved.value.id, sessionId: 'gen-5' })).ok).toBe(true);
    expect((await services.fetchSession({ profileId: 'demo', sessionId: 'demo-vendor-ac' })).ok).toBe(true);
    const unknown = await services.fetchSession({ profileId: 'gone', sessionId: 'x' });
    expect(unknown.ok ? null : unknown.error.kind).toBe('unknown-profile');
  });
});

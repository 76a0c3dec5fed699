/** The app's fetch by id for a profile with OCPI settings, against the spec-conformant local server. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeTransport } from '../../../services/http/http-transport';
import { loadSession } from '../../../services/sessions/session-loader';
import { datasetSessionId } from '../../../shared/demo/session-dataset';
import { DEFAULT_MAX_BYTES, type Profile } from '../../../shared/domain/profile';
import type { OcpiProfileSettings } from '../../../shared/ocpi/profile-settings';
import { type MockOcpiServer, type Scenario, startOcpiServer } from '../../../tools/mock-api/ocpi-server';

let server: MockOcpiServer;
beforeAll(async () => {
  // Sessions over the last 20 hours, so a search back from now finds them.
  server = await startOcpiServer({
    sessions: 300,
    maxPageSize: 50,
    startAt: new Date(Date.now() - 300 * 4 * 60_000).toISOString(),
  });
});
afterAll(() => server.close());

const profile = (scenario: Scenario, ocpi: Partial<OcpiProfileSettings> = {}): Profile => ({
  id: 'p',
  name: 'CPO',
  baseUrl: server.baseUrl,
  flavour: 'ocpi-2.2.1',
  auth: { kind: 'token' },
  base64Token: false,
  timeouts: { connectMs: 2000, totalMs: 10_000 },
  maxBytes: DEFAULT_MAX_BYTES,
  ocpi: { versionsUrl: server.versionsUrl(scenario), ...ocpi },
});
const load = (p: Profile, sessionId: string) =>
  loadSession(
    { profile: p, sessionId, token: server.token },
    { transport: nodeTransport, retryDelaysMs: [] },
  );

describe('fetch by id on an OCPI profile', () => {
  it('on a Sender finds the session by listing (never {sessions}/{id}) and fetches its Location', async () => {
    const before = server.requests.length;
    const id = datasetSessionId(250);
    const r = await load(profile('sender-only'), id);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.session.ids.id).toBe(id);
    expect(r.value.session.location?.id).toBe('LOC-ZUIDAS');
    expect(r.value.source.locationFetch?.url).toMatch(/\/sender\/locations\/LOC-ZUIDAS$/);
    const sent = server.requests.slice(before);
    expect(sent.every((x) => !/\/sender\/sessions\/[^?]/.test(x.path))).toBe(true);
    expect(new Set(sent.map((x) => x.headers['x-correlation-id'])).size).toBe(1);
  });

  it('keeps every GET of the fetch, discovery and list pages included, with the ids that were sent', async () => {
    const before = server.requests.length;
    const r = await load(profile('sender-only'), datasetSessionId(250));
    if (!r.ok) throw new Error(r.error.message);
    const kept = r.value.source.requests ?? [];
    const sent = server.requests.slice(before);
    expect(kept.map((m) => m.requestId)).toEqual(sent.map((x) => x.headers['x-request-id']));
    expect(kept[0].url).toBe(server.versionsUrl('sender-only'));
    expect(kept.some((m) => /\/sender\/sessions\?/.test(m.url))).toBe(true);
    expect(kept.at(-1)).toEqual(r.value.source.locationFetch);
    expect(new Set(kept.map((m) => m.correlationId))).toEqual(new Set([sent[0].headers['x-correlation-id']]));
  });

  it('on a Receiver with the profile’s party GETs by country, party and id; an old ACTIVE session is SESSION_STALE', async () => {
    const id = datasetSessionId(7);
    const r = await load(profile('', { countryCode: 'NL', partyId: 'SIN' }), id);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.source.fetch?.url).toMatch(new RegExp(`/receiver/sessions/NL/SIN/${id}$`));
    expect(r.value.session.status).toBe('ACTIVE');
    expect(r.value.checks.map((c) => c.code)).toContain('SESSION_STALE');
  });

  it('SESSION_STALE follows the threshold it is given (the user’s setting)', async () => {
    const r = await loadSession(
      {
        profile: profile('', { countryCode: 'NL', partyId: 'SIN' }),
        sessionId: datasetSessionId(7),
        token: server.token,
        staleMinutes: 1440,
      },
      { transport: nodeTransport, retryDelaysMs: [] },
    );
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.session.status).toBe('ACTIVE');
    expect(r.value.checks.map((c) => c.code)).not.toContain('SESSION_STALE');
  });

  it('an unknown id says where it looked', async () => {
    const r = await load(profile('sender-only'), 'NOPE');
    expect(!r.ok && r.error.kind).toBe('not-found');
    expect(!r.ok && r.error.message).toMatch(/Session NOPE is not among the \d+ sessions last updated/);
  });
});

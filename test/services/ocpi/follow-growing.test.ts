/**
 * Live follow against the local server's `growing-session` scenario, where the ACTIVE session GROW-1 gains a
 * charging period on every sessions request: each tick brings the newer session (Receiver: GET by id;
 * Sender: a list from the last last_updated seen), and the app's tick reads it under the same key with its
 * periods, kWh and SESSION_STALE by the user's threshold.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../../services/app-services';
import { nodeTransport } from '../../../services/http/http-transport';
import { discover } from '../../../services/ocpi/discovery';
import { followOnce, type FollowTarget } from '../../../services/ocpi/follow-session';
import { OcpiConnection } from '../../../services/ocpi/ocpi-connection';
import { GROWING_BASE_PERIODS, GROWING_SESSION_ID } from '../../../shared/demo/growing-session';
import { byIdInterface } from '../../../shared/ocpi/interfaces';
import { rawLastUpdated } from '../../../shared/ocpi/session-rows';
import { type MockOcpiServer, type Scenario, startOcpiServer } from '../../../tools/mock-api/ocpi-server';
import { ocpiProfileInput } from '../../fixtures/ocpi-profile';

const COUNT = 30;
const SPACING_MIN = 2;
let server: MockOcpiServer;
beforeAll(async () => {
  // The dataset ends now; GROW-1 starts an hour before its end.
  server = await startOcpiServer({
    sessions: COUNT,
    spacingMinutes: SPACING_MIN,
    startAt: new Date(Date.now() - COUNT * SPACING_MIN * 60_000).toISOString(),
  });
});
afterAll(() => server.close());

interface Raw {
  id: string;
  status: string;
  kwh: number;
  charging_periods: { dimensions: { type: string; volume: number }[] }[];
}
const raw = (session: unknown): Raw => session as Raw;
const PARTY = { countryCode: 'NL', partyId: 'SIN' };
const KEY = `NL/SIN/${GROWING_SESSION_ID}`;

async function target(scenario: Scenario, role: 'receiver' | 'sender') {
  const conn = new OcpiConnection({ token: server.token, transport: nodeTransport, retryDelaysMs: [] });
  const d = await discover(conn, server.versionsUrl(scenario), { correlationId: 'c', fixedVersion: '2.2.1' });
  if (!d.ok) throw new Error(d.error.message);
  const endpoints =
    role === 'sender' ? d.value.endpoints.filter((e) => e.role === 'SENDER') : d.value.endpoints;
  const via = byIdInterface(endpoints, 'sessions', role === 'receiver' ? PARTY : null);
  if (!via.ok) throw new Error(via.error.message);
  expect(via.value.kind).toBe(role);
  const t: FollowTarget = { via: via.value, id: GROWING_SESSION_ID, key: KEY };
  return { conn, t };
}

const growingRequests = () => server.requests.filter((r) => r.path.startsWith('/growing-session/'));

describe('the growing-session scenario', () => {
  it('Receiver: every GET by id has one period more, more kWh and a later last_updated', async () => {
    const { conn, t } = await target('growing-session', 'receiver');
    const seen: Raw[] = [];
    const stamps: number[] = [];
    for (let i = 0; i < 3; i++) {
      const tick = await followOnce(conn, t, null);
      if (!tick.ok) throw new Error(tick.error.message);
      seen.push(raw(tick.value.session));
      stamps.push(tick.value.lastSeen!);
    }
    expect(growingRequests().at(-1)?.path).toBe(`/growing-session/ocpi/2.2.1/receiver/sessions/${KEY}`);
    const counts = seen.map((s) => s.charging_periods.length);
    expect(counts[1] - counts[0]).toBe(1);
    expect(counts[2] - counts[1]).toBe(1);
    expect(counts[0]).toBeGreaterThanOrEqual(GROWING_BASE_PERIODS);
    expect(seen.every((s) => s.status === 'ACTIVE')).toBe(true);
    expect(seen[1].kwh).toBeGreaterThan(seen[0].kwh);
    expect(seen[2].kwh).toBeGreaterThan(seen[1].kwh);
    expect(stamps[1] - stamps[0]).toBe(30_000);
    expect(stamps[2] - stamps[1]).toBe(30_000);
    // The periods already sent stay as they were: the session only extends.
    expect(seen[2].charging_periods.slice(0, counts[0])).toEqual(seen[0].charging_periods);
    // kWh is what its periods sum to.
    const sum = seen[2].charging_periods
      .flatMap((p) => p.dimensions)
      .filter((d) => d.type === 'ENERGY')
      .reduce((a, d) => a + d.volume, 0);
    expect(seen[2].kwh).toBeCloseTo(sum, 6);
  });

  it('Sender: each tick lists from the last last_updated seen and picks out the grown session', async () => {
    const { conn, t } = await target('growing-session', 'sender');
    const first = await followOnce(conn, t, null);
    if (!first.ok) throw new Error(first.error.message);
    const seen = first.value.lastSeen!;
    const second = await followOnce(conn, t, seen);
    if (!second.ok) throw new Error(second.error.message);
    const path = new URL(growingRequests().at(-1)!.path, 'http://x');
    expect(path.pathname).toBe('/growing-session/ocpi/2.2.1/sender/sessions');
    expect(Date.parse(path.searchParams.get('date_from')!)).toBe(seen);
    expect(path.searchParams.has('date_to')).toBe(false);
    expect(raw(second.value.session).charging_periods.length).toBe(
      raw(first.value.session).charging_periods.length + 1,
    );
    expect(second.value.lastSeen).toBe(seen + 30_000);
    expect(rawLastUpdated(second.value.session)).toBe(second.value.lastSeen);
    // No request ever went to {sessions}/{id} on the Sender.
    expect(growingRequests().some((r) => /\/sender\/sessions\/[^?]/.test(r.path))).toBe(false);
  });

  it('other scenarios are untouched: the conformant server has no GROW-1', async () => {
    const { conn, t } = await target('', 'receiver');
    const tick = await followOnce(conn, t, null);
    expect(tick.ok ? 'found' : tick.error.kind).toBe('not-found');
  });
});

describe("the app's follow tick on the growing session", () => {
  let dir: string;
  let services: AppServices;
  let profileId: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'follow-growing-'));
    services = await createAppServices({
      userDataDir: dir,
      keychain: async () => {
        throw new Error('no keychain here');
      },
      client: { retryDelaysMs: [] },
    });
    const saved = await services.profiles.save(
      ocpiProfileInput(server.baseUrl, {
        versionsUrl: server.versionsUrl('growing-session'),
        version: '2.2.1',
      }),
    );
    if (!saved.ok) throw new Error(saved.error.message);
    profileId = saved.value.id;
    await services.tokens.set(profileId, server.token, true);
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('reads the newer session under the same key: one period more, its kWh, SESSION_STALE by the setting', async () => {
    const fetched = await services.fetchSession({ profileId, sessionId: KEY });
    if (!fetched.ok) throw new Error(fetched.error.message);
    const first = fetched.value;
    expect(first.checks.map((c) => c.code)).toContain('SESSION_STALE');
    await services.settings.update({ staleMinutes: 1440 });
    const tick = await services.ocpi.followTick(profileId, first);
    if (!tick.ok) throw new Error(tick.error.message);
    const next = tick.value.loaded;
    expect(tick.value).toMatchObject({ updated: true, followable: true });
    expect(next.key).toBe(first.key);
    expect(next.session.periods.count).toBe(first.session.periods.count + 1);
    expect(next.session.kwh).toBeGreaterThan(first.session.kwh!);
    expect(next.session.lastUpdated).toBe(first.session.lastUpdated! + 30_000);
    expect(next.checks.map((c) => c.code)).not.toContain('SESSION_STALE');
  });

  it('a tick that brings a newer session lists its own GETs, not the first fetch’s', async () => {
    const fetched = await services.fetchSession({ profileId, sessionId: KEY });
    if (!fetched.ok) throw new Error(fetched.error.message);
    const before = server.requests.length;
    const tick = await services.ocpi.followTick(profileId, fetched.value);
    if (!tick.ok) throw new Error(tick.error.message);
    const sent = server.requests.slice(before).map((r) => r.headers['x-request-id']);
    const kept = tick.value.loaded.source.requests ?? [];
    expect(kept.map((m) => m.requestId)).toEqual(sent);
    expect(kept.at(-1)).toEqual(tick.value.loaded.source.fetch);
  });
});

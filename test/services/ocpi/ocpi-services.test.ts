/** The OCPI services against the spec-conformant local server (tools/mock-api/ocpi-server.ts). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discover } from '../../../services/ocpi/discovery';
import { fetchLocation } from '../../../services/ocpi/fetch-location';
import { findSession } from '../../../services/ocpi/find-session';
import { followOnce } from '../../../services/ocpi/follow-session';
import { OcpiConnection } from '../../../services/ocpi/ocpi-connection';
import { listSessions } from '../../../services/ocpi/session-lister';
import { nodeTransport } from '../../../services/http/http-transport';
import { datasetSessionId } from '../../../shared/demo/session-dataset';
import { byIdInterface, listInterface } from '../../../shared/ocpi/interfaces';
import { rawLastUpdated } from '../../../shared/ocpi/session-rows';
import type { Endpoint } from '../../../shared/ocpi/versions';
import { type MockOcpiServer, type Scenario, startOcpiServer } from '../../../tools/mock-api/ocpi-server';

let server: MockOcpiServer;
beforeAll(async () => {
  server = await startOcpiServer({ sessions: 300, maxPageSize: 25, token: 'ocpi-test-token-1234' });
});
afterAll(() => server.close());

const FROM = Date.parse('2024-05-01T00:00:00Z');
const TO = Date.parse('2024-05-01T12:00:00Z');
const connect = (opts: Partial<ConstructorParameters<typeof OcpiConnection>[0]> = {}) =>
  new OcpiConnection({ token: server.token, transport: nodeTransport, retryDelaysMs: [], ...opts });

async function discovered(scenario: Scenario = '', version?: string, conn = connect()) {
  const d = await discover(conn, server.versionsUrl(scenario), {
    correlationId: 'corr-1',
    fixedVersion: version,
  });
  if (!d.ok) throw new Error(d.error.message);
  return { conn, ...d.value };
}
const sendersUrl = (endpoints: Endpoint[]) => {
  const url = listInterface(endpoints, 'sessions');
  if (!url.ok) throw new Error(url.error.message);
  return url.value;
};
const requestsSince = (n: number) => server.requests.slice(n);

describe('discovery', () => {
  it('picks the highest mutual version, with roles, in the spec token form', async () => {
    const before = server.requests.length;
    const d = await discovered();
    expect(d.version).toBe('2.3.0');
    expect(d.tokenForm).toBe('base64');
    expect(d.tokenFormFallback).toBeNull();
    expect(d.endpoints).toContainEqual({
      identifier: 'sessions',
      role: 'SENDER',
      url: `${server.baseUrl}/ocpi/2.3.0/sender/sessions`,
    });
    const sent = requestsSince(before);
    expect(sent.map((r) => r.path)).toEqual(['/ocpi/versions', '/ocpi/2.3.0']);
    expect(
      sent.every((r) => r.headers.authorization === `Token ${Buffer.from(server.token).toString('base64')}`),
    ).toBe(true);
    expect(sent.every((r) => r.headers['x-correlation-id'] === 'corr-1')).toBe(true);
    expect(new Set(sent.map((r) => r.headers['x-request-id'])).size).toBe(2);
  });

  it('2.1.1 has no roles and takes the plain token', async () => {
    const d = await discovered('', '2.1.1');
    expect(d.version).toBe('2.1.1');
    expect(d.tokenForm).toBe('plain');
    expect(d.endpoints.every((e) => e.role === null)).toBe(true);
    expect(server.requests.at(-1)?.headers.authorization).toBe(`Token ${server.token}`);
  });

  it('starts from a version details URL too', async () => {
    const conn = connect();
    const d = await discover(conn, `${server.baseUrl}/ocpi/2.2.1`, { correlationId: 'c' });
    expect(d.ok && d.value.version).toBe('2.2.1');
  });

  it('never sends the token to endpoints on another site than the versions URL', async () => {
    const before = server.requests.length;
    const conn = connect();
    // localhost and 127.0.0.1 are different origins: the details name their endpoints on 127.0.0.1.
    const d = await discover(conn, `${server.baseUrl.replace('127.0.0.1', 'localhost')}/ocpi/2.2.1`, {
      correlationId: 'c',
    });
    if (!d.ok) throw new Error(d.error.message);
    const r = await listSessions(conn, {
      url: sendersUrl(d.value.endpoints),
      dateFrom: FROM,
      dateTo: TO,
      correlationId: 'c',
    });
    expect(r.failure?.error.kind).toBe('redirect-cross-origin');
    expect(r.failure?.error.message).toMatch(/token was not sent there/);
    expect(requestsSince(before).map((x) => x.path)).toEqual(['/ocpi/2.2.1']);
  });

  it('on a 401 tries the other token form once and reports the one that worked', async () => {
    const d = await discovered('inverted-tokens', '2.2.1');
    expect(d.tokenForm).toBe('plain');
    expect(d.tokenFormFallback).toEqual({ from: 'base64', to: 'plain' });
    const statuses = server.requests.slice(-2).map((r) => r.status);
    expect(statuses).toEqual([401, 200]);
  });

  it('an explicit token form is not second-guessed', async () => {
    const conn = connect({ tokenForm: 'base64' });
    const d = await discover(conn, server.versionsUrl('inverted-tokens'), {
      correlationId: 'c',
      fixedVersion: '2.2.1',
    });
    expect(!d.ok && d.error.kind).toBe('unauthorized');
    expect(!d.ok && d.error.hint).toMatch(/fixes the token form to base64/);
  });

  it('a wrong token is refused in both forms, and said so', async () => {
    const conn = connect({ token: 'wrong-token-xyz' });
    const d = await discover(conn, server.versionsUrl(), { correlationId: 'c' });
    expect(!d.ok && d.error.message).toMatch(/both Base64-encoded and plain/);
  });
});

describe('listing on the Sender', () => {
  it('follows the opaque Link cursor to every session of [from, to), with X-Total-Count and X-Limit', async () => {
    const { conn, endpoints } = await discovered();
    const before = server.requests.length;
    const pages: number[] = [];
    const r = await listSessions(conn, {
      url: sendersUrl(endpoints),
      dateFrom: FROM,
      dateTo: TO,
      limit: 50,
      correlationId: 'list-1',
      onPage: (p) => pages.push(p.sessions),
    });
    expect(r.failure).toBeNull();
    expect(r.serverLimit).toBe(25);
    expect(r.totalCount).toBe(r.rows.length);
    expect(r.rows.length).toBeGreaterThan(100);
    expect(r.rows.every((row) => rawLastUpdated(row)! >= FROM && rawLastUpdated(row)! < TO)).toBe(true);
    expect(new Set(r.rows.map((row) => (row as { id: string }).id)).size).toBe(r.rows.length);
    expect(pages.length).toBe(Math.ceil(r.rows.length / 25));
    const paths = requestsSince(before).map((x) => x.path);
    expect(paths[0]).toMatch(/date_from=2024-05-01T00%3A00%3A00Z&date_to=2024-05-01T12%3A00%3A00Z&limit=50$/);
    expect(paths.slice(1).every((p) => /\?cursor=[\w-]+$/.test(p))).toBe(true);
  });

  it('hands each page on while the next one is already requested', async () => {
    let sent = 0;
    const conn = connect({
      transport: (req) => {
        sent++;
        return nodeTransport(req);
      },
    });
    const { endpoints } = await discovered('', undefined, conn);
    const atHandOver: number[] = [];
    const r = await listSessions(conn, {
      url: sendersUrl(endpoints),
      dateFrom: FROM,
      dateTo: TO,
      limit: 25,
      correlationId: 'c',
      onRows: (rows) => atHandOver.push(sent - 2, rows.length),
    });
    // [requests sent when page 1 was handed on, its rows, …]: page n arrives while page n+1 is in flight.
    expect(atHandOver.slice(0, 4)).toEqual([2, 25, 3, 25]);
    expect(atHandOver.at(-2)).toBe(r.pages);
  });

  it('a page that is not a list is a failure, not an empty page', async () => {
    const { conn, endpoints } = await discovered();
    // The Receiver's GET by id answers an object: listed as if it were a Sender page.
    const receiver = endpoints.find((e) => e.identifier === 'sessions' && e.role === 'RECEIVER')!;
    const r = await listSessions(conn, {
      url: `${receiver.url}/NL/SIN/${datasetSessionId(1)}`,
      dateFrom: FROM,
      dateTo: TO,
      correlationId: 'c',
    });
    expect(r.failure?.error.message).toMatch(/not a list of sessions/);
    expect(r.failure?.missing).toEqual({ from: FROM, to: TO });
  });

  it('a server that ignores limit is still read completely', async () => {
    const { conn, endpoints } = await discovered('ignores-limit');
    const r = await listSessions(conn, {
      url: sendersUrl(endpoints),
      dateFrom: FROM,
      dateTo: TO,
      limit: 5,
      correlationId: 'c',
    });
    expect(r.failure).toBeNull();
    expect(r.rows.length).toBe(r.totalCount);
    expect(r.pages).toBe(Math.ceil(r.rows.length / 25));
  });

  it('a failing page keeps the rows read and says which part of the window is missing', async () => {
    const { conn, endpoints } = await discovered('page-fails-once');
    const url = sendersUrl(endpoints);
    const r = await listSessions(conn, { url, dateFrom: FROM, dateTo: TO, limit: 25, correlationId: 'c' });
    expect(r.failure?.error.kind).toBe('server-error');
    expect(r.rows.length).toBe(50);
    const last = Math.max(...r.rows.map((row) => rawLastUpdated(row)!));
    expect(r.failure?.missing).toEqual({ from: last, to: TO });
    // The page fails once: listing again reads it all.
    const again = await listSessions(conn, {
      url,
      dateFrom: FROM,
      dateTo: TO,
      limit: 25,
      correlationId: 'c',
    });
    expect(again.failure).toBeNull();
    expect(again.rows.length).toBe(again.totalCount);
  });

  it('a rising X-Total-Count needs nothing redone; the new session arrives on the last page', async () => {
    const { conn, endpoints } = await discovered('total-drift-up');
    const r = await listSessions(conn, {
      url: sendersUrl(endpoints),
      dateFrom: FROM,
      dateTo: TO,
      limit: 25,
      correlationId: 'c',
    });
    expect(r.totalCount).toBe(r.firstTotalCount! + 1);
    expect(r.rows.length).toBe(r.totalCount);
    expect(r.notes[0]).toMatch(/rose/);
  });

  it('a falling X-Total-Count with offset links redoes the page with the offset lowered, missing nothing', async () => {
    const reference = await discovered();
    const all = await listSessions(reference.conn, {
      url: sendersUrl(reference.endpoints),
      dateFrom: FROM,
      dateTo: TO,
      limit: 25,
      correlationId: 'c',
    });
    const { conn, endpoints } = await discovered('offset-links');
    const before = server.requests.length;
    const r = await listSessions(conn, {
      url: sendersUrl(endpoints),
      dateFrom: FROM,
      dateTo: TO,
      limit: 25,
      correlationId: 'c',
    });
    expect(r.totalCount).toBe(r.firstTotalCount! - 1);
    expect(r.notes[0]).toMatch(/offset lowered by 1/);
    expect(r.possiblyMissed).toBe(0);
    // Every session of the window is there (the moved one was read on page 1).
    expect(r.rows.length).toBe(all.rows.length);
    expect(requestsSince(before).some((x) => /offset=24&/.test(x.path))).toBe(true);
  });

  it('a falling X-Total-Count with opaque cursors is reported as possibly missing', async () => {
    const { conn, endpoints } = await discovered('total-drift-down');
    const r = await listSessions(conn, {
      url: sendersUrl(endpoints),
      dateFrom: FROM,
      dateTo: TO,
      limit: 25,
      correlationId: 'c',
    });
    expect(r.possiblyMissed).toBe(1);
    expect(r.notes[0]).toMatch(/may be missing/);
  });

  it('cancels through the signal, keeping the rows read', async () => {
    const { conn, endpoints } = await discovered();
    const abort = new AbortController();
    const r = await listSessions(conn, {
      url: sendersUrl(endpoints),
      dateFrom: FROM,
      dateTo: TO,
      limit: 25,
      correlationId: 'c',
      signal: abort.signal,
      onPage: (p) => p.pages === 2 && abort.abort(),
    });
    expect(r.failure?.error.kind).toBe('cancelled');
    expect(r.rows.length).toBe(50);
  });
});

describe('one session by id', () => {
  const target = datasetSessionId(40);

  it('on a Sender lists around the hint and stops at the first match, never GETting {sessions}/{id}', async () => {
    const { conn, endpoints } = await discovered('sender-only');
    const before = server.requests.length;
    const progress: number[] = [];
    const found = await findSession(conn, {
      endpoints,
      ref: { id: target, party: null },
      profileParty: null,
      around: Date.parse('2024-05-01T02:40:00Z'),
      limit: 25,
      correlationId: 'find-1',
      onProgress: (p) => progress.push(p.sessions),
    });
    expect(found.ok && (found.value.session as { id: string }).id).toBe(target);
    expect(found.ok && found.value.via.kind).toBe('sender');
    const sent = requestsSince(before);
    expect(sent.every((r) => !/\/sessions\/[^?]/.test(r.path))).toBe(true);
    expect(sent.every((r) => r.headers['x-correlation-id'] === 'find-1')).toBe(true);
    // It stopped at the page with the match (the 41st session: page 2 of 25) instead of reading all 24 h.
    expect(sent.length).toBe(2);
    expect(progress.length).toBeGreaterThan(0);
  });

  it('widens the window when the hint is off', async () => {
    const { conn, endpoints } = await discovered('sender-only');
    const found = await findSession(conn, {
      endpoints,
      ref: { id: target, party: null },
      profileParty: null,
      around: Date.parse('2024-05-03T12:00:00Z'),
      limit: 100,
      correlationId: 'c',
    });
    expect(found.ok && found.value.searched!.to - found.value.searched!.from).toBeGreaterThan(24 * 3_600_000);
  });

  it('on a Receiver GETs {sessions}/{cc}/{party}/{id}', async () => {
    const { conn, endpoints } = await discovered();
    const before = server.requests.length;
    const found = await findSession(conn, {
      endpoints,
      ref: { id: target, party: { countryCode: 'NL', partyId: 'SIN' } },
      profileParty: null,
      around: null,
      correlationId: 'c',
    });
    expect(found.ok && found.value.via.kind).toBe('receiver');
    expect(requestsSince(before).map((r) => r.path)).toEqual([
      `/ocpi/2.3.0/receiver/sessions/NL/SIN/${target}`,
    ]);
    expect(found.ok && JSON.parse(found.value.text).data.id).toBe(target);
  });

  it('sends the hub routing headers on sessions and locations, never on versions', async () => {
    const hub = { toCountryCode: 'NL', toPartyId: 'SIN', fromCountryCode: 'DE', fromPartyId: 'SUP' };
    const before = server.requests.length;
    const { conn, endpoints } = await discovered('', '2.2.1', connect({ hub }));
    await findSession(conn, {
      endpoints,
      ref: { id: target, party: null },
      profileParty: { countryCode: 'NL', partyId: 'SIN' },
      around: null,
      correlationId: 'c',
    });
    const loc = await fetchLocation(
      conn,
      endpoints,
      'LOC-ZUIDAS',
      { countryCode: 'NL', partyId: 'SIN' },
      { correlationId: 'c' },
    );
    expect(loc.ok).toBe(true);
    const sent = requestsSince(before);
    expect(
      sent.map((r) => [r.path.replace(/\/ocpi\/2\.2\.1/, ''), r.headers['ocpi-to-party-id'] ?? null]),
    ).toEqual([
      ['/ocpi/versions', null],
      ['', null],
      [`/receiver/sessions/NL/SIN/${target}`, 'SIN'],
      ['/receiver/locations/NL/SIN/LOC-ZUIDAS', 'SIN'],
    ]);
    expect(sent[2].headers['ocpi-from-country-code']).toBe('DE');
  });

  it('fetches a Location on the Sender by id when no party is known', async () => {
    const { conn, endpoints } = await discovered('sender-only');
    const loc = await fetchLocation(conn, endpoints, 'LOC-ZUIDAS', null, { correlationId: 'c' });
    expect(loc.ok && server.requests.at(-1)?.path).toBe(
      '/sender-only/ocpi/2.3.0/sender/locations/LOC-ZUIDAS',
    );
    const receiverOnly = await discovered('receiver-only');
    const r = byIdInterface(receiverOnly.endpoints, 'locations', null);
    expect(r.ok).toBe(false);
  });
});

describe('live follow', () => {
  const active = datasetSessionId(7); // every 20th from the 8th is ACTIVE

  it('on a Receiver re-GETs by id', async () => {
    const { conn, endpoints } = await discovered();
    const via = byIdInterface(endpoints, 'sessions', { countryCode: 'NL', partyId: 'SIN' });
    if (!via.ok) throw new Error(via.error.message);
    const tick = await followOnce(conn, { via: via.value, id: active, key: `NL/SIN/${active}` }, null);
    expect(tick.ok && (tick.value.session as { status: string }).status).toBe('ACTIVE');
    expect(server.requests.at(-1)?.path).toBe(`/ocpi/2.3.0/receiver/sessions/NL/SIN/${active}`);
  });

  it('on a Sender lists from the last last_updated seen and picks the session out', async () => {
    const { conn, endpoints } = await discovered('sender-only');
    const via = byIdInterface(endpoints, 'sessions', null);
    if (!via.ok) throw new Error(via.error.message);
    const first = await findSession(conn, {
      endpoints,
      ref: { id: active, party: null },
      profileParty: null,
      around: FROM + 3_600_000,
      correlationId: 'c',
    });
    if (!first.ok) throw new Error(first.error.message);
    const seen = rawLastUpdated(first.value.session);
    const tick = await followOnce(conn, { via: via.value, id: active, key: `NL/SIN/${active}` }, seen);
    expect(tick.ok && (tick.value.session as { id: string }).id).toBe(active);
    expect(tick.ok && tick.value.lastSeen).toBe(seen);
    const path = server.requests.at(-1)!.path;
    expect(new URL(path, 'http://x').searchParams.get('date_from')).toBe(
      new Date(seen!).toISOString().replace('.000Z', 'Z'),
    );
    expect(path).not.toMatch(/date_to/);
  });
});

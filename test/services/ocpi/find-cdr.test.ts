/** Finding a session's CDR and tariffs on the spec-conformant local server's CDRs and Tariffs Sender interfaces. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discover } from '../../../services/ocpi/discovery';
import { fetchTariffs, findCdr } from '../../../services/ocpi/find-cdr';
import { OcpiConnection } from '../../../services/ocpi/ocpi-connection';
import { nodeTransport } from '../../../services/http/http-transport';
import { datasetSessionId, sessionDataset } from '../../../shared/demo/session-dataset';
import { readSession } from '../../../shared/session/read-session';
import { type MockOcpiServer, startOcpiServer } from '../../../tools/mock-api/ocpi-server';

let server: MockOcpiServer;
beforeAll(async () => {
  server = await startOcpiServer({ sessions: 120, maxPageSize: 25, token: 'cdr-test-token-1234' });
});
afterAll(() => server.close());

async function setUp(version: '2.1.1' | '2.2.1') {
  const conn = new OcpiConnection({ token: server.token, transport: nodeTransport, retryDelaysMs: [] });
  const d = await discover(conn, server.versionsUrl(), { correlationId: 'corr-cdr', fixedVersion: version });
  if (!d.ok) throw new Error(d.error.message);
  return { conn, endpoints: d.value.endpoints };
}

function session(version: '2.1.1' | '2.2.1', index: number) {
  const raw = sessionDataset({ count: index + 1, shape: `ocpi-${version}` })[index];
  const read = readSession(raw);
  if (!read.ok) throw new Error(read.error.message);
  return read.session;
}

describe('finding a CDR', () => {
  it('2.2.1: lists CDRs from the session’s end onwards, follows Link, and matches on session_id', async () => {
    const { conn, endpoints } = await setUp('2.2.1');
    const before = server.requests.length;
    // Pages of 2: the CDR sits a few CDRs into the window, so reaching it takes the Link cursor.
    const got = await findCdr(conn, {
      endpoints,
      session: session('2.2.1', 30),
      correlationId: 'corr-cdr',
      limit: 2,
    });
    expect(got.ok).toBe(true);
    if (!got.ok) return;
    expect(got.value.found?.match).toEqual({ by: 'session_id' });
    expect((got.value.found?.cdr as { session_id: string }).session_id).toBe(datasetSessionId(30));
    const sent = server.requests.slice(before).map((r) => r.path);
    expect(sent.every((p) => p.startsWith('/ocpi/2.2.1/sender/cdrs?'))).toBe(true);
    expect(sent.some((p) => p.includes('cursor='))).toBe(true);
    expect(server.requests.slice(before).every((r) => r.headers['x-correlation-id'] === 'corr-cdr')).toBe(
      true,
    );
  });

  it('2.1.1: scores candidates and takes the one whose times match, not its neighbour’s', async () => {
    const { conn, endpoints } = await setUp('2.1.1');
    const got = await findCdr(conn, { endpoints, session: session('2.1.1', 30), correlationId: 'c' });
    expect(got.ok).toBe(true);
    if (!got.ok || !got.value.found) throw new Error('no CDR');
    const match = got.value.found.match;
    expect(match.by).toBe('score');
    if (match.by === 'score') expect(match.score.score).toBe(match.score.max);
    expect((got.value.found.cdr as { id: string }).id).toBe(`CDR-${datasetSessionId(30)}`);
  });

  it('reports what it searched when there is no CDR (an ACTIVE session), for CDR_MISSING', async () => {
    const { conn, endpoints } = await setUp('2.2.1');
    const active = session('2.2.1', 7);
    expect(active.status).toBe('ACTIVE');
    const got = await findCdr(conn, { endpoints, session: active, correlationId: 'c' });
    expect(got.ok && got.value.found).toBe(null);
    if (got.ok) {
      expect(got.value.search.found).toBe(false);
      expect(got.value.search.searched.length).toBeGreaterThan(1);
    }
  });

  it('gets the tariffs by id from the Tariffs Sender list, and says which are missing', async () => {
    const { conn, endpoints } = await setUp('2.2.1');
    const got = await fetchTariffs(conn, endpoints, ['DC-FAST', 'NOPE'], 'c');
    expect(got.ok).toBe(true);
    if (!got.ok) return;
    expect(got.value.tariffs.map((t) => t.id)).toEqual(['DC-FAST']);
    expect(got.value.missing).toEqual(['NOPE']);
    expect(server.requests.at(-1)?.path.startsWith('/ocpi/2.2.1/sender/tariffs')).toBe(true);
  });

  it('never asks a Sender for {cdrs}/{id}: the server refuses it', async () => {
    const res = await fetch(`${server.baseUrl}/ocpi/2.2.1/sender/cdrs/CDR-S000001`, {
      headers: { authorization: `Token ${Buffer.from(server.token).toString('base64')}` },
    });
    expect(res.status).toBe(404);
  });
});

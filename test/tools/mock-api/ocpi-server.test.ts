/** The spec-conformant local OCPI server, spoken to with plain fetch so its own rules are tested. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MockOcpiServer, startOcpiServer } from '../../../tools/mock-api/ocpi-server';

let server: MockOcpiServer;
const b64 = (t: string) => Buffer.from(t).toString('base64');
beforeAll(async () => {
  server = await startOcpiServer({ sessions: 120, maxPageSize: 20, token: 'srv-token-123456' });
});
afterAll(() => server.close());

async function get(path: string, token: string = b64(server.token)) {
  const res = await fetch(`${server.baseUrl}${path}`, { headers: { authorization: `Token ${token}` } });
  return {
    status: res.status,
    headers: res.headers,
    body: (await res.json()) as { data: unknown; status_code: number },
  };
}
type Row = { id: string; last_updated: string };

describe('local OCPI server', () => {
  it('lists versions with either token form, and details with roles from 2.2 only', async () => {
    for (const token of [server.token, b64(server.token)])
      expect((await get('/ocpi/versions', token)).status).toBe(200);
    const v221 = (await get('/ocpi/2.2.1')).body.data as { endpoints: { role?: string }[] };
    expect(v221.endpoints.every((e) => e.role === 'SENDER' || e.role === 'RECEIVER')).toBe(true);
    const v211 = (await get('/ocpi/2.1.1', server.token)).body.data as { endpoints: { role?: string }[] };
    expect(v211.endpoints.every((e) => e.role === undefined)).toBe(true);
  });

  it('is strict about the token form per version, and inverted in its inverted-tokens scenario', async () => {
    expect((await get('/ocpi/2.2.1', server.token)).status).toBe(401);
    expect((await get('/ocpi/2.1.1')).status).toBe(401);
    expect((await get('/inverted-tokens/ocpi/2.2.1', server.token)).status).toBe(200);
    expect((await get('/inverted-tokens/ocpi/2.1.1', server.token)).status).toBe(401);
    expect((await get('/ocpi/versions', 'nope')).status).toBe(401);
  });

  it('filters on last_updated with date_from inclusive and date_to exclusive', async () => {
    const all = (await get('/ocpi/2.2.1/sender/sessions?limit=20')).body.data as Row[];
    const at = all[3].last_updated;
    const from = (await get(`/ocpi/2.2.1/sender/sessions?date_from=${at}&limit=20`)).body.data as Row[];
    expect(from[0].id).toBe(all[3].id);
    const to = (await get(`/ocpi/2.2.1/sender/sessions?date_to=${at}&limit=20`)).body.data as Row[];
    expect(to.map((r) => r.id)).toEqual(all.slice(0, 3).map((r) => r.id));
  });

  it('caps pages at X-Limit, counts matches in X-Total-Count, links the next page by an opaque cursor', async () => {
    const r = await get('/ocpi/2.3.0/sender/sessions?limit=500');
    expect((r.body.data as Row[]).length).toBe(20);
    expect(r.headers.get('x-limit')).toBe('20');
    expect(r.headers.get('x-total-count')).toBe('120');
    const link = r.headers.get('link')!;
    expect(link).toMatch(
      /^<http:\/\/127\.0\.0\.1:\d+\/ocpi\/2\.3\.0\/sender\/sessions\?cursor=[\w-]+>; rel="next"$/,
    );
    const next = await get(
      new URL(link.slice(1, link.indexOf('>'))).pathname + new URL(link.slice(1, link.indexOf('>'))).search,
    );
    expect((next.body.data as Row[])[0].id).not.toBe((r.body.data as Row[])[0].id);
  });

  it('has no GET by id on a Sender (404, recorded) but one by country, party and id on a Receiver', async () => {
    const rows = (await get('/ocpi/2.2.1/sender/sessions?limit=1')).body.data as Row[];
    const sender = await get(`/ocpi/2.2.1/sender/sessions/${rows[0].id}`);
    expect(sender.status).toBe(404);
    expect(server.requests.at(-1)).toMatchObject({
      path: `/ocpi/2.2.1/sender/sessions/${rows[0].id}`,
      status: 404,
    });
    const receiver = await get(`/ocpi/2.2.1/receiver/sessions/NL/SIN/${rows[0].id}`);
    expect((receiver.body.data as Row).id).toBe(rows[0].id);
    expect((await get(`/ocpi/2.2.1/receiver/sessions/DE/XXX/${rows[0].id}`)).status).toBe(404);
  });

  it('serves Locations on both interfaces', async () => {
    expect((await get('/ocpi/2.2.1/sender/locations/LOC-ZUIDAS')).status).toBe(200);
    expect((await get('/ocpi/2.2.1/receiver/locations/NL/SIN/LOC-ZUIDAS')).status).toBe(200);
    expect((await get('/ocpi/2.2.1/receiver/locations/LOC-ZUIDAS')).status).toBe(404);
  });

  it('scales to 10,000 sessions', async () => {
    const big = await startOcpiServer({ sessions: 10_000, maxPageSize: 25 });
    try {
      const res = await fetch(`${big.baseUrl}/ocpi/2.2.1/sender/sessions?limit=25`, {
        headers: { authorization: `Token ${b64(big.token)}` },
      });
      expect(res.headers.get('x-total-count')).toBe('10000');
      await res.arrayBuffer();
    } finally {
      await big.close();
    }
  });
});

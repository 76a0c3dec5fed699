import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MOCK_PREFIXES, startMockOcpiServer, type MockOcpiServer } from '../../../tools/mock-api/server';

let mock: MockOcpiServer;
beforeAll(async () => {
  mock = await startMockOcpiServer({ token: 'mock-test-token' });
});
afterAll(() => mock.close());

const get = (path: string, headers: Record<string, string> = { authorization: 'Token mock-test-token' }) =>
  fetch(`${mock.baseUrl}${path}`, { headers });

describe('startMockOcpiServer', () => {
  it('listens on 127.0.0.1 and records every request', async () => {
    expect(mock.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await get(`${MOCK_PREFIXES.vendor}/sessions/gen-1`, {
      authorization: 'Token mock-test-token',
      'x-request-id': 'abc',
    });
    expect(mock.requests.at(-1)).toMatchObject({
      path: '/api/ocpi/api/v1/sessions/gen-1',
      headers: { 'x-request-id': 'abc' },
    });
  });

  it('needs the token on every request', async () => {
    expect((await get(`${MOCK_PREFIXES.vendor}/sessions/gen-1`, {})).status).toBe(401);
    expect(
      (await get(`${MOCK_PREFIXES.vendor}/sessions/gen-1`, { authorization: 'Token wrong' })).status,
    ).toBe(401);
    expect((await get(`${MOCK_PREFIXES['ocpi-2.2.1']}/locations/LOC-ZUIDAS`, {})).status).toBe(401);
  });

  it('generates sessions of any length in each shape', async () => {
    const body = (await (await get(`${MOCK_PREFIXES.vendor}/sessions/gen-200000`)).json()) as {
      data: { charging_periods: unknown[] };
    };
    expect(body.data.charging_periods).toHaveLength(200_000);
    for (const prefix of Object.values(MOCK_PREFIXES)) {
      expect((await get(`${prefix}/sessions/gen-3`)).status).toBe(200);
    }
  });

  it('serves OCPI 2.2.1 Locations, and demo sessions by id', async () => {
    const location = (await (await get(`${MOCK_PREFIXES['ocpi-2.2.1']}/locations/LOC-ZUIDAS`)).json()) as {
      data: { id: string; evses: unknown[] };
    };
    expect(location.data.id).toBe('LOC-ZUIDAS');
    expect(location.data.evses.length).toBeGreaterThan(1);
    expect((await get(`${MOCK_PREFIXES['ocpi-2.2.1']}/sessions/demo-hostile`)).status).toBe(200);
    expect((await get(`${MOCK_PREFIXES['ocpi-2.2.1']}/sessions/unknown`)).status).toBe(404);
  });
});

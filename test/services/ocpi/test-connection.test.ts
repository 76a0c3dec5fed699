import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeTransport } from '../../../services/http/http-transport';
import { testConnection } from '../../../services/ocpi/test-connection';
import { DEFAULT_MAX_BYTES, type Profile } from '../../../shared/domain/profile';
import { type MockOcpiServer, type Scenario, startOcpiServer } from '../../../tools/mock-api/ocpi-server';

let server: MockOcpiServer;
beforeAll(async () => {
  server = await startOcpiServer({ sessions: 40, maxPageSize: 25 });
});
afterAll(() => server.close());

const profile: Profile = {
  id: 'p',
  name: 'CPO',
  baseUrl: 'http://127.0.0.1',
  flavour: 'ocpi-2.2.1',
  auth: { kind: 'token' },
  base64Token: false,
  timeouts: { connectMs: 2000, totalMs: 10_000 },
  maxBytes: DEFAULT_MAX_BYTES,
};
const run = (scenario: Scenario, token = server.token) =>
  testConnection(profile, { versionsUrl: server.versionsUrl(scenario) }, token, {
    transport: nodeTransport,
    retryDelaysMs: [],
  });

describe('Test connection', () => {
  it('reports discovery and one limit=1 list call', async () => {
    const before = server.requests.length;
    const r = await run('');
    expect(r.ok).toBe(true);
    expect(r.steps.map((s) => s.ok)).toEqual([true, true]);
    expect(r.steps[0].message).toMatch(/^OCPI 2\.3\.0: credentials \(SENDER\), locations \(SENDER\)/);
    expect(r.steps[1].message).toMatch(/X-Total-Count 40, X-Limit 25/);
    const list = server.requests.slice(before).filter((x) => x.path.includes('/sender/sessions'));
    expect(list.map((x) => x.path)).toEqual(['/ocpi/2.3.0/sender/sessions?limit=1']);
  });

  it('says what to change: a refused token, a Receiver-only party, a token form found by fallback', async () => {
    const bad = await run('', 'wrong-token-000');
    expect(bad.steps).toHaveLength(1);
    expect(bad.steps[0].message).toMatch(/refused both Base64-encoded and plain.*set it again/);
    const receiver = await run('receiver-only');
    expect(receiver.steps[1]).toMatchObject({ ok: false });
    expect(receiver.steps[1].message).toMatch(/only as a Receiver interface/);
    const inverted = await run('inverted-tokens');
    expect(inverted.ok).toBe(true);
    expect(inverted.steps[0].message).toMatch(/works plain \(the other form was refused/);
    expect(inverted.discovery?.tokenFormFallback).toEqual({ from: 'base64', to: 'plain' });
  });
});

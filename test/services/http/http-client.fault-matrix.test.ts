/**
 * The fault matrix: the real GET client against the local OCPI server, one scenario per failure a real
 * environment produces. Each must end in the right typed error, with no crash and no token anywhere in
 * the result.
 */
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppErrorKind } from '../../../shared/domain/errors';
import { authHeader } from '../../../services/http/auth-header';
import { httpGet, type GetRequest } from '../../../services/http/http-client';
import { nodeTransport } from '../../../services/http/http-transport';
import { loadSession } from '../../../services/sessions/session-loader';
import { renderExport } from '../../../shared/export/render-export';
import { DEFAULT_MAX_BYTES } from '../../../shared/domain/profile';
import { MOCK_PREFIXES, startMockOcpiServer, type MockOcpiServer } from '../../../tools/mock-api/server';

let mock: MockOcpiServer;
let other: MockOcpiServer;

beforeAll(async () => {
  other = await startMockOcpiServer({ token: 'other-server-token' });
  mock = await startMockOcpiServer({ token: 'matrix-secret-token-1234', crossOriginBase: other.baseUrl });
});
afterAll(async () => {
  await mock.close();
  await other.close();
});

const client = { transport: nodeTransport, retryDelaysMs: [10, 20], maxRetryAfterMs: 50 };

function request(id: string, overrides: Partial<GetRequest> = {}): GetRequest {
  return {
    url: `${mock.baseUrl}${MOCK_PREFIXES.vendor}/sessions/${id}`,
    auth: authHeader({ kind: 'token' }, mock.token, false),
    timeouts: { connectMs: 1000, totalMs: 1500 },
    maxBytes: 5 * 1024 * 1024,
    ...overrides,
  };
}

const requestsFor = (id: string): number => mock.requests.filter((r) => r.path.endsWith(`/${id}`)).length;

/** Every form of the token that must not appear: as sent, in Base64, and its first 8 characters. */
function tokenForms(): string[] {
  const b64 = Buffer.from(mock.token).toString('base64');
  return [mock.token, b64, mock.token.slice(0, 8), b64.slice(0, 8)];
}
/** The forms of the token found in `value`, serialized (escapes decoded, as JSON.stringify writes them). */
const leaked = (value: unknown): string[] =>
  tokenForms().filter((form) => JSON.stringify(value).includes(form));

const MATRIX: {
  scenario: string;
  kind: AppErrorKind;
  status?: number;
  ocpiStatus?: number;
  attempts?: number;
}[] = [
  { scenario: 'fault-timeout', kind: 'timeout' },
  { scenario: 'fault-slow-drip', kind: 'timeout' },
  { scenario: 'fault-reset', kind: 'connection-reset', attempts: 3 },
  { scenario: 'fault-truncated', kind: 'truncated', attempts: 3 },
  { scenario: 'fault-invalid-json', kind: 'invalid-json' },
  { scenario: 'fault-html-502', kind: 'html-body', status: 502, attempts: 3 },
  { scenario: 'fault-429', kind: 'http-status', status: 429, attempts: 3 },
  { scenario: 'fault-500', kind: 'server-error', status: 500, ocpiStatus: 3000, attempts: 1 },
  { scenario: 'fault-503', kind: 'server-error', status: 503, attempts: 3 },
  { scenario: 'fault-401', kind: 'unauthorized', status: 401, attempts: 1 },
  { scenario: 'fault-403', kind: 'forbidden', status: 403, attempts: 1 },
  { scenario: 'fault-404', kind: 'not-found', status: 404, attempts: 1 },
  { scenario: 'fault-2003', kind: 'envelope-status', ocpiStatus: 2003 },
  { scenario: 'fault-3000', kind: 'envelope-status', ocpiStatus: 3000 },
  { scenario: 'fault-redirect-cross', kind: 'redirect-cross-origin', status: 302 },
  { scenario: 'fault-redirect-loop', kind: 'redirect-loop', status: 302 },
  { scenario: 'fault-oversize', kind: 'too-large' },
  { scenario: 'fault-oversize-declared', kind: 'too-large' },
  { scenario: 'fault-header-overflow', kind: 'headers-too-large' },
  { scenario: 'fault-redirect-chain-4', kind: 'redirect-loop', status: 302 },
  { scenario: 'fault-echo-2001', kind: 'envelope-status', ocpiStatus: 2001 },
  { scenario: 'fault-echo-401-long', kind: 'unauthorized', status: 401, ocpiStatus: 2001 },
];

describe('fault matrix', () => {
  it.each(MATRIX)('$scenario → $kind', async ({ scenario, kind, status, ocpiStatus, attempts }) => {
    const result = await httpGet(request(scenario), client);
    if (result.ok) throw new Error(`${scenario} succeeded`);
    expect(result.error.kind).toBe(kind);
    if (status !== undefined) expect(result.error.status).toBe(status);
    if (ocpiStatus !== undefined) expect(result.error.ocpiStatus).toBe(ocpiStatus);
    if (attempts !== undefined) expect(requestsFor(scenario)).toBe(attempts);
    expect(result.error.message.length).toBeGreaterThan(10);
    expect(result.error.hint.length).toBeGreaterThan(10);
    expect(leaked(result)).toEqual([]);
    expect(result.error.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each([
    'fault-echo-request-id',
    'fault-echo-header',
    'fault-echo-1001',
    'fault-echo-1001-escaped',
    'fault-echo-prefix',
  ])('%s: a server echoing the token leaves no token in the result, plain or Base64', async (scenario) => {
    for (const base64 of [false, true]) {
      const result = await httpGet(
        request(scenario, { auth: authHeader({ kind: 'token' }, mock.token, base64) }),
        client,
      );
      if (!result.ok) throw new Error(result.error.message);
      expect(leaked(result)).toEqual([]);
      expect(JSON.stringify(result)).toContain('[redacted]');
    }
  });

  it('the server’s x-request-id echoing the token is recorded scrubbed', async () => {
    const result = await httpGet(request('fault-echo-request-id'), client);
    expect(result.ok && result.value.meta.responseRequestId).toBe('Token [redacted]');
  });

  it('a long 401 message is scrubbed before it is cut, so no prefix of the token survives', async () => {
    const result = await httpGet(request('fault-echo-401-long'), client);
    expect(result.ok ? null : result.error.message).toMatch(/Sent: Token \[redac/);
  });

  it('a Location GET whose 1001 message echoes the token: the session, its warnings and raw texts hold none', async () => {
    const r = await loadSession(
      {
        profile: {
          id: 'p',
          name: 'Echo',
          baseUrl: `${mock.baseUrl}${MOCK_PREFIXES['ocpi-2.2.1']}`,
          flavour: 'ocpi-2.2.1',
          auth: { kind: 'token' },
          base64Token: false,
          timeouts: { connectMs: 1000, totalMs: 5000 },
          maxBytes: DEFAULT_MAX_BYTES,
        },
        sessionId: 'fault-echo-location',
        token: mock.token,
      },
      client,
    );
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.session.location?.id).toBe('LOC-ECHO');
    expect(r.value.warnings.some((w) => /1001.*\[redacted\]/.test(w.message))).toBe(true);
    expect(leaked(r)).toEqual([]);
    // Nor anything made from it: the bundle history keeps, and every export, redacted or not.
    for (const format of ['bundle', 'csv', 'html'] as const)
      for (const redact of [false, true])
        expect(leaked(await renderExport({ ...r.value }, format, { redact, appVersion: '1' }))).toEqual([]);
  });

  it('a cross-origin redirect never reaches the other server, so it never sees the token', async () => {
    await httpGet(request('fault-redirect-cross'), client);
    expect(other.requests).toEqual([]);
  });

  it('follows a same-origin redirect, with the token, and records the final URL', async () => {
    const result = await httpGet(request('fault-redirect-same'), client);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.meta.url).toMatch(/\/sessions\/gen-10$/);
    const followed = mock.requests.filter((r) => r.path.endsWith('/gen-10')).at(-1);
    expect(followed?.headers.authorization).toBe(`Token ${mock.token}`);
    expect(JSON.stringify(result.value.meta)).not.toContain(mock.token);
  });

  it('follows 3 distinct same-origin redirects, and stops at the 4th', async () => {
    const three = await httpGet(request('fault-redirect-chain-3'), client);
    if (!three.ok) throw new Error(three.error.message);
    expect(three.value.meta.url).toMatch(/\/sessions\/gen-10$/);
    const before = mock.requests.length;
    const four = await httpGet(request('fault-redirect-chain-4'), client);
    expect(four.ok ? null : four.error.message).toMatch(/more than 3/);
    // The 4th redirect is not followed: 4 requests, none of them to gen-10.
    expect(mock.requests.slice(before).map((r) => r.path.split('/').pop())).toEqual([
      'fault-redirect-chain-4',
      'fault-redirect-chain-3',
      'fault-redirect-chain-2',
      'fault-redirect-chain-1',
    ]);
  });

  it.each(['fault-503-retry-negative', 'fault-503-retry-fraction'])(
    '%s: an unreadable Retry-After waits the backoff, not 0 ms',
    async (scenario) => {
      const slow = { ...client, retryDelaysMs: [120, 120], maxRetryAfterMs: 1000 };
      const started = Date.now();
      const result = await httpGet(request(scenario), slow);
      expect(result.ok ? null : result.error.kind).toBe('server-error');
      expect(Date.now() - started).toBeGreaterThanOrEqual(240);
    },
  );

  it('a 429 then success honours Retry-After and reports two attempts', async () => {
    const result = await httpGet(request('fault-429-once'), client);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.meta.attempts).toBe(2);
    // Retry-After: 1 s, capped at 50 ms here, is waited instead of the 10 ms backoff.
    expect(result.value.meta.durationMs).toBeGreaterThanOrEqual(50);
  });

  it('a wrong token is a 401 that names the problem', async () => {
    const result = await httpGet(
      request('gen-5', { auth: authHeader({ kind: 'token' }, 'wrong-token', false) }),
      client,
    );
    expect(result.ok ? null : result.error).toMatchObject({ kind: 'unauthorized', status: 401 });
  });

  it('a closed port is offline', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const result = await httpGet(request('gen-5', { url: `http://127.0.0.1:${port}/sessions/x` }), client);
    expect(result.ok ? null : result.error.kind).toBe('offline');
  });

  it('a TLS handshake with a server that does not speak TLS is a tls error', async () => {
    const url = `${mock.baseUrl.replace('http:', 'https:')}${MOCK_PREFIXES.vendor}/sessions/gen-5`;
    const result = await httpGet(request('gen-5', { url }), client);
    expect(result.ok ? null : result.error.kind).toBe('tls');
  });

  it('an unknown host is a DNS error', async () => {
    const result = await httpGet(
      request('x', {
        url: 'https://no-such-host.invalid/sessions/x',
        timeouts: { connectMs: 3000, totalMs: 5000 },
      }),
      client,
    );
    expect(result.ok ? null : result.error.kind).toBe('dns');
  });
});

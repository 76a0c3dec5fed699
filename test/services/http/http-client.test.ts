import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeader } from '../../../services/http/auth-header';
import { httpGet, parseRetryAfter, safeUrl, type GetRequest } from '../../../services/http/http-client';
import { nodeTransport, TransportError, type Transport } from '../../../services/http/http-transport';
import { MOCK_PREFIXES, startMockOcpiServer, type MockOcpiServer } from '../../../tools/mock-api/server';

let mock: MockOcpiServer;
beforeAll(async () => {
  mock = await startMockOcpiServer({ token: 'unit-token-abcdef' });
});
afterAll(() => mock.close());

const client = { transport: nodeTransport, retryDelaysMs: [10, 20], maxRetryAfterMs: 50 };
const base = (): string => `${mock.baseUrl}${MOCK_PREFIXES.vendor}`;
const req = (overrides: Partial<GetRequest> = {}): GetRequest => ({
  url: `${base()}/sessions/gen-50`,
  auth: authHeader({ kind: 'token' }, mock.token, false),
  timeouts: { connectMs: 1000, totalMs: 5000 },
  maxBytes: 10 * 1024 * 1024,
  ...overrides,
});

describe('httpGet', () => {
  it('sends request and correlation ids and records the response ids, status, bytes and time', async () => {
    const result = await httpGet(req(), client);
    if (!result.ok) throw new Error(result.error.message);
    const { meta, text, json } = result.value;
    const sent = mock.requests.at(-1)?.headers;
    expect(sent?.['x-request-id']).toBe(meta.requestId);
    expect(sent?.['x-correlation-id']).toBe(meta.correlationId);
    expect(meta.responseRequestId).toBe(meta.requestId);
    expect(meta).toMatchObject({ method: 'GET', status: 200, attempts: 1, bytes: Buffer.byteLength(text) });
    expect(Date.parse(meta.fetchedAt)).not.toBeNaN();
    expect((json as { data: { id: string } }).data.id).toBe('gen-50');
  });

  it('sends the caller’s correlation id when given one (one per user action), a new request id each time', async () => {
    const one = await httpGet(req({ correlationId: 'action-7' }), client);
    const two = await httpGet(req({ correlationId: 'action-7' }), client);
    if (!one.ok || !two.ok) throw new Error('expected both GETs to work');
    const sent = mock.requests.slice(-2).map((r) => r.headers['x-correlation-id']);
    expect(sent).toEqual(['action-7', 'action-7']);
    expect([one.value.meta.correlationId, two.value.meta.correlationId]).toEqual(['action-7', 'action-7']);
    expect(one.value.meta.requestId).not.toBe(two.value.meta.requestId);
  });

  it.each([
    ['bearer', authHeader({ kind: 'bearer' }, 'unit-token-abcdef', false)],
    ['Base64 token', authHeader({ kind: 'token' }, 'unit-token-abcdef', true)],
    ['custom header', authHeader({ kind: 'header', name: 'X-Api-Key' }, 'unit-token-abcdef', false)],
  ])('authenticates with a %s', async (_name, auth) => {
    const result = await httpGet(req({ auth }), client);
    expect(result.ok).toBe(true);
  });

  it('encodes the token in Base64 only when asked', () => {
    expect(authHeader({ kind: 'token' }, 'abc', true).value).toBe('Token YWJj');
    expect(authHeader({ kind: 'bearer' }, 'abc', false).value).toBe('Bearer abc');
    expect(authHeader({ kind: 'header', name: 'X-Key' }, 'abc', false)).toMatchObject({
      name: 'x-key',
      value: 'abc',
    });
  });

  it('refuses plain http to anything but this machine, before sending anything', async () => {
    let called = false;
    const spy: Transport = async () => {
      called = true;
      throw new Error('unreachable');
    };
    const result = await httpGet(req({ url: 'http://example.com/sessions/1' }), { transport: spy });
    expect(result.ok ? null : result.error.kind).toBe('insecure-url');
    expect(called).toBe(false);
  });

  it('is cancelled through an AbortSignal', async () => {
    const controller = new AbortController();
    const pending = httpGet(
      req({ url: `${base()}/sessions/fault-timeout`, signal: controller.signal }),
      client,
    );
    setTimeout(() => controller.abort(), 50);
    const result = await pending;
    expect(result.ok ? null : result.error.kind).toBe('cancelled');
  });

  it('reports download progress', async () => {
    const seen: number[] = [];
    const result = await httpGet(
      req({ url: `${base()}/sessions/gen-20000`, onProgress: (bytes) => seen.push(bytes) }),
      client,
    );
    if (!result.ok) throw new Error(result.error.message);
    expect(seen.at(-1)).toBe(result.value.meta.bytes);
  });

  it('maps a connect timeout to a timeout error that names connecting', async () => {
    const slow: Transport = async () => {
      throw new TransportError('connect-timeout', 'connect timed out');
    };
    const result = await httpGet(req(), { transport: slow });
    expect(result.ok ? null : result.error).toMatchObject({
      kind: 'timeout',
      message: expect.stringMatching(/connect/),
    });
  });

  it('scrubs the token from anything a server echoes back', async () => {
    const echo: Transport = async ({ headers }) => ({
      status: 500,
      headers: { 'content-type': 'text/plain' },
      body: (async function* () {
        yield Buffer.from(`bad header ${headers.authorization}`);
      })(),
      discard: () => undefined,
    });
    const result = await httpGet(req(), { transport: echo, retryDelaysMs: [] });
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain(mock.token);
    expect(JSON.stringify(result)).toContain('[redacted]');
  });
});

/** A transport answering every GET with `status`, `headers` and `body`, recording what it was asked. */
function fixed(status: number, headers: Record<string, string>, body = ''): Transport & { urls: string[] } {
  const urls: string[] = [];
  const transport = async ({ url }: { url: URL }) => {
    urls.push(url.href);
    return {
      status,
      headers,
      body: (async function* () {
        yield Buffer.from(body);
      })(),
      discard: () => undefined,
    };
  };
  return Object.assign(transport, { urls });
}

describe('httpGet: what the server says', () => {
  it('a 404 names the resource asked for, and no other', async () => {
    const notFound = fixed(404, { 'content-type': 'application/json' }, '{"status_code":2003}');
    const location = await httpGet(req({ resource: 'Location' }), { transport: notFound });
    expect(location.ok ? null : location.error.message).toMatch(/the Location id is unknown/);
    const bare = await httpGet(req(), { transport: notFound });
    expect(bare.ok ? null : bare.error.message).not.toMatch(/session id/);
  });

  it('a 500 or 503 shows the envelope’s status_message, not its JSON', async () => {
    const body = JSON.stringify({ status_code: 3000, status_message: 'Database down', timestamp: 'x' });
    for (const status of [500, 503]) {
      const r = await httpGet(req(), {
        transport: fixed(status, { 'content-type': 'application/json' }, body),
        retryDelaysMs: [],
      });
      expect(r.ok ? null : r.error.message).toBe(
        `HTTP ${status}: the server failed: OCPI status 3000 (server error): "Database down"`,
      );
    }
  });

  it('every error after a request carries the request id that was sent', async () => {
    const transport = fixed(403, {}, 'no');
    const r = await httpGet(req(), { transport });
    expect(r.ok ? null : r.error.requestId).toMatch(/^[0-9a-f-]{36}$/);
    const before = await httpGet(req({ url: 'not a url' }), { transport });
    expect(before.ok ? null : before.error.requestId).toBeUndefined();
  });

  it('does not record a redirect’s #fragment', async () => {
    let hop = 0;
    const transport: Transport = async () => {
      hop++;
      return {
        status: hop === 1 ? 302 : 200,
        headers: hop === 1 ? { location: '/final#secret-fragment' } : { 'content-type': 'application/json' },
        body: (async function* () {
          yield Buffer.from(hop === 1 ? '' : '{"id":"s"}');
        })(),
        discard: () => undefined,
      };
    };
    const r = await httpGet(req(), { transport });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.meta.url).toBe(`${mock.baseUrl}/final`);
  });

  it('a Node error thrown while building the request is named, not "offline (UNKNOWN)"', async () => {
    const throwing: Transport = async () => {
      throw Object.assign(new TypeError('Invalid character in header content ["authorization"]'), {
        code: 'ERR_INVALID_CHAR',
      });
    };
    const r = await httpGet(req(), { transport: throwing });
    expect(r.ok ? null : r.error).toMatchObject({
      kind: 'invalid-argument',
      message: expect.stringMatching(/token/),
    });
  });
});

describe('helpers', () => {
  it('records URLs without credentials or query values', () => {
    expect(safeUrl(new URL('https://u:p@h.example/s/1?key=secret'))).toBe(
      'https://h.example/s/1?key=%E2%80%A6',
    );
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('2015-10-21T07:28:00Z'))).toBe(10_000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(undefined)).toBeUndefined();
  });

  it('a negative or fractional Retry-After is not a date long past: it is ignored, so the backoff applies', () => {
    for (const value of ['-5', '1.5', '0x10', '1e3', ' 12abc'])
      expect(parseRetryAfter(value, Date.parse('2015-10-21T07:28:00Z'))).toBeUndefined();
  });

  it('records URLs without a fragment', () => {
    expect(safeUrl(new URL('https://h.example/s/1#token=abc'))).toBe('https://h.example/s/1');
  });
});

/**
 * Exact behaviour of the GET client, pinned with scripted in-process transports: the messages and hints
 * users see, the headers sent, which answers are redirects, retries or size-cap failures, progress timing
 * and the abortable sleep. (The fault matrix drives the same client against a real local server.)
 */
import { getEventListeners } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { authHeader } from '../../../services/http/auth-header';
import {
  httpGet,
  parseRetryAfter,
  sleep,
  type ClientConfig,
  type GetRequest,
} from '../../../services/http/http-client';
import {
  TransportError,
  type Transport,
  type TransportRequest,
  type TransportResponse,
} from '../../../services/http/http-transport';

const ORIGIN = 'http://127.0.0.1:9';
const URL_1 = `${ORIGIN}/ocpi/sessions/s1`;

/** One scripted answer: a response, or an error the transport throws. */
interface Answer {
  status?: number;
  headers?: Record<string, string>;
  /** Chunks of the body; a function is called between chunks (to move a fake clock); an Error is thrown. */
  body?: (string | Error | (() => void))[];
}

/** A transport giving `answers` in turn (the last one again when they run out), recording every request. */
function scripted(...answers: (Answer | unknown)[]): Transport & { seen: TransportRequest[] } {
  const seen: TransportRequest[] = [];
  const transport = async (request: TransportRequest): Promise<TransportResponse> => {
    seen.push(request);
    if (request.signal.aborted) throw new TransportError('ABORT_ERR', 'aborted');
    const answer = answers[Math.min(seen.length, answers.length) - 1];
    if (!isAnswer(answer)) throw answer;
    const parts = answer.body ?? ['{"ok":1}'];
    return {
      status: answer.status ?? 200,
      headers: answer.headers ?? { 'content-type': 'application/json' },
      body: (async function* () {
        for (const part of parts) {
          if (part instanceof Error) throw part;
          if (typeof part === 'function') part();
          else yield Buffer.from(part);
        }
      })(),
      discard: () => undefined,
    };
  };
  return Object.assign(transport, { seen });
}
const isAnswer = (value: unknown): value is Answer =>
  typeof value === 'object' && value !== null && !(value instanceof Error);

const request = (overrides: Partial<GetRequest> = {}): GetRequest => ({
  url: URL_1,
  auth: null,
  timeouts: { connectMs: 1000, totalMs: 5000 },
  maxBytes: 1024 * 1024,
  ...overrides,
});
const get = (transport: Transport, overrides: Partial<GetRequest> = {}, config: Partial<ClientConfig> = {}) =>
  httpGet(request(overrides), { transport, retryDelaysMs: [], ...config });
const errorOf = async (pending: ReturnType<typeof httpGet>) => {
  const result = await pending;
  if (result.ok) throw new Error(`expected a failure, got ${result.value.text}`);
  return result.error;
};

afterEach(() => {
  vi.restoreAllMocks();
});

describe('before any request', () => {
  it('names a value that is not a URL', async () => {
    const transport = scripted({});
    expect(await errorOf(get(transport, { url: 'not a url' }))).toEqual({
      kind: 'invalid-argument',
      message: 'Not a URL: not a url',
      hint: 'Check the profile base URL.',
    });
    expect(transport.seen).toHaveLength(0);
  });

  it('refuses plain http off this machine, and any other scheme even to this machine', async () => {
    const transport = scripted({});
    expect(await errorOf(get(transport, { url: 'http://example.com/s/1' }))).toEqual({
      kind: 'insecure-url',
      message: 'Refusing to send the token over http: to example.com.',
      hint: 'Use the https:// address of the API (plain http is allowed only for localhost).',
    });
    expect(await errorOf(get(transport, { url: 'ftp://127.0.0.1/s/1' }))).toMatchObject({
      kind: 'insecure-url',
      message: 'Refusing to send the token over ftp: to 127.0.0.1.',
    });
    expect(transport.seen).toHaveLength(0);
  });
});

describe('what is sent', () => {
  it('sends the fixed accept and user-agent headers, both ids, and no auth header when there is none', async () => {
    const transport = scripted({});
    const result = await get(transport, {}, {});
    if (!result.ok) throw new Error(result.error.message);
    expect(transport.seen).toHaveLength(1);
    expect(transport.seen[0]?.headers).toEqual({
      accept: 'application/json',
      'user-agent': 'SessionInspector/0.1 (support tool)',
      'x-request-id': result.value.meta.requestId,
      'x-correlation-id': result.value.meta.correlationId,
    });
    expect(transport.seen[0]?.connectTimeoutMs).toBe(1000);
  });

  it('sends the auth header on every same-origin hop', async () => {
    const transport = scripted({ status: 302, headers: { location: '/next' }, body: [] }, {});
    const auth = authHeader({ kind: 'header', name: 'X-Api-Key' }, 'k-123', false);
    const result = await get(transport, { auth });
    expect(result.ok).toBe(true);
    expect(transport.seen.map((r) => r.headers['x-api-key'])).toEqual(['k-123', 'k-123']);
  });

  it('records status, bytes, attempts, ids, a sane duration and the URL without query values', async () => {
    const transport = scripted(
      { status: 503, headers: {}, body: ['busy'] },
      {
        status: 200,
        headers: { 'content-type': 'application/json', 'x-request-id': 'srv-1', 'x-correlation-id': 'srv-2' },
        body: ['{"a":', '1}'],
      },
    );
    const before = Date.now();
    const result = await get(transport, { url: `${URL_1}?token=secret` }, { retryDelaysMs: [1] });
    if (!result.ok) throw new Error(result.error.message);
    const { meta } = result.value;
    expect(meta).toMatchObject({
      url: `${URL_1}?token=%E2%80%A6`,
      method: 'GET',
      status: 200,
      bytes: 7,
      attempts: 2,
      responseRequestId: 'srv-1',
      responseCorrelationId: 'srv-2',
    });
    expect(meta.durationMs).toBeGreaterThanOrEqual(0);
    expect(meta.durationMs).toBeLessThanOrEqual(Date.now() - before);
    expect(transport.seen.map((r) => r.headers['x-request-id'])).toEqual([meta.requestId, meta.requestId]);
  });
});

describe('content type decides how a body is read', () => {
  it('a 2xx JSON body labelled text/html is an HTML page', async () => {
    const transport = scripted({ headers: { 'content-type': 'text/html' }, body: ['{"a":1}'] });
    expect(await errorOf(get(transport))).toMatchObject({ kind: 'html-body', status: 200 });
  });

  it('an error body labelled text/html is an HTML page, not a generic status', async () => {
    const transport = scripted({ status: 400, headers: { 'content-type': 'text/html' }, body: ['oops'] });
    expect(await errorOf(get(transport))).toMatchObject({ kind: 'html-body', status: 400 });
  });
});

describe('redirects', () => {
  it('a 2xx or 4xx with a Location header is not a redirect', async () => {
    const created = scripted({
      status: 201,
      headers: { 'content-type': 'application/json', location: '/elsewhere' },
    });
    const ok = await get(created);
    expect(ok.ok ? ok.value.meta : null).toMatchObject({ status: 201, url: URL_1 });
    expect(created.seen).toHaveLength(1);
    const bad = scripted({ status: 400, headers: { location: '/elsewhere' }, body: ['{}'] });
    expect(await errorOf(get(bad))).toMatchObject({ kind: 'http-status', status: 400 });
    expect(bad.seen).toHaveLength(1);
  });

  it('a 300 with a Location header is followed, without its fragment', async () => {
    const transport = scripted({ status: 300, headers: { location: '/next#frag' }, body: [] }, {});
    const result = await get(transport);
    expect(result.ok ? result.value.meta.url : null).toBe(`${ORIGIN}/next`);
    expect(transport.seen.map((r) => r.url.href)).toEqual([URL_1, `${ORIGIN}/next`]);
  });

  it('follows three redirects, and stops at the fourth', async () => {
    const hop = (n: number): Answer => ({ status: 302, headers: { location: `/hop${n}` }, body: [] });
    const three = scripted(hop(1), hop(2), hop(3), {});
    expect((await get(three)).ok).toBe(true);
    expect(three.seen).toHaveLength(4);
    const four = scripted(hop(1), hop(2), hop(3), hop(4));
    expect(await errorOf(get(four, { url: `${URL_1}?k=v` }))).toEqual({
      kind: 'redirect-loop',
      message: `Too many redirects (more than 3) from ${URL_1}?k=%E2%80%A6.`,
      hint: 'The server is misconfigured: check the base URL or report it to the API provider.',
      status: 302,
      requestId: expect.any(String),
    });
    expect(four.seen).toHaveLength(4);
  });

  it('a redirect to the same URL is a loop at once', async () => {
    const transport = scripted({ status: 307, headers: { location: URL_1 }, body: [] });
    expect(await errorOf(get(transport))).toMatchObject({ kind: 'redirect-loop', status: 307 });
    expect(transport.seen).toHaveLength(1);
  });

  it('an unparsable Location is reported, not followed', async () => {
    const transport = scripted({ status: 302, headers: { location: '//[bad' }, body: [] });
    expect(await errorOf(get(transport))).toEqual({
      kind: 'http-status',
      message: 'HTTP 302 with an invalid redirect.',
      hint: 'Report it to the API provider.',
      status: 302,
      requestId: expect.any(String),
    });
  });
});

describe('which statuses are answers', () => {
  it.each([150, 300])('HTTP %i without a Location is not a success', async (status) => {
    const transport = scripted({
      status,
      headers: { 'content-type': 'application/json' },
      body: ['{"a":1}'],
    });
    expect(await errorOf(get(transport))).toMatchObject({ kind: 'http-status', status });
  });
});

describe('the size cap', () => {
  const MIB = 1024 * 1024;

  it('refuses a declared Content-Length over the cap, in MiB', async () => {
    const transport = scripted({ headers: { 'content-length': String(3 * MIB) }, body: ['{}'] });
    expect(await errorOf(get(transport, { maxBytes: 1.5 * MIB }))).toEqual({
      kind: 'too-large',
      message: 'The response is larger than the 1.5 MiB cap (3.0 MiB so far).',
      hint: 'Raise the response-size cap in the profile if this session is really that large.',
      requestId: expect.any(String),
    });
  });

  it('accepts a body of exactly the cap, declared or not', async () => {
    const body = '{"a":"xxxx"}';
    const declared = scripted({ headers: { 'content-length': String(body.length) }, body: [body] });
    expect((await get(declared, { maxBytes: body.length })).ok).toBe(true);
    const streamed = scripted({ headers: {}, body: [body.slice(0, 5), body.slice(5)] });
    const result = await get(streamed, { maxBytes: body.length });
    expect(result.ok ? result.value.meta.bytes : null).toBe(body.length);
  });

  it('refuses a streamed body one byte over the cap', async () => {
    const transport = scripted({ headers: {}, body: ['{"a":', '"xxxx"}'] });
    expect(await errorOf(get(transport, { maxBytes: 11 }))).toMatchObject({ kind: 'too-large' });
  });

  it('an error body is not held to the cap: a long or over-declared one still gives its status', async () => {
    const long = scripted({ status: 500, headers: {}, body: ['x'.repeat(3000), 'y'.repeat(3000)] });
    expect(await errorOf(get(long, { maxBytes: 10 }))).toMatchObject({ kind: 'server-error', status: 500 });
    const declared = scripted({ status: 404, headers: { 'content-length': '100000' }, body: ['gone'] });
    expect(await errorOf(get(declared, { maxBytes: 10 }))).toMatchObject({ kind: 'not-found', status: 404 });
  });
});

describe('cut responses', () => {
  it('a dropped connection names the bytes received, and the declared length when there is one', async () => {
    const drop = new Error('socket hang up');
    const declared = scripted({ headers: { 'content-length': '10' }, body: ['12345', drop] });
    expect(await errorOf(get(declared))).toMatchObject({
      kind: 'truncated',
      message: 'The connection dropped after 5 bytes of 10: the response is incomplete.',
      hint: 'Try again; if it keeps happening, the server or a proxy is cutting responses.',
    });
    const undeclared = scripted({ headers: {}, body: ['12345', drop] });
    expect(await errorOf(get(undeclared))).toMatchObject({
      message: 'The connection dropped after 5 bytes: the response is incomplete.',
    });
  });

  it('a body shorter than its Content-Length is truncated', async () => {
    const transport = scripted({ headers: { 'content-length': '10' }, body: ['{"a":1}'] });
    expect(await errorOf(get(transport))).toEqual({
      kind: 'truncated',
      message: 'Only 7 of 10 bytes arrived.',
      hint: 'Try again.',
      requestId: expect.any(String),
    });
  });

  it('an error body that drops or is shorter than declared still gives its status and what arrived', async () => {
    const dropped = scripted({ status: 500, headers: {}, body: ['partial text', new Error('reset')] });
    const error = await errorOf(get(dropped));
    expect(error).toMatchObject({ kind: 'server-error', status: 500 });
    expect(error.message).toContain('partial text');
    const short = scripted({ status: 404, headers: { 'content-length': '100' }, body: ['short'] });
    expect(await errorOf(get(short))).toMatchObject({ kind: 'not-found' });
  });
});

describe('progress', () => {
  it('reports at most every 100 ms while reading, with the time since the start, and once at the end', async () => {
    let clock = 1_000_000;
    vi.spyOn(Date, 'now').mockImplementation(() => clock);
    const tick = (ms: number) => () => {
      clock += ms;
    };
    const transport = scripted({
      headers: {},
      body: ['["1234567",', tick(100), '"1234567",', tick(99), '"1234567",', tick(1), '"123456"]'],
    });
    const seen: [number, number][] = [];
    const result = await get(transport, { onProgress: (bytes, ms) => seen.push([bytes, ms]) });
    expect(result.ok).toBe(true);
    expect(seen).toEqual([
      [11, 0],
      [21, 100],
      [40, 200],
      [40, 200],
    ]);
  });
});

describe('network errors', () => {
  const host = '127.0.0.1:9';
  const failWith = (err: unknown, overrides: Partial<GetRequest> = {}) =>
    errorOf(get(scripted(err), overrides));

  it.each([
    [
      'ERR_INVALID_HTTP_TOKEN',
      'invalid-argument',
      'The request could not be sent: the token or the auth header name holds characters HTTP headers do not allow.',
      'Set the token again (one line, no accented or non-Latin letters), or fix the custom header name.',
    ],
    [
      'EAI_AGAIN',
      'dns',
      'The name 127.0.0.1 could not be resolved (DNS).',
      'Check the base URL for typos, and the network or VPN.',
    ],
    [
      'EPIPE',
      'connection-reset',
      `${host} closed the connection before answering.`,
      'Try again; a proxy or firewall may be dropping the connection.',
    ],
    ...['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'ERR_TLS_HANDSHAKE_TIMEOUT', 'ERR_SSL_WRONG_VERSION_NUMBER'].map(
      (code) => [
        code,
        'tls',
        `The secure connection to ${host} failed (${code}).`,
        'The server certificate is not trusted here: check the URL, a corporate proxy, or the system clock.',
      ],
    ),
    [
      'ECONNREFUSED',
      'offline',
      `Could not reach ${host} (ECONNREFUSED).`,
      'You seem to be offline, or the server is down: check the network/VPN, or open an exported file instead.',
    ],
  ])('%s is %s, with its message and hint', async (code, kind, message, hint) => {
    expect(await failWith(new TransportError(code, 'x'))).toEqual({
      kind,
      message,
      hint,
      requestId: expect.any(String),
    });
  });

  it('a connect timeout names the connect timeout in seconds', async () => {
    const error = await failWith(new TransportError('connect-timeout', 'x'), {
      timeouts: { connectMs: 1234, totalMs: 5000 },
    });
    expect(error).toMatchObject({
      kind: 'timeout',
      message: `Could not connect to ${host} within 1.2 s.`,
      hint: 'Check the VPN or network, or raise the connect timeout in the profile.',
    });
  });

  it('an error without a code, or not an object at all, is UNKNOWN', async () => {
    expect((await failWith(new Error('boom'))).message).toBe(`Could not reach ${host} (UNKNOWN).`);
    expect((await failWith(null)).message).toBe(`Could not reach ${host} (UNKNOWN).`);
    expect((await failWith(Object.assign(new Error('x'), { code: 42 }))).message).toBe(
      `Could not reach ${host} (UNKNOWN).`,
    );
  });

  it('offline, reset and truncated are retried; DNS and TLS are not', async () => {
    const config = { retryDelaysMs: [1, 1] };
    for (const code of ['ECONNREFUSED', 'ECONNRESET']) {
      const transport = scripted(new TransportError(code, 'x'));
      await get(transport, {}, config);
      expect(transport.seen).toHaveLength(3);
    }
    const cut = scripted({ headers: { 'content-length': '10' }, body: ['{}'] });
    await get(cut, {}, config);
    expect(cut.seen).toHaveLength(3);
    for (const code of ['ENOTFOUND', 'CERT_HAS_EXPIRED']) {
      const transport = scripted(new TransportError(code, 'x'));
      await get(transport, {}, config);
      expect(transport.seen).toHaveLength(1);
    }
  });
});

describe('cancelling and the total timeout', () => {
  it('a signal aborted before the start gives the cancelled error', async () => {
    const controller = new AbortController();
    controller.abort();
    expect(await errorOf(get(scripted({}), { signal: controller.signal }))).toEqual({
      kind: 'cancelled',
      message: 'The fetch was cancelled.',
      hint: 'Fetch again when ready.',
      requestId: expect.any(String),
    });
  });

  it('cancelling during the backoff wait ends it at once as cancelled, not as the last error', async () => {
    const controller = new AbortController();
    const transport = scripted({ status: 503, headers: {}, body: ['busy'] });
    const pending = get(transport, { signal: controller.signal }, { retryDelaysMs: [60_000] });
    setTimeout(() => controller.abort(), 20);
    expect(await errorOf(pending)).toMatchObject({ kind: 'cancelled' });
    expect(transport.seen).toHaveLength(1);
  });

  it('the total timeout during the backoff wait names the host and the timeout', async () => {
    const transport = scripted({ status: 503, headers: {}, body: ['busy'] });
    const error = await errorOf(
      get(transport, { timeouts: { connectMs: 1000, totalMs: 200 } }, { retryDelaysMs: [60_000] }),
    );
    expect(error).toEqual({
      kind: 'timeout',
      message: 'No complete response from 127.0.0.1:9 within 0.2 s.',
      hint: 'The server is slow or hanging: try again, or raise the total timeout in the profile.',
      requestId: expect.any(String),
    });
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2015-10-21T07:28:00Z');
  it('reads several digits, around spaces', () => {
    expect(parseRetryAfter('12', now)).toBe(12_000);
    expect(parseRetryAfter(' 3 ', now)).toBe(3000);
  });
  it('reads a date with or without the comma after the day, but only one that starts with the day', () => {
    expect(parseRetryAfter('Wed 21 Oct 2015 07:28:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter('21 Oct 2015 07:28:10 GMT', now)).toBeUndefined();
  });
});

describe('sleep', () => {
  it('resolves false at once on a signal already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const started = Date.now();
    expect(await sleep(5_000, controller.signal)).toBe(false);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('resolves true after the wait and leaves no listener behind', async () => {
    const controller = new AbortController();
    expect(await sleep(5, controller.signal)).toBe(true);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('resolves false when aborted during the wait and leaves no listener behind', async () => {
    const controller = new AbortController();
    const pending = sleep(60_000, controller.signal);
    controller.abort();
    expect(await pending).toBe(false);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });
});

describe('retries', () => {
  /** The delays of the client's waits: the setTimeout delays that are among `candidates`. */
  const waits = (spy: { mock: { calls: unknown[][] } }, candidates: number[]): unknown[] =>
    spy.mock.calls.map((call) => call[1]).filter((ms) => candidates.includes(ms as number));

  it.each([429, 502, 503, 504])('HTTP %i is retried after each backoff delay in turn', async (status) => {
    const timer = vi.spyOn(globalThis, 'setTimeout');
    const transport = scripted({ status, headers: {}, body: ['busy'] });
    const error = await errorOf(get(transport, {}, { retryDelaysMs: [7, 13] }));
    expect(error.status).toBe(status);
    expect(transport.seen).toHaveLength(3);
    expect(waits(timer, [7, 13])).toEqual([7, 13]);
  });

  it.each([400, 500, 501])('HTTP %i is not retried', async (status) => {
    const transport = scripted({ status, headers: {}, body: ['no'] });
    await get(transport, {}, { retryDelaysMs: [1, 1] });
    expect(transport.seen).toHaveLength(1);
  });

  it('waits what Retry-After says, up to the cap', async () => {
    const timer = vi.spyOn(globalThis, 'setTimeout');
    const transport = scripted(
      { status: 503, headers: { 'retry-after': '0' }, body: ['busy'] },
      { status: 429, headers: { 'retry-after': '60' }, body: ['slow down'] },
      {},
    );
    const result = await get(transport, {}, { retryDelaysMs: [7, 13], maxRetryAfterMs: 23 });
    expect(result.ok ? result.value.meta.attempts : null).toBe(3);
    expect(waits(timer, [0, 7, 13, 23, 60_000])).toEqual([0, 23]);
  });
});

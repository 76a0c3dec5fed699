import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import {
  createNetTransport,
  transportCode,
  type NetLike,
  type NetRequest,
  type NetResponse,
} from '../../../electron/main/net-transport';
import { TransportError, type TransportRequest } from '../../../services/http/http-transport';

/** A recording stand-in for Electron's `net`: each request is driven by the test. */
class FakeRequest extends EventEmitter implements NetRequest {
  headers = new Map<string, string>();
  aborted = false;
  ended = false;
  constructor(readonly options: Parameters<NetLike['request']>[0]) {
    super();
  }
  setHeader(name: string, value: string): void {
    this.headers.set(name, value);
  }
  abort(): void {
    this.aborted = true;
  }
  end(): void {
    this.ended = true;
  }
}

function fakeNet(): { net: NetLike; requests: FakeRequest[] } {
  const requests: FakeRequest[] = [];
  return {
    requests,
    net: {
      request: (options) => {
        const r = new FakeRequest(options);
        requests.push(r);
        return r;
      },
    },
  };
}

function response(status: number, headers: NetResponse['headers']): NetResponse {
  return Object.assign(new EventEmitter(), { statusCode: status, headers });
}

const req = (over: Partial<TransportRequest> = {}): TransportRequest => ({
  url: new URL('https://ocpi.example/sessions/1'),
  headers: { Authorization: 'Token abc', 'X-Request-ID': 'r1' },
  connectTimeoutMs: 1000,
  signal: new AbortController().signal,
  ...over,
});

async function collect(body: AsyncIterable<Uint8Array>): Promise<string> {
  const parts: Buffer[] = [];
  for await (const chunk of body) parts.push(Buffer.from(chunk));
  return Buffer.concat(parts).toString('utf8');
}

describe('the Electron net transport', () => {
  it('sends a GET with the headers, no cookies or cache, redirects manual, and streams the body', async () => {
    const { net, requests } = fakeNet();
    const pending = createNetTransport(net)(req());
    const r = requests[0];
    expect(r.options).toMatchObject({
      method: 'GET',
      redirect: 'manual',
      useSessionCookies: false,
      cache: 'no-store',
    });
    expect(r.headers.get('Authorization')).toBe('Token abc');
    expect(r.ended).toBe(true);
    const res = response(200, { 'Content-Type': ['application/json'], 'X-Request-ID': 'srv' });
    r.emit('response', res);
    const got = await pending;
    expect(got.status).toBe(200);
    expect(got.headers['content-type']).toBe('application/json');
    expect(got.headers['x-request-id']).toBe('srv');
    const text = collect(got.body);
    res.emit('data', Buffer.from('{"a":'));
    res.emit('data', Buffer.from('1}'));
    res.emit('end');
    expect(await text).toBe('{"a":1}');
  });

  it('hands a redirect up as a 3xx with its Location instead of following it', async () => {
    const { net, requests } = fakeNet();
    const pending = createNetTransport(net)(req());
    requests[0].emit('redirect', 302, 'GET', 'https://other.example/x', { Server: 'x' });
    const got = await pending;
    expect(got.status).toBe(302);
    expect(got.headers.location).toBe('https://other.example/x');
    expect(requests[0].aborted).toBe(true);
    expect(await collect(got.body)).toBe('');
  });

  it('maps Chromium errors to the client’s codes, keeping certificate names', async () => {
    expect(transportCode('net::ERR_NAME_NOT_RESOLVED')).toBe('ENOTFOUND');
    expect(transportCode('net::ERR_CONNECTION_RESET')).toBe('ECONNRESET');
    expect(transportCode('net::ERR_CERT_AUTHORITY_INVALID')).toBe('ERR_CERT_AUTHORITY_INVALID');
    expect(transportCode('something else')).toBe('UNKNOWN');
    const { net, requests } = fakeNet();
    const pending = createNetTransport(net)(req());
    requests[0].emit('error', new Error('net::ERR_PROXY_CONNECTION_FAILED'));
    await expect(pending).rejects.toMatchObject({ code: 'ERR_PROXY_CONNECTION_FAILED' });
  });

  it('times out when no response headers arrive, and aborts on the signal', async () => {
    const { net, requests } = fakeNet();
    const slow = createNetTransport(net)(req({ connectTimeoutMs: 20 }));
    await expect(slow).rejects.toBeInstanceOf(TransportError);
    await expect(slow).rejects.toMatchObject({ code: 'connect-timeout' });
    expect(requests[0].aborted).toBe(true);

    const controller = new AbortController();
    const cancelled = createNetTransport(net)(req({ signal: controller.signal }));
    controller.abort();
    await expect(cancelled).rejects.toMatchObject({ code: 'ABORT_ERR' });
    expect(requests[1].aborted).toBe(true);
  });

  it('fails the body when the response errors or the signal aborts mid-stream', async () => {
    const { net, requests } = fakeNet();
    const controller = new AbortController();
    const pending = createNetTransport(net)(req({ signal: controller.signal }));
    const res = response(200, {});
    requests[0].emit('response', res);
    const got = await pending;
    const text = collect(got.body);
    res.emit('data', Buffer.from('{'));
    res.emit('error', new Error('net::ERR_CONNECTION_RESET'));
    await expect(text).rejects.toMatchObject({ code: 'ECONNRESET' });
  });
});

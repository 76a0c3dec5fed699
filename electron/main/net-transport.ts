/**
 * The app's Transport over Electron's `net` (Chromium's network stack): the system proxy and PAC, and the OS
 * certificate store, as a desktop app on a corporate network needs. The GET client above it keeps its
 * retries, same-origin redirect rule, size cap and typed errors; this only moves bytes. Redirects are not
 * followed here: a 3xx is handed up as a response with its Location, so the client decides.
 */
import { EventEmitter } from 'node:events';
import { TransportError, type Transport, type TransportResponse } from '../../services/http/http-transport';

/** The part of Electron's `ClientRequest` used here (a seam for tests). */
export interface NetRequest extends EventEmitter {
  setHeader(name: string, value: string): void;
  abort(): void;
  end(): void;
}

export interface NetResponse extends EventEmitter {
  statusCode: number;
  headers: Record<string, string | string[]>;
}

export interface NetLike {
  request(options: {
    url: string;
    method: 'GET';
    redirect: 'manual';
    useSessionCookies: false;
    credentials: 'omit';
    cache: 'no-store';
  }): NetRequest;
}

/** Chromium's net error names, mapped to the codes the GET client turns into typed errors. */
const CHROMIUM_CODES = new Map<string, string>([
  ['ERR_NAME_NOT_RESOLVED', 'ENOTFOUND'],
  ['ERR_NAME_RESOLUTION_FAILED', 'EAI_AGAIN'],
  ['ERR_CONNECTION_RESET', 'ECONNRESET'],
  ['ERR_CONNECTION_CLOSED', 'ECONNRESET'],
  ['ERR_EMPTY_RESPONSE', 'ECONNRESET'],
  ['ERR_CONNECTION_REFUSED', 'ECONNREFUSED'],
  ['ERR_CONNECTION_TIMED_OUT', 'connect-timeout'],
  ['ERR_INTERNET_DISCONNECTED', 'ENETUNREACH'],
  ['ERR_ADDRESS_UNREACHABLE', 'EHOSTUNREACH'],
]);

export function transportCode(message: string): string {
  const name = /net::(ERR_[A-Z0-9_]+)/.exec(message)?.[1];
  if (!name) return 'UNKNOWN';
  // Certificate and TLS failures keep Chromium's name: it says what was wrong (the client maps *CERT*/ERR_SSL*).
  return CHROMIUM_CODES.get(name) ?? name;
}

function flatten(headers: Record<string, string | string[]>): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = Object.create(null);
  for (const [name, value] of Object.entries(headers)) {
    out[name.toLowerCase()] = Array.isArray(value) ? value[0] : value;
  }
  return out;
}

/** A response body as an async iterable of chunks, from the response's data/end/error events. */
async function* bodyOf(response: NetResponse, signal: AbortSignal): AsyncIterable<Uint8Array> {
  const queue: Uint8Array[] = [];
  let done = false;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const notify = (): void => {
    wake?.();
    wake = null;
  };
  response.on('data', (chunk: Uint8Array) => {
    queue.push(chunk);
    notify();
  });
  response.on('end', () => {
    done = true;
    notify();
  });
  response.on('error', (err: Error) => {
    failure = new TransportError(transportCode(err.message), err.message);
    notify();
  });
  const onAbort = (): void => {
    failure = new TransportError('ABORT_ERR', 'aborted');
    notify();
  };
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    for (;;) {
      if (queue.length) {
        yield queue.shift() as Uint8Array;
        continue;
      }
      if (failure) throw failure;
      if (done) return;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

export function createNetTransport(net: NetLike): Transport {
  return (req) =>
    new Promise<TransportResponse>((resolve, reject) => {
      if (req.signal.aborted) return reject(new TransportError('ABORT_ERR', 'aborted'));
      const request = net.request({
        url: req.url.href,
        method: 'GET',
        redirect: 'manual',
        useSessionCookies: false,
        credentials: 'omit',
        cache: 'no-store',
      });
      for (const [name, value] of Object.entries(req.headers)) request.setHeader(name, value);
      let settled = false;
      const settle = (fn: () => void): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        fn();
      };
      // Chromium reports no socket events: the connect timeout runs until the response headers arrive.
      const timer = setTimeout(() => {
        request.abort();
        settle(() => reject(new TransportError('connect-timeout', 'no response headers in time')));
      }, req.connectTimeoutMs);
      const onAbort = (): void => {
        request.abort();
        settle(() => reject(new TransportError('ABORT_ERR', 'aborted')));
      };
      req.signal.addEventListener('abort', onAbort, { once: true });
      request.on(
        'redirect',
        (status: number, _method: string, location: string, headers: NetResponse['headers']) => {
          request.abort();
          settle(() =>
            resolve({
              status,
              headers: { ...flatten(headers), location },
              body: (async function* () {})(),
              discard: () => undefined,
            }),
          );
        },
      );
      request.on('response', (response: NetResponse) => {
        settle(() =>
          resolve({
            status: response.statusCode,
            headers: flatten(response.headers),
            body: bodyOf(response, req.signal),
            discard: () => request.abort(),
          }),
        );
      });
      request.on('error', (err: Error) => {
        settle(() => reject(new TransportError(transportCode(err.message), err.message)));
      });
      request.end();
    });
}

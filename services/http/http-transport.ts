/**
 * One GET on the wire, behind an interface so the client's retries, redirects, limits and error mapping
 * run the same for a real server (node:http/https) and for the in-process Demo profile.
 */
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { proxyAgentFor } from './proxy-agent';

export interface TransportRequest {
  url: URL;
  headers: Record<string, string>;
  connectTimeoutMs: number;
  /** Aborts connecting and reading. */
  signal: AbortSignal;
}

export interface TransportResponse {
  status: number;
  /** Lower-case names, first value only. */
  headers: Record<string, string | undefined>;
  body: AsyncIterable<Uint8Array>;
  /** Stops reading and releases the connection. */
  discard(): void;
}

export type Transport = (request: TransportRequest) => Promise<TransportResponse>;

/** A failure before any response, with Node's error code (or `connect-timeout`). */
export class TransportError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function flatten(headers: IncomingHttpHeaders): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(headers)) out[name] = Array.isArray(value) ? value[0] : value;
  return out;
}

export const nodeTransport: Transport = (req) =>
  new Promise((resolve, reject) => {
    const secure = req.url.protocol === 'https:';
    const send = secure ? httpsRequest : httpRequest;
    const proxy = proxyAgentFor(req.url);
    // No shared agent: every fetch starts from a fresh connection, so the connect timeout always applies.
    const r = send(req.url, {
      method: 'GET',
      headers: req.headers,
      signal: req.signal,
      agent: proxy ?? false,
    });
    const startTimer = (): NodeJS.Timeout =>
      setTimeout(
        () => r.destroy(new TransportError('connect-timeout', 'connect timed out')),
        req.connectTimeoutMs,
      );
    // Through a proxy the agent connects (and tunnels) before 'socket' fires: time it from the request.
    let connectTimer = proxy ? startTimer() : undefined;
    r.on('socket', (socket) => {
      connectTimer ??= startTimer();
      if (!secure && !socket.connecting) return clearTimeout(connectTimer);
      socket.once(secure ? 'secureConnect' : 'connect', () => clearTimeout(connectTimer));
    });
    r.on('response', (res) => {
      clearTimeout(connectTimer);
      resolve({
        status: res.statusCode ?? 0,
        headers: flatten(res.headers),
        body: res,
        discard: () => res.destroy(),
      });
    });
    r.on('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(connectTimer);
      reject(err instanceof TransportError ? err : new TransportError(err.code ?? err.name, err.message));
    });
    r.end();
  });

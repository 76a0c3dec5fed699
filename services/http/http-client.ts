/**
 * The hardened GET client: ids on every request, connect and total timeouts, cancelling, bounded retries
 * (network errors, 429, 502/503/504, honouring Retry-After), same-origin redirects only, a size cap, and
 * every failure mapped to a typed `AppError`. The token goes only to the origin it was configured for.
 * This is where server text enters the app: every header and body is scrubbed of the token as it
 * arrives (./scrub), before it is cut, parsed, recorded or shown.
 */
import { randomUUID } from 'node:crypto';
import { appError, type AppError, type Result } from '../../shared/domain/errors';
import type { FetchMeta } from '../../shared/domain/loaded-session';
import type { Timeouts } from '../../shared/domain/profile';
import { isLoopbackHost } from '../../shared/ipc/validate';
import type { AuthHeader } from './auth-header';
import { decodeText } from '../../shared/input/text';
import { checkJsonBody, statusError } from './http-errors';
import { TransportError, type Transport, type TransportResponse } from './http-transport';
import { noScrubbing, scrubHeaders, tokenScrubber, type Scrubber } from './scrub';

export interface GetRequest {
  url: string;
  /** The auth header, sent only to the request's own origin. */
  auth: AuthHeader | null;
  timeouts: Timeouts;
  maxBytes: number;
  signal?: AbortSignal;
  onProgress?: (bytes: number, elapsedMs: number) => void;
  /** What the URL should hold ("session", "Location"), so a 404 names the id that is unknown. */
  resource?: string;
  /** `X-Correlation-ID`, shared by the requests of one user action; a new one when absent. */
  correlationId?: string;
}

export interface ClientConfig {
  transport: Transport;
  /** Waits before retry 1 and 2 when the server gives no Retry-After. */
  retryDelaysMs?: readonly number[];
  /** Longest Retry-After honoured. */
  maxRetryAfterMs?: number;
}

export interface GetSuccess {
  text: string;
  json: unknown;
  meta: FetchMeta;
}

export const DEFAULT_RETRY_DELAYS_MS = [500, 1500] as const;
export const DEFAULT_MAX_RETRY_AFTER_MS = 10_000;
const MAX_REDIRECTS = 3;
const RETRY_STATUSES = new Set([429, 502, 503, 504]);
const RETRY_KINDS = new Set<AppError['kind']>(['offline', 'connection-reset', 'truncated']);
const ERROR_BODY_BYTES = 4096;
const PROGRESS_EVERY_MS = 100;

type Attempt =
  | { ok: true; text: string; res: TransportResponse; url: URL; bytes: number }
  | { ok: false; error: AppError; retryAfterMs?: number };

/** The URL as it may be recorded: no user info, query values hidden, no fragment. */
export function safeUrl(url: URL): string {
  const copy = new URL(url.href);
  copy.username = '';
  copy.password = '';
  copy.hash = '';
  for (const key of [...copy.searchParams.keys()]) copy.searchParams.set(key, '…');
  return copy.href;
}

export async function httpGet(req: GetRequest, config: ClientConfig): Promise<Result<GetSuccess>> {
  let url: URL;
  try {
    url = new URL(req.url);
  } catch {
    return fail(appError('invalid-argument', `Not a URL: ${req.url}`, 'Check the profile base URL.'));
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname)))
    return fail(
      appError(
        'insecure-url',
        `Refusing to send the token over ${url.protocol} to ${url.hostname}.`,
        'Use the https:// address of the API (plain http is allowed only for localhost).',
      ),
    );

  const startedAt = Date.now();
  const fetchedAt = new Date(startedAt).toISOString();
  const requestId = randomUUID();
  const correlationId = req.correlationId ?? randomUUID();
  const scrub = req.auth ? tokenScrubber(req.auth.secrets) : noScrubbing;
  // From here on there was a request: its id goes with every error, for the API provider to find it.
  const failed = (error: AppError): { ok: false; error: AppError } => fail({ ...error, requestId });
  const deadline = AbortSignal.timeout(req.timeouts.totalMs);
  const signal = req.signal ? AbortSignal.any([req.signal, deadline]) : deadline;
  const aborted = (): AppError | null =>
    req.signal?.aborted
      ? appError('cancelled', 'The fetch was cancelled.', 'Fetch again when ready.')
      : deadline.aborted
        ? appError(
            'timeout',
            `No complete response from ${url.host} within ${seconds(req.timeouts.totalMs)}.`,
            'The server is slow or hanging: try again, or raise the total timeout in the profile.',
          )
        : null;

  const retryDelays = config.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  const maxRetryAfter = config.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS;
  for (let attempt = 1; ; attempt++) {
    const outcome = await attemptWithRedirects(url, req, config.transport, signal, aborted, scrub, {
      requestId,
      correlationId,
      startedAt,
    });
    if (outcome.ok) {
      const body = checkJsonBody(outcome.text, outcome.res.status, outcome.res.headers['content-type']);
      if (!body.ok) return failed(body.error);
      const meta: FetchMeta = {
        url: safeUrl(outcome.url),
        method: 'GET',
        status: outcome.res.status,
        durationMs: Date.now() - startedAt,
        bytes: outcome.bytes,
        fetchedAt,
        requestId,
        correlationId,
        responseRequestId: outcome.res.headers['x-request-id'] ?? null,
        responseCorrelationId: outcome.res.headers['x-correlation-id'] ?? null,
        attempts: attempt,
      };
      return { ok: true, value: { text: outcome.text, json: body.value, meta } };
    }
    const retryable =
      RETRY_KINDS.has(outcome.error.kind) ||
      (outcome.error.status !== undefined && RETRY_STATUSES.has(outcome.error.status));
    if (!retryable || attempt > retryDelays.length) return failed(outcome.error);
    const wait = Math.min(outcome.retryAfterMs ?? retryDelays[attempt - 1], maxRetryAfter);
    if (!(await sleep(wait, signal))) return failed(aborted() ?? outcome.error);
  }
}

async function attemptWithRedirects(
  start: URL,
  req: GetRequest,
  transport: Transport,
  signal: AbortSignal,
  aborted: () => AppError | null,
  scrub: Scrubber,
  ids: { requestId: string; correlationId: string; startedAt: number },
): Promise<Attempt> {
  let url = start;
  for (let hop = 0; ; hop++) {
    const headers: Record<string, string> = {
      accept: 'application/json',
      'user-agent': 'SessionInspector/0.1 (support tool)',
      'x-request-id': ids.requestId,
      'x-correlation-id': ids.correlationId,
    };
    // Redirects never leave the start origin (checked below), so this is always the configured origin.
    if (req.auth && url.origin === start.origin) headers[req.auth.name] = req.auth.value;

    let res: TransportResponse;
    try {
      const raw = await transport({ url, headers, connectTimeoutMs: req.timeouts.connectMs, signal });
      res = { ...raw, headers: scrubHeaders(raw.headers, scrub) };
    } catch (err) {
      return { ok: false, error: aborted() ?? networkError(err, url, req.timeouts.connectMs) };
    }

    const location = res.headers.location;
    if (res.status >= 300 && res.status < 400 && location) {
      res.discard();
      let next: URL;
      try {
        next = new URL(location, url);
        // A fragment is never sent, so it is not recorded either.
        next.hash = '';
      } catch {
        return {
          ok: false,
          error: appError(
            'http-status',
            `HTTP ${res.status} with an invalid redirect.`,
            'Report it to the API provider.',
            { status: res.status },
          ),
        };
      }
      if (next.origin !== start.origin)
        return {
          ok: false,
          error: appError(
            'redirect-cross-origin',
            `HTTP ${res.status}: the server redirects to another site (${next.origin}); not followed, so the token was not sent there.`,
            'Point the profile base URL at the final API address.',
            { status: res.status },
          ),
        };
      if (hop >= MAX_REDIRECTS || next.href === url.href)
        return {
          ok: false,
          error: appError(
            'redirect-loop',
            `Too many redirects (more than ${MAX_REDIRECTS}) from ${safeUrl(start)}.`,
            'The server is misconfigured: check the base URL or report it to the API provider.',
            { status: res.status },
          ),
        };
      url = next;
      continue;
    }

    const success = res.status >= 200 && res.status < 300;
    const read = await readBody(
      res,
      success ? req.maxBytes : ERROR_BODY_BYTES,
      success,
      ids.startedAt,
      req.onProgress,
    );
    if (!read.ok) return { ok: false, error: aborted() ?? read.error };
    const text = scrub(read.text);
    if (success) return { ok: true, text, res, url, bytes: read.bytes };
    return {
      ok: false,
      error: statusError(res.status, text, res.headers['content-type'], safeUrl(url), req.resource),
      retryAfterMs: parseRetryAfter(res.headers['retry-after']),
    };
  }
}

/** Reads the body up to `maxBytes`; for error bodies (`strict` false) just keeps the start. */
async function readBody(
  res: TransportResponse,
  maxBytes: number,
  strict: boolean,
  startedAt: number,
  onProgress?: (bytes: number, elapsedMs: number) => void,
): Promise<{ ok: true; text: string; bytes: number } | { ok: false; error: AppError }> {
  const declared = Number(res.headers['content-length']);
  if (strict && Number.isFinite(declared) && declared > maxBytes) {
    res.discard();
    return { ok: false, error: tooLarge(declared, maxBytes) };
  }
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  let lastProgress = 0;
  try {
    for await (const chunk of res.body) {
      bytes += chunk.byteLength;
      if (bytes > maxBytes) {
        res.discard();
        if (strict) return { ok: false, error: tooLarge(bytes, maxBytes) };
        chunks.push(chunk);
        break;
      }
      chunks.push(chunk);
      const now = Date.now();
      if (onProgress && now - lastProgress >= PROGRESS_EVERY_MS) {
        lastProgress = now;
        onProgress(bytes, now - startedAt);
      }
    }
  } catch {
    if (!strict) return { ok: true, text: decodeText(Buffer.concat(chunks)), bytes };
    return {
      ok: false,
      error: appError(
        'truncated',
        `The connection dropped after ${bytes} bytes${Number.isFinite(declared) ? ` of ${declared}` : ''}: the response is incomplete.`,
        'Try again; if it keeps happening, the server or a proxy is cutting responses.',
      ),
    };
  }
  if (strict && Number.isFinite(declared) && bytes < declared)
    return {
      ok: false,
      error: appError('truncated', `Only ${bytes} of ${declared} bytes arrived.`, 'Try again.'),
    };
  onProgress?.(bytes, Date.now() - startedAt);
  return { ok: true, text: decodeText(Buffer.concat(chunks)), bytes };
}

function tooLarge(bytes: number, maxBytes: number): AppError {
  return appError(
    'too-large',
    `The response is larger than the ${mib(maxBytes)} cap (${mib(bytes)} so far).`,
    'Raise the response-size cap in the profile if this session is really that large.',
  );
}

const TLS_CODES = new Set([
  'EPROTO',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
]);

function networkError(err: unknown, url: URL, connectMs: number): AppError {
  // Node throws some request errors itself (an invalid header value), with a code but not as TransportError.
  const nodeCode = (err as { code?: unknown } | null)?.code;
  const code = err instanceof TransportError ? err.code : typeof nodeCode === 'string' ? nodeCode : 'UNKNOWN';
  const host = url.host;
  if (code === 'HPE_HEADER_OVERFLOW')
    return appError(
      'headers-too-large',
      `${host} answered with response headers over 16 KB, more than an HTTP client accepts.`,
      'The server or a proxy sends oversized headers (often a huge cookie): report it to the API provider.',
    );
  if (code === 'ERR_INVALID_CHAR' || code === 'ERR_INVALID_HTTP_TOKEN')
    return appError(
      'invalid-argument',
      'The request could not be sent: the token or the auth header name holds characters HTTP headers do not allow.',
      'Set the token again (one line, no accented or non-Latin letters), or fix the custom header name.',
    );
  if (code === 'connect-timeout')
    return appError(
      'timeout',
      `Could not connect to ${host} within ${seconds(connectMs)}.`,
      'Check the VPN or network, or raise the connect timeout in the profile.',
    );
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return appError(
      'dns',
      `The name ${url.hostname} could not be resolved (DNS).`,
      'Check the base URL for typos, and the network or VPN.',
    );
  if (code === 'ECONNRESET' || code === 'EPIPE')
    return appError(
      'connection-reset',
      `${host} closed the connection before answering.`,
      'Try again; a proxy or firewall may be dropping the connection.',
    );
  if (
    TLS_CODES.has(code) ||
    code.startsWith('ERR_TLS') ||
    code.startsWith('ERR_SSL') ||
    code.includes('CERT')
  )
    return appError(
      'tls',
      `The secure connection to ${host} failed (${code}).`,
      'The server certificate is not trusted here: check the URL, a corporate proxy, or the system clock.',
    );
  return appError(
    'offline',
    `Could not reach ${host} (${code}).`,
    'You seem to be offline, or the server is down: check the network/VPN, or open an exported file instead.',
  );
}

/**
 * `Retry-After` in whole seconds or as an HTTP date, in milliseconds; anything else (`-5`, `1.5`) is
 * undefined, so the backoff applies (Date.parse would read those as dates long past: a retry at 0 ms).
 */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // An HTTP date names its day and month: `Wed, 21 Oct 2015 07:28:00 GMT`.
  if (!/^[A-Za-z]{3},? /.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Waits `ms`; resolves false at once (or early) when `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

const fail = (error: AppError): { ok: false; error: AppError } => ({ ok: false, error });
const seconds = (ms: number): string => `${Math.round(ms / 100) / 10} s`;
const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

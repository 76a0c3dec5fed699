/** Turns an HTTP status or a response body into the typed error a support engineer can act on. */
import { appError, type AppError, type Result } from '../../shared/domain/errors';

const SNIPPET_CHARS = 200;

/** The start of a body, on one line, for messages. */
export function snippet(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > SNIPPET_CHARS ? `${line.slice(0, SNIPPET_CHARS)}…` : line;
}

const looksHtml = (text: string, contentType: string | undefined): boolean =>
  /html/i.test(contentType ?? '') || /^\s*</.test(text);

/** The OCPI envelope's `status_code`/`status_message`, when the body has them. */
function envelopeOf(text: string): { code: number; message: string } | null {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return null;
    const { status_code: code, status_message: message } = value as Record<string, unknown>;
    return typeof code === 'number' ? { code, message: typeof message === 'string' ? message : '' } : null;
  } catch {
    return null;
  }
}

export function statusError(
  status: number,
  body: string,
  contentType: string | undefined,
  url: string,
): AppError {
  const envelope = envelopeOf(body);
  const extra: Partial<AppError> = { status, ...(envelope ? { ocpiStatus: envelope.code } : {}) };
  const said = envelope?.message ? ` The server said: "${snippet(envelope.message)}".` : '';
  switch (status) {
    case 401:
      return appError(
        'unauthorized',
        `HTTP 401: the server refused the token for ${url}.${said}`,
        'The token is wrong or missing for this environment: set it again for this profile, and check the auth scheme and the Base64 toggle.',
        extra,
      );
    case 403:
      return appError(
        'forbidden',
        `HTTP 403: the token has no access to this session or party (${url}).${said}`,
        'Use a token of the party that owns the session, or ask the platform team for access.',
        extra,
      );
    case 404:
      return appError(
        'not-found',
        `HTTP 404: nothing at ${url}: the session id is unknown in this environment.${said}`,
        'Check the id, and that the profile points at the right environment (test or production).',
        extra,
      );
    case 429:
      return appError(
        'http-status',
        `HTTP 429: the server is rate-limiting requests, still after retrying.${said}`,
        'Wait a minute, then fetch again.',
        extra,
      );
  }
  if (looksHtml(body, contentType))
    return appError(
      'html-body',
      `HTTP ${status}: the server answered with an HTML page instead of JSON: "${snippet(body)}"`,
      'A proxy, gateway or login page is in the way: check the base URL, the VPN, or try again later.',
      extra,
    );
  if (status >= 500)
    return appError(
      'server-error',
      `HTTP ${status}: the server failed: "${snippet(body)}"`,
      'The problem is on the server side: try again later, or report it with the request id.',
      extra,
    );
  return appError(
    'http-status',
    `HTTP ${status} from ${url}: "${snippet(body)}"`,
    'Check the base URL and API flavour of the profile.',
    extra,
  );
}

const ENVELOPE_HINTS: Record<string, string> = {
  '2': 'The server rejected the request (OCPI 2xxx, client error): check the id and the token’s party.',
  '3': 'The server failed (OCPI 3xxx, server error): try again later, or report it with the request id.',
  '4': 'A hub in between failed (OCPI 4xxx): try again later, or report it to the hub.',
};

/** A 2xx body must be JSON, complete, and not an OCPI envelope reporting an error. */
export function checkJsonBody(
  text: string,
  status: number,
  contentType: string | undefined,
): Result<unknown> {
  if (text.trim() === '')
    return {
      ok: false,
      error: appError(
        'invalid-json',
        `HTTP ${status} with an empty body.`,
        'Try again; report it if it persists.',
        { status },
      ),
    };
  if (looksHtml(text, contentType) && !/json/i.test(contentType ?? ''))
    return {
      ok: false,
      error: appError(
        'html-body',
        `HTTP ${status}: an HTML page instead of JSON: "${snippet(text)}"`,
        'A proxy or login page is in the way: check the base URL and the VPN.',
        { status },
      ),
    };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    const cut = /end of (JSON )?input|Unterminated/i.test(reason);
    return {
      ok: false,
      error: cut
        ? appError(
            'truncated',
            `The JSON ends early after ${text.length} characters: the response is incomplete.`,
            'Try again; a proxy may be cutting the response.',
            { status },
          )
        : appError(
            'invalid-json',
            `The response is not valid JSON (${snippet(reason)}).`,
            'The server sent something else than a session: report it with the request id.',
            { status },
          ),
    };
  }
  const code = (value as { status_code?: unknown } | null)?.status_code;
  if (typeof code === 'number' && (code < 1000 || code >= 2000)) {
    const message = (value as { status_message?: unknown }).status_message;
    return {
      ok: false,
      error: appError(
        'envelope-status',
        `OCPI status ${code}${typeof message === 'string' && message ? `: ${snippet(message)}` : ''}.`,
        ENVELOPE_HINTS[String(code)[0]] ?? 'The server reported an error in the OCPI envelope.',
        { status, ocpiStatus: code },
      ),
    };
  }
  return { ok: true, value };
}

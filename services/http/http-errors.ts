/** Turns an HTTP status or a response body into the typed error a support engineer can act on. */
import { appError, type AppError, type Result } from '../../shared/domain/errors';
import {
  describeStatus,
  envelopeErrorOf,
  envelopeStatus,
  type EnvelopeStatus,
} from '../../shared/session/envelope';

const SNIPPET_CHARS = 200;

/** The start of a body, on one line, for messages. */
export function snippet(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > SNIPPET_CHARS ? `${line.slice(0, SNIPPET_CHARS)}…` : line;
}

const looksHtml = (text: string, contentType: string | undefined): boolean =>
  /html/i.test(contentType ?? '') || /^\s*</.test(text);

/** The OCPI envelope's status of an error body, when the body is one (rules in shared/session/envelope). */
function envelopeOf(text: string): EnvelopeStatus | null {
  try {
    return envelopeStatus(JSON.parse(text));
  } catch {
    return null;
  }
}

/**
 * `resource` names what the URL should hold ("session", "Location") so a 404 says which id is unknown.
 * The body was scrubbed of the token before it gets here, so cutting it to a snippet cannot leak a prefix.
 */
export function statusError(
  status: number,
  body: string,
  contentType: string | undefined,
  url: string,
  resource?: string,
): AppError {
  const envelope = envelopeOf(body);
  const extra: Partial<AppError> = {
    status,
    ...(envelope?.code != null ? { ocpiStatus: envelope.code } : {}),
  };
  const said = envelope?.message ? ` The server said: "${snippet(envelope.message)}".` : '';
  // What the body says, for messages: the envelope's status_message rather than its raw JSON.
  const told = envelope
    ? describeStatus({ ...envelope, message: envelope.message && snippet(envelope.message) })
    : `"${snippet(body)}"`;
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
        `HTTP 404: nothing at ${url}${resource ? `: the ${resource} id is unknown in this environment` : ''}.${said}`,
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
      `HTTP ${status}: the server failed: ${told}`,
      'The problem is on the server side: try again later, or report it with the request id.',
      extra,
    );
  return appError(
    'http-status',
    `HTTP ${status} from ${url}: ${told}`,
    'Check the base URL and API flavour of the profile.',
    extra,
  );
}

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
  const envelopeError = envelopeErrorOf(value, { status });
  if (envelopeError) return { ok: false, error: envelopeError };
  return { ok: true, value };
}

/**
 * Validators for everything that crosses IPC (and the CLI's equivalents): each takes `unknown` and returns
 * a `Result` with a message the user can act on. Pure, so main, CLI and tests share them.
 */
import { appError, type AppError, type Result } from '../domain/errors';
import { API_FLAVOURS, type ApiFlavour, type AuthScheme, type ProfileInput } from '../domain/profile';
import type { Settings, TimeZoneDisplay } from './contract';

export const MAX_SESSION_ID_LENGTH = 200;
export const MAX_TOKEN_LENGTH = 4096;

const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const bad = (message: string, hint: string): { ok: false; error: AppError } => ({
  ok: false,
  error: appError('invalid-argument', message, hint),
});

type Fields = Record<string, unknown>;
const asObject = (value: unknown): Fields | null =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Fields) : null;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** A session id safe to put in a URL path: no traversal, no separators, no control characters. */
export function checkSessionId(raw: unknown): Result<string> {
  const hint = 'Paste the session id exactly as the platform shows it.';
  if (typeof raw !== 'string' || raw.trim() === '') {
    return { ok: false, error: appError('invalid-session-id', 'The session id is empty.', hint) };
  }
  const id = raw.trim();
  const problem =
    id.length > MAX_SESSION_ID_LENGTH
      ? `longer than ${MAX_SESSION_ID_LENGTH} characters`
      : CONTROL.test(id)
        ? 'contains control characters'
        : id.includes('/') || id.includes('\\')
          ? 'contains a slash'
          : id.includes('..')
            ? 'contains ".."'
            : null;
  if (problem) {
    return { ok: false, error: appError('invalid-session-id', `The session id ${problem}.`, hint) };
  }
  return ok(id);
}

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** An http(s) base URL: HTTPS unless it points at this machine; no credentials, query or fragment. */
export function checkBaseUrl(raw: unknown): Result<string> {
  if (typeof raw !== 'string' || raw.trim() === '')
    return bad('The base URL is empty.', 'Enter the API base URL, e.g. https://host/api/ocpi/api/v1.');
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return bad(`"${raw.slice(0, 200)}" is not a URL.`, 'Enter a full URL starting with https://.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return bad(`The base URL must use https, not ${url.protocol}`, 'Enter a URL starting with https://.');
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname))
    return {
      ok: false,
      error: appError(
        'insecure-url',
        `Plain http is only allowed for this machine (localhost), not ${url.hostname}.`,
        'Use the https:// address of the API: the token must not travel unencrypted.',
      ),
    };
  if (url.username || url.password)
    return bad('The base URL must not contain a user name or password.', 'Set the token instead.');
  if (url.search || url.hash)
    return bad('The base URL must not contain a query or fragment.', 'Remove everything after ? or #.');
  return ok(url.href.replace(/\/+$/, ''));
}

/** An HTTP header field name (RFC 9110 token) for a custom auth header. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$/;
const RESERVED_HEADERS = new Set([
  'host',
  'content-length',
  'connection',
  'x-request-id',
  'x-correlation-id',
]);

function checkAuth(raw: unknown): Result<AuthScheme> {
  const a = asObject(raw);
  if (a?.kind === 'token' || a?.kind === 'bearer') return ok({ kind: a.kind });
  if (a?.kind === 'header') {
    if (typeof a.name !== 'string' || !HEADER_NAME.test(a.name) || RESERVED_HEADERS.has(a.name.toLowerCase()))
      return bad('The custom auth header name is not a valid header name.', 'Use e.g. X-Api-Key.');
    return ok({ kind: 'header', name: a.name });
  }
  return bad('The auth scheme must be Token, Bearer or a custom header.', 'Pick an auth scheme.');
}

const isInt = (v: unknown, min: number, max: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

export function parseProfileInput(raw: unknown): Result<ProfileInput> {
  const p = asObject(raw);
  if (!p) return bad('A profile must be an object.', 'Fill in the profile form.');
  if (p.id !== undefined && (typeof p.id !== 'string' || p.id === '' || p.id.length > 100))
    return bad('The profile id is invalid.', 'Reopen the profile and save again.');
  if (typeof p.name !== 'string' || p.name.trim() === '' || p.name.length > 100 || CONTROL.test(p.name))
    return bad('A profile needs a name of 1 to 100 characters.', 'Give the environment a name.');
  const baseUrl = checkBaseUrl(p.baseUrl);
  if (!baseUrl.ok) return baseUrl;
  if (!API_FLAVOURS.includes(p.flavour as ApiFlavour))
    return bad(`Unknown API flavour ${String(p.flavour)}.`, `Use one of ${API_FLAVOURS.join(', ')}.`);
  const auth = checkAuth(p.auth);
  if (!auth.ok) return auth;
  if (typeof p.base64Token !== 'boolean') return bad('The Base64 toggle must be on or off.', 'Set it again.');
  const t = asObject(p.timeouts);
  if (!t || !isInt(t.connectMs, 100, 120_000) || !isInt(t.totalMs, 100, 600_000))
    return bad(
      'Timeouts must be whole milliseconds: connect 100 ms–2 min, total 100 ms–10 min.',
      'Correct the timeouts.',
    );
  if (!isInt(p.maxBytes, 1024, 2 * 1024 * 1024 * 1024))
    return bad('The response-size cap must be between 1 KiB and 2 GiB.', 'Correct the size cap.');
  return ok({
    ...(typeof p.id === 'string' ? { id: p.id } : {}),
    name: p.name.trim(),
    baseUrl: baseUrl.value,
    flavour: p.flavour as ApiFlavour,
    auth: auth.value,
    base64Token: p.base64Token,
    timeouts: { connectMs: t.connectMs, totalMs: t.totalMs },
    maxBytes: p.maxBytes,
  });
}

/** `{ [key]: non-empty string }`, for the many channels that take one id. */
export function parseIdArg<K extends string>(raw: unknown, key: K): Result<Record<K, string>> {
  const value = asObject(raw)?.[key];
  if (typeof value !== 'string' || value === '' || value.length > 200 || CONTROL.test(value))
    return bad(`Missing or invalid ${key}.`, 'Try again from the app.');
  return ok({ [key]: value } as Record<K, string>);
}

export function parseTokenSetArgs(
  raw: unknown,
): Result<{ profileId: string; token: string; memoryOnly: boolean }> {
  const id = parseIdArg(raw, 'profileId');
  if (!id.ok) return id;
  const a = asObject(raw) as Fields;
  if (typeof a.memoryOnly !== 'boolean') return bad('Missing memoryOnly flag.', 'Try again from the app.');
  const token = typeof a.token === 'string' ? a.token.trim() : '';
  // A newline in a header value would let the token inject other headers.
  if (token === '' || token.length > MAX_TOKEN_LENGTH || CONTROL.test(token))
    return bad(
      `The token must be 1 to ${MAX_TOKEN_LENGTH} characters on one line.`,
      'Paste the token again, without line breaks.',
    );
  return ok({ profileId: id.value.profileId, token, memoryOnly: a.memoryOnly });
}

export function parseFetchArgs(
  raw: unknown,
): Result<{ requestId: string; profileId: string; sessionId: string }> {
  const requestId = parseIdArg(raw, 'requestId');
  if (!requestId.ok) return requestId;
  const profileId = parseIdArg(raw, 'profileId');
  if (!profileId.ok) return profileId;
  const sessionId = checkSessionId((raw as Fields).sessionId);
  if (!sessionId.ok) return sessionId;
  return ok({
    requestId: requestId.value.requestId,
    profileId: profileId.value.profileId,
    sessionId: sessionId.value,
  });
}

/** A Leaflet tile template: https (or loopback http) with {z}, {x} and {y}. */
export function checkTileUrl(raw: unknown): Result<string> {
  const hint = 'Use a template like https://tile.openstreetmap.org/{z}/{x}/{y}.png.';
  if (typeof raw !== 'string' || !['{z}', '{x}', '{y}'].every((p) => raw.includes(p)))
    return bad('The tile URL must contain {z}, {x} and {y}.', hint);
  let url: URL;
  try {
    url = new URL(raw.replace(/\{[a-z]\}/g, '0'));
  } catch {
    return bad('The tile URL is not a URL.', hint);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname)))
    return bad('The tile URL must use https (or http on localhost).', hint);
  return ok(raw);
}

const TIME_ZONES: readonly TimeZoneDisplay[] = ['utc', 'local', 'site'];

export function parseSettingsPatch(raw: unknown): Result<Partial<Settings>> {
  const p = asObject(raw);
  if (!p) return bad('Settings must be an object.', 'Try again from the Settings dialog.');
  const patch: Partial<Settings> = {};
  if (p.tileUrl !== undefined) {
    const tile = checkTileUrl(p.tileUrl);
    if (!tile.ok) return tile;
    patch.tileUrl = tile.value;
  }
  if (p.timeZone !== undefined) {
    if (!TIME_ZONES.includes(p.timeZone as TimeZoneDisplay))
      return bad('The time zone display must be utc, local or site.', 'Pick one in Settings.');
    patch.timeZone = p.timeZone as TimeZoneDisplay;
  }
  if (p.activeProfileId !== undefined) {
    if (p.activeProfileId !== null && typeof p.activeProfileId !== 'string')
      return bad('The active profile id is invalid.', 'Pick a profile.');
    patch.activeProfileId = p.activeProfileId;
  }
  return ok(patch);
}

export function parseExternalUrl(raw: unknown): Result<URL> {
  const value = asObject(raw)?.url;
  try {
    if (typeof value === 'string' && value.length <= 2048) return ok(new URL(value));
  } catch {
    // fall through to the error below
  }
  return bad('That link is not a valid URL.', 'Copy the link instead.');
}

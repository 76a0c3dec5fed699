/**
 * Validators for everything that crosses IPC (and the CLI's equivalents): each takes `unknown` and returns
 * a `Result` with a message the user can act on. Pure, so main, CLI and tests share them.
 */
import { checkHeaderName, checkToken } from '../domain/credentials';
import { appError, type AppError, type Result } from '../domain/errors';
import { type ExportFormat, isExportFormat } from '../domain/export';
import type { SearchFilters } from '../domain/search';
import { parseOcpiSettings } from '../ocpi/profile-settings';
import { parseSessionRef } from '../ocpi/session-ref';
import {
  API_FLAVOURS,
  type ApiFlavour,
  type AuthScheme,
  type ProfileInput,
  type ProfileSave,
} from '../domain/profile';
import { TIME_ZONE_DISPLAYS, type Settings, type TimeZoneDisplay } from '../domain/settings';
import { checkFollowSeconds, checkStaleMinutes } from '../domain/settings-follow';

export const MAX_SESSION_ID_LENGTH = 200;

const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const bad = (message: string, hint: string): { ok: false; error: AppError } => ({
  ok: false,
  error: appError('invalid-argument', message, hint),
});

type Fields = Record<string, unknown>;
/** A plain object (as IPC's structured clone delivers one), not an array, typed array, Map or class instance. */
const asObject = (value: unknown): Fields | null => {
  if (typeof value !== 'object' || value === null) return null;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null ? (value as Fields) : null;
};

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * An id safe to put in a URL path (a session id, or a `location_id` a server sent): no traversal or dot
 * segment (`.` alone would fetch the collection), no separators, no control characters.
 */
export function checkSessionId(raw: unknown, what = 'session id'): Result<string> {
  const hint = 'Paste the session id exactly as the platform shows it.';
  if (typeof raw !== 'string' || raw.trim() === '') {
    return { ok: false, error: appError('invalid-session-id', `The ${what} is empty.`, hint) };
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
            : id === '.'
              ? 'is "." (a dot segment, which names the folder, not an id)'
              : null;
  if (problem) {
    return { ok: false, error: appError('invalid-session-id', `The ${what} ${problem}.`, hint) };
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
  if (/;|%3b/i.test(url.pathname))
    return bad(
      'The base URL must not carry parameters after ";" (such as ;token=…).',
      'Remove them; set the token in the profile instead.',
    );
  return ok(url.href.replace(/\/+$/, ''));
}

function checkAuth(raw: unknown): Result<AuthScheme> {
  const a = asObject(raw);
  if (a?.kind === 'token' || a?.kind === 'bearer') return ok({ kind: a.kind });
  if (a?.kind === 'header') {
    const name = checkHeaderName(a.name);
    return name.ok ? ok({ kind: 'header', name: name.value }) : name;
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
  const ocpi = parseOcpiSettings(p.ocpi);
  if (!ocpi.ok) return ocpi;
  return ok({
    ...(typeof p.id === 'string' ? { id: p.id } : {}),
    name: p.name.trim(),
    baseUrl: baseUrl.value,
    flavour: p.flavour as ApiFlavour,
    auth: auth.value,
    base64Token: p.base64Token,
    timeouts: { connectMs: t.connectMs, totalMs: t.totalMs },
    maxBytes: p.maxBytes,
    ...(ocpi.value ? { ocpi: ocpi.value } : {}),
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
  // A newline in a header value would let the token inject other headers (rules in domain/credentials).
  const token = checkToken(a.token);
  if (!token.ok) return token;
  return ok({ profileId: id.value.profileId, token: token.value, memoryOnly: a.memoryOnly });
}

/**
 * The id to fetch: a session id, or `CC/PARTY/ID` for an OCPI Receiver GET. The split is
 * shared/ocpi/session-ref's; each part is checked there (country and party shapes, and the id by
 * `checkSessionId`: no dot segment, slash or control character), and the three come back normalized.
 */
export function checkFetchSessionId(raw: unknown): Result<string> {
  if (typeof raw !== 'string' || !raw.includes('/')) return checkSessionId(raw);
  const ref = parseSessionRef(raw.startsWith('http') ? '' : raw);
  if (!ref.ok) return ref;
  const { id, party } = ref.value;
  return ok(party ? `${party.countryCode}/${party.partyId}/${id}` : id);
}

/** A time (epoch ms) between 2000 and 2100: the `around` hint of a fetch. */
const isEpochMs = (v: unknown): v is number =>
  typeof v === 'number' && Number.isFinite(v) && v >= 946_684_800_000 && v <= 4_102_444_800_000;

export function parseFetchArgs(
  raw: unknown,
): Result<{ requestId: string; profileId: string; sessionId: string; around?: number }> {
  const requestId = parseIdArg(raw, 'requestId');
  if (!requestId.ok) return requestId;
  const profileId = parseIdArg(raw, 'profileId');
  if (!profileId.ok) return profileId;
  const sessionId = checkFetchSessionId((raw as Fields).sessionId);
  if (!sessionId.ok) return sessionId;
  const around = (raw as Fields).around;
  if (around !== undefined && !isEpochMs(around))
    return bad(
      'The time hint is not a date-time.',
      'Pick a date and time beside the session id, or clear it.',
    );
  return ok({
    requestId: requestId.value.requestId,
    profileId: profileId.value.profileId,
    sessionId: sessionId.value,
    ...(around !== undefined ? { around } : {}),
  });
}

/**
 * A tile template's scheme, host (optionally `{s}.` subdomains) and port: only DNS names, IPv4 and
 * bracketed IPv6, because the origin goes into the CSP header, where `;` or `,` would add directives.
 */
const TILE_AUTHORITY =
  /^(https?):\/\/((?:\{s\}\.)?(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)*[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?|\[[0-9A-Fa-f:.]+\])(:\d{1,5})?(?=\/|$)/;
/** Path and query characters of a tile template: RFC 3986 characters and `{…}` placeholders, no `;` or `,`. */
const TILE_REST = /^(?:\/[A-Za-z0-9\-._~%!$&()*+=:@/{}]*)(?:\?[A-Za-z0-9\-._~%!$&()*+=:@/?{}]*)?$/;
export const MAX_TILE_URL_LENGTH = 2048;

/** A Leaflet tile template: https (or loopback http) host and path with {z}, {x} and {y}. */
export function checkTileUrl(raw: unknown): Result<string> {
  const hint = 'Use a template like https://tile.openstreetmap.org/{z}/{x}/{y}.png.';
  if (typeof raw !== 'string' || raw.length > MAX_TILE_URL_LENGTH)
    return bad('The tile URL must be a URL template of at most 2048 characters.', hint);
  if (!['{z}', '{x}', '{y}'].every((p) => raw.includes(p)))
    return bad('The tile URL must contain {z}, {x} and {y}.', hint);
  const authority = TILE_AUTHORITY.exec(raw);
  if (!authority)
    return bad('The tile URL needs https:// and a plain host name (letters, digits, dots).', hint);
  const [, scheme, host] = authority;
  if (scheme !== 'https' && !isLoopbackHost(host))
    return bad('The tile URL must use https (or http on localhost).', hint);
  if (!TILE_REST.test(raw.slice(authority[0].length)))
    return bad(
      'The tile URL has a character that does not belong in a URL path (e.g. ; , space or quote).',
      hint,
    );
  return ok(raw);
}

/** The CSP source of a valid tile template: scheme, host (`{s}.` becomes `*.`) and port; null if invalid. */
export function tileOrigin(raw: unknown): string | null {
  if (!checkTileUrl(raw).ok) return null;
  const [, scheme, host, port] = TILE_AUTHORITY.exec(raw as string) as RegExpExecArray;
  return `${scheme}://${host.replace('{s}.', '*.').toLowerCase()}${port ?? ''}`;
}

/** Profile ids are at most 100 characters (see parseProfileInput); a longer active id is not one of them. */
const MAX_PROFILE_ID_LENGTH = 100;

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
    if (!TIME_ZONE_DISPLAYS.includes(p.timeZone as TimeZoneDisplay))
      return bad('The time zone display must be utc, local or site.', 'Pick one in Settings.');
    patch.timeZone = p.timeZone as TimeZoneDisplay;
  }
  if (p.activeProfileId !== undefined) {
    const id = p.activeProfileId;
    if (
      id !== null &&
      (typeof id !== 'string' || id === '' || id.length > MAX_PROFILE_ID_LENGTH || CONTROL.test(id))
    )
      return bad('The active profile id is invalid.', 'Pick a profile.');
    patch.activeProfileId = id;
  }
  if (p.followSeconds !== undefined) {
    const seconds = checkFollowSeconds(p.followSeconds);
    if (!seconds.ok) return seconds;
    patch.followSeconds = seconds.value;
  }
  if (p.staleMinutes !== undefined) {
    const minutes = checkStaleMinutes(p.staleMinutes);
    if (!minutes.ok) return minutes;
    patch.staleMinutes = minutes.value;
  }
  return ok(patch);
}

export function parseExternalUrl(raw: unknown): Result<{ url: string }> {
  const value = asObject(raw)?.url;
  try {
    if (typeof value === 'string' && value.length <= 2048) return ok({ url: new URL(value).href });
  } catch {
    // fall through to the error below
  }
  return bad('That link is not a valid URL.', 'Copy the link instead.');
}

/** Channels without an argument: nothing, or null as the browser harness sends it. */
export function parseNoArgs(raw: unknown): Result<void> {
  return raw === undefined || raw === null
    ? ok(undefined)
    : bad('This request takes no argument.', 'Try again from the app.');
}

/** `profiles:save`: the profile, and whether the user confirmed its token may go to a new origin. */
export function parseProfileSave(raw: unknown): Result<ProfileSave> {
  const profile = parseProfileInput(raw);
  if (!profile.ok) return profile;
  const keep = (raw as Fields).keepTokenForNewOrigin;
  if (keep !== undefined && typeof keep !== 'boolean')
    return bad('The keep-token choice must be yes or no.', 'Save the profile again.');
  return ok(keep === true ? { ...profile.value, keepTokenForNewOrigin: true } : profile.value);
}

const MAX_FILE_NAME_LENGTH = 255;

/** `session:open-text`: a dropped file's name and text (its size is checked by the handler, with the cap). */
export function parseOpenTextArgs(raw: unknown): Result<{ fileName: string; text: string }> {
  const a = asObject(raw);
  const fileName = a?.fileName;
  if (
    typeof fileName !== 'string' ||
    fileName === '' ||
    fileName.length > MAX_FILE_NAME_LENGTH ||
    CONTROL.test(fileName) ||
    typeof a?.text !== 'string'
  )
    return bad('A dropped file needs a name and its text.', 'Drop the file again.');
  return ok({ fileName, text: a.text });
}

export const MAX_PATH_LENGTH = 4096;

/** A path main will read: absolute, a `.json` file (bundles end in `.ocpi-session.json`), bounded. */
export function parseOpenPathArgs(raw: unknown): Result<{ path: string }> {
  const path = asObject(raw)?.path;
  if (
    typeof path !== 'string' ||
    path.length > MAX_PATH_LENGTH ||
    CONTROL.test(path) ||
    !/\.json$/i.test(path) ||
    !(path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\\\'))
  )
    return bad('Only an absolute path to a .json file can be opened.', 'Open the file with File → Open….');
  return ok({ path });
}

export function parseAttachPathArgs(raw: unknown): Result<{ key: string; path: string }> {
  const key = parseIdArg(raw, 'key');
  if (!key.ok) return key;
  const path = parseOpenPathArgs(raw);
  return path.ok ? ok({ key: key.value.key, path: path.value.path }) : path;
}

export function parseHistoryPinArgs(raw: unknown): Result<{ id: string; pinned: boolean }> {
  const pinned = asObject(raw)?.pinned;
  if (typeof pinned !== 'boolean') return bad('Pinning needs a pinned flag.', 'Try again from Recent.');
  const id = parseIdArg(raw, 'id');
  return id.ok ? ok({ id: id.value.id, pinned }) : id;
}

export function parseExportSessionArgs(
  raw: unknown,
): Result<{ key: string; format: ExportFormat; redact: boolean }> {
  const a = asObject(raw);
  if (!isExportFormat(a?.format) || typeof a?.redact !== 'boolean')
    return bad(
      'Export needs a format (bundle, csv or html) and a redact flag.',
      'Try the Export menu again.',
    );
  const key = parseIdArg(raw, 'key');
  if (!key.ok) return key;
  return ok({ key: key.value.key, format: a.format, redact: a.redact });
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function parseExportPngArgs(raw: unknown): Result<{ key: string; png: Uint8Array }> {
  const png = asObject(raw)?.png;
  if (!(png instanceof Uint8Array) || !PNG_SIGNATURE.every((b, i) => png[i] === b))
    return bad('The chart image is not a PNG.', 'Try exporting the chart again.');
  const key = parseIdArg(raw, 'key');
  if (!key.ok) return key;
  return ok({ key: key.value.key, png });
}

/** `billing:attach-text`: the shown session's key and a dropped file's name and text. */
export function parseAttachTextArgs(raw: unknown): Result<{ key: string; fileName: string; text: string }> {
  const key = parseIdArg(raw, 'key');
  if (!key.ok) return key;
  const file = parseOpenTextArgs(raw);
  return file.ok ? ok({ key: key.value.key, ...file.value }) : file;
}

/** A search's `last_updated` window may span at most this many days (the demo and most CPOs keep less). */
export const MAX_SEARCH_DAYS = 93;
const STATUS = /^[A-Z_]{1,32}$/;

/** An ISO-8601 date-time with a zone, as normalized UTC ISO, or null. */
function isoWithZone(v: unknown): string | null {
  if (typeof v !== 'string' || v.length > 40 || !/(Z|[+-]\d\d:?\d\d)$/i.test(v)) return null;
  const ms = Date.parse(v);
  return isEpochMs(ms) ? new Date(ms).toISOString() : null;
}

/** `search:start`: profile, the last_updated window [from, to), an optional status and free text. */
export function parseSearchStartArgs(raw: unknown): Result<SearchFilters> {
  const profileId = parseIdArg(raw, 'profileId');
  if (!profileId.ok) return profileId;
  const a = raw as Fields;
  const from = isoWithZone(a.from);
  const to = isoWithZone(a.to);
  if (from === null || to === null)
    return bad('The search needs a from and a to date-time.', 'Pick both ends of the last_updated range.');
  const span = Date.parse(to) - Date.parse(from);
  if (span <= 0) return bad('The search range ends before it starts.', 'Pick a "to" after the "from".');
  if (span > MAX_SEARCH_DAYS * 86_400_000)
    return bad(`The search range is longer than ${MAX_SEARCH_DAYS} days.`, 'Search a shorter range.');
  const status = a.status;
  if (status !== null && (typeof status !== 'string' || !STATUS.test(status)))
    return bad('The status filter is not a session status.', 'Pick a status, or Any.');
  const text = a.text;
  if (typeof text !== 'string' || text.length > 200 || CONTROL.test(text))
    return bad('The search text must be at most 200 characters, without control characters.', 'Shorten it.');
  return ok({ profileId: profileId.value.profileId, from, to, status, text });
}

export const MAX_EXPORT_KEYS = 1_000_000;

/** `search:export-csv`: the search, and the keys of its rows in the order to write them. */
export function parseSearchExportArgs(raw: unknown): Result<{ searchId: string; keys: string[] }> {
  const searchId = parseIdArg(raw, 'searchId');
  if (!searchId.ok) return searchId;
  const keys = (raw as Fields).keys;
  if (
    !Array.isArray(keys) ||
    keys.length > MAX_EXPORT_KEYS ||
    !keys.every((k): k is string => typeof k === 'string' && k.length <= 300)
  )
    return bad('The export needs the list of rows to write.', 'Export from the search view again.');
  return ok({ searchId: searchId.value.searchId, keys });
}

/** `session:follow`: the held session's key and the profile to ask. */
export function parseFollowArgs(raw: unknown): Result<{ key: string; profileId: string }> {
  const key = parseIdArg(raw, 'key');
  if (!key.ok) return key;
  const profileId = parseIdArg(raw, 'profileId');
  if (!profileId.ok) return profileId;
  return ok({ key: key.value.key, profileId: profileId.value.profileId });
}

/** `billing:find-cdr`: the request's id (to cancel it), the held session's key and the profile to ask. */
export function parseFindCdrArgs(
  raw: unknown,
): Result<{ requestId: string; key: string; profileId: string }> {
  const requestId = parseIdArg(raw, 'requestId');
  if (!requestId.ok) return requestId;
  const target = parseFollowArgs(raw);
  if (!target.ok) return target;
  return ok({ requestId: requestId.value.requestId, ...target.value });
}

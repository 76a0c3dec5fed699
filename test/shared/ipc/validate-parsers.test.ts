/**
 * The IPC parsers added late (fetch `around` and CC/PARTY/ID ids, history pin, billing attach, search
 * start and export, follow, OCPI profile settings, open-path) and the checks they build on, pinned at
 * their edges: every limit at the limit and one past it, every type check, every pattern, and the whole
 * value or error each returns (message and hint included, so a changed message is a failed test).
 */
import { describe, expect, it } from 'vitest';
import { appError, type AppErrorKind, type Result } from '../../../shared/domain/errors';
import {
  MAX_EXPORT_KEYS,
  MAX_PATH_LENGTH,
  MAX_SEARCH_DAYS,
  MAX_SESSION_ID_LENGTH,
  MAX_TILE_URL_LENGTH,
  checkBaseUrl,
  checkFetchSessionId,
  checkSessionId,
  checkTileUrl,
  isLoopbackHost,
  parseAttachTextArgs,
  parseExportPngArgs,
  parseExportSessionArgs,
  parseExternalUrl,
  parseFetchArgs,
  parseFollowArgs,
  parseHistoryPinArgs,
  parseIdArg,
  parseNoArgs,
  parseOpenPathArgs,
  parseOpenTextArgs,
  parseProfileInput,
  parseProfileSave,
  parseSearchExportArgs,
  parseSearchStartArgs,
  parseSettingsPatch,
  parseTokenSetArgs,
  tileOrigin,
} from '../../../shared/ipc/validate';

const refused = (message: string, hint: string, kind: AppErrorKind = 'invalid-argument'): Result<never> => ({
  ok: false,
  error: appError(kind, message, hint),
});
const accepted = <T>(value: T): Result<T> => ({ ok: true, value });

const APP_HINT = 'Try again from the app.';
const missing = (key: string): Result<never> => refused(`Missing or invalid ${key}.`, APP_HINT);

const ID_HINT = 'Paste the session id exactly as the platform shows it.';
const badId = (problem: string, what = 'session id'): Result<never> =>
  refused(`The ${what} ${problem}.`, ID_HINT, 'invalid-session-id');
const emptyId = (what = 'session id'): Result<never> =>
  refused(`The ${what} is empty.`, ID_HINT, 'invalid-session-id');

/** Values that are not plain objects, as a renderer could send them. */
class Shaped {
  key = 'k';
  id = 'i';
  kind = 'token';
}
const NOT_OBJECTS: unknown[] = [undefined, null, 'k', 7, true, [], new Map([['key', 'k']]), new Shaped()];

describe('checkSessionId', () => {
  it('trims, and accepts up to the length limit', () => {
    const id = 's'.repeat(MAX_SESSION_ID_LENGTH);
    expect(MAX_SESSION_ID_LENGTH).toBe(200);
    expect(checkSessionId(` ${id} `)).toEqual(accepted(id));
    expect(checkSessionId(` ${id}s `)).toEqual(badId('longer than 200 characters'));
  });

  it('refuses what is not a non-blank string, naming what it checked', () => {
    for (const raw of [undefined, null, 7, {}, '', ' \t '])
      expect(checkSessionId(raw), String(raw)).toEqual(emptyId());
    expect(checkSessionId('', 'location id')).toEqual(emptyId('location id'));
    expect(checkSessionId('a/b', 'location id')).toEqual(badId('contains a slash', 'location id'));
  });

  it('refuses control characters (C0 and DEL), not other characters', () => {
    for (const c of ['\u0000', '\u0001', '\u001f', '\u007f'])
      expect(checkSessionId(`a${c}b`), c.charCodeAt(0).toString(16)).toEqual(
        badId('contains control characters'),
      );
    for (const id of ['a b', 'a~b', 'a\u0080b', 'a\u00a0b', 'ü-1', 'a.b', '.a', 'a.', '.a.b'])
      expect(checkSessionId(id), id).toEqual(accepted(id));
  });

  it('refuses separators and dot segments', () => {
    expect(checkSessionId('a/b')).toEqual(badId('contains a slash'));
    expect(checkSessionId('a\\b')).toEqual(badId('contains a slash'));
    expect(checkSessionId('/')).toEqual(badId('contains a slash'));
    expect(checkSessionId('..')).toEqual(badId('contains ".."'));
    expect(checkSessionId('a..b')).toEqual(badId('contains ".."'));
    expect(checkSessionId(' . ')).toEqual(badId('is "." (a dot segment, which names the folder, not an id)'));
  });

  it('reports the first problem in a fixed order: length, control, slash, dots', () => {
    expect(checkSessionId(`${'x'.repeat(200)}\u0000`)).toEqual(badId('longer than 200 characters'));
    expect(checkSessionId('a\u0000/b')).toEqual(badId('contains control characters'));
    expect(checkSessionId('../a')).toEqual(badId('contains a slash'));
  });
});

describe('isLoopbackHost', () => {
  it('knows localhost, ::1 and 127/8 in dotted form only', () => {
    for (const host of [
      'localhost',
      'LocalHost',
      '::1',
      '[::1]',
      '127.0.0.1',
      '127.10.100.1',
      '127.255.255.255',
    ])
      expect(isLoopbackHost(host), host).toBe(true);
    for (const host of [
      '127.1000.0.1',
      '127.0.0.1000',
      '127.0.0.',
      '127.a.0.1',
      '127x0.0.1',
      '[::1]x',
      'x[::1]',
    ])
      expect(isLoopbackHost(host), host).toBe(false);
  });
});

describe('checkBaseUrl', () => {
  const URL_HINT = 'Enter a URL starting with https://.';

  it('returns the trimmed href without trailing slashes', () => {
    expect(checkBaseUrl('https://h.example/')).toEqual(accepted('https://h.example'));
    expect(checkBaseUrl('https://h.example/a/b')).toEqual(accepted('https://h.example/a/b'));
    expect(checkBaseUrl('https://H.Example/a//')).toEqual(accepted('https://h.example/a'));
    expect(checkBaseUrl('http://localhost:9000/ocpi/')).toEqual(accepted('http://localhost:9000/ocpi'));
    expect(checkBaseUrl('http://[::1]:9000/')).toEqual(accepted('http://[::1]:9000'));
  });

  it('says exactly what is wrong', () => {
    const empty = refused(
      'The base URL is empty.',
      'Enter the API base URL, e.g. https://host/api/ocpi/api/v1.',
    );
    for (const raw of [undefined, 7, '', '  ']) expect(checkBaseUrl(raw)).toEqual(empty);
    const junk = `${'j'.repeat(200)}TAIL`;
    expect(checkBaseUrl(junk)).toEqual(
      refused(`"${'j'.repeat(200)}" is not a URL.`, 'Enter a full URL starting with https://.'),
    );
    expect(checkBaseUrl('ws://h.example')).toEqual(refused('The base URL must use https, not ws:', URL_HINT));
    expect(checkBaseUrl('http://h.example/x')).toEqual({
      ok: false,
      error: appError(
        'insecure-url',
        'Plain http is only allowed for this machine (localhost), not h.example.',
        'Use the https:// address of the API: the token must not travel unencrypted.',
      ),
    });
    expect(checkBaseUrl('https://u:p@h.example')).toEqual(
      refused('The base URL must not contain a user name or password.', 'Set the token instead.'),
    );
    expect(checkBaseUrl('https://h.example/?a')).toEqual(
      refused('The base URL must not contain a query or fragment.', 'Remove everything after ? or #.'),
    );
    const params = refused(
      'The base URL must not carry parameters after ";" (such as ;token=…).',
      'Remove them; set the token in the profile instead.',
    );
    expect(checkBaseUrl('https://h.example/a;token=x')).toEqual(params);
    expect(checkBaseUrl('https://h.example/a%3btoken=x')).toEqual(params);
    expect(checkBaseUrl('https://h.example/a%3Btoken=x')).toEqual(params);
    expect(checkBaseUrl('https://h.example/a%3token')).toEqual(accepted('https://h.example/a%3token'));
  });
});

const PROFILE = {
  name: 'Prod',
  baseUrl: 'https://api.example.com/ocpi',
  flavour: 'vendor',
  auth: { kind: 'token' },
  base64Token: false,
  timeouts: { connectMs: 1000, totalMs: 2000 },
  maxBytes: 1024 * 1024,
};

describe('parseProfileInput', () => {
  const notObject = refused('A profile must be an object.', 'Fill in the profile form.');
  const badName = refused('A profile needs a name of 1 to 100 characters.', 'Give the environment a name.');
  const badTimeouts = refused(
    'Timeouts must be whole milliseconds: connect 100 ms–2 min, total 100 ms–10 min.',
    'Correct the timeouts.',
  );
  const badCap = refused('The response-size cap must be between 1 KiB and 2 GiB.', 'Correct the size cap.');

  it('takes only plain objects (a null-prototype one too)', () => {
    for (const raw of NOT_OBJECTS) expect(parseProfileInput(raw)).toEqual(notObject);
    const bare = Object.assign(Object.create(null) as object, PROFILE);
    expect(parseProfileInput(bare)).toEqual(accepted(PROFILE));
  });

  it('returns exactly the profile fields, the name trimmed', () => {
    expect(parseProfileInput({ ...PROFILE, name: '  Prod  ', token: 'secret', extra: 1 })).toEqual(
      accepted(PROFILE),
    );
    expect(parseProfileInput({ ...PROFILE, id: 'p1' })).toEqual(accepted({ id: 'p1', ...PROFILE }));
  });

  it('an id of 1 to 100 characters, when given', () => {
    const bad = refused('The profile id is invalid.', 'Reopen the profile and save again.');
    expect(parseProfileInput({ ...PROFILE, id: 'i'.repeat(100) })).toEqual(
      accepted({ id: 'i'.repeat(100), ...PROFILE }),
    );
    for (const id of ['', 'i'.repeat(101), 7, null])
      expect(parseProfileInput({ ...PROFILE, id })).toEqual(bad);
  });

  it('a name of 1 to 100 characters as sent, without control characters', () => {
    expect(parseProfileInput({ ...PROFILE, name: 'n'.repeat(100) })).toEqual(
      accepted({ ...PROFILE, name: 'n'.repeat(100) }),
    );
    for (const name of [undefined, 7, '', '   ', 'n'.repeat(101), ` ${'n'.repeat(100)}`, 'a\tb', 'a\u007f'])
      expect(parseProfileInput({ ...PROFILE, name }), JSON.stringify(name)).toEqual(badName);
  });

  it('passes the base URL refusal through', () => {
    expect(parseProfileInput({ ...PROFILE, baseUrl: 'https://h.example/?q' })).toEqual(
      checkBaseUrl('https://h.example/?q'),
    );
    expect(parseProfileInput({ ...PROFILE, baseUrl: 'https://h.example/v1/' })).toEqual(
      accepted({ ...PROFILE, baseUrl: 'https://h.example/v1' }),
    );
  });

  it('every known flavour, and a refusal that lists them', () => {
    for (const flavour of ['vendor', 'ocpi-2.1.1', 'ocpi-2.2.1', 'ocpi-2.3.0'])
      expect(parseProfileInput({ ...PROFILE, flavour })).toEqual(accepted({ ...PROFILE, flavour }));
    expect(parseProfileInput({ ...PROFILE, flavour: undefined })).toEqual(
      refused('Unknown API flavour undefined.', 'Use one of vendor, ocpi-2.1.1, ocpi-2.2.1, ocpi-2.3.0.'),
    );
  });

  it('an auth scheme from a plain object', () => {
    const bad = refused('The auth scheme must be Token, Bearer or a custom header.', 'Pick an auth scheme.');
    for (const auth of [...NOT_OBJECTS, { kind: 'Token' }, { kind: 'basic' }, {}])
      expect(parseProfileInput({ ...PROFILE, auth }), String(auth)).toEqual(bad);
    expect(parseProfileInput({ ...PROFILE, auth: { kind: 'bearer', name: 'X' } })).toEqual(
      accepted({ ...PROFILE, auth: { kind: 'bearer' } }),
    );
    expect(parseProfileInput({ ...PROFILE, auth: { kind: 'header', name: 'X-Key' } })).toEqual(
      accepted({ ...PROFILE, auth: { kind: 'header', name: 'X-Key' } }),
    );
    const noName = parseProfileInput({ ...PROFILE, auth: { kind: 'header' } });
    expect(noName.ok ? null : noName.error.message).toBe('The custom auth header name is empty.');
  });

  it('a boolean Base64 toggle', () => {
    expect(parseProfileInput({ ...PROFILE, base64Token: true })).toEqual(
      accepted({ ...PROFILE, base64Token: true }),
    );
    for (const base64Token of [undefined, 'true', 1])
      expect(parseProfileInput({ ...PROFILE, base64Token })).toEqual(
        refused('The Base64 toggle must be on or off.', 'Set it again.'),
      );
  });

  it('whole-millisecond timeouts within their ranges, from a plain object', () => {
    for (const timeouts of [
      { connectMs: 100, totalMs: 100 },
      { connectMs: 120_000, totalMs: 600_000 },
    ])
      expect(parseProfileInput({ ...PROFILE, timeouts: { ...timeouts, extra: 1 } })).toEqual(
        accepted({ ...PROFILE, timeouts }),
      );
    for (const timeouts of [
      undefined,
      [100, 100],
      { connectMs: 99, totalMs: 1000 },
      { connectMs: 120_001, totalMs: 1000 },
      { connectMs: 1000, totalMs: 99 },
      { connectMs: 1000, totalMs: 600_001 },
      { connectMs: 1000, totalMs: 1000.5 },
      { connectMs: 1000 },
      { totalMs: 1000 },
    ])
      expect(parseProfileInput({ ...PROFILE, timeouts }), JSON.stringify(timeouts)).toEqual(badTimeouts);
  });

  it('a size cap from 1 KiB to 2 GiB', () => {
    for (const maxBytes of [1024, 2 * 1024 ** 3])
      expect(parseProfileInput({ ...PROFILE, maxBytes })).toEqual(accepted({ ...PROFILE, maxBytes }));
    for (const maxBytes of [1023, 2 * 1024 ** 3 + 1, 2048.5, '2048', undefined])
      expect(parseProfileInput({ ...PROFILE, maxBytes })).toEqual(badCap);
  });

  it('OCPI settings: none, normalized, or their refusal', () => {
    expect(parseProfileInput({ ...PROFILE, ocpi: undefined })).toEqual(accepted(PROFILE));
    expect(
      parseProfileInput({
        ...PROFILE,
        ocpi: { versionsUrl: 'https://h.example/ocpi/versions/', countryCode: 'nl', partyId: 'sin' },
      }),
    ).toEqual(
      accepted({
        ...PROFILE,
        ocpi: { versionsUrl: 'https://h.example/ocpi/versions', countryCode: 'NL', partyId: 'SIN' },
      }),
    );
    expect(parseProfileInput({ ...PROFILE, ocpi: 'yes' })).toEqual(
      refused('The OCPI settings must be an object.', 'Fill in the OCPI part of the profile.'),
    );
  });
});

describe('parseProfileSave', () => {
  it('adds keepTokenForNewOrigin only when true, refuses a non-boolean', () => {
    expect(parseProfileSave({ ...PROFILE, keepTokenForNewOrigin: true })).toEqual(
      accepted({ ...PROFILE, keepTokenForNewOrigin: true }),
    );
    expect(parseProfileSave({ ...PROFILE, keepTokenForNewOrigin: false })).toEqual(accepted(PROFILE));
    expect(parseProfileSave({ ...PROFILE, keepTokenForNewOrigin: 'true' })).toEqual(
      refused('The keep-token choice must be yes or no.', 'Save the profile again.'),
    );
    expect(parseProfileSave(null)).toEqual(parseProfileInput(null));
  });
});

describe('parseIdArg', () => {
  it('a string of 1 to 200 characters without control characters, under the key asked for', () => {
    expect(parseIdArg({ requestId: 'r'.repeat(200), other: 1 }, 'requestId')).toEqual(
      accepted({ requestId: 'r'.repeat(200) }),
    );
    expect(parseIdArg({ id: ' x ' }, 'id')).toEqual(accepted({ id: ' x ' }));
    for (const id of [undefined, '', 'r'.repeat(201), 'a\u0000', 'a\u001f', 'a\u007f', 5])
      expect(parseIdArg({ id }, 'id'), JSON.stringify(id)).toEqual(missing('id'));
    expect(parseIdArg({ key: 'k' }, 'id')).toEqual(missing('id'));
  });

  it('only from a plain object', () => {
    for (const raw of NOT_OBJECTS) expect(parseIdArg(raw, 'key'), String(raw)).toEqual(missing('key'));
  });
});

describe('parseTokenSetArgs', () => {
  it('checks the profile id, then the flag, then the token', () => {
    expect(parseTokenSetArgs({ token: '', memoryOnly: 'x' })).toEqual(missing('profileId'));
    expect(parseTokenSetArgs({ profileId: 'p', token: '' })).toEqual(
      refused('Missing memoryOnly flag.', APP_HINT),
    );
    expect(parseTokenSetArgs({ profileId: 'p', token: ' ', memoryOnly: true })).toEqual(
      refused('The token is empty.', 'Paste the token again: one line, as the platform issued it.'),
    );
    expect(parseTokenSetArgs({ profileId: 'p', token: ' t ', memoryOnly: false, x: 1 })).toEqual(
      accepted({ profileId: 'p', token: 't', memoryOnly: false }),
    );
  });
});

describe('checkFetchSessionId', () => {
  it('a bare id as checkSessionId says', () => {
    expect(checkFetchSessionId(' 123 ')).toEqual(accepted('123'));
    expect(checkFetchSessionId(undefined)).toEqual(emptyId());
    expect(checkFetchSessionId(42)).toEqual(emptyId());
    expect(checkFetchSessionId('..')).toEqual(badId('contains ".."'));
    expect(checkFetchSessionId('a\\b')).toEqual(badId('contains a slash'));
  });

  it('CC/PARTY/ID, normalized to upper-case country and party and a trimmed id', () => {
    expect(checkFetchSessionId('nl/sin/abc')).toEqual(accepted('NL/SIN/abc'));
    expect(checkFetchSessionId(' NL/SIN/ 12 ')).toEqual(accepted('NL/SIN/12'));
    expect(checkFetchSessionId('DE/A1b/x-1')).toEqual(accepted('DE/A1B/x-1'));
  });

  it('refuses a bad country, party, id or segment count', () => {
    const party = (cc: string, p: string): Result<never> =>
      refused(
        `"${cc}/${p}" is not a country code (2 letters) and party id (3 characters).`,
        'Give the id as CC/PARTY/ID, e.g. NL/SIN/123, or the bare session id.',
        'invalid-session-id',
      );
    expect(checkFetchSessionId('NLD/SIN/1')).toEqual(party('NLD', 'SIN'));
    expect(checkFetchSessionId('NL/SI/1')).toEqual(party('NL', 'SI'));
    expect(checkFetchSessionId('NL/SIN/..')).toEqual(badId('contains ".."'));
    expect(checkFetchSessionId('NL/SIN/.')).toEqual(
      badId('is "." (a dot segment, which names the folder, not an id)'),
    );
    expect(checkFetchSessionId('NL/SIN/')).toEqual(emptyId());
    expect(checkFetchSessionId('NL/SIN/a\u0000')).toEqual(badId('contains control characters'));
    const shape = refused(
      'The session field holds neither an id, CC/PARTY/ID, nor a session URL.',
      'Paste the session id, CC/PARTY/ID, or the full URL of the session.',
      'invalid-session-id',
    );
    for (const raw of ['a/b', '/x', 'NL/SIN/1/2']) expect(checkFetchSessionId(raw), raw).toEqual(shape);
  });

  it('refuses a pasted URL: the session field resolves those, not the fetch channel', () => {
    expect(checkFetchSessionId('https://h.example/ocpi/sessions/NL/SIN/1')).toEqual(emptyId());
    expect(checkFetchSessionId('http://h.example/sessions/1')).toEqual(emptyId());
  });
});

describe('parseFetchArgs', () => {
  const ARGS = { requestId: 'r1', profileId: 'p1', sessionId: 'nl/sin/s1' };
  const badTime = refused(
    'The time hint is not a date-time.',
    'Pick a date and time beside the session id, or clear it.',
  );
  const Y2000 = Date.UTC(2000, 0, 1);
  const Y2100 = Date.UTC(2100, 0, 1);

  it('returns the ids, the normalized session id, and around only when given', () => {
    expect(parseFetchArgs({ ...ARGS, extra: 1 })).toEqual(
      accepted({ requestId: 'r1', profileId: 'p1', sessionId: 'NL/SIN/s1' }),
    );
    expect(parseFetchArgs({ ...ARGS, around: undefined })).toEqual(
      accepted({ requestId: 'r1', profileId: 'p1', sessionId: 'NL/SIN/s1' }),
    );
    expect(parseFetchArgs({ ...ARGS, around: 1_700_000_000_000 })).toEqual(
      accepted({ requestId: 'r1', profileId: 'p1', sessionId: 'NL/SIN/s1', around: 1_700_000_000_000 }),
    );
  });

  it('around: epoch ms from 2000 to 2100 inclusive', () => {
    expect(Y2000).toBe(946_684_800_000);
    expect(Y2100).toBe(4_102_444_800_000);
    for (const around of [Y2000, Y2100, Y2000 + 0.5])
      expect(parseFetchArgs({ ...ARGS, around })).toEqual(
        accepted({ requestId: 'r1', profileId: 'p1', sessionId: 'NL/SIN/s1', around }),
      );
    for (const around of [Y2000 - 1, Y2100 + 1, Number.NaN, Infinity, -Infinity, '1700000000000', null])
      expect(parseFetchArgs({ ...ARGS, around }), String(around)).toEqual(badTime);
  });

  it('checks request id, then profile id, then session id, then around', () => {
    expect(parseFetchArgs({ profileId: 'p', sessionId: '', around: 'x' })).toEqual(missing('requestId'));
    expect(parseFetchArgs({ requestId: 'r', sessionId: '', around: 'x' })).toEqual(missing('profileId'));
    expect(parseFetchArgs({ requestId: 'r', profileId: 'p', around: 'x' })).toEqual(emptyId());
    expect(parseFetchArgs({ ...ARGS, sessionId: 'a/b' })).toEqual(checkFetchSessionId('a/b'));
    expect(parseFetchArgs(null)).toEqual(missing('requestId'));
  });
});

describe('checkTileUrl and tileOrigin', () => {
  const HINT = 'Use a template like https://tile.openstreetmap.org/{z}/{x}/{y}.png.';
  const tooLong = refused('The tile URL must be a URL template of at most 2048 characters.', HINT);
  const noPlaceholders = refused('The tile URL must contain {z}, {x} and {y}.', HINT);
  const badHost = refused('The tile URL needs https:// and a plain host name (letters, digits, dots).', HINT);
  const notHttps = refused('The tile URL must use https (or http on localhost).', HINT);
  const badChar = refused(
    'The tile URL has a character that does not belong in a URL path (e.g. ; , space or quote).',
    HINT,
  );

  it('at most 2048 characters, a string', () => {
    expect(MAX_TILE_URL_LENGTH).toBe(2048);
    const head = 'https://t.example/{z}/{x}/{y}/';
    const atLimit = `${head}${'a'.repeat(2048 - head.length)}`;
    expect(atLimit).toHaveLength(2048);
    expect(checkTileUrl(atLimit)).toEqual(accepted(atLimit));
    expect(checkTileUrl(`${atLimit}a`)).toEqual(tooLong);
    for (const raw of [undefined, null, 7, {}]) expect(checkTileUrl(raw)).toEqual(tooLong);
  });

  it('needs each of {z}, {x} and {y}', () => {
    expect(checkTileUrl('https://t.example/{x}/{y}')).toEqual(noPlaceholders);
    expect(checkTileUrl('https://t.example/{z}/{y}')).toEqual(noPlaceholders);
    expect(checkTileUrl('https://t.example/{z}/{x}')).toEqual(noPlaceholders);
  });

  it('host names, {s}. subdomains, bracketed IPv6 and ports', () => {
    for (const url of [
      'https://a/{z}/{x}/{y}',
      'https://a-b.c-d.example/{z}/{x}/{y}',
      'https://{s}.t.example/{z}/{x}/{y}',
      'https://t.example:1/{z}/{x}/{y}',
      'https://t.example:65535/{z}/{x}/{y}',
      'https://[2001:db8::1]/{z}/{x}/{y}',
      'http://[::1]:8080/{z}/{x}/{y}',
      'http://127.0.0.1/{z}/{x}/{y}',
      'http://localhost:1/{z}/{x}/{y}',
      'https://127.0.0.1/{z}/{x}/{y}',
    ])
      expect(checkTileUrl(url), url).toEqual(accepted(url));
    for (const url of [
      'https://-a.example/{z}/{x}/{y}',
      'https://a-.example/{z}/{x}/{y}',
      'https://a..example/{z}/{x}/{y}',
      'https://.example/{z}/{x}/{y}',
      'https://{s}/{z}/{x}/{y}',
      'https://x.{s}.example/{z}/{x}/{y}',
      'https://t.example:123456/{z}/{x}/{y}',
      'https://t.example:/{z}/{x}/{y}',
      'https://t.example:a/{z}/{x}/{y}',
      'https://[g::1]/{z}/{x}/{y}',
      'https://t.example?{z}{x}{y}',
      'HTTPS://t.example/{z}/{x}/{y}',
      'ftp://t.example/{z}/{x}/{y}',
      ' https://t.example/{z}/{x}/{y}',
      'https:/t.example/{z}/{x}/{y}',
    ])
      expect(checkTileUrl(url), url).toEqual(badHost);
  });

  it('plain http only to this machine', () => {
    expect(checkTileUrl('http://t.example/{z}/{x}/{y}')).toEqual(notHttps);
    expect(checkTileUrl('http://[::2]/{z}/{x}/{y}')).toEqual(notHttps);
    expect(checkTileUrl('http://{s}.localhost/{z}/{x}/{y}')).toEqual(notHttps);
  });

  it('path and query of RFC 3986 characters and placeholders', () => {
    const every = 'https://t.example/{z}/{x}/{y}-._~%20!$&()*+=:@/?q=-._~%!$&()*+=:@/?{s}';
    expect(checkTileUrl(every)).toEqual(accepted(every));
    expect(checkTileUrl('https://t.example/{z}/{x}/{y}?')).toEqual(
      accepted('https://t.example/{z}/{x}/{y}?'),
    );
    for (const c of [';', ',', ' ', '"', "'", '<', '>', '\\', '^', '`', '|', '[', ']', '#', '\n', '\u00e9'])
      expect(checkTileUrl(`https://t.example/{z}/{x}/{y}${c}.png`), c).toEqual(badChar);
    expect(checkTileUrl('https://t.example/{z}/{x}/{y}?a;b')).toEqual(badChar);
    expect(checkTileUrl('https://t.example/{z}/{x}/{y}?a#b')).toEqual(badChar);
  });

  it('the CSP origin: scheme, lower-cased host with {s}. as *., and port', () => {
    expect(tileOrigin('https://{s}.Tiles.Example:8443/{z}/{x}/{y}.png')).toBe('https://*.tiles.example:8443');
    expect(tileOrigin('https://T.example/{z}/{x}/{y}.png')).toBe('https://t.example');
    expect(tileOrigin('http://127.0.0.1:8080/{z}/{x}/{y}.png')).toBe('http://127.0.0.1:8080');
    expect(tileOrigin('http://t.example/{z}/{x}/{y}.png')).toBeNull();
    expect(tileOrigin(7)).toBeNull();
  });
});

describe('parseSettingsPatch', () => {
  const badProfile = refused('The active profile id is invalid.', 'Pick a profile.');

  it('only the fields given, each checked', () => {
    for (const raw of NOT_OBJECTS)
      expect(parseSettingsPatch(raw)).toEqual(
        refused('Settings must be an object.', 'Try again from the Settings dialog.'),
      );
    expect(parseSettingsPatch({ tileUrl: 'x' })).toEqual(checkTileUrl('x'));
    for (const timeZone of ['utc', 'local', 'site'])
      expect(parseSettingsPatch({ timeZone, other: 1 })).toEqual(accepted({ timeZone }));
    for (const timeZone of ['UTC', null, ''])
      expect(parseSettingsPatch({ timeZone })).toEqual(
        refused('The time zone display must be utc, local or site.', 'Pick one in Settings.'),
      );
  });

  it('an active profile id: null, or 1 to 100 characters without control characters', () => {
    for (const activeProfileId of [null, 'p', 'p'.repeat(100)])
      expect(parseSettingsPatch({ activeProfileId })).toEqual(accepted({ activeProfileId }));
    for (const activeProfileId of ['', 'p'.repeat(101), 'a\u0000', 'a\u007f', 3, false])
      expect(parseSettingsPatch({ activeProfileId }), String(activeProfileId)).toEqual(badProfile);
  });
});

describe('parseExternalUrl and parseNoArgs', () => {
  it('a link as a normalized href, refused otherwise', () => {
    const bad = refused('That link is not a valid URL.', 'Copy the link instead.');
    expect(parseExternalUrl({ url: 'https://h.example/a b' })).toEqual(
      accepted({ url: 'https://h.example/a%20b' }),
    );
    for (const raw of [...NOT_OBJECTS, { url: 'h.example' }, { url: '' }, { url: 7 }])
      expect(parseExternalUrl(raw), String(raw)).toEqual(bad);
  });

  it('no argument: undefined or null', () => {
    for (const raw of [0, '', false, {}, []])
      expect(parseNoArgs(raw)).toEqual(refused('This request takes no argument.', APP_HINT));
  });
});

describe('parseOpenTextArgs and parseAttachTextArgs', () => {
  const badFile = refused('A dropped file needs a name and its text.', 'Drop the file again.');

  it('a file name of 1 to 255 characters without control characters, and text', () => {
    expect(parseOpenTextArgs({ fileName: 'f'.repeat(255), text: '', x: 1 })).toEqual(
      accepted({ fileName: 'f'.repeat(255), text: '' }),
    );
    for (const fileName of [undefined, '', 'f'.repeat(256), 'a\u0000.json', 'a\u007f.json', 1])
      expect(parseOpenTextArgs({ fileName, text: '{}' }), String(fileName)).toEqual(badFile);
    expect(parseOpenTextArgs({ fileName: 'a.json' })).toEqual(badFile);
    for (const raw of NOT_OBJECTS) expect(parseOpenTextArgs(raw)).toEqual(badFile);
  });

  it('billing attach: the key first, then the file', () => {
    expect(parseAttachTextArgs({ key: 'k1', fileName: 'cdr.json', text: '[]', y: 2 })).toEqual(
      accepted({ key: 'k1', fileName: 'cdr.json', text: '[]' }),
    );
    expect(parseAttachTextArgs({ fileName: '', text: 1 })).toEqual(missing('key'));
    expect(parseAttachTextArgs({ key: 'k'.repeat(201), fileName: 'a', text: '' })).toEqual(missing('key'));
    expect(parseAttachTextArgs({ key: 'k1', fileName: 'a\nb', text: '' })).toEqual(badFile);
    expect(parseAttachTextArgs({ key: 'k1', fileName: 'a' })).toEqual(badFile);
  });
});

describe('parseOpenPathArgs', () => {
  const bad = refused(
    'Only an absolute path to a .json file can be opened.',
    'Open the file with File → Open….',
  );

  it('absolute POSIX, drive-letter and UNC paths to .json files', () => {
    for (const path of [
      '/a.json',
      '/home/u/s.ocpi-session.JSON',
      'C:\\u\\a.json',
      'z:/a.Json',
      '\\\\server\\share\\a.json',
      '/a b/ü.json',
    ])
      expect(parseOpenPathArgs({ path, x: 1 }), path).toEqual(accepted({ path }));
  });

  it('at most 4096 characters', () => {
    expect(MAX_PATH_LENGTH).toBe(4096);
    const atLimit = `/${'p'.repeat(4096 - 6)}.json`;
    expect(atLimit).toHaveLength(4096);
    expect(parseOpenPathArgs({ path: atLimit })).toEqual(accepted({ path: atLimit }));
    expect(parseOpenPathArgs({ path: `/p${atLimit}` })).toEqual(bad);
  });

  it('refuses relative paths, other extensions, control characters and non-strings', () => {
    for (const path of [
      'a.json',
      './a.json',
      '~/a.json',
      'C:a.json',
      '1:\\a.json',
      'CD:\\a.json',
      '\\a.json',
      '/a.json.txt',
      '/a.jsonx',
      '/ajson',
      '/a.json\n',
      '/a\u0000.json',
      '/a\u007f.json',
      '/a\u001f.json',
      '',
    ])
      expect(parseOpenPathArgs({ path }), JSON.stringify(path)).toEqual(bad);
    for (const raw of [...NOT_OBJECTS, { path: 7 }]) expect(parseOpenPathArgs(raw)).toEqual(bad);
  });
});

describe('parseHistoryPinArgs', () => {
  it('a boolean pinned flag, then the id', () => {
    for (const pinned of [true, false])
      expect(parseHistoryPinArgs({ id: 'h1', pinned, x: 1 })).toEqual(accepted({ id: 'h1', pinned }));
    const noFlag = refused('Pinning needs a pinned flag.', 'Try again from Recent.');
    for (const raw of [{ id: 'h1' }, { id: 'h1', pinned: 'true' }, { id: '', pinned: 1 }, null, []])
      expect(parseHistoryPinArgs(raw)).toEqual(noFlag);
    expect(parseHistoryPinArgs({ id: '', pinned: true })).toEqual(missing('id'));
    expect(parseHistoryPinArgs({ pinned: false })).toEqual(missing('id'));
  });

  it('history delete and search cancel take one id', () => {
    expect(parseIdArg({ id: 'h1' }, 'id')).toEqual(accepted({ id: 'h1' }));
    expect(parseIdArg({ searchId: 's1' }, 'searchId')).toEqual(accepted({ searchId: 's1' }));
    expect(parseIdArg({ searchId: '' }, 'searchId')).toEqual(missing('searchId'));
  });
});

describe('parseExportSessionArgs and parseExportPngArgs', () => {
  const badExport = refused(
    'Export needs a format (bundle, csv or html) and a redact flag.',
    'Try the Export menu again.',
  );
  const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

  it('each format, a redact flag, then the key', () => {
    for (const format of ['bundle', 'csv', 'html'])
      for (const redact of [true, false])
        expect(parseExportSessionArgs({ key: 'k', format, redact, x: 1 })).toEqual(
          accepted({ key: 'k', format, redact }),
        );
    for (const raw of [
      { key: 'k', format: 'pdf', redact: true },
      { key: 'k', format: 'csv' },
      { key: 'k', redact: true },
      { format: 'csv', redact: 'no' },
      null,
    ])
      expect(parseExportSessionArgs(raw)).toEqual(badExport);
    expect(parseExportSessionArgs({ key: '', format: 'csv', redact: true })).toEqual(missing('key'));
  });

  it('PNG bytes by signature, then the key', () => {
    expect(parseExportPngArgs({ key: 'k', png: PNG })).toEqual(accepted({ key: 'k', png: PNG }));
    const notPng = refused('The chart image is not a PNG.', 'Try exporting the chart again.');
    for (let i = 0; i < PNG.length; i++) {
      const wrong = PNG.slice();
      wrong[i] ^= 0xff;
      expect(parseExportPngArgs({ key: 'k', png: wrong }), `byte ${i}`).toEqual(notPng);
    }
    for (const png of [PNG.slice(0, 7), [...PNG], PNG.buffer, undefined])
      expect(parseExportPngArgs({ key: 'k', png })).toEqual(notPng);
    expect(parseExportPngArgs(null)).toEqual(notPng);
    expect(parseExportPngArgs({ png: PNG })).toEqual(missing('key'));
  });
});

describe('parseSearchStartArgs', () => {
  const FROM = '2024-03-01T00:00:00Z';
  const TO = '2024-03-02T00:00:00Z';
  const ARGS = { profileId: 'p1', from: FROM, to: TO, status: null, text: '' };
  const value = (over: Record<string, unknown> = {}): Result<unknown> =>
    accepted({
      profileId: 'p1',
      from: '2024-03-01T00:00:00.000Z',
      to: '2024-03-02T00:00:00.000Z',
      status: null,
      text: '',
      ...over,
    });
  const noRange = refused(
    'The search needs a from and a to date-time.',
    'Pick both ends of the last_updated range.',
  );
  const badStatus = refused('The status filter is not a session status.', 'Pick a status, or Any.');
  const badText = refused(
    'The search text must be at most 200 characters, without control characters.',
    'Shorten it.',
  );

  it('returns the filters with the window as UTC ISO', () => {
    expect(parseSearchStartArgs({ ...ARGS, x: 1 })).toEqual(value());
    expect(
      parseSearchStartArgs({ ...ARGS, from: '2024-03-01T01:00:00+01:00', to: '2024-03-01T23:30:00-0030' }),
    ).toEqual(value({ to: '2024-03-02T00:00:00.000Z' }));
    expect(parseSearchStartArgs({ ...ARGS, from: '2024-03-01T00:00:00z' })).toEqual(value());
  });

  it('checks the profile id first', () => {
    expect(parseSearchStartArgs({ ...ARGS, profileId: '', from: 1 })).toEqual(missing('profileId'));
    expect(parseSearchStartArgs(null)).toEqual(missing('profileId'));
  });

  it('from and to: zoned ISO date-times of at most 40 characters, 2000 to 2100', () => {
    const forty = '2024-03-01T00:00:00.0000000000000000000Z';
    expect(forty).toHaveLength(40);
    expect(parseSearchStartArgs({ ...ARGS, from: forty })).toEqual(value());
    const fortyOne = '2024-03-01T00:00:00.00000000000000000000Z';
    expect(Number.isFinite(Date.parse(fortyOne))).toBe(true);
    expect(parseSearchStartArgs({ ...ARGS, from: fortyOne })).toEqual(noRange);
    expect(
      parseSearchStartArgs({ ...ARGS, from: '2000-01-01T00:00:00Z', to: '2000-01-02T00:00:00Z' }),
    ).toEqual(value({ from: '2000-01-01T00:00:00.000Z', to: '2000-01-02T00:00:00.000Z' }));
    expect(
      parseSearchStartArgs({ ...ARGS, from: '2099-12-31T00:00:00Z', to: '2100-01-01T00:00:00Z' }),
    ).toEqual(value({ from: '2099-12-31T00:00:00.000Z', to: '2100-01-01T00:00:00.000Z' }));
    for (const [from, to] of [
      ['1999-12-31T23:59:59.999Z', TO],
      [FROM, '2100-01-01T00:00:00.001Z'],
      ['2024-03-01T00:00:00', TO],
      [FROM, '2024-03-02'],
      ['2024-03-01T00:00:00+1', TO],
      ['2024-03-01T00:00:00+01:00x', TO],
      ['xZ', TO],
      [FROM, '2024-02-30T00:00:00+01:00 Z'],
      [Date.parse(FROM), TO],
      [FROM, undefined],
    ])
      expect(parseSearchStartArgs({ ...ARGS, from, to }), `${String(from)} ${String(to)}`).toEqual(noRange);
  });

  it('a window that ends after it starts, of at most 93 days', () => {
    expect(MAX_SEARCH_DAYS).toBe(93);
    const end = new Date(Date.parse(FROM) + 93 * 86_400_000).toISOString();
    expect(parseSearchStartArgs({ ...ARGS, to: end })).toEqual(value({ to: end }));
    const past = new Date(Date.parse(FROM) + 93 * 86_400_000 + 1).toISOString();
    expect(parseSearchStartArgs({ ...ARGS, to: past })).toEqual(
      refused('The search range is longer than 93 days.', 'Search a shorter range.'),
    );
    const backwards = refused('The search range ends before it starts.', 'Pick a "to" after the "from".');
    expect(parseSearchStartArgs({ ...ARGS, to: FROM })).toEqual(backwards);
    expect(parseSearchStartArgs({ ...ARGS, from: TO, to: FROM })).toEqual(backwards);
    expect(parseSearchStartArgs({ ...ARGS, to: '2024-03-01T00:00:00.001Z' })).toEqual(
      value({ to: '2024-03-01T00:00:00.001Z' }),
    );
  });

  it('a status of 1 to 32 upper-case letters and underscores, or null', () => {
    for (const status of ['ACTIVE', 'A', 'PENDING_X', 'S'.repeat(32)])
      expect(parseSearchStartArgs({ ...ARGS, status })).toEqual(value({ status }));
    for (const status of ['', 'active', 'S'.repeat(33), 'ACTIVE ', ' ACTIVE', 'A-B', 'A1', undefined, 1])
      expect(parseSearchStartArgs({ ...ARGS, status }), String(status)).toEqual(badStatus);
  });

  it('text of at most 200 characters without control characters', () => {
    for (const text of ['abc DEF', 't'.repeat(200)])
      expect(parseSearchStartArgs({ ...ARGS, text })).toEqual(value({ text }));
    for (const text of ['t'.repeat(201), 'a\u0000', 'a\u001f', 'a\u007f', undefined, 1])
      expect(parseSearchStartArgs({ ...ARGS, text }), String(text)).toEqual(badText);
  });
});

describe('parseSearchExportArgs', () => {
  const badKeys = refused(
    'The export needs the list of rows to write.',
    'Export from the search view again.',
  );

  it('the search id, then up to a million keys of at most 300 characters', () => {
    expect(parseSearchExportArgs({ searchId: 's1', keys: [], x: 1 })).toEqual(
      accepted({ searchId: 's1', keys: [] }),
    );
    const keys = ['a', 'k'.repeat(300), ''];
    expect(parseSearchExportArgs({ searchId: 's1', keys })).toEqual(accepted({ searchId: 's1', keys }));
    expect(parseSearchExportArgs({ keys: 7 })).toEqual(missing('searchId'));
    for (const bad of [undefined, 'a', { length: 0 }, ['k'.repeat(301)], ['a', 1], [null]])
      expect(parseSearchExportArgs({ searchId: 's1', keys: bad }), JSON.stringify(bad)).toEqual(badKeys);
  });

  it('at the key-count limit and one past it', () => {
    expect(MAX_EXPORT_KEYS).toBe(1_000_000);
    const full = new Array<string>(MAX_EXPORT_KEYS).fill('k');
    expect(parseSearchExportArgs({ searchId: 's', keys: full })).toEqual(
      accepted({ searchId: 's', keys: full }),
    );
    full.push('k');
    expect(parseSearchExportArgs({ searchId: 's', keys: full })).toEqual(badKeys);
  });
});

describe('parseFollowArgs', () => {
  it('the key, then the profile id', () => {
    expect(parseFollowArgs({ key: 'k1', profileId: 'p1', x: 1 })).toEqual(
      accepted({ key: 'k1', profileId: 'p1' }),
    );
    expect(parseFollowArgs({ profileId: '' })).toEqual(missing('key'));
    expect(parseFollowArgs({ key: 'k1', profileId: 'p'.repeat(201) })).toEqual(missing('profileId'));
    expect(parseFollowArgs(null)).toEqual(missing('key'));
  });
});

/** Edges a first mutation run showed no test pinned. */
describe('edges found by mutation testing', () => {
  it('isLoopbackHost strips only a leading [ and a trailing ]', () => {
    expect(isLoopbackHost('::]1')).toBe(false);
    expect(isLoopbackHost('::1[')).toBe(false);
    expect(isLoopbackHost('[::1')).toBe(true);
  });

  it('a base URL is trimmed of any white space, a no-break space too', () => {
    expect(checkBaseUrl('\u00a0https://h.example/a\u00a0')).toEqual(accepted('https://h.example/a'));
  });

  it('a profile without an id has no id key, a fetch without around no around key', () => {
    expect(parseProfileInput(PROFILE)).toStrictEqual(accepted(PROFILE));
    expect(parseFetchArgs({ requestId: 'r', profileId: 'p', sessionId: 's' })).toStrictEqual(
      accepted({ requestId: 'r', profileId: 'p', sessionId: 's' }),
    );
  });

  it('a bare session id that starts with "http" is an id, not a URL', () => {
    expect(checkFetchSessionId('http-1')).toEqual(accepted('http-1'));
    expect(checkFetchSessionId('https')).toEqual(accepted('https'));
  });

  it('a link must be a string, not something that stringifies to a URL', () => {
    expect(parseExternalUrl({ url: ['https://h.example/'] })).toEqual(
      refused('That link is not a valid URL.', 'Copy the link instead.'),
    );
  });

  it('a search bound must end with its zone; a status must be a string', () => {
    const args = { profileId: 'p', from: '2024-03-01T00:00:00Z', status: null, text: '' };
    const zoneInside = 'Mar 2 2024 01:00 +0100 (CET)';
    expect(Number.isFinite(Date.parse(zoneInside))).toBe(true);
    expect(parseSearchStartArgs({ ...args, to: zoneInside })).toEqual(
      refused('The search needs a from and a to date-time.', 'Pick both ends of the last_updated range.'),
    );
    expect(parseSearchStartArgs({ ...args, to: '2024-03-02T00:00:00Z', status: ['ACTIVE'] })).toEqual(
      refused('The status filter is not a session status.', 'Pick a status, or Any.'),
    );
  });
});

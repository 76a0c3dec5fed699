import { describe, expect, it } from 'vitest';
import { createBundle } from '../../../shared/export/bundle';
import { readSessionFile } from '../../../shared/export/import';
import { redactLoaded } from '../../../shared/export/redact';
import { FETCH_META, loadedFrom } from '../../fixtures/export';
import { ocpi211Session, ocpi221Envelope, ocpi221LocationEnvelope } from '../../fixtures/sessions';

const SECRETS_221 = ['012345678', 'NL-TNM-C12345678-X'];

describe('redaction', () => {
  it('replaces cdr_token.uid and contract_id in raw and derived data, keeping the rest of the text as is', () => {
    const raw = JSON.stringify(ocpi221Envelope(), null, 2);
    const loaded = loadedFrom(raw, JSON.stringify(ocpi221LocationEnvelope()));
    const red = redactLoaded(loaded);
    for (const secret of SECRETS_221) {
      expect(red.rawText).not.toContain(secret);
      expect(JSON.stringify(red.session)).not.toContain(secret);
    }
    expect(red.session.auth).toMatchObject({ id: 'REDACTED-1', contractId: 'REDACTED-2' });
    // Formatting and every other value survive: only the two string tokens changed.
    expect(red.rawText).toBe(
      raw.replace('"012345678"', '"REDACTED-1"').replace('"NL-TNM-C12345678-X"', '"REDACTED-2"'),
    );
    expect(red.rawLocationText).toBe(loaded.rawLocationText);
  });

  it('replaces auth_id and token_uid, and any other field holding the same value', () => {
    const raw = JSON.stringify(
      ocpi211Session({ auth_id: 'ABCDEF123', meter_id: 'ABCDEF123', token_uid: 'TOK-77' }),
    );
    const red = redactLoaded(loadedFrom(raw));
    const body = JSON.parse(red.rawText);
    expect(body).toMatchObject({ auth_id: 'REDACTED-1', meter_id: 'REDACTED-1', token_uid: 'REDACTED-2' });
    expect(red.session.meterId).toBe('REDACTED-1');
  });

  it('replaces an identifier sent as a number, and only under identifier keys', () => {
    const raw = JSON.stringify(ocpi211Session({ auth_id: 7, cdr_token: { uid: 7, type: 'RFID' }, kwh: 7 }));
    const red = redactLoaded(loadedFrom(raw));
    expect(JSON.parse(red.rawText)).toMatchObject({
      auth_id: 'REDACTED-1',
      cdr_token: { uid: 'REDACTED-1' },
      kwh: 7,
    });
    expect(red.session.auth.id).toBe('REDACTED-1');
  });

  it('gives the same placeholders on every export of the same session', () => {
    const loaded = loadedFrom(JSON.stringify(ocpi221Envelope()));
    const opts = { appVersion: '1', redact: true, exportedAt: new Date(0) };
    expect(createBundle(loaded, opts)).toBe(createBundle(loaded, opts));
  });

  it('redacts a long secret inside other text (re-serializing the body) and in warning messages', () => {
    const raw = JSON.stringify(
      ocpi211Session({ auth_id: 'SECRET-TAG-9', remark: 'card SECRET-TAG-9 blocked' }),
    );
    const loaded = loadedFrom(raw);
    loaded.warnings = [{ path: 'auth_id', message: 'odd value "SECRET-TAG-9"' }];
    const red = redactLoaded(loaded);
    expect(red.rawText).not.toContain('SECRET-TAG-9');
    expect(JSON.parse(red.rawText).remark).toBe('card REDACTED-1 blocked');
    expect(red.warnings[0].message).toBe('odd value "REDACTED-1"');
  });

  it('catches a secret written with \\u escapes', () => {
    const raw = JSON.stringify(ocpi211Session({ auth_id: 'XYZ' })).replace('"XYZ"', '"\\u0058YZ"');
    const red = redactLoaded(loadedFrom(raw));
    expect(JSON.parse(red.rawText).auth_id).toBe('REDACTED-1');
  });

  it('a redacted bundle re-opens with the placeholders in the derived data', () => {
    const loaded = loadedFrom(JSON.stringify(ocpi221Envelope()));
    const text = createBundle(loaded, { appVersion: '1', redact: true });
    for (const secret of SECRETS_221) expect(text).not.toContain(secret);
    const back = readSessionFile(text, 'r.json');
    expect(back.ok && back.value.session.auth).toMatchObject({ id: 'REDACTED-1', contractId: 'REDACTED-2' });
    expect(JSON.parse(text).redacted).toBe(true);
  });

  it('leaves a session without account ids unchanged', () => {
    const loaded = loadedFrom(JSON.stringify(ocpi211Session({ auth_id: undefined })));
    expect(redactLoaded(loaded)).toBe(loaded);
  });
});

/** A bare 2.1.1 session as text, with `members` (raw JSON text) spliced in right after its `{`. */
function sessionWith(members: string, overrides: Record<string, unknown> = {}): string {
  const body = JSON.stringify(ocpi211Session({ auth_id: undefined, ...overrides }), null, 2);
  return `{${members},${body.slice(1)}`;
}

describe('redaction over the JSON tokens', () => {
  it('catches an auth_id sent twice, the first of which JSON.parse never shows', () => {
    const raw = sessionWith('"auth_id": "FIRST-CARD-1", "auth_id": "SECOND-CARD-2"');
    const red = redactLoaded(loadedFrom(raw));
    expect(red.rawText).not.toContain('FIRST-CARD-1');
    expect(red.rawText).not.toContain('SECOND-CARD-2');
    expect(red.rawText.startsWith('{"auth_id": "REDACTED-1", "auth_id": "REDACTED-2",\n')).toBe(true);
    expect(red.session.auth.id).toBe('REDACTED-2');
  });

  it('catches a cdr_token sent twice', () => {
    const raw = sessionWith(
      '"cdr_token": {"uid": "0A1B2C", "type": "RFID", "contract_id": "NL-AAA-C1"}, "cdr_token": {"uid": "FFEE99", "type": "RFID"}',
    );
    const red = redactLoaded(loadedFrom(raw));
    for (const id of ['0A1B2C', 'NL-AAA-C1', 'FFEE99']) expect(red.rawText).not.toContain(id);
    expect(red.rawText).toContain('"uid": "REDACTED-1", "type": "RFID", "contract_id": "REDACTED-2"');
  });

  it('catches \\/-escaped (PHP-style) values, here and wherever the same value is repeated', () => {
    const raw = sessionWith('"auth_id": "CARD\\/4711", "card": "CARD\\/4711"');
    const red = redactLoaded(loadedFrom(raw));
    expect(red.rawText).not.toMatch(/4711/);
    expect(JSON.parse(red.rawText)).toMatchObject({
      auth_id: 'REDACTED-1',
      card: 'REDACTED-1',
    });
  });

  it('catches \\u-escaped keys and values and keeps the rest of the body byte for byte', () => {
    const raw = sessionWith('"auth\\u005Fid": "\\u0043ARD-99Z"');
    const red = redactLoaded(loadedFrom(raw));
    expect(red.rawText).toBe(raw.replace('"\\u0043ARD-99Z"', '"REDACTED-1"'));
  });

  it.each([
    ['AUTH_ID', 'authId'],
    ['Contract_Id', 'contractId'],
    ['emaid', 'emaid'],
    ['Token_UID', 'token_uid'],
    ['visual_number', 'VisualNumber'],
  ])('matches the key %s (and %s) whatever its case', (first, second) => {
    const raw = sessionWith(`"${first}": "NL-ACC-00017", "${second}": "NL-ACC-00018"`);
    const red = redactLoaded(loadedFrom(raw));
    expect(red.rawText).not.toMatch(/NL-ACC-0001/);
    expect(JSON.parse(red.rawText)).toMatchObject({ [first]: 'REDACTED-1', [second]: 'REDACTED-2' });
  });

  it('matches uid only inside a token, so an EVSE uid stays', () => {
    const raw = sessionWith('"CdrToken": {"UID": "DEADBEEF"}');
    const body = JSON.parse(redactLoaded(loadedFrom(raw)).rawText);
    expect(body.CdrToken.UID).toBe('REDACTED-1');
    expect(body.location.evses[0].uid).toBe('E-1');
  });

  it('replaces short ids inside text as whole words, not inside other words or numbers', () => {
    const raw = sessionWith(
      '"auth_id": "K7Q", "remark": "card K7Q blocked (K7Q).", "other": "K7Q9 XK7Q", "token_uid": "2023"',
    );
    const red = redactLoaded(loadedFrom(raw));
    const body = JSON.parse(red.rawText);
    expect(body.remark).toBe('card REDACTED-1 blocked (REDACTED-1).');
    expect(body.other).toBe('K7Q9 XK7Q');
    // "2023" is also the year of every date: dates are numbers joined by separators and stay whole.
    expect(body.start_datetime).toBe('2023-01-10T08:00:00Z');
    expect(red.session.startedAt).toBe(loadedFrom(raw).session.startedAt);
  });

  it('replaces an id repeated as a number, but leaves measurements equal to short ids alone', () => {
    const raw = sessionWith('"auth_id": "40401234", "card_number": 40401234, "token_uid": "11"', {
      kwh: 11,
    });
    const red = redactLoaded(loadedFrom(raw));
    const body = JSON.parse(red.rawText);
    expect(red.rawText).not.toContain('40401234');
    expect(body.card_number).toBe('REDACTED-1');
    expect(body.kwh).toBe(11);
  });

  it('treats everything under an id key as the id, even an object or a list', () => {
    const raw = sessionWith('"contract_id": ["NL-LST-1", {"emaid_part": "NL-LST-2"}]');
    const red = redactLoaded(loadedFrom(raw));
    expect(red.rawText).not.toMatch(/NL-LST/);
  });

  it('numbers ids in document order, the same on every export', () => {
    const raw = sessionWith('"auth_id": "AAA111", "remark": "BBB222 AAA111", "token_uid": "BBB222"');
    const first = redactLoaded(loadedFrom(raw));
    expect(JSON.parse(first.rawText).remark).toBe('REDACTED-2 REDACTED-1');
    expect(redactLoaded(loadedFrom(raw)).rawText).toBe(first.rawText);
  });

  it('redacts the recorded file name and fetch metadata, which may echo an id', () => {
    const loaded = loadedFrom(sessionWith('"auth_id": "CARD-0451"'), null, {
      fileName: 'CARD-0451.json',
      fetch: { ...FETCH_META, responseRequestId: 'req for CARD-0451' },
      requests: [{ ...FETCH_META, url: 'https://cpo.example.test/tokens/CARD-0451' }, FETCH_META],
    });
    const red = redactLoaded(loaded);
    expect(red.source.fileName).toBe('REDACTED-1.json');
    expect(red.source.fetch?.responseRequestId).toBe('req for REDACTED-1');
    expect(red.source.requests?.map((m) => m.url)).toEqual([
      'https://cpo.example.test/tokens/REDACTED-1',
      FETCH_META.url,
    ]);
    expect(red.source.kind).toBe('fetch');
  });

  it('re-opens a redacted bundle of all these spellings with the same periods and no id left', () => {
    const raw = sessionWith(
      '"AUTH_ID": "ZZ-CARD-1", "auth_id": "ZZ\\/CARD\\/2", "auth_id": "ZZ-CARD-3", "emaid": "NL\\u002DEMA-4", "token_uid": 55667788, "note": "paid with 55667788"',
    );
    const loaded = loadedFrom(raw);
    const text = createBundle(loaded, { appVersion: '1', redact: true });
    for (const id of ['ZZ-CARD', 'CARD\\/2', 'CARD/2', 'EMA-4', '55667788']) expect(text).not.toContain(id);
    const back = readSessionFile(text, 'r.json');
    if (!back.ok) throw new Error(back.error.message);
    expect(back.value.session.periods).toEqual(loaded.session.periods);
    expect(back.value.session.auth.id).toBe('REDACTED-3');
  });
});

describe('redaction edge cases', () => {
  const redactRaw = (members: string) => redactLoaded(loadedFrom(sessionWith(members))).rawText;

  it('redacts a body that is not JSON as plain text', () => {
    const loaded = loadedFrom(sessionWith('"auth_id": "CARD-0452"'), null);
    for (const broken of ['<html>CARD-0452</html>', '{"a": [CARD-0452}', '{"a": "\\x CARD-0452"}', '']) {
      const red = redactLoaded({ ...loaded, rawLocationText: broken });
      expect(red.rawLocationText).toBe(broken.replace('CARD-0452', 'REDACTED-1'));
    }
    for (const broken of ['{"a": 1}}', '{"a": 1', '[1]]', '{"a" 1 2}', '{1: 2}', 'nul']) {
      const red = redactLoaded({ ...loaded, rawLocationText: `${broken} CARD-0452` });
      expect(red.rawLocationText).toBe(`${broken} REDACTED-1`);
    }
  });

  it('finds ids in a body only through its JSON structure, whatever lies around them', () => {
    const loaded = loadedFrom(sessionWith('"auth_id": "CARD-0453"'), null);
    const location = '\uFEFF {"emaid": "EMA-0454", "list": [1, true, null, -2.5e3, {"x": []}], "k": {}}';
    const red = redactLoaded({ ...loaded, rawLocationText: location });
    expect(red.rawLocationText).toBe(location.replace('"EMA-0454"', '"REDACTED-2"'));
  });

  it('replaces true under an id key but keeps null, and a key that holds an id', () => {
    const body = JSON.parse(
      redactRaw('"auth_id": true, "token_uid": null, "CARD-0455": 1, "emaid": "CARD-0455"'),
    );
    expect(body.auth_id).toBe('REDACTED-1');
    expect(body.token_uid).toBeNull();
    expect(body['REDACTED-2']).toBe(1);
  });

  it('replaces numbers of 6 or more digits equal to an id, and leaves shorter ones', () => {
    const body = JSON.parse(
      redactRaw('"auth_id": "123456", "token_uid": "12345", "a": 123456, "b": 12345, "c": 1234567'),
    );
    expect(body).toMatchObject({ a: 'REDACTED-1', b: 12345, c: 1234567 });
  });

  it('prefers the longest id where two overlap, and escapes regular-expression characters', () => {
    const body = JSON.parse(
      redactRaw(
        '"auth_id": "ABC123", "token_uid": "ABC1234", "emaid": "A.B*C(", "n": "ABC1234 AxB*C( A.B*C("',
      ),
    );
    expect(body.n).toBe('REDACTED-2 AxB*C( REDACTED-3');
  });

  it('tells a short id in text from part of a number', () => {
    const body = JSON.parse(
      redactRaw(
        '"auth_id": "2024", "a": "2024-05 v2024 2024.5 3.2024 1,2024", "b": "in 2024. and (2024) x-2024 2024:"',
      ),
    );
    expect(body.a).toBe('2024-05 v2024 2024.5 3.2024 1,2024');
    expect(body.b).toBe('in REDACTED-1. and (REDACTED-1) x-REDACTED-1 REDACTED-1:');
  });

  it('replaces ids under 3 characters only as a whole value', () => {
    const body = JSON.parse(redactRaw('"auth_id": "AB", "a": "AB", "b": "AB cd", "c": "ab"'));
    expect(body).toMatchObject({ auth_id: 'REDACTED-1', a: 'REDACTED-1', b: 'AB cd', c: 'ab' });
  });

  it('keeps the derived data’s shape: typed arrays shared, maps and null-prototype objects copied', () => {
    const loaded = loadedFrom(sessionWith('"auth_id": "CARD-0456"'));
    const extra = Object.create(null) as Record<string, unknown>;
    Object.defineProperty(extra, '__proto__', { value: 'CARD-0456', enumerable: true });
    const session = {
      ...loaded.session,
      extra,
      byType: new Map([['x', 'CARD-0456']]),
      flags: { contractId: true, authId: 7 },
    } as unknown as typeof loaded.session;
    const red = redactLoaded({ ...loaded, session }).session as unknown as typeof session & {
      extra: Record<string, unknown>;
      byType: Map<string, string>;
      flags: Record<string, unknown>;
    };
    expect(red.periods.start).toBe(loaded.session.periods.start);
    expect(Object.getPrototypeOf(red.extra)).toBeNull();
    expect(Object.getOwnPropertyDescriptor(red.extra, '__proto__')?.value).toBe('REDACTED-1');
    expect(red.byType.get('x')).toBe('REDACTED-1');
    expect(red.flags).toEqual({ contractId: true, authId: 7 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('redacts ids the reader took from booleans and numbers in the derived data', () => {
    const loaded = loadedFrom(sessionWith('"auth_id": "CARD-0457"'));
    const session = { ...loaded.session, tokens: { authId: 424242, emaid: false } };
    loaded.session = session as unknown as typeof loaded.session;
    loaded.rawText = sessionWith('"auth_id": 424242, "emaid": false');
    const red = redactLoaded(loaded).session as unknown as { tokens: Record<string, unknown> };
    expect(red.tokens).toEqual({ authId: 'REDACTED-1', emaid: 'REDACTED-2' });
  });

  it('leaves source metadata without ids as it is', () => {
    const loaded = loadedFrom(sessionWith('"auth_id": "CARD-0458"'), null, { fileName: null, fetch: null });
    const red = redactLoaded(loaded);
    expect(red.source).toEqual(loaded.source);
    expect(
      redactLoaded({ ...loaded, source: { ...loaded.source, locationFetch: FETCH_META } }).source
        .locationFetch,
    ).toEqual(FETCH_META);
  });
});

describe('what the scanner takes as JSON', () => {
  // An id under 3 characters is replaced in a JSON body (as a whole value) but not in text that is not
  // JSON, so whether "AB" is replaced tells whether the scanner read the body as JSON.
  const scanned = (location: string): boolean => {
    const loaded = loadedFrom(sessionWith('"auth_id": "AB"'), null);
    const red = redactLoaded({ ...loaded, rawLocationText: location }).rawLocationText ?? '';
    return !red.includes('"AB"');
  };

  it.each([
    '\r\n\t{"x":\t"AB",\r\n"n": -1, "z": 9, "w": 0, "f": 1.25, "e": 1e5, "E": 2E-3, "p": 3e+2}',
    '{"t": true, "l": [false, null, {}], "x": "AB", "s": "\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9"}',
    '"AB"',
    '["AB"]',
  ])('reads %j as JSON', (text) => expect(scanned(text)).toBe(true));

  it.each([
    '{"x": "AB"',
    '{"x": ["AB"}]',
    '["AB"]]',
    '"AB", 1',
    '{1: "AB"}',
    '{"x": "AB", "y": "\u0001"}',
    '{"x": "AB", "y": "\\u00ZZ"}',
    '{"x": "AB", "y": "\\q"}',
    '{"x": "AB", "y": "\\',
    '{"x": "AB", "y": nope}',
  ])('does not read %j as JSON', (text) => expect(scanned(text)).toBe(false));

  it('reads a number id with all its digits, fraction and exponent', () => {
    const body = JSON.parse(
      redactRawBody('"auth_id": 1234.5678, "token_uid": 4.5e+12, "x": "1234.5678", "y": "4.5e+12"'),
    );
    expect(body).toMatchObject({ x: 'REDACTED-1', y: 'REDACTED-2' });
  });

  it.each(['id_tag', 'group_id', 'IdTag'])('matches the key %s', (key) => {
    expect(redactRawBody(`"${key}": "GRP-0001"`)).not.toContain('GRP-0001');
  });

  it('matches uid inside a Token object', () => {
    expect(JSON.parse(redactRawBody('"token": {"uid": "TOK-0002"}')).token.uid).toBe('REDACTED-1');
  });

  it('ignores an empty id', () => {
    const body = JSON.parse(redactRawBody('"auth_id": "", "token_uid": "CARD-0003", "e": ""'));
    expect(body).toMatchObject({ auth_id: '', e: '' });
  });

  it('redacts check messages and derived lists; derived numbers that are not ids stay numbers', () => {
    const loaded = loadedFrom(sessionWith('"auth_id": "424242"'));
    loaded.checks = [
      { ...loaded.checks[0], code: 'NO_CHARGING_PERIODS', severity: 'info', message: 'card 424242 seen' },
    ];
    loaded.session = {
      ...loaded.session,
      list: ['424242', 'ok'],
      counts: { n: 424242 },
    } as unknown as typeof loaded.session;
    const red = redactLoaded(loaded);
    expect(red.checks[0]).toMatchObject({ code: 'NO_CHARGING_PERIODS', message: 'card REDACTED-1 seen' });
    const session = red.session as unknown as { list: string[]; counts: { n: number } };
    expect(session.list).toEqual(['REDACTED-1', 'ok']);
    expect(session.counts.n).toBe(424242);
    session.counts.n = 1;
    delete (session as { list?: unknown }).list;
    expect(session.counts.n).toBe(1);
  });
});

function redactRawBody(members: string): string {
  return redactLoaded(loadedFrom(sessionWith(members))).rawText;
}

/**
 * The channel parsers at their edges: what each accepts exactly (value for value), what it refuses, and
 * that every refusal says what is wrong and what to do (a message and a hint, never empty).
 */
import { describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/domain/errors';
import { DEFAULT_MAX_BYTES } from '../../../shared/domain/profile';
import {
  checkBaseUrl,
  checkTileUrl,
  isLoopbackHost,
  parseExportPngArgs,
  parseExportSessionArgs,
  parseExternalUrl,
  parseIdArg,
  parseNoArgs,
  parseOpenTextArgs,
  parseProfileInput,
  parseProfileSave,
  parseSettingsPatch,
  parseTokenSetArgs,
} from '../../../shared/ipc/validate';

const PROFILE = {
  name: 'Prod',
  baseUrl: 'https://api.example.com/ocpi',
  flavour: 'vendor',
  auth: { kind: 'token' },
  base64Token: false,
  timeouts: { connectMs: 1000, totalMs: 2000 },
  maxBytes: DEFAULT_MAX_BYTES,
};
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 9]);

/** A refusal that tells the user what was wrong and what to do. */
function expectRefusal(result: Result<unknown>, message?: RegExp): void {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.message.length).toBeGreaterThan(10);
  expect(result.error.hint.length).toBeGreaterThan(5);
  if (message) expect(result.error.message).toMatch(message);
}

describe('refusals all say what and what next', () => {
  it.each<[string, () => Result<unknown>, RegExp]>([
    ['empty base URL', () => checkBaseUrl(' '), /empty/],
    ['not a URL', () => checkBaseUrl('nonsense'), /"nonsense" is not a URL/],
    ['ftp', () => checkBaseUrl('ftp://h.example'), /must use https, not ftp:/],
    ['plain http', () => checkBaseUrl('http://h.example'), /only allowed for this machine.*h\.example/],
    ['user only', () => checkBaseUrl('https://u@h.example'), /user name or password/],
    ['password only', () => checkBaseUrl('https://:p@h.example'), /user name or password/],
    ['query', () => checkBaseUrl('https://h.example/?a=1'), /query or fragment/],
    ['fragment', () => checkBaseUrl('https://h.example/#x'), /query or fragment/],
    ['profile not an object', () => parseProfileInput([]), /must be an object/],
    ['empty profile id', () => parseProfileInput({ ...PROFILE, id: '' }), /profile id is invalid/],
    ['long profile id', () => parseProfileInput({ ...PROFILE, id: 'x'.repeat(101) }), /profile id/],
    ['numeric profile id', () => parseProfileInput({ ...PROFILE, id: 7 }), /profile id/],
    ['blank name', () => parseProfileInput({ ...PROFILE, name: '  ' }), /name of 1 to 100/],
    ['long name', () => parseProfileInput({ ...PROFILE, name: 'n'.repeat(101) }), /name of 1 to 100/],
    ['name with a newline', () => parseProfileInput({ ...PROFILE, name: 'a\nb' }), /name/],
    ['flavour', () => parseProfileInput({ ...PROFILE, flavour: 'x' }), /Unknown API flavour x/],
    ['auth', () => parseProfileInput({ ...PROFILE, auth: { kind: 'basic' } }), /Token, Bearer or a custom/],
    ['base64 flag', () => parseProfileInput({ ...PROFILE, base64Token: 1 }), /Base64 toggle/],
    ['timeouts', () => parseProfileInput({ ...PROFILE, timeouts: null }), /Timeouts/],
    ['size cap', () => parseProfileInput({ ...PROFILE, maxBytes: 1023 }), /size cap/],
    ['keep-token flag', () => parseProfileSave({ ...PROFILE, keepTokenForNewOrigin: 1 }), /keep-token/],
    ['id argument', () => parseIdArg({ id: '' }, 'id'), /Missing or invalid id/],
    ['memoryOnly', () => parseTokenSetArgs({ profileId: 'p', token: 't' }), /memoryOnly/],
    ['no-argument channel', () => parseNoArgs(0), /takes no argument/],
    ['dropped file', () => parseOpenTextArgs({ fileName: 'a.json' }), /name and its text/],
    ['export format', () => parseExportSessionArgs({ key: 'k', format: 'pdf', redact: false }), /format/],
    ['export key', () => parseExportSessionArgs({ format: 'csv', redact: false }), /key/],
    ['png bytes', () => parseExportPngArgs({ key: 'k', png: new Uint8Array(8) }), /not a PNG/],
    ['png key', () => parseExportPngArgs({ png: PNG }), /key/],
    ['external link', () => parseExternalUrl({ url: 'nope' }), /not a valid URL/],
    ['settings', () => parseSettingsPatch(null), /must be an object/],
    ['time zone', () => parseSettingsPatch({ timeZone: 'mars' }), /utc, local or site/],
    ['tile URL', () => parseSettingsPatch({ tileUrl: 'https://t.example/x.png' }), /\{z\}, \{x\} and \{y\}/],
    ['tile host', () => checkTileUrl('https://t_x.example/{z}/{x}/{y}'), /plain host name/],
    ['tile http', () => checkTileUrl('http://t.example/{z}/{x}/{y}'), /https \(or http on localhost\)/],
    ['tile path', () => checkTileUrl('https://t.example/{z}/{x}/{y}|'), /does not belong/],
    ['tile type', () => checkTileUrl(7), /at most 2048/],
  ])('%s', (_what, run, message) => expectRefusal(run(), message));
});

describe('what the parsers accept, exactly', () => {
  it('a base URL: trimmed, without trailing slashes', () => {
    expect(checkBaseUrl('  https://h.example/a///  ')).toEqual({ ok: true, value: 'https://h.example/a' });
  });

  it('a profile, at its bounds', () => {
    const edge = {
      ...PROFILE,
      id: 'i'.repeat(100),
      name: 'n'.repeat(100),
      timeouts: { connectMs: 100, totalMs: 600_000 },
      maxBytes: 1024,
    };
    expect(parseProfileInput(edge)).toEqual({ ok: true, value: edge });
    const top = { ...PROFILE, timeouts: { connectMs: 120_000, totalMs: 100 }, maxBytes: 2 * 1024 ** 3 };
    expect(parseProfileInput(top)).toEqual({ ok: true, value: top });
    for (const timeouts of [
      { connectMs: 99, totalMs: 1000 },
      { connectMs: 120_001, totalMs: 1000 },
      { connectMs: 1000, totalMs: 600_001 },
      { connectMs: 1000.5, totalMs: 1000 },
      { connectMs: '1000', totalMs: 1000 },
    ])
      expect(parseProfileInput({ ...PROFILE, timeouts }).ok, JSON.stringify(timeouts)).toBe(false);
    expect(parseProfileInput({ ...PROFILE, maxBytes: 2 * 1024 ** 3 + 1 }).ok).toBe(false);
  });

  it('each auth scheme as itself', () => {
    for (const auth of [{ kind: 'token' }, { kind: 'bearer' }, { kind: 'header', name: 'X-Api-Key' }]) {
      const r = parseProfileInput({ ...PROFILE, auth: { ...auth, extra: 1 } });
      expect(r.ok && r.value.auth).toEqual(auth);
    }
  });

  it('a profile save: the keep-token choice only when it is yes', () => {
    expect(parseProfileSave(PROFILE)).toEqual({ ok: true, value: PROFILE });
    expect(parseProfileSave({ ...PROFILE, keepTokenForNewOrigin: false })).toEqual({
      ok: true,
      value: PROFILE,
    });
    expect(parseProfileSave({ ...PROFILE, keepTokenForNewOrigin: true })).toEqual({
      ok: true,
      value: { ...PROFILE, keepTokenForNewOrigin: true },
    });
    expectRefusal(parseProfileSave({ ...PROFILE, name: '' }), /name/);
  });

  it('ids up to 200 characters, without control characters', () => {
    expect(parseIdArg({ key: 'k'.repeat(200) }, 'key')).toEqual({
      ok: true,
      value: { key: 'k'.repeat(200) },
    });
    for (const key of ['k'.repeat(201), 'a\u0007b', 5, undefined])
      expect(parseIdArg({ key }, 'key').ok, String(key)).toBe(false);
    expect(parseIdArg(Object.assign(Object.create(null) as object, { key: 'k' }), 'key').ok).toBe(true);
  });

  it('the token and its flag', () => {
    expect(parseTokenSetArgs({ profileId: 'p', token: 't0k', memoryOnly: true })).toEqual({
      ok: true,
      value: { profileId: 'p', token: 't0k', memoryOnly: true },
    });
    expect(parseTokenSetArgs({ token: 't0k', memoryOnly: true }).ok).toBe(false);
  });

  it('nothing for a no-argument channel', () => {
    expect(parseNoArgs(undefined)).toEqual({ ok: true, value: undefined });
    expect(parseNoArgs(null)).toEqual({ ok: true, value: undefined });
    expect(parseNoArgs({}).ok).toBe(false);
  });

  it('a dropped file with a name of up to 255 characters', () => {
    expect(parseOpenTextArgs({ fileName: 'f'.repeat(255), text: '{}' })).toEqual({
      ok: true,
      value: { fileName: 'f'.repeat(255), text: '{}' },
    });
    for (const fileName of ['', 'f'.repeat(256), 'a\nb.json', 3])
      expect(parseOpenTextArgs({ fileName, text: '{}' }).ok, String(fileName)).toBe(false);
    expect(parseOpenTextArgs({ fileName: 'a.json', text: 3 }).ok).toBe(false);
  });

  it('an export request', () => {
    expect(parseExportSessionArgs({ key: 'k', format: 'html', redact: true })).toEqual({
      ok: true,
      value: { key: 'k', format: 'html', redact: true },
    });
    expect(parseExportSessionArgs({ key: 'k', format: 'csv', redact: 'yes' }).ok).toBe(false);
    expect(parseExportPngArgs({ key: 'k', png: PNG })).toEqual({ ok: true, value: { key: 'k', png: PNG } });
    // Only the last signature byte wrong, or not bytes at all.
    const almost = PNG.slice();
    almost[7] = 0;
    expect(parseExportPngArgs({ key: 'k', png: almost }).ok).toBe(false);
    expect(parseExportPngArgs({ key: 'k', png: [...PNG] }).ok).toBe(false);
  });

  it('a link up to 2048 characters, normalised', () => {
    const long = `https://h.example/${'a'.repeat(2048 - 18)}`;
    expect(long).toHaveLength(2048);
    expect(parseExternalUrl({ url: long })).toEqual({ ok: true, value: { url: long } });
    expect(parseExternalUrl({ url: `${long}a` }).ok).toBe(false);
    expect(parseExternalUrl({ url: 'HTTPS://H.example' })).toEqual({
      ok: true,
      value: { url: 'https://h.example/' },
    });
    expect(parseExternalUrl({ url: 5 }).ok).toBe(false);
  });

  it('a settings patch with only the fields given', () => {
    const tileUrl = 'https://t.example/{z}/{x}/{y}.png';
    expect(parseSettingsPatch({ tileUrl, timeZone: 'local', activeProfileId: 'p1' })).toEqual({
      ok: true,
      value: { tileUrl, timeZone: 'local', activeProfileId: 'p1' },
    });
    expect(parseSettingsPatch({})).toEqual({ ok: true, value: {} });
  });

  it('loopback hosts only', () => {
    for (const host of ['localhost', 'LOCALHOST', '::1', '[::1]', '127.0.0.1', '127.255.255.254'])
      expect(isLoopbackHost(host), host).toBe(true);
    for (const host of [
      '127.0.0.1.example',
      'x127.0.0.1',
      '128.0.0.1',
      '127.0.0',
      '[::2]',
      'localhost.example',
    ])
      expect(isLoopbackHost(host), host).toBe(false);
  });
});

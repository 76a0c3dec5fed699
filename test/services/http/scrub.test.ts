import { describe, expect, it } from 'vitest';
import { REDACTED, scrubHeaders, tokenScrubber } from '../../../services/http/scrub';

const token = 'tok/en+secret=42abcdef';
const b64 = Buffer.from(token).toString('base64');
const scrub = tokenScrubber([token]);

describe('tokenScrubber', () => {
  it('hides the token as sent and in Base64', () => {
    expect(scrub(`a ${token} b`)).toBe(`a ${REDACTED} b`);
    expect(scrub(`Token ${b64}`)).toBe(`Token ${REDACTED}`);
  });

  it('hides JSON-escaped spellings: \\/ and \\u escapes in either case', () => {
    const slashEscaped = JSON.stringify(token).replace(/\//g, '\\/');
    expect(scrub(slashEscaped)).toBe(`"${REDACTED}"`);
    const unicode = [...token]
      .map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}`)
      .join('');
    expect(scrub(`"${unicode}"`)).toBe(`"${REDACTED}"`);
    expect(JSON.parse(scrub(`"x ${unicode} y"`))).toBe(`x ${REDACTED} y`);
  });

  it('hides any prefix of 8 characters or more, and nothing shorter', () => {
    expect(scrub(`cut: ${token.slice(0, 8)}…`)).toBe(`cut: ${REDACTED}…`);
    expect(scrub(`cut: ${token.slice(0, 15)}`)).toBe(`cut: ${REDACTED}`);
    expect(scrub(`cut: ${token.slice(0, 7)}`)).toBe(`cut: ${token.slice(0, 7)}`);
  });

  it('follows a JSON-escaped backslash or quote past the 8-character prefix', () => {
    const odd = 'abcdefgh\\ij"kl';
    expect(tokenScrubber([odd])(JSON.stringify({ echo: odd }))).toBe(`{"echo":"${REDACTED}"}`);
  });

  it('past the prefix, follows the token only as far as it goes, in any spelling', () => {
    const t = tokenScrubber(['abcdefghij/"\\k']);
    // The tail spelled \u0069, \u006A (upper-case hex), \/, \" and \\: all one token.
    expect(t(String.raw`abcdefgh\u0069\u006A\/\"\\k.`)).toBe(`${REDACTED}.`);
    // It stops where the text stops being the token: another escape, another letter, a broken escape.
    expect(t(String.raw`abcdefgh\u0041j`)).toBe(String.raw`${REDACTED}\u0041j`);
    expect(t('abcdefghXj')).toBe(`${REDACTED}Xj`);
    expect(t('abcdefghj')).toBe(`${REDACTED}j`);
    expect(t(String.raw`abcdefgh\ij`)).toBe(String.raw`${REDACTED}\ij`);
    expect(t(String.raw`abcdefgh\u69zzj`)).toBe(String.raw`${REDACTED}\u69zzj`);
  });

  it('a short escape stands only for its own character', () => {
    const t = tokenScrubber(['abcdefghij']);
    for (const escape of [String.raw`\/`, String.raw`\"`, String.raw`\\`])
      expect(t(`abcd${escape}fghij`)).toBe(`abcd${escape}fghij`);
  });

  it('hides every occurrence, and leaves other text as it was', () => {
    expect(scrub(`${token}|${token}`)).toBe(`${REDACTED}|${REDACTED}`);
    const plain = '{"status_code":1000,"data":{"id":"tok/en"}}';
    expect(scrub(plain)).toBe(plain);
  });

  it('a short whole secret is hidden whole; a 3-character one is not hidden at all', () => {
    expect(tokenScrubber(['abcd'])('x abcd y abc')).toBe(`x ${REDACTED} y abc`);
    expect(tokenScrubber(['abc'])('abc')).toBe('abc');
  });

  it('scrubs every header value', () => {
    const headers = scrubHeaders(
      { 'x-request-id': `id-${token}`, 'content-type': 'application/json', 'x-absent': undefined },
      scrub,
    );
    expect({ ...headers }).toEqual({
      'x-request-id': `id-${REDACTED}`,
      'content-type': 'application/json',
      'x-absent': undefined,
    });
  });
});

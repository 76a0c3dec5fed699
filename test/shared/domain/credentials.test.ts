import { describe, expect, it } from 'vitest';
import { checkHeaderName, checkToken, MAX_TOKEN_LENGTH } from '../../../shared/domain/credentials';
import {
  checkBaseUrl,
  checkSessionId,
  parseProfileInput,
  parseTokenSetArgs,
} from '../../../shared/ipc/validate';
import { DEFAULT_MAX_BYTES } from '../../../shared/domain/profile';

const message = (r: { ok: boolean; error?: { message: string } }): string | null =>
  r.ok ? null : (r.error?.message ?? null);

describe('checkToken: one rule for the app and the CLI', () => {
  it('accepts a trimmed one-line token, Latin-1 included', () => {
    expect(checkToken('  abc-123  ')).toEqual({ ok: true, value: 'abc-123' });
    expect(checkToken('clé')).toEqual({ ok: true, value: 'clé' });
  });

  it.each([
    ['', /empty/],
    ['a\nb', /line break at character 2/],
    ['a\r\nX-Evil: 1', /line break at character 2/],
    ['a\u001bb', /control character U\+001B at character 2/],
    ['a\u0085b', /control character U\+0085/],
    ['tok€n', /"€" \(U\+20AC\) at character 4, which an HTTP header cannot carry/],
    ['🔑key', /"🔑" \(U\+1F511\) at character 1/],
    ['x'.repeat(MAX_TOKEN_LENGTH + 1), /at most 4096/],
  ])('refuses %j saying what is wrong', (token, why) => {
    expect(message(checkToken(token))).toMatch(why);
  });

  it('the IPC validator uses it: a non-Latin-1 token is refused when it is set, not when it is sent', () => {
    expect(message(parseTokenSetArgs({ profileId: 'p', token: 'tök€n', memoryOnly: false }))).toMatch(
      /U\+20AC/,
    );
  });
});

describe('checkHeaderName', () => {
  it('accepts RFC 9110 tokens', () => {
    expect(checkHeaderName('X-Api-Key')).toEqual({ ok: true, value: 'X-Api-Key' });
  });

  it.each([
    ['', /empty/],
    ['Bad Name', /contains " " \(U\+0020\)/],
    ['X:Key', /contains ":"/],
    ['Key\r\n', /contains U\+000D/],
    ['Host', /Host is set by Session Inspector itself/],
    ['x-request-id', /set by Session Inspector/],
    ['Content-Length', /set by Session Inspector/],
  ])('refuses %j', (name, why) => {
    expect(message(checkHeaderName(name))).toMatch(why);
  });

  it('the profile validator uses it', () => {
    const profile = {
      name: 'P',
      baseUrl: 'https://api.example.com',
      flavour: 'vendor',
      auth: { kind: 'header', name: 'Host' },
      base64Token: false,
      timeouts: { connectMs: 1000, totalMs: 5000 },
      maxBytes: DEFAULT_MAX_BYTES,
    };
    expect(message(parseProfileInput(profile))).toMatch(/Host is set by Session Inspector/);
  });
});

describe('ids and base URLs', () => {
  it('refuses the dot segments . and .., also as a Location id', () => {
    expect(message(checkSessionId('.'))).toMatch(/is "\."/);
    expect(message(checkSessionId('..'))).toMatch(/contains "\.\."/);
    expect(message(checkSessionId('..', 'Location id'))).toBe('The Location id contains "..".');
    expect(checkSessionId('.a').ok).toBe(true);
  });

  it('refuses ;token=-style parameters in a base URL, encoded or not', () => {
    expect(message(checkBaseUrl('https://api.example.com/ocpi;token=abc'))).toMatch(/after ";"/);
    expect(message(checkBaseUrl('https://api.example.com/ocpi%3Btoken=abc'))).toMatch(/after ";"/);
    expect(checkBaseUrl('https://api.example.com/ocpi/2.2.1').ok).toBe(true);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_BYTES } from '../../../shared/domain/profile';
import {
  checkBaseUrl,
  checkSessionId,
  checkTileUrl,
  isLoopbackHost,
  parseProfileInput,
  parseSettingsPatch,
  parseTokenSetArgs,
} from '../../../shared/ipc/validate';

describe('checkSessionId', () => {
  it.each(['', '   ', 'a/b', 'a\\b', '..', 'x..y', 'a\nb', 'a\u0000', 'x'.repeat(201)])(
    'rejects %j',
    (id) => {
      const r = checkSessionId(id);
      expect(r.ok ? null : r.error.kind).toBe('invalid-session-id');
    },
  );

  it.each(['1234567', 'NL-SIN-0001', 'gen-200000', 'abc def', 'ü-1'])('accepts %j', (id) => {
    expect(checkSessionId(id)).toEqual({ ok: true, value: id });
  });

  it('accepted ids always stay one path segment once encoded', () => {
    fc.assert(
      fc.property(fc.string(), (id) => {
        const r = checkSessionId(id);
        if (r.ok) expect(encodeURIComponent(r.value)).not.toMatch(/\/|^\.\.?$/);
      }),
    );
  });
});

describe('checkBaseUrl', () => {
  it('requires https except on loopback, with no credentials or query', () => {
    expect(checkBaseUrl('https://api.example.com/v1/')).toEqual({
      ok: true,
      value: 'https://api.example.com/v1',
    });
    expect(checkBaseUrl('http://127.0.0.1:8080/x').ok).toBe(true);
    expect(checkBaseUrl('http://localhost/x').ok).toBe(true);
    const insecure = checkBaseUrl('http://api.example.com');
    expect(insecure.ok ? null : insecure.error.kind).toBe('insecure-url');
    expect(checkBaseUrl('https://u:p@api.example.com').ok).toBe(false);
    expect(checkBaseUrl('https://api.example.com/?token=x').ok).toBe(false);
    expect(checkBaseUrl('ftp://api.example.com').ok).toBe(false);
    expect(checkBaseUrl('nonsense').ok).toBe(false);
  });

  it('knows loopback hosts', () => {
    expect(['localhost', '127.0.0.1', '127.1.2.3', '[::1]'].every(isLoopbackHost)).toBe(true);
    expect(['127.0.0.1.evil.com', 'example.com', '10.0.0.1'].some(isLoopbackHost)).toBe(false);
  });
});

describe('parseProfileInput', () => {
  const valid = {
    name: ' Prod ',
    baseUrl: 'https://api.example.com',
    flavour: 'vendor',
    auth: { kind: 'header', name: 'X-Api-Key' },
    base64Token: false,
    timeouts: { connectMs: 1000, totalMs: 2000 },
    maxBytes: DEFAULT_MAX_BYTES,
  };

  it('accepts a valid profile and drops unknown fields', () => {
    const r = parseProfileInput({ ...valid, token: 'nope' });
    expect(r).toEqual({ ok: true, value: { ...valid, name: 'Prod' } });
  });

  it.each([
    ['name', { name: '' }],
    ['flavour', { flavour: 'ocpi-9' }],
    ['auth header name', { auth: { kind: 'header', name: 'Bad Header' } }],
    ['reserved header', { auth: { kind: 'header', name: 'Host' } }],
    ['base64 flag', { base64Token: 'yes' }],
    ['timeouts', { timeouts: { connectMs: 0, totalMs: 2000 } }],
    ['size cap', { maxBytes: 10 }],
  ])('rejects a bad %s', (_what, patch) => {
    expect(parseProfileInput({ ...valid, ...patch }).ok).toBe(false);
  });
});

describe('other validators', () => {
  it('accepts one-line tokens only', () => {
    expect(parseTokenSetArgs({ profileId: 'p', token: ' t ', memoryOnly: false })).toEqual({
      ok: true,
      value: { profileId: 'p', token: 't', memoryOnly: false },
    });
    expect(parseTokenSetArgs({ profileId: 'p', token: 'a\r\nX-Evil: 1', memoryOnly: false }).ok).toBe(false);
    expect(parseTokenSetArgs({ profileId: 'p', token: '', memoryOnly: false }).ok).toBe(false);
  });

  it('checks tile URLs and settings patches', () => {
    expect(checkTileUrl('https://{s}.tile.example.org/{z}/{x}/{y}.png').ok).toBe(true);
    expect(checkTileUrl('https://tile.example.org/{z}/{x}.png').ok).toBe(false);
    expect(parseSettingsPatch({ timeZone: 'utc' })).toEqual({ ok: true, value: { timeZone: 'utc' } });
    expect(parseSettingsPatch({ timeZone: 'mars' }).ok).toBe(false);
    expect(parseSettingsPatch({ activeProfileId: null })).toEqual({
      ok: true,
      value: { activeProfileId: null },
    });
  });
});

describe('checkTileUrl as a host and path', () => {
  it.each([
    'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
    'https://{s}.tile.example.org/{z}/{x}/{y}.png',
    'https://tiles.example.com:8443/styles/v1/{z}/{x}/{y}@2x.png?key=abc&lang=de',
    'http://127.0.0.1:8080/{z}/{x}/{y}.png',
    'http://localhost/{z}/{x}/{y}.png',
  ])('accepts %s', (url) => {
    expect(checkTileUrl(url)).toEqual({ ok: true, value: url });
  });

  it.each([
    ['a CSP separator in the host', 'https://tiles.example;sandbox/{z}/{x}/{y}.png'],
    ['a CSP separator in the path', 'https://tiles.example/{z};script-src *;/{x}/{y}.png'],
    ['a comma', 'https://tiles.example,evil.example/{z}/{x}/{y}.png'],
    ['a space', 'https://tiles.example /{z}/{x}/{y}.png'],
    ['a quote', "https://tiles.example/'unsafe-inline'/{z}/{x}/{y}.png"],
    ['user info', 'https://user@tiles.example/{z}/{x}/{y}.png'],
    ['a fragment', 'https://tiles.example/{z}/{x}/{y}.png#x'],
    ['a control character', 'https://tiles.example/{z}/{x}/{y}.png\n'],
    ['plain http to another host', 'http://tiles.example/{z}/{x}/{y}.png'],
    ['another scheme', 'javascript:alert(1)//{z}/{x}/{y}'],
    ['an over-long template', `https://tiles.example/${'a'.repeat(2100)}/{z}/{x}/{y}.png`],
  ])('refuses %s', (_what, url) => {
    expect(checkTileUrl(url).ok).toBe(false);
  });
});

describe('parseSettingsPatch bounds', () => {
  it('refuses an over-long, empty or control-character active profile id', () => {
    for (const id of ['x'.repeat(50 * 1024 * 1024), 'x'.repeat(101), '', 'a\nb', 7]) {
      const r = parseSettingsPatch({ activeProfileId: id });
      expect(r.ok ? null : r.error.kind).toBe('invalid-argument');
    }
    expect(parseSettingsPatch({ activeProfileId: 'x'.repeat(100) }).ok).toBe(true);
  });
});

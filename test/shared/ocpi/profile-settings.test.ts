import { describe, expect, it } from 'vitest';
import { parseProfileInput } from '../../../shared/ipc/validate';
import { parseOcpiSettings } from '../../../shared/ocpi/profile-settings';

describe('OCPI profile settings', () => {
  it('accepts a complete setting and normalises codes', () => {
    const r = parseOcpiSettings({
      versionsUrl: 'https://cpo.example/ocpi/versions/',
      version: '2.2.1',
      countryCode: 'nl',
      partyId: 'sin',
      hub: { toCountryCode: 'DE', toPartyId: 'ABC' },
      tokenForm: 'plain',
      discovered: {
        version: '2.2.1',
        at: '2024-01-01T00:00:00Z',
        endpoints: [{ identifier: 'sessions', role: 'SENDER', url: 'https://x' }],
      },
    });
    expect(r).toEqual({
      ok: true,
      value: {
        versionsUrl: 'https://cpo.example/ocpi/versions',
        version: '2.2.1',
        countryCode: 'NL',
        partyId: 'SIN',
        hub: { toCountryCode: 'DE', toPartyId: 'ABC' },
        tokenForm: 'plain',
        discovered: {
          version: '2.2.1',
          at: '2024-01-01T00:00:00Z',
          endpoints: [{ identifier: 'sessions', role: 'SENDER', url: 'https://x' }],
        },
      },
    });
    expect(parseOcpiSettings(undefined)).toEqual({ ok: true, value: undefined });
  });
  it('refuses what would be sent wrongly', () => {
    expect(parseOcpiSettings({ versionsUrl: 'http://remote.example/versions' }).ok).toBe(false);
    expect(parseOcpiSettings({ versionsUrl: 'https://x', tokenForm: 'hex' }).ok).toBe(false);
    expect(parseOcpiSettings({ versionsUrl: 'https://x', partyId: 'TOOLONG' }).ok).toBe(false);
    expect(parseOcpiSettings({ versionsUrl: 'https://x', version: 'latest' }).ok).toBe(false);
    expect(parseOcpiSettings({ versionsUrl: 'https://x', hub: { fromCountryCode: 'NLD' } }).ok).toBe(false);
  });
});

describe('a profile with OCPI settings', () => {
  const profile = {
    id: 'p1',
    name: 'CPO test',
    baseUrl: 'https://cpo.example/ocpi',
    flavour: 'ocpi-2.2.1',
    auth: { kind: 'token' },
    base64Token: false,
    timeouts: { connectMs: 1000, totalMs: 5000 },
    maxBytes: 1_000_000,
  };
  it('keeps them through the profile validator, and refuses bad ones', () => {
    const r = parseProfileInput({
      ...profile,
      ocpi: { versionsUrl: 'https://cpo.example/ocpi/versions', partyId: 'sin' },
    });
    expect(r.ok && r.value.ocpi).toEqual({
      versionsUrl: 'https://cpo.example/ocpi/versions',
      partyId: 'SIN',
    });
    expect(
      parseProfileInput(profile).ok && 'ocpi' in (parseProfileInput(profile) as { value: object }).value,
    ).toBe(false);
    expect(parseProfileInput({ ...profile, ocpi: { versionsUrl: 'ftp://x' } }).ok).toBe(false);
  });
});

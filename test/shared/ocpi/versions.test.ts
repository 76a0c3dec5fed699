import { describe, expect, it } from 'vitest';
import {
  chooseVersion,
  compareVersions,
  discoveryKind,
  parseVersionDetails,
  parseVersions,
} from '../../../shared/ocpi/versions';

const env = (data: unknown) => ({
  status_code: 1000,
  status_message: 'Success',
  timestamp: '2024-01-01T00:00:00Z',
  data,
});

describe('versions', () => {
  it('reads the versions list, skipping unusable entries', () => {
    const r = parseVersions(
      env([
        { version: '2.1.1', url: 'https://x/2.1.1' },
        { version: 7 },
        { version: '2.2.1', url: 'https://x/2.2.1' },
      ]),
    );
    expect(r).toEqual({
      ok: true,
      value: [
        { version: '2.1.1', url: 'https://x/2.1.1' },
        { version: '2.2.1', url: 'https://x/2.2.1' },
      ],
    });
    expect(parseVersions(env({})).ok).toBe(false);
    expect(parseVersions(env([{ version: 1 }])).ok).toBe(false);
  });

  it('reads 2.1.1 details without roles and 2.2+ details with SENDER/RECEIVER', () => {
    const v211 = parseVersionDetails(
      env({ version: '2.1.1', endpoints: [{ identifier: 'sessions', url: 'https://x/s' }] }),
    );
    expect(v211.ok && v211.value.endpoints).toEqual([
      { identifier: 'sessions', role: null, url: 'https://x/s' },
    ]);
    const v221 = parseVersionDetails(
      env({
        version: '2.2.1',
        endpoints: [
          { identifier: 'sessions', role: 'SENDER', url: 'https://x/cpo/s' },
          { identifier: 'sessions', role: 'RECEIVER', url: 'https://x/emsp/s' },
          { identifier: 'tokens', role: 'BOGUS', url: 'https://x/t' },
          { identifier: 'cdrs' },
        ],
      }),
    );
    expect(v221.ok && v221.value.endpoints.map((e) => e.role)).toEqual(['SENDER', 'RECEIVER', null]);
  });

  it('tells a versions list from version details', () => {
    expect(discoveryKind(env([]))).toBe('versions');
    expect(discoveryKind(env({ version: '2.2.1', endpoints: [] }))).toBe('details');
    expect(discoveryKind([{ version: '2.2.1', url: 'u' }])).toBe('versions');
    expect(discoveryKind(env({ id: 'x' }))).toBeNull();
  });

  it('orders versions numerically', () => {
    expect(compareVersions('2.2', '2.2.1')).toBeLessThan(0);
    expect(compareVersions('2.10', '2.9')).toBeGreaterThan(0);
    expect(compareVersions('2.3.0', '2.3.0')).toBe(0);
  });

  it('chooses the highest mutual version unless one is fixed', () => {
    const offered = [
      { version: '2.1.1', url: 'a' },
      { version: '2.2.1', url: 'b' },
      { version: '3.0', url: 'c' },
    ];
    expect(chooseVersion(offered)).toEqual({ ok: true, value: { version: '2.2.1', url: 'b' } });
    expect(chooseVersion(offered, '2.1.1')).toEqual({ ok: true, value: { version: '2.1.1', url: 'a' } });
    const missing = chooseVersion(offered, '2.3.0');
    expect(!missing.ok && missing.error.message).toMatch(/does not offer OCPI 2.3.0/);
    const none = chooseVersion([{ version: '2.0', url: 'z' }]);
    expect(!none.ok && none.error.message).toMatch(/No OCPI version in common/);
  });
});

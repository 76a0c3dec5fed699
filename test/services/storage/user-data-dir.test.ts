import { describe, expect, it } from 'vitest';
import { defaultUserDataDir } from '../../../services/storage/user-data-dir';

describe('defaultUserDataDir', () => {
  it('matches where Electron keeps the app’s data, per platform', () => {
    expect(defaultUserDataDir({ HOME: '/h' }, 'linux')).toBe('/h/.config/Session Inspector');
    expect(defaultUserDataDir({ HOME: '/h', XDG_CONFIG_HOME: '/x' }, 'linux')).toBe('/x/Session Inspector');
    expect(defaultUserDataDir({ HOME: '/h' }, 'darwin')).toBe(
      '/h/Library/Application Support/Session Inspector',
    );
  });

  it('can be pointed elsewhere with OCPI_INSPECT_USER_DATA', () => {
    expect(defaultUserDataDir({ HOME: '/h', OCPI_INSPECT_USER_DATA: '/data' }, 'linux')).toBe('/data');
  });
});

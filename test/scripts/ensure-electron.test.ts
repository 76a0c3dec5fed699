import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script without type declarations
import { installedElectronBinary } from '../../scripts/ensure-electron.mjs';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('installedElectronBinary', () => {
  it('is null until the binary has been downloaded, then its path', () => {
    dir = mkdtempSync(join(tmpdir(), 'electron-pkg-'));
    expect(installedElectronBinary(dir)).toBeNull();
    writeFileSync(join(dir, 'path.txt'), 'electron');
    expect(installedElectronBinary(dir)).toBeNull();
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'electron'), '');
    expect(installedElectronBinary(dir)).toBe(join(dir, 'dist', 'electron'));
  });
});

describe('ensureElectron with no network', () => {
  it('prints its message, the reason and `npm run preview:web`, but no stack trace', () => {
    dir = mkdtempSync(join(tmpdir(), 'electron-offline-'));
    // What Electron's installer does offline: an unhandled rejection, printed by Node with its stack.
    writeFileSync(
      join(dir, 'install.js'),
      "const cause = new Error('getaddrinfo ENOTFOUND github.com'); Promise.reject(new TypeError('fetch failed', { cause }));",
    );
    const script = join(__dirname, '../../scripts/ensure-electron.mjs');
    const run = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { ensureElectron } from ${JSON.stringify(pathToFileURL(script).href)}; process.exitCode = ensureElectron(${JSON.stringify(dir)}, {});`,
      ],
      { encoding: 'utf8' },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /^Could not download the Electron binary \(fetch failed; getaddrinfo ENOTFOUND github\.com\)/,
    );
    expect(run.stderr).toMatch(/npm run preview:web/);
    expect(run.stderr).not.toMatch(/TypeError|\n\s+at /);
  });
});

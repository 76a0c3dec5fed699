import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

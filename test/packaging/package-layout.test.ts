/**
 * Packages the built app with electron-builder's `dir` target against a stand-in Electron distribution and
 * inspects what it laid out: the asar's contents, keytar's unpacked native module, the fuses in the binary.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import asar from '@electron/asar';
import { build, Platform } from 'electron-builder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import config from '../../electron-builder';
import { makeStandInElectron, readFuses } from './stand-in-electron';

const REPO = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');
const work = mkdtempSync(join(tmpdir(), 'package-layout-'));
let appDir = '';
let files: string[] = [];

beforeAll(async () => {
  if (!existsSync(join(REPO, 'out/main/index.js')) || !existsSync(join(REPO, 'out/renderer/index.html'))) {
    throw new Error('The app is not built: run `npx electron-vite build` first (npm test does).');
  }
  const electronDist = makeStandInElectron(join(work, 'electron-dist'));
  await build({
    projectDir: REPO,
    targets: Platform.LINUX.createTarget('dir'),
    publish: 'never',
    config: { ...config, electronDist, directories: { ...config.directories, output: join(work, 'dist') } },
  });
  appDir = join(work, 'dist', 'linux-unpacked');
  files = asar.listPackage(join(appDir, 'resources', 'app.asar'), { isPack: false });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const DEV_ONLY = [
  'vitest',
  'typescript',
  'react',
  'electron',
  'electron-vite',
  'vite',
  'tsx',
  'esbuild',
  'eslint',
];

describe('the packaged app', () => {
  it('holds main, preload and the renderer, and package.json points at main', () => {
    for (const path of [
      '/out/main/index.js',
      '/out/preload/index.cjs',
      '/out/renderer/index.html',
      '/package.json',
    ]) {
      expect(files).toContain(path);
    }
    const pkg = JSON.parse(
      asar.extractFile(join(appDir, 'resources', 'app.asar'), 'package.json').toString('utf8'),
    );
    expect(pkg.main).toBe('out/main/index.js');
  });

  it('unpacks keytar’s native module from the asar', () => {
    const unpacked = join(
      appDir,
      'resources',
      'app.asar.unpacked',
      'node_modules',
      'keytar',
      'build',
      'Release',
    );
    expect(readdirSync(unpacked)).toContain('keytar.node');
  });

  it('packages production dependencies only: no dev dependencies, sources, tests or source maps', () => {
    const modules = new Set(
      files.filter((f) => /^\/node_modules\/[^/]+$/.test(f)).map((f) => f.split('/')[2]),
    );
    expect(modules.has('keytar')).toBe(true);
    for (const dev of DEV_ONLY) expect(modules.has(dev), dev).toBe(false);
    const ours = files.filter((f) => !f.startsWith('/node_modules/'));
    expect(ours.filter((f) => /\.(ts|tsx|map)$/.test(f))).toEqual([]);
    for (const folder of [
      '/test',
      '/shared',
      '/services',
      '/cli',
      '/renderer/src',
      '/electron',
      '/out/cli',
    ]) {
      expect(
        ours.some((f) => f === folder || f.startsWith(folder + '/')),
        folder,
      ).toBe(false);
    }
    const unpackedModules = readdirSync(join(appDir, 'resources', 'app.asar.unpacked', 'node_modules'));
    for (const dev of DEV_ONLY) expect(unpackedModules, dev).not.toContain(dev);
  });

  it('names no path of the build machine in the app’s own files', () => {
    const archive = join(appDir, 'resources', 'app.asar');
    const ours = files.filter((f) => /^\/(out\/.*\.(js|cjs|html|css)|package\.json)$/.test(f));
    expect(ours.length).toBeGreaterThan(4);
    for (const file of ours) {
      const text = asar.extractFile(archive, file.slice(1)).toString('utf8');
      expect(text.includes(REPO), file).toBe(false);
      expect(text.includes(tmpdir() + '/'), file).toBe(false);
    }
  });

  it('flips the fuses of Electron’s security checklist in the binary', () => {
    const fuses = readFuses(readFileSync(join(appDir, 'session-inspector')));
    expect(Object.fromEntries(fuses)).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});

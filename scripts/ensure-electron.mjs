#!/usr/bin/env node
// Electron >= 42 ships no postinstall: its binary is fetched on first use. electron-vite does not fetch it
// (it stops with "Electron uninstall"), so `npm start` / `npm run dev` run this first.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Path of the Electron binary the installed package points at, or null when it is not downloaded yet. */
export function installedElectronBinary(electronDir) {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

function main() {
  if (process.env.ELECTRON_EXEC_PATH) {
    if (existsSync(process.env.ELECTRON_EXEC_PATH)) return 0;
    console.error(`ELECTRON_EXEC_PATH points at ${process.env.ELECTRON_EXEC_PATH}, which does not exist.`);
    return 1;
  }
  const electronDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  if (installedElectronBinary(electronDir)) return 0;
  console.log('First run: downloading the Electron binary (about 100 MB, once)…');
  const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'inherit' });
  if (result.status === 0 && installedElectronBinary(electronDir)) return 0;
  console.error(
    [
      'Could not download the Electron binary. It needs internet access once.',
      'Fixes: run `npx install-electron` when online, or set ELECTRON_EXEC_PATH to an Electron 45 binary,',
      'or set ELECTRON_MIRROR if your network only reaches a mirror.',
    ].join('\n'),
  );
  return 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = main();

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

/**
 * The reasons in a failed download's stderr, without the stack: Node prints an unhandled rejection as
 * `TypeError: fetch failed` plus `at …` lines and a `[cause]: Error: getaddrinfo ENOTFOUND …`.
 */
export function downloadFailureReasons(stderr) {
  const reasons = [];
  for (const line of stderr.split(/\r?\n/)) {
    const match = /(?:^|\s)(?:\[cause\]: )?[A-Za-z]*Error: (.+)$/.exec(line.trim());
    if (match && !reasons.includes(match[1])) reasons.push(match[1]);
  }
  return reasons;
}

/** Makes sure the Electron binary is there, downloading it once; returns the exit code. */
export function ensureElectron(electronDir, env = process.env) {
  if (env.ELECTRON_EXEC_PATH) {
    if (existsSync(env.ELECTRON_EXEC_PATH)) return 0;
    console.error(`ELECTRON_EXEC_PATH points at ${env.ELECTRON_EXEC_PATH}, which does not exist.`);
    return 1;
  }
  if (installedElectronBinary(electronDir)) return 0;
  console.log('First run: downloading the Electron binary (about 100 MB, once)…');
  // stderr is kept, not shown: offline, the installer dies with a raw stack trace before our message.
  const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
    stdio: ['inherit', 'inherit', 'pipe'],
    encoding: 'utf8',
  });
  if (result.status === 0 && installedElectronBinary(electronDir)) return 0;
  const reasons = downloadFailureReasons(result.stderr ?? '');
  console.error(
    [
      `Could not download the Electron binary${reasons.length ? ` (${reasons.join('; ')})` : ''}. It needs internet access once.`,
      'Fixes: run `npx install-electron` when online, or set ELECTRON_EXEC_PATH to an Electron 45 binary,',
      'or set ELECTRON_MIRROR if your network only reaches a mirror.',
      'To see the UI without Electron meanwhile: `npm run preview:web` serves it in your browser.',
    ].join('\n'),
  );
  return 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href)
  process.exitCode = ensureElectron(dirname(createRequire(import.meta.url).resolve('electron/package.json')));

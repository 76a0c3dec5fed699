/**
 * A stand-in Electron distribution for electron-builder's `electronDist`: the real binary cannot be downloaded
 * here. Its bytes end with Electron's fuse wire (sentinel, version 1, eight fuses at Electron's defaults), so
 * the fuse flipping runs against it exactly as against a real binary.
 */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** FuseV1Options order, as @electron/fuses numbers them. */
export const FUSE_ORDER = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
] as const;
const ELECTRON_DEFAULT_FUSES = '10110001';

export function makeStandInElectron(dir: string): string {
  mkdirSync(join(dir, 'locales'), { recursive: true });
  writeFileSync(join(dir, 'locales', 'en-US.pak'), '');
  const binary = join(dir, 'electron');
  const wire = Buffer.concat([
    Buffer.from('#!/bin/sh\necho stand-in\n'),
    Buffer.from(FUSE_SENTINEL, 'latin1'),
    Buffer.from([1, ELECTRON_DEFAULT_FUSES.length]),
    Buffer.from(ELECTRON_DEFAULT_FUSES, 'latin1'),
  ]);
  writeFileSync(binary, wire);
  chmodSync(binary, 0o755);
  return dir;
}

/** The fuses written in a binary, by name: true enabled, false disabled (null when removed). */
export function readFuses(binary: Buffer): Map<(typeof FUSE_ORDER)[number], boolean | null> {
  const at = binary.lastIndexOf(Buffer.from(FUSE_SENTINEL, 'latin1'));
  if (at < 0) throw new Error('no fuse sentinel in the binary');
  const count = binary[at + FUSE_SENTINEL.length + 1];
  const wire = binary
    .subarray(at + FUSE_SENTINEL.length + 2, at + FUSE_SENTINEL.length + 2 + count)
    .toString('latin1');
  const fuses = new Map<(typeof FUSE_ORDER)[number], boolean | null>();
  FUSE_ORDER.forEach((name, i) => fuses.set(name, wire[i] === '1' ? true : wire[i] === '0' ? false : null));
  return fuses;
}

/** A full disk while saving settings: the write fails at the file-system call (tests run as root). */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { unexpectedError } from '../../../electron/main/ipc/channel-table';
import { SettingsStore } from '../../../services/storage/settings';

const failure = vi.hoisted(() => ({ code: null as string | null }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const open: typeof real.open = async (path, flags, mode) => {
    const handle = await real.open(path, flags, mode);
    const code = failure.code;
    if (!code || !String(path).endsWith('.tmp')) return handle;
    // As Node reports it: a failed write carries a code but names no file.
    return Object.assign(Object.create(Object.getPrototypeOf(handle) as object) as typeof handle, handle, {
      writeFile: async () => {
        throw Object.assign(new Error(`${code}: no space left on device, write`), { code });
      },
      close: () => handle.close(),
      sync: () => handle.sync(),
    });
  };
  return { ...real, open, default: { ...real, open } };
});

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'settings-full-'));
});
afterEach(async () => {
  failure.code = null;
  await rm(dir, { recursive: true, force: true });
});

it.each(['ENOSPC', 'EDQUOT'])('%s while saving settings is disk-full, naming settings.json', async (code) => {
  const store = await SettingsStore.open(dir);
  await store.update({ timeZone: 'utc' });
  const before = await readFile(join(dir, 'settings.json'), 'utf8');
  failure.code = code;
  const err = await store.update({ timeZone: 'local' }).catch((e: unknown) => e);
  const mapped = unexpectedError('settings:update', err);
  expect(mapped.kind).toBe('disk-full');
  expect(mapped.message).toBe(`The disk is full: ${join(dir, 'settings.json')} was not written.`);
  expect(store.get().timeZone).toBe('utc');
  expect(await readFile(join(dir, 'settings.json'), 'utf8')).toBe(before);
  expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
});

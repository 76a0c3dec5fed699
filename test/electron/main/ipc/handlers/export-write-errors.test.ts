/** Permission denied and a full disk, simulated at the file-system call (tests run as root, where chmod cannot deny). */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { guarded } from './guarded';
import { createExportHandlers } from '../../../../../electron/main/ipc/handlers/export';
import { loadedFrom, manyPeriodsSession } from '../../../../fixtures/export';

const failure = vi.hoisted(() => ({ code: null as string | null }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const open: typeof real.open = async (path, flags, mode) => {
    const handle = await real.open(path, flags, mode);
    const code = failure.code;
    if (!code || !String(path).endsWith('.tmp')) return handle;
    if (code === 'EACCES') {
      await handle.close();
      throw Object.assign(new Error('denied'), { code });
    }
    // A full disk: part of the data lands, then the write fails.
    return Object.assign(Object.create(Object.getPrototypeOf(handle) as object) as typeof handle, handle, {
      writeFile: async (data: string | Uint8Array) => {
        await handle.write(Buffer.from(data).subarray(0, 10));
        throw Object.assign(new Error('no space'), { code });
      },
      close: () => handle.close(),
      sync: () => handle.sync(),
    });
  };
  return { ...real, open, default: { ...real, open } };
});

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'export-err-'));
});
afterEach(async () => {
  failure.code = null;
  await rm(dir, { recursive: true, force: true });
});

describe.each([
  ['EACCES', 'file-permission', /Permission denied writing/],
  ['ENOSPC', 'disk-full', /The disk is full/],
])('export when the write fails with %s', (code, kind, message) => {
  it('gives a clear message and leaves the previous file and no temp file behind', async () => {
    const path = join(dir, 'report.csv');
    await writeFile(path, 'previous export');
    const loaded = loadedFrom(manyPeriodsSession(5));
    const handlers = guarded(
      createExportHandlers(
        { registry: { get: () => loaded } },
        { dialogs: { chooseSavePath: async () => path, confirm: async () => true } },
      ),
    );
    failure.code = code;
    const r = await handlers['export:session']({ key: loaded.key, format: 'csv', redact: false });
    expect(r.ok || r.error.kind).toBe(kind);
    expect(r.ok || r.error.message).toMatch(message);
    expect(await readFile(path, 'utf8')).toBe('previous export');
    expect(await readdir(dir)).toEqual(['report.csv']);
  });
});

import { mkdir, mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { guarded } from './guarded';
import { createFileHandlers } from '../../../../../electron/main/ipc/handlers/files';
import type { LoadedSession } from '../../../../../shared/domain/loaded-session';
import { createBundle } from '../../../../../shared/export/bundle';
import { MAX_SESSION_FILE_BYTES } from '../../../../../shared/input/limits';
import { loadedFrom } from '../../../../fixtures/export';
import { ocpi221Envelope, ocpi211Session } from '../../../../fixtures/sessions';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'open-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function setup(openPath: string | null, historyFails = false) {
  const put: LoadedSession[] = [];
  const added: LoadedSession[] = [];
  const handlers = guarded(
    createFileHandlers(
      {
        registry: { put: (l) => put.push(l) },
        history: {
          add: async (l) => {
            if (historyFails) throw new Error('disk full');
            added.push(l);
          },
        },
      },
      { dialogs: { chooseOpenPath: async () => openPath } },
    ),
  );
  return { handlers, put, added };
}

describe('session:open-dialog', () => {
  it('opens a bundle as it was exported, registers it and keeps it in history', async () => {
    const original = loadedFrom(JSON.stringify(ocpi221Envelope()));
    const path = join(dir, 's-221.ocpi-session.json');
    await writeFile(path, createBundle(original, { appVersion: '1', redact: false }));
    const { handlers, put, added } = setup(path);
    const r = await handlers['session:open-dialog'](undefined);
    if (!r.ok || !r.value) throw new Error('expected a session');
    expect(r.value.session).toEqual(original.session);
    expect(r.value.checks).toEqual(original.checks);
    expect(r.value.key).toMatch(/^file:/);
    expect(r.value.source.fileName).toBe('s-221.ocpi-session.json');
    expect(put).toEqual([r.value]);
    expect(added).toEqual([r.value]);
  });

  it('resolves null when the dialog is cancelled', async () => {
    expect(await setup(null).handlers['session:open-dialog'](undefined)).toEqual({ ok: true, value: null });
  });

  it('still opens the session when history cannot keep it', async () => {
    const path = join(dir, 'raw.json');
    await writeFile(path, JSON.stringify(ocpi211Session()));
    const r = await setup(path, true).handlers['session:open-dialog'](undefined);
    expect(r.ok && r.value?.session.ids.id).toBe('s-211');
  });

  it('refuses a file that is too large without reading it', async () => {
    const path = join(dir, 'huge.json');
    await writeFile(path, '');
    await truncate(path, MAX_SESSION_FILE_BYTES + 1); // sparse: no disk used
    const { handlers, put } = setup(path);
    const r = await handlers['session:open-dialog'](undefined);
    expect(r.ok || r.error.kind).toBe('file-too-large');
    expect(put).toEqual([]);
  });

  it('gives a clear message for a bad file, a folder and a vanished file, registering nothing', async () => {
    await writeFile(join(dir, 'notes.txt'), 'hello');
    await mkdir(join(dir, 'folder'));
    const cases: [string, string][] = [
      ['notes.txt', 'file-not-json'],
      ['folder', 'file-io'],
      ['vanished.json', 'file-io'],
    ];
    for (const [name, kind] of cases) {
      const { handlers, put } = setup(join(dir, name));
      const r = await handlers['session:open-dialog'](undefined);
      expect(r.ok || r.error.kind).toBe(kind);
      expect(r.ok || r.error.message).toContain(name);
      expect(put).toEqual([]);
    }
  });
});

describe('session:open-text', () => {
  it('reads a dropped file’s text', async () => {
    const { handlers, put } = setup(null);
    const r = await handlers['session:open-text']({
      fileName: 'drop.json',
      text: JSON.stringify(ocpi211Session()),
    });
    expect(r.ok && r.value.source).toMatchObject({ kind: 'file', fileName: 'drop.json' });
    expect(put).toHaveLength(1);
  });

  it('refuses bad arguments and foreign content', async () => {
    const { handlers } = setup(null);
    for (const args of [undefined, { fileName: 'x' }, { fileName: 1, text: '{}' }]) {
      const r = await handlers['session:open-text'](args);
      expect(r.ok || r.error.kind).toBe('invalid-argument');
    }
    const foreign = await handlers['session:open-text']({ fileName: 'pkg.json', text: '{"name":"x"}' });
    expect(foreign.ok || foreign.error.kind).toBe('file-foreign-format');
  });
});

describe('session:open-path (a file the OS handed the app)', () => {
  it('reads the file in main with the same reader and cap as Open, and keeps it in history', async () => {
    const original = loadedFrom(JSON.stringify(ocpi221Envelope()));
    const path = join(dir, 'double-clicked.ocpi-session.json');
    await writeFile(path, createBundle(original, { appVersion: '1', redact: false }));
    const { handlers, put, added } = setup(null);
    const r = await handlers['session:open-path']({ path });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.session).toEqual(original.session);
    expect(put).toHaveLength(1);
    expect(added).toHaveLength(1);
    const big = join(dir, 'big.json');
    await writeFile(big, '');
    await truncate(big, MAX_SESSION_FILE_BYTES + 1);
    const tooBig = await handlers['session:open-path']({ path: big });
    expect(tooBig.ok ? null : tooBig.error.kind).toBe('file-too-large');
  });

  it('refuses what is not an absolute path to a .json file', async () => {
    const { handlers } = setup(null);
    for (const path of [
      'relative.json',
      '/etc/passwd',
      `/tmp/x\n.json`,
      'C:relative.json',
      `/${'a'.repeat(5000)}.json`,
      42,
    ])
      expect((await handlers['session:open-path']({ path })).ok, String(path).slice(0, 20)).toBe(false);
    // A Windows path passes the check (and then is simply not found on this machine).
    const windows = await handlers['session:open-path']({ path: 'C:\\Users\\x\\s.json' });
    expect(windows.ok ? null : windows.error.kind).not.toBe('invalid-argument');
  });
});

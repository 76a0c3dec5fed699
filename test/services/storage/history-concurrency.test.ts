/** History shared by several stores and processes: a lock per operation, leftovers of a killed process. */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HistoryStore } from '../../../services/storage/history';
import type { LoadedSession } from '../../../shared/domain/loaded-session';
import { loadedFrom } from '../../fixtures/export';
import { ocpi211Session } from '../../fixtures/sessions';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'history-cc-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const session = (id: string, source: Partial<LoadedSession['source']> = {}): LoadedSession =>
  loadedFrom(JSON.stringify(ocpi211Session({ id })), null, source);
const ids = (n: number) => Array.from({ length: n }, (_, i) => `s${i}`);

describe('history shared by two stores on one folder', () => {
  it('keeps every entry of 10 concurrent adds spread over two stores', async () => {
    const a = new HistoryStore(dir);
    const b = new HistoryStore(dir);
    await Promise.all(ids(10).map((id, i) => (i % 2 ? a : b).add(session(id))));
    const listed = (await new HistoryStore(dir).list()).entries.map((e) => e.sessionId);
    expect(listed.sort()).toEqual(ids(10).sort());
    const bundles = (await readdir(dir)).filter((f) => f.endsWith('.ocpi-session.json'));
    expect(bundles).toHaveLength(10);
  });

  it('keeps every entry when another process adds at the same time', async () => {
    const child = `
      import { HistoryStore } from ${JSON.stringify(new URL('../../../services/storage/history.ts', import.meta.url).pathname)};
      import { loadedFrom } from ${JSON.stringify(new URL('../../fixtures/export.ts', import.meta.url).pathname)};
      import { ocpi211Session } from ${JSON.stringify(new URL('../../fixtures/sessions.ts', import.meta.url).pathname)};
      const store = new HistoryStore(process.argv[2]);
      await Promise.all(['c0', 'c1', 'c2', 'c3', 'c4'].map((id) => store.add(loadedFrom(JSON.stringify(ocpi211Session({ id }))))));
    `;
    const script = join(dir, '..', `history-child-${process.pid}.mts`);
    await writeFile(script, child);
    try {
      const ours = new HistoryStore(dir);
      const { spawn } = await import('node:child_process');
      const proc = spawn(process.execPath, ['--import', 'tsx', script, dir], { stdio: 'inherit' });
      const exited = new Promise<number | null>((r) => proc.on('exit', r));
      await Promise.all(['p0', 'p1', 'p2', 'p3', 'p4'].map((id) => ours.add(session(id))));
      expect(await exited).toBe(0);
      const listed = (await ours.list()).entries.map((e) => e.sessionId);
      expect(listed.sort()).toEqual(['c0', 'c1', 'c2', 'c3', 'c4', 'p0', 'p1', 'p2', 'p3', 'p4']);
    } finally {
      await rm(script, { force: true });
    }
  }, 60_000);

  it('after a kill -9 mid-operation, recovers its lock and removes its temp files on the next start', async () => {
    await new HistoryStore(dir).add(session('before'));
    // A process takes the lock, starts writing a temp file the way writeFileAtomic names it, and is killed.
    const lockModule = new URL('../../../services/storage/folder-lock.ts', import.meta.url).pathname;
    const child = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        `import { withFolderLock } from ${JSON.stringify(lockModule)};
         import { writeFileSync } from 'node:fs';
         await withFolderLock(${JSON.stringify(join(dir, 'index.lock'))}, async () => {
           writeFileSync(${JSON.stringify(join(dir, '.index.json.0123456789ab.tmp'))}, '[{"half');
           process.kill(process.pid, 'SIGKILL');
         });`,
      ],
      { timeout: 30_000 },
    );
    expect(child.signal).toBe('SIGKILL');
    expect((await readdir(dir)).sort()).toEqual(
      expect.arrayContaining(['.index.json.0123456789ab.tmp', 'index.lock']),
    );
    const store = new HistoryStore(dir, { lock: { timeoutMs: 5_000 } });
    await store.add(session('after'));
    expect((await store.list()).entries.map((e) => e.sessionId)).toEqual(['after', 'before']);
    const left = await readdir(dir);
    expect(left.filter((f) => f.endsWith('.tmp') || f.startsWith('index.lock'))).toEqual([]);
  }, 60_000);

  it('waits for a live lock and gives up with a message when it is never released', async () => {
    await writeFile(
      join(dir, 'index.lock'),
      JSON.stringify({ pid: process.pid, host: (await import('node:os')).hostname() }),
    );
    const store = new HistoryStore(dir, { lock: { timeoutMs: 200 } });
    await expect(store.list()).rejects.toThrow(/locked by another process/);
    await rm(join(dir, 'index.lock'));
    expect((await store.list()).entries).toEqual([]);
  });
});

describe('history order and identity', () => {
  it('a rebuilt index keeps the order of entries saved within the same second', async () => {
    const store = new HistoryStore(dir);
    for (const id of ids(6)) await store.add(session(id));
    const before = (await store.list()).entries.map((e) => e.sessionId);
    expect(before).toEqual(ids(6).reverse());
    await rm(join(dir, 'index.json'));
    expect((await new HistoryStore(dir).list()).entries.map((e) => e.sessionId)).toEqual(before);
  });

  it('keeps three files with the same session id apart, by their path, and replaces a file opened again', async () => {
    const store = new HistoryStore(dir);
    const file = () => session('101', { kind: 'file', fileName: 'session.json', profileName: null });
    await store.add(file(), '/data/a/session.json');
    await store.add(file(), '/data/b/session.json');
    await store.add(file(), '/data/c/session.json');
    await store.add(file(), '/data/a/session.json');
    const { entries } = await store.list();
    expect(entries).toHaveLength(3);
    expect(entries.every((e) => e.sessionId === '101' && e.source === 'session.json')).toBe(true);
    // The index stores a hash of the path, never the path.
    expect(await readFile(join(dir, 'index.json'), 'utf8')).not.toContain('/data/');
  });

  it('keeps the same session id from two profiles apart', async () => {
    const store = new HistoryStore(dir);
    await store.add(session('101', { profileName: 'Lab' }));
    await store.add(session('101', { profileName: 'Prod' }));
    expect((await store.list()).entries.map((e) => e.source)).toEqual(['Prod', 'Lab']);
  });

  it('lists status, kWh and start time of each entry', async () => {
    const store = new HistoryStore(dir);
    await store.add(session('x'));
    expect((await store.list()).entries[0]).toMatchObject({
      status: 'COMPLETED',
      kwh: 11,
      startedAt: '2023-01-10T08:00:00.000Z',
      pinned: false,
      source: 'Lab CPO',
    });
  });

  it('never evicts a pinned entry, keeps the pin when the session is saved again, and deletes on request', async () => {
    const store = new HistoryStore(dir, { maxEntries: 3 });
    await store.add(session('keep'));
    const keepId = (await store.list()).entries[0].id;
    const pinned = await store.pin(keepId, true);
    expect(pinned.ok && pinned.value.entries[0].pinned).toBe(true);
    for (const id of ids(5)) await store.add(session(id));
    expect((await store.list()).entries.map((e) => e.sessionId)).toEqual(['s4', 's3', 'keep']);
    await store.add(session('keep'));
    const again = (await store.list()).entries;
    expect(again.map((e) => [e.sessionId, e.pinned])).toEqual([
      ['keep', true],
      ['s4', false],
      ['s3', false],
    ]);
    const deleted = await store.delete(again[1].id);
    expect(deleted.ok && deleted.value.entries.map((e) => e.sessionId)).toEqual(['keep', 's3']);
    expect((await readdir(dir)).filter((f) => f.endsWith('.ocpi-session.json'))).toHaveLength(2);
    const unknown = await store.pin(again[1].id, true);
    expect(unknown.ok || unknown.error.kind).toBe('not-found');
  });

  it('reads an index written by the previous version (second-resolution ids, no status or pins)', async () => {
    const store = new HistoryStore(dir);
    await store.add(session('old'));
    const [entry] = JSON.parse(await readFile(join(dir, 'index.json'), 'utf8'));
    const oldId = '20240101T120000Z-deadbeef';
    await rename(join(dir, `${entry.id}.ocpi-session.json`), join(dir, `${oldId}.ocpi-session.json`));
    const { id, sessionId, label, savedAt, sourceKind, bytes, sessionKey } = entry;
    await writeFile(
      join(dir, 'index.json'),
      JSON.stringify(
        [{ id, sessionId, label, savedAt, sourceKind, bytes, sessionKey }, { id: oldId }].map((e, i) =>
          i === 0 ? { ...e, id: oldId } : e,
        ),
      ),
    );
    const { entries } = await new HistoryStore(dir).list();
    expect(entries).toEqual([
      expect.objectContaining({ id: oldId, sessionId: 'old', status: null, pinned: false }),
    ]);
    const opened = await new HistoryStore(dir).open(oldId);
    expect(opened.ok && opened.value.session.ids.id).toBe('old');
  });
});

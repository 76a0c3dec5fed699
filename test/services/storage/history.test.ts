import { mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HistoryStore } from '../../../services/storage/history';
import type { LoadedSession } from '../../../shared/domain/loaded-session';
import { loadedFrom, manyPeriodsSession } from '../../fixtures/export';
import { ocpi211Session, ocpi221Envelope, ocpi221LocationEnvelope } from '../../fixtures/sessions';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'history-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const session = (id: string): LoadedSession => loadedFrom(JSON.stringify(ocpi211Session({ id })));

async function openOk(store: HistoryStore, id: string): Promise<LoadedSession> {
  const opened = await store.open(id);
  if (!opened.ok) throw new Error(opened.error.message);
  return opened.value;
}

describe('HistoryStore', () => {
  it('keeps a session as a bundle and reopens it with the same derived data and checks', async () => {
    const store = new HistoryStore(dir);
    const loaded = loadedFrom(JSON.stringify(ocpi221Envelope()), JSON.stringify(ocpi221LocationEnvelope()));
    await store.add(loaded);
    const { entries, notices } = await store.list();
    expect(notices).toEqual([]);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ sessionId: 's-221', label: 's-221 (Lab CPO)', sourceKind: 'fetch' });
    const back = await openOk(store, entries[0].id);
    expect(back.session).toEqual(loaded.session);
    expect(back.checks).toEqual(loaded.checks);
    expect(back.rawLocationText).toBe(loaded.rawLocationText);
    expect(back.source).toMatchObject({
      kind: 'history',
      profileName: 'Lab CPO',
      fetch: loaded.source.fetch,
    });
    expect(back.key).toBe(`history:${entries[0].id}`);
    const files = await readdir(dir);
    expect(files.filter((f) => f.endsWith('.ocpi-session.json'))).toHaveLength(1);
  });

  it('lists newest first and drops the oldest beyond the entry limit', async () => {
    const store = new HistoryStore(dir, { maxEntries: 3 });
    for (const id of ['a', 'b', 'c', 'd', 'e']) await store.add(session(id));
    const { entries } = await store.list();
    expect(entries.map((e) => e.sessionId)).toEqual(['e', 'd', 'c']);
    expect((await readdir(dir)).filter((f) => f.endsWith('.json') && f !== 'index.json')).toHaveLength(3);
  });

  it('drops the oldest beyond the byte limit, and does not keep one session larger than the whole budget', async () => {
    const one = Buffer.byteLength(JSON.stringify(ocpi211Session({ id: 'x' })));
    const store = new HistoryStore(dir, { maxBytes: one * 2 * 2.5 });
    for (const id of ['a', 'b', 'c', 'd']) await store.add(session(id));
    const kept = (await store.list()).entries;
    expect(kept.length).toBeLessThan(4);
    expect(kept[0].sessionId).toBe('d');
    expect(kept.reduce((s, e) => s + e.bytes, 0)).toBeLessThanOrEqual(one * 2 * 2.5);
    await store.add(loadedFrom(manyPeriodsSession(200)));
    expect((await store.list()).entries.map((e) => e.sessionId)).not.toContain('sess-many');
  });

  it('keeps one copy of the same session saved twice', async () => {
    const store = new HistoryStore(dir);
    await store.add(session('same'));
    await store.add(session('other'));
    await store.add(session('same'));
    expect((await store.list()).entries.map((e) => e.sessionId)).toEqual(['same', 'other']);
  });

  it('keeps only the newest copy of a session fetched again with a new envelope timestamp or more periods', async () => {
    const store = new HistoryStore(dir);
    await store.add(loadedFrom(JSON.stringify(ocpi221Envelope({ status: 'ACTIVE', end_date_time: null }))));
    const later = ocpi221Envelope();
    later.timestamp = '2024-03-01T12:05:00Z';
    await store.add(loadedFrom(JSON.stringify(later)));
    const { entries } = await store.list();
    expect(entries).toHaveLength(1);
    expect((await openOk(store, entries[0].id)).session.status).toBe('COMPLETED');
  });

  it('loses nothing when adds run concurrently', async () => {
    const store = new HistoryStore(dir);
    await Promise.all(['a', 'b', 'c', 'd', 'e', 'f'].map((id) => store.add(session(id))));
    expect((await store.list()).entries).toHaveLength(6);
  });

  it('skips and reports a truncated, a garbage and a missing entry, and still opens the others', async () => {
    const store = new HistoryStore(dir);
    for (const id of ['ok', 'cut', 'junk', 'gone']) await store.add(session(id));
    const byId = Object.fromEntries((await store.list()).entries.map((e) => [e.sessionId, e.id]));
    const file = (id: string) => join(dir, `${byId[id]}.ocpi-session.json`);
    await truncate(file('cut'), 50);
    const size = (await readFile(file('junk'))).length;
    await writeFile(file('junk'), 'x'.repeat(size));
    await rm(file('gone'));
    const { entries, notices } = await store.list();
    expect(entries.map((e) => e.sessionId)).toEqual(['ok']);
    expect(notices).toHaveLength(3);
    expect(notices.join('\n')).toMatch(/cut.*truncated[\s\S]*junk.*not a session bundle[\s\S]*gone.*missing/);
    expect((await openOk(store, byId.ok)).session.ids.id).toBe('ok');
    const damaged = await store.open(byId.cut);
    expect(damaged.ok || damaged.error.message).toMatch(/damaged/);
  });

  it('rebuilds a damaged index from the bundles and says so', async () => {
    const store = new HistoryStore(dir);
    await store.add(session('a'));
    await store.add(session('b'));
    await writeFile(join(dir, 'index.json'), '{ not json');
    const { entries, notices } = await store.list();
    expect(entries.map((e) => e.sessionId).sort()).toEqual(['a', 'b']);
    expect(notices).toEqual(['The history index was damaged and has been rebuilt.']);
    expect((await store.list()).notices).toEqual([]);
  });

  it('starts empty in a folder that does not exist yet, and refuses ids that are not its own', async () => {
    const store = new HistoryStore(join(dir, 'not', 'yet'));
    expect(await store.list()).toEqual({ entries: [], notices: [] });
    for (const id of ['../../etc/passwd', 'index', '']) {
      const opened = await store.open(id);
      expect(opened.ok || opened.error.kind).toBe('not-found');
    }
  });
});

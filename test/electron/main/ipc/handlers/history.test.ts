import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { guarded } from './guarded';
import { createHistoryHandlers } from '../../../../../electron/main/ipc/handlers/history';
import { HistoryStore } from '../../../../../services/storage/history';
import type { LoadedSession } from '../../../../../shared/domain/loaded-session';
import { loadedFrom } from '../../../../fixtures/export';
import { ocpi211Session } from '../../../../fixtures/sessions';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'history-h-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

it('lists history and reopens an entry, registering it for export', async () => {
  const history = new HistoryStore(dir);
  await history.add(loadedFrom(JSON.stringify(ocpi211Session())));
  const put: LoadedSession[] = [];
  const handlers = guarded(createHistoryHandlers({ history, registry: { put: (l) => put.push(l) } }));
  const list = await handlers['history:list'](undefined);
  if (!list.ok) throw new Error(list.error.message);
  expect(list.value.entries).toHaveLength(1);
  const opened = await handlers['history:open']({ id: list.value.entries[0].id });
  expect(opened.ok && opened.value.session.ids.id).toBe('s-211');
  expect(put).toHaveLength(1);
});

it('refuses a missing id and reports an unknown one, never throwing', async () => {
  const handlers = guarded(
    createHistoryHandlers({
      history: new HistoryStore(dir),
      registry: { put: () => undefined },
    }),
  );
  const none = await handlers['history:open'](undefined);
  expect(none.ok || none.error.kind).toBe('invalid-argument');
  const unknown = await handlers['history:open']({ id: '20240101T000000Z-deadbeef' });
  expect(unknown.ok || unknown.error.kind).toBe('not-found');
});

it('turns a failing store into a plain error', async () => {
  const broken = {
    list: () => Promise.reject(Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' })),
    open: () => Promise.reject(Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' })),
    delete: () => Promise.reject(new Error('unused')),
    pin: () => Promise.reject(new Error('unused')),
  };
  const handlers = guarded(createHistoryHandlers({ history: broken, registry: { put: () => undefined } }));
  const r = await handlers['history:list'](undefined);
  expect(r.ok || r.error.kind).toBe('file-io');
  const o = await handlers['history:open']({ id: 'x' });
  expect(o.ok || o.error.message).toContain('EIO');
});

it('deletes and pins entries, refusing a bad argument and reporting an unknown id', async () => {
  const history = new HistoryStore(dir);
  await history.add(loadedFrom(JSON.stringify(ocpi211Session({ id: 'a' }))));
  await history.add(loadedFrom(JSON.stringify(ocpi211Session({ id: 'b' }))));
  const handlers = guarded(createHistoryHandlers({ history, registry: { put: () => undefined } }));
  const { entries } = await history.list();
  const pinned = await handlers['history:pin']({ id: entries[1].id, pinned: true });
  expect(pinned.ok && pinned.value.entries.map((e) => [e.sessionId, e.pinned])).toEqual([
    ['b', false],
    ['a', true],
  ]);
  const deleted = await handlers['history:delete']({ id: entries[0].id });
  expect(deleted.ok && deleted.value.entries.map((e) => e.sessionId)).toEqual(['a']);
  for (const bad of [undefined, { id: entries[1].id }, { id: entries[1].id, pinned: 'yes' }]) {
    const r = await handlers['history:pin'](bad);
    expect(r.ok || r.error.kind).toBe('invalid-argument');
  }
  const gone = await handlers['history:delete']({ id: entries[0].id });
  expect(gone.ok || gone.error.kind).toBe('not-found');
});

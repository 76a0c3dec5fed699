/** Billing attached after a fetch or an open is written back to Recent, so reopening shows it again. */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { guarded } from '../../electron/main/ipc/handlers/guarded';
import { createBillingHandlers } from '../../../electron/main/ipc/handlers/billing';
import { createHistoryHandlers } from '../../../electron/main/ipc/handlers/history';
import { computeBilling } from '../../../shared/billing/attach';
import type { LoadedSession } from '../../../shared/domain/loaded-session';
import { SessionRegistry } from '../../../services/sessions/session-registry';
import { HistoryStore } from '../../../services/storage/history';
import { agreeingCdr, agreeingSession } from '../../fixtures/billing/cdrs';
import { agreeingTariff } from '../../fixtures/billing/tariffs';
import { loadedFrom } from '../../fixtures/export';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'history-billing-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const fetched = (key = 'k-1'): LoadedSession => ({ ...loadedFrom(JSON.stringify(agreeingSession())), key });
function billed(loaded: LoadedSession): LoadedSession {
  const billing = computeBilling(loaded.session, {
    cdr: { fileName: 'cdr.json', text: JSON.stringify(agreeingCdr()) },
    tariffs: [{ fileName: 't.json', text: JSON.stringify(agreeingTariff()) }],
  });
  if (!billing.ok) throw new Error(billing.error.message);
  return { ...loaded, billing: billing.value };
}
async function reopen(store: HistoryStore, index = 0): Promise<LoadedSession> {
  const { entries } = await store.list();
  const opened = await store.open(entries[index].id);
  if (!opened.ok) throw new Error(opened.error.message);
  return opened.value;
}

describe('HistoryStore.update', () => {
  it('rewrites the entry a fetched session was kept as, with its billing; reopening computes it again', async () => {
    const store = new HistoryStore(dir);
    const loaded = fetched();
    await store.add(loaded);
    const withBilling = billed(loaded);
    await store.update(withBilling);
    const { entries } = await store.list();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ sourceKind: 'fetch', source: 'Lab CPO', sessionId: 'SESSION-1' });
    const back = await reopen(store);
    expect(back.billing?.cdrFileName).toBe('cdr.json');
    expect(back.billing?.tariffTexts.map((t) => t.fileName)).toEqual(['t.json']);
    expect(back.billing?.cost).toEqual(withBilling.billing?.cost);
    expect(back.billing?.checks).toEqual(withBilling.billing?.checks);
    // One bundle left: the old one is replaced, not kept beside.
    expect((await readdir(dir)).filter((f) => f.endsWith('.ocpi-session.json'))).toHaveLength(1);
  });

  it('a session reopened from Recent is kept again in its entry: source, pin and neighbours unchanged', async () => {
    const store = new HistoryStore(dir);
    await store.add(fetched('a'));
    await store.add({ ...loadedFrom(JSON.stringify(agreeingSession({ id: 'OTHER' }))), key: 'b' });
    const { entries } = await store.list();
    const first = entries.find((e) => e.sessionId === 'SESSION-1');
    if (!first) throw new Error('no entry');
    await store.pin(first.id, true);
    const opened = await store.open(first.id);
    if (!opened.ok) throw new Error(opened.error.message);
    await store.update(billed(opened.value));
    const after = await store.list();
    expect(after.entries).toHaveLength(2);
    const again = after.entries.find((e) => e.sessionId === 'SESSION-1');
    expect(again).toMatchObject({ sourceKind: 'fetch', source: 'Lab CPO', pinned: true });
    const back = await store.open(again!.id);
    expect(back.ok && back.value.billing?.cdr?.id).toBe('CDR-1');
    const other = after.entries.find((e) => e.sessionId === 'OTHER');
    const otherBack = await store.open(other!.id);
    expect(otherBack.ok && otherBack.value.billing).toBeUndefined();
  });

  it('files of the same session id from two folders stay apart: only the one attached to changes', async () => {
    const store = new HistoryStore(dir);
    const file = (key: string): LoadedSession => ({
      ...loadedFrom(JSON.stringify(agreeingSession()), null, {
        kind: 'file',
        fileName: 's.json',
        profileName: null,
      }),
      key,
    });
    await store.add(file('one'), '/a/s.json');
    await store.add(file('two'), '/b/s.json');
    await store.update(billed(file('two')));
    const { entries } = await store.list();
    expect(entries).toHaveLength(2);
    const opened = await Promise.all(entries.map((e) => store.open(e.id)));
    expect(opened.map((o) => o.ok && o.value.billing !== undefined).sort()).toEqual([false, true]);
    expect(entries.every((e) => e.sourceKind === 'file' && e.source === 's.json')).toBe(true);
  });

  it('does not bring back an entry the user deleted, nor keep a session it never kept', async () => {
    const store = new HistoryStore(dir);
    await store.add(fetched());
    const { entries } = await store.list();
    await store.delete(entries[0].id);
    await store.update(billed(fetched()));
    await store.update(billed(fetched('never-kept')));
    expect((await store.list()).entries).toEqual([]);
  });
});

describe('attach handlers write back to Recent', () => {
  it('a CDR and tariff dropped on a session opened from Recent show again when it is reopened; detach too', async () => {
    const store = new HistoryStore(join(dir, 'history'));
    await store.add(fetched());
    const registry = new SessionRegistry();
    const notices: string[] = [];
    const history = guarded(createHistoryHandlers({ history: store, registry }));
    const billing = guarded(
      createBillingHandlers(
        { registry, history: store },
        { dialogs: { chooseOpenPath: async () => null }, emit: (_e, p) => notices.push(JSON.stringify(p)) },
      ),
    );
    const list = await history['history:list'](undefined);
    if (!list.ok) throw new Error();
    const opened = await history['history:open']({ id: list.value.entries[0].id });
    if (!opened.ok) throw new Error(opened.error.message);
    const key = opened.value.key;
    await billing['billing:attach-text']({ key, fileName: 'cdr.json', text: JSON.stringify(agreeingCdr()) });
    await billing['billing:attach-text']({ key, fileName: 't.json', text: JSON.stringify(agreeingTariff()) });

    const after = await history['history:list'](undefined);
    if (!after.ok) throw new Error();
    expect(after.value.entries).toHaveLength(1);
    const again = await history['history:open']({ id: after.value.entries[0].id });
    if (!again.ok) throw new Error(again.error.message);
    expect(again.value.billing?.cdr?.id).toBe('CDR-1');
    expect(again.value.billing?.cost?.totalExclVat).toBe(4);

    await billing['billing:detach']({ key: again.value.key });
    const last = await history['history:list'](undefined);
    if (!last.ok) throw new Error();
    const detached = await history['history:open']({ id: last.value.entries[0].id });
    expect(detached.ok && detached.value.billing).toBeUndefined();
    expect(notices).toEqual([]);
  });
});

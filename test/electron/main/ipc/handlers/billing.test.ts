import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { guarded } from './guarded';
import { createBillingHandlers } from '../../../../../electron/main/ipc/handlers/billing';
import type { LoadedSession } from '../../../../../shared/domain/loaded-session';
import { readSessionFile } from '../../../../../shared/export/import';
import { SessionRegistry } from '../../../../../services/sessions/session-registry';
import { HistoryStore } from '../../../../../services/storage/history';
import { agreeingCdr, agreeingSession } from '../../../../fixtures/billing/cdrs';
import { agreeingTariff } from '../../../../fixtures/billing/tariffs';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'billing-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

function opened(text: string, key: string): LoadedSession {
  const r = readSessionFile(text, 'file.json');
  if (!r.ok) throw new Error(r.error.message);
  return { ...r.value, key };
}

function setup(paths: (string | null)[]) {
  const registry = new SessionRegistry();
  registry.put(opened(JSON.stringify(agreeingSession()), 'k'));
  const handlers = guarded(
    createBillingHandlers(
      { registry, history: new HistoryStore(join(dir, 'history')) },
      { dialogs: { chooseOpenPath: async () => paths.shift() ?? null }, emit: () => undefined },
    ),
  );
  return { registry, handlers };
}

describe('billing handlers', () => {
  it('attaches a CDR then a tariff from the open dialog, keeps them on the held session, detaches', async () => {
    const cdrPath = join(dir, 'cdr.json');
    const tariffPath = join(dir, 'tariff.json');
    await writeFile(
      cdrPath,
      JSON.stringify(agreeingCdr([], { total_cost: { excl_vat: 5, incl_vat: 6.05 } })),
    );
    await writeFile(tariffPath, JSON.stringify({ status_code: 1000, data: [agreeingTariff()] }));
    const { registry, handlers } = setup([cdrPath, tariffPath, null]);

    const first = await handlers['billing:attach-file']({ key: 'k' });
    if (!first.ok || !first.value) throw new Error('expected the session');
    expect(first.value.billing?.cdrFileName).toBe('cdr.json');
    expect(first.value.billing?.cost).toBeNull();

    const second = await handlers['billing:attach-file']({ key: 'k' });
    if (!second.ok || !second.value) throw new Error('expected the session');
    expect(second.value.billing?.tariffTexts.map((t) => t.fileName)).toEqual(['tariff.json']);
    expect(second.value.billing?.cost?.totalExclVat).toBe(4);
    expect(second.value.billing?.checks.map((c) => c.code)).toEqual([
      'CDR_TOTALS_INCONSISTENT',
      'CDR_COST_MISMATCH',
    ]);
    expect(registry.get('k')).toEqual(second.value);

    expect(await handlers['billing:attach-file']({ key: 'k' })).toEqual({ ok: true, value: null });

    const detached = await handlers['billing:detach']({ key: 'k' });
    expect(detached.ok && detached.value.billing).toBeUndefined();
    expect(registry.get('k')?.billing).toBeUndefined();
  });

  it('attaches dropped text, and answers null for a file that is not billing (the caller opens it)', async () => {
    const { handlers } = setup([]);
    const text = JSON.stringify(agreeingCdr([agreeingTariff()]));
    const r = await handlers['billing:attach-text']({ key: 'k', fileName: 'cdr.json', text });
    expect(r.ok && r.value?.billing?.checks).toEqual([]);
    const other = JSON.stringify(agreeingSession());
    expect(await handlers['billing:attach-text']({ key: 'k', fileName: 's.json', text: other })).toEqual({
      ok: true,
      value: null,
    });
  });

  it('says so when the session is gone, the file is not billing, or is no file', async () => {
    const { handlers } = setup([join(dir, 'missing.json'), dir]);
    const gone = await handlers['billing:detach']({ key: 'nope' });
    expect(gone.ok || gone.error.kind).toBe('not-found');
    const missing = await handlers['billing:attach-file']({ key: 'k' });
    expect(missing.ok || missing.error.message).toMatch(/missing\.json no longer exists/);
    const folder = await handlers['billing:attach-file']({ key: 'k' });
    expect(folder.ok || folder.error.message).toMatch(/is not a file/);
    const bad = await handlers['billing:attach-text']({ key: 'k', fileName: '', text: '' });
    expect(bad.ok || bad.error.kind).toBe('invalid-argument');
  });

  it('a CDR opened alone takes a tariff but cannot be detached', async () => {
    const registry = new SessionRegistry();
    registry.put(opened(JSON.stringify(agreeingCdr()), 'c'));
    const handlers = guarded(
      createBillingHandlers(
        { registry, history: new HistoryStore(join(dir, 'history')) },
        { dialogs: { chooseOpenPath: async () => null }, emit: () => undefined },
      ),
    );
    const r = await handlers['billing:attach-text']({
      key: 'c',
      fileName: 't.json',
      text: JSON.stringify(agreeingTariff()),
    });
    expect(r.ok && r.value?.billing?.cost?.totalExclVat).toBe(4);
    const d = await handlers['billing:detach']({ key: 'c' });
    expect(d.ok || d.error.kind).toBe('invalid-argument');
  });
});

describe('billing:attach-path (a dropped file, read by main)', () => {
  it('attaches a CDR read from its path, answers null for a session file, refuses a bad path', async () => {
    const cdrPath = join(dir, 'dropped-cdr.json');
    const sessionPath = join(dir, 'dropped-session.json');
    await writeFile(cdrPath, JSON.stringify(agreeingCdr([agreeingTariff()])));
    await writeFile(sessionPath, JSON.stringify(agreeingSession()));
    const { registry, handlers } = setup([]);
    const attached = await handlers['billing:attach-path']({ key: 'k', path: cdrPath });
    if (!attached.ok || !attached.value) throw new Error('expected the session with its CDR');
    expect(attached.value.billing?.cdrFileName).toBe('dropped-cdr.json');
    expect(registry.get('k')?.billing?.cdrFileName).toBe('dropped-cdr.json');
    expect(await handlers['billing:attach-path']({ key: 'k', path: sessionPath })).toEqual({
      ok: true,
      value: null,
    });
    const relative = await handlers['billing:attach-path']({ key: 'k', path: 'dropped-cdr.json' });
    expect(relative.ok ? null : relative.error.kind).toBe('invalid-argument');
    const gone = await handlers['billing:attach-path']({ key: 'nope', path: cdrPath });
    expect(gone.ok ? null : gone.error.kind).toBe('not-found');
  });
});

import { describe, expect, it } from 'vitest';
import { computeBilling } from '../../../shared/billing/attach';
import { type CdrSearchReport, readCdrSearchReport } from '../../../shared/billing/cdr-search';
import type { LoadedSession } from '../../../shared/domain/loaded-session';
import { BUNDLE_VERSION, createBundle } from '../../../shared/export/bundle';
import { readSessionFile } from '../../../shared/export/import';
import { agreeingCdr, agreeingSession } from '../../fixtures/billing/cdrs';
import { agreeingTariff } from '../../fixtures/billing/tariffs';

const cdrText = JSON.stringify(
  agreeingCdr([], {
    total_cost: { excl_vat: 5, incl_vat: 6.05 },
    cdr_token: { uid: 'SECRET-TOKEN-77', type: 'RFID', contract_id: 'NL-TST-SECRET-9' },
  }),
);
const tariffText = JSON.stringify(agreeingTariff());

function open(text: string, name = 'b.json'): LoadedSession {
  const r = readSessionFile(text, name);
  if (!r.ok) throw new Error(r.error.message);
  return { ...r.value, key: 'k' };
}

function sessionWithBilling(): LoadedSession {
  const loaded = open(JSON.stringify(agreeingSession()), 's.json');
  const billing = computeBilling(loaded.session, {
    cdr: { fileName: 'cdr.json', text: cdrText },
    tariffs: [{ fileName: 'tariff.json', text: tariffText }],
  });
  if (!billing.ok) throw new Error(billing.error.message);
  return { ...loaded, billing: billing.value };
}

describe('bundles carry the CDR and tariffs', () => {
  it('round-trips them raw: the re-opened session has the same billing', () => {
    const original = sessionWithBilling();
    const text = createBundle(original, { appVersion: '1', redact: false });
    const bundle = JSON.parse(text) as { formatVersion: string; raw: Record<string, unknown> };
    expect(BUNDLE_VERSION).toBe('1.2');
    expect(bundle.formatVersion).toBe('1.2');
    expect(bundle.raw.cdr).toEqual({ fileName: 'cdr.json', text: cdrText });
    expect(bundle.raw.tariffs).toEqual([{ fileName: 'tariff.json', text: tariffText }]);
    const reopened = open(text);
    expect(reopened.billing).toEqual(original.billing);
    expect(reopened.session.ids).toEqual(original.session.ids);
  });

  it('opens a 1.0 bundle (no billing) as before, and a bundle without billing has no raw.cdr', () => {
    const plain = open(JSON.stringify(agreeingSession()), 's.json');
    const text = createBundle(plain, { appVersion: '1', redact: false });
    const bundle = JSON.parse(text) as Record<string, unknown> & { raw: Record<string, unknown> };
    expect('cdr' in bundle.raw).toBe(false);
    const old = open(JSON.stringify({ ...bundle, formatVersion: '1.0' }));
    expect(old.session.ids).toEqual(plain.session.ids);
    expect(old.billing).toBeUndefined();
  });

  it('a CDR opened alone re-opens as a CDR with its attached tariff', () => {
    const alone = open(cdrText, 'cdr.json');
    const billing = computeBilling(null, {
      cdr: { fileName: 'cdr.json', text: cdrText },
      tariffs: [{ fileName: 't.json', text: tariffText }],
    });
    if (!billing.ok) throw new Error();
    const reopened = open(
      createBundle({ ...alone, billing: billing.value }, { appVersion: '1', redact: false }),
    );
    expect(reopened.subject).toBe('cdr');
    expect(reopened.billing?.cost?.totalExclVat).toBe(4);
    expect(reopened.billing?.checks.map((c) => c.code)).toContain('CDR_COST_MISMATCH');
  });

  it("redacts the CDR's cdr_token ids in its raw text and everywhere in the billing", () => {
    const text = createBundle(sessionWithBilling(), { appVersion: '1', redact: true });
    expect(text).not.toContain('SECRET-TOKEN-77');
    expect(text).not.toContain('NL-TST-SECRET-9');
    expect(text).not.toContain('TOKEN-1');
    const reopened = open(text);
    expect(reopened.billing?.cdr?.auth.id).toMatch(/^REDACTED-\d+$/);
    expect(reopened.billing?.cost?.totalExclVat).toBe(4);
  });

  it('leaves out billing entries of the wrong shape in a hand-edited bundle', () => {
    const text = createBundle(sessionWithBilling(), { appVersion: '1', redact: false });
    const bundle = JSON.parse(text) as { raw: Record<string, unknown> };
    bundle.raw.cdr = 42;
    bundle.raw.tariffs = [{ fileName: 't.json', text: tariffText }, 'nope'];
    const reopened = open(JSON.stringify(bundle));
    expect(reopened.billing?.cdr).toBeNull();
    expect(reopened.billing?.tariffTexts).toHaveLength(1);
  });
});

describe('bundles carry the last CDR search (1.2)', () => {
  const ended = Date.parse('2024-06-03T16:45:00Z');
  const search = (found: boolean): CdrSearchReport => ({
    now: ended + 72 * 3_600_000,
    searched: [{ from: ended, to: ended + 24 * 3_600_000 }],
    found,
    profileName: 'CPO',
    match: null,
    cdrsScanned: 12,
    tariffsAsked: ['T1'],
    tariffsMissing: [],
    notes: ['the Tariffs module refused'],
    correlationId: 'corr-9',
  });

  it('a search that found no CDR re-opens with CDR_MISSING, judged as when it ran', () => {
    const plain = open(JSON.stringify(agreeingSession()), 's.json');
    const billing = computeBilling(plain.session, { cdr: null, tariffs: [] }, search(false));
    if (!billing.ok) throw new Error(billing.error.message);
    expect(billing.value.checks.map((c) => c.code)).toEqual(['CDR_MISSING']);
    const text = createBundle({ ...plain, billing: billing.value }, { appVersion: '1', redact: false });
    const reopened = open(text);
    expect(reopened.billing?.checks).toEqual(billing.value.checks);
    expect(reopened.billing?.cdrSearch).toEqual(search(false));
  });

  it('a 1.1 bundle (no search) still opens with its CDR and no CDR_MISSING', () => {
    const original = sessionWithBilling();
    const bundle = JSON.parse(createBundle(original, { appVersion: '1', redact: false }));
    expect('cdrSearch' in bundle).toBe(false);
    const reopened = open(JSON.stringify({ ...bundle, formatVersion: '1.1' }));
    expect(reopened.billing?.cdr?.id).toBe(original.billing?.cdr?.id);
    expect(reopened.billing?.cdrSearch).toBeUndefined();
  });

  it('reads a hand-edited search field by field: odd entries are dropped, a wrong shape is no search', () => {
    const edited = {
      ...search(false),
      searched: [{ from: 1, to: 2 }, { from: 'x', to: 2 }, 'y'],
      tariffsAsked: ['T1', 7],
      match: { by: 'score', score: { score: 8, max: 10, agreed: ['auth id', 3], distanceMs: null } },
      extra: { __proto__: { polluted: true } },
    };
    const read = readCdrSearchReport(JSON.parse(JSON.stringify(edited)));
    expect(read?.searched).toEqual([{ from: 1, to: 2 }]);
    expect(read?.tariffsAsked).toEqual(['T1']);
    expect(read?.match).toEqual({
      by: 'score',
      score: { score: 8, max: 10, agreed: ['auth id'], distanceMs: Number.POSITIVE_INFINITY },
    });
    expect(read && 'extra' in read).toBe(false);
    for (const bad of [
      null,
      'x',
      [],
      { ...search(false), found: 'no' },
      { ...search(false), match: { by: 'guess' } },
    ])
      expect(readCdrSearchReport(bad)).toBeNull();
  });
});

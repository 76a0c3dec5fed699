import { describe, expect, it } from 'vitest';
import {
  attachBillingFile,
  billingKindOf,
  computeBilling,
  recomputeBilling,
} from '../../../shared/billing/attach';
import { openCdrAlone } from '../../../shared/billing/cdr-alone';
import { readSessionFile } from '../../../shared/export/import';
import { readSession } from '../../../shared/session/read-session';
import type { Result } from '../../../shared/domain/errors';
import { agreeingCdr, agreeingSession } from '../../fixtures/billing/cdrs';
import { agreeingTariff } from '../../fixtures/billing/tariffs';

const file = (fileName: string, value: unknown) => ({ fileName, text: JSON.stringify(value) });
const session = () => {
  const r = readSession(JSON.stringify(agreeingSession()));
  if (!r.ok) throw new Error(r.error.message);
  return r.session;
};
const value = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe('billingKindOf', () => {
  it('tells CDRs, tariffs and tariff lists (bare or in envelopes) from sessions', () => {
    expect(billingKindOf(agreeingCdr())).toBe('cdr');
    expect(billingKindOf({ status_code: 1000, data: agreeingCdr() })).toBe('cdr');
    expect(billingKindOf(agreeingTariff())).toBe('tariffs');
    expect(billingKindOf([agreeingTariff(), agreeingTariff()])).toBe('tariffs');
    expect(billingKindOf({ status_code: 1000, data: [agreeingTariff()] })).toBe('tariffs');
    expect(billingKindOf({ status_code: 1000, data: agreeingTariff() })).toBe('tariffs');
    expect(billingKindOf(agreeingSession())).toBeNull();
    expect(billingKindOf([])).toBeNull();
    expect(billingKindOf('text')).toBeNull();
  });
});

describe('computeBilling', () => {
  it('prices an agreeing CDR with its own tariff: the session and CDR agree, no check fires', () => {
    const b = value(
      computeBilling(session(), { cdr: file('cdr.json', agreeingCdr([agreeingTariff()])), tariffs: [] }),
    );
    expect(b.tariffsFrom).toBe('cdr');
    expect(b.cost?.totalExclVat).toBe(4);
    expect(b.cost?.totalInclVat).toBe(4.84);
    expect(b.sessionCost?.totalExclVat).toBe(4);
    expect(b.checks).toEqual([]);
  });

  it('finds the CDR billing another session, and a total the engine does not reach', () => {
    const cdr = agreeingCdr([agreeingTariff()], {
      session_id: 'OTHER',
      total_cost: { excl_vat: 5, incl_vat: 6.05 },
    });
    const codes = value(computeBilling(session(), { cdr: file('cdr.json', cdr), tariffs: [] })).checks.map(
      (c) => c.code,
    );
    expect(codes).toContain('CDR_SESSION_ID_MISMATCH');
    expect(codes).toContain('CDR_COST_MISMATCH');
  });

  it('prices a session alone with attached tariffs (SESSION_COST_MISMATCH when its total disagrees)', () => {
    const s = readSession(JSON.stringify(agreeingSession({ total_cost: { excl_vat: 9, incl_vat: 10.89 } })));
    if (!s.ok) throw new Error();
    const b = value(computeBilling(s.session, { cdr: null, tariffs: [file('t.json', agreeingTariff())] }));
    expect(b.costOf).toBe('session');
    expect(b.tariffsFrom).toBe('files');
    expect(b.checks.map((c) => c.code)).toEqual(['SESSION_COST_MISMATCH']);
  });

  it('names the file that does not read', () => {
    const r = computeBilling(session(), { cdr: null, tariffs: [{ fileName: 'bad.json', text: '{' }] });
    expect(r.ok || r.error.message).toMatch(/^bad\.json could not be read as a tariff/);
  });
});

describe('attachBillingFile', () => {
  it('a CDR replaces the CDR, a tariff file joins the tariffs, and recomputing gives the same result', () => {
    const s = session();
    const one = value(attachBillingFile(s, undefined, file('a.json', agreeingCdr())));
    expect(one.tariffsFrom).toBe('none');
    const two = value(attachBillingFile(s, one, file('t.json', agreeingTariff())));
    expect(two.cdrFileName).toBe('a.json');
    expect(two.tariffTexts.map((t) => t.fileName)).toEqual(['t.json']);
    expect(two.cost?.totalExclVat).toBe(4);
    const three = value(attachBillingFile(s, two, file('b.json', agreeingCdr([], { session_id: 'X' }))));
    expect(three.cdrFileName).toBe('b.json');
    expect(three.tariffTexts).toHaveLength(1);
    expect(three.checks.map((c) => c.code)).toContain('CDR_SESSION_ID_MISMATCH');
    expect(value(recomputeBilling(s, three))).toEqual(three);
  });

  it('refuses a file that is neither, with a message', () => {
    const r = attachBillingFile(session(), undefined, file('s.json', agreeingSession()));
    expect(r.ok || r.error.message).toMatch(/s\.json is neither a CDR nor a tariff/);
  });
});

describe('a CDR opened alone', () => {
  it('opens as a CDR: subject cdr, its own facts, its billing, no session checks', () => {
    const text = JSON.stringify(
      agreeingCdr([agreeingTariff()], { total_cost: { excl_vat: 5, incl_vat: 6.05 } }),
    );
    const opened = value(readSessionFile(text, '/x/cdr.json'));
    expect(opened.subject).toBe('cdr');
    expect(opened.checks).toEqual([]);
    expect(opened.session.kwh).toBe(10);
    expect(opened.session.periods.count).toBe(3);
    expect(opened.billing?.cdr?.id).not.toBeNull();
    expect(opened.billing?.checks.map((c) => c.code)).toContain('CDR_COST_MISMATCH');
    expect(opened).toEqual(value(openCdrAlone(text, 'cdr.json', opened.source)));
  });

  it('a session file still opens as a session', () => {
    expect(value(readSessionFile(JSON.stringify(agreeingSession()), 's.json')).subject).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { DEMO_SESSIONS, demoSession } from '../../../shared/demo/catalog';
import { demoBillingTexts, withDemoBilling } from '../../../shared/demo/demo-billing';
import { loadedFrom } from '../../fixtures/export';

function fetched(id: string) {
  const g = demoSession(id);
  if (!g) throw new Error(id);
  const r = withDemoBilling(
    loadedFrom(
      JSON.stringify(g.body),
      g.location ? JSON.stringify({ status_code: 1000, data: g.location }) : null,
    ),
    id,
  );
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('demo sessions with billing', () => {
  it('are listed, and only they carry billing', () => {
    const ids = DEMO_SESSIONS.map((s) => s.id);
    expect(ids).toContain('demo-billing');
    expect(ids).toContain('demo-billing-disputed');
    expect(demoBillingTexts('demo-ocpi-221-dc')).toBeUndefined();
    expect(fetched('demo-ocpi-221-dc').billing).toBeUndefined();
  });

  it('the agreeing one: CDR and session agree, priced by the DC-FAST tariff', () => {
    const b = fetched('demo-billing').billing;
    expect(b?.cdrFileName).toBe('demo-billing-cdr.json');
    expect(b?.tariffsFrom).toBe('files');
    expect(b?.cost?.components.map((c) => c.tariffId)).toContain('DC-FAST');
    expect(b?.checks.filter((c) => c.severity === 'error')).toEqual([]);
    // Its running total_cost is the tariff's too: nothing at all fires.
    expect(b?.checks).toEqual([]);
  });

  it('the disputed one shows the cost and energy checks', () => {
    const codes = fetched('demo-billing-disputed').billing?.checks.map((c) => c.code);
    expect(codes).toContain('CDR_COST_MISMATCH');
    expect(codes).toContain('CDR_ENERGY_MISMATCH');
  });
});

import { describe, expect, it } from 'vitest';
import { priceSession } from '../../../shared/billing/cost-engine';
import { pricingInputFromCdr } from '../../../shared/billing/pricing-input';
import { readCdr } from '../../../shared/billing/read-cdr';
import { cdrSelfChecks } from '../../../shared/billing/reconcile';
import {
  cdrDataset,
  COST_OFF_EVERY,
  demoTariffs,
  ENERGY_OFF_EVERY,
} from '../../../shared/demo/billing-dataset';
import { sessionDataset } from '../../../shared/demo/session-dataset';

describe('the demo CDRs', () => {
  for (const version of ['2.1.1', '2.2.1', '2.3.0'] as const) {
    it(`${version}: one per COMPLETED session, read without warnings, wrong only where planted`, () => {
      const sessions = sessionDataset({ count: 60, shape: `ocpi-${version}` });
      const cdrs = cdrDataset(sessions, version);
      expect(cdrs.length).toBe(sessions.filter((s) => s.status === 'COMPLETED').length);
      const codesById = new Map<string, string[]>();
      for (const raw of cdrs) {
        const read = readCdr(raw);
        if (!read.ok) throw new Error(read.error.message);
        expect(read.warnings).toEqual([]);
        const cost = priceSession(pricingInputFromCdr(read.cdr));
        codesById.set(
          String(raw.id),
          cdrSelfChecks(read.cdr, cost).map((c) => c.code),
        );
      }
      sessions.forEach((s, i) => {
        const codes = codesById.get(`CDR-${String(s.id)}`);
        if (!codes) return;
        expect(codes.includes('CDR_COST_MISMATCH'), `${String(s.id)} cost`).toBe(
          i % COST_OFF_EVERY === COST_OFF_EVERY - 1,
        );
      });
      expect([...codesById.values()].some((c) => c.includes('CDR_COST_MISMATCH'))).toBe(true);
      const energyOff = sessions.findIndex(
        (s, i) => s.status === 'COMPLETED' && i % ENERGY_OFF_EVERY === ENERGY_OFF_EVERY - 1,
      );
      expect(codesById.get(`CDR-${String(sessions[energyOff].id)}`)).toContain('CDR_ENERGY_MISMATCH');
    });
  }

  it('offers tariffs the CDRs name, in each version’s price-component form', () => {
    expect(demoTariffs('2.2.1').map((t) => t.id)).toEqual(['DC-FAST', 'AC-STANDARD']);
    const component = (
      demoTariffs('2.1.1')[0].elements as { price_components: Record<string, unknown>[] }[]
    )[0].price_components[0];
    expect('vat' in component).toBe(false);
    expect(demoTariffs('2.3.0')[0].tax_included).toBe('NO');
  });
});

/** The timeline's cost series and tariff bands, from the engine's per-period output. */
import { describe, expect, it } from 'vitest';
import { PERIOD_COST_RULE, type PeriodCosts } from '../../../shared/billing/cost-engine';
import { costBands, cumulativeCost, timelineCost } from '../../../shared/billing/timeline-cost';
import { demoSession } from '../../../shared/demo/catalog';
import { withDemoBilling } from '../../../shared/demo/demo-billing';
import { loadedFrom } from '../../fixtures/export';

function demo(id: string) {
  const g = demoSession(id);
  if (!g) throw new Error(id);
  const location = g.location ? JSON.stringify({ status_code: 1000, data: g.location }) : null;
  const r = withDemoBilling(loadedFrom(JSON.stringify(g.body), location), id);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('cumulativeCost', () => {
  it('sums integer micros exactly, and is unknown when a period is', () => {
    expect(Array.from(cumulativeCost(Float64Array.from([100_000, 200_000, 0, 1]))!)).toEqual([
      0.1, 0.3, 0.3, 0.300001,
    ]);
    expect(cumulativeCost(Float64Array.from([1, Number.NaN]))).toBeNull();
    expect(Array.from(cumulativeCost(new Float64Array(0))!)).toEqual([]);
  });
});

describe('costBands', () => {
  const periods = (tariff: number[], energy: number[], time: number[]): PeriodCosts => ({
    exclVatMicros: new Float64Array(tariff.length),
    inclVatMicros: new Float64Array(tariff.length),
    tariff: Int32Array.from(tariff),
    // ENERGY, FLAT, TIME, PARKING_TIME
    element: [
      Int32Array.from(energy),
      Int32Array.from(tariff, () => -1),
      Int32Array.from(time),
      Int32Array.from(tariff, () => -1),
    ],
    rule: PERIOD_COST_RULE,
  });
  const words = (t: number, e: number) => `t${t}e${e}`;

  it('makes one band per run of the same tariff and elements, and skips unpriced periods', () => {
    const bands = costBands(periods([0, 0, 0, -1, 0, 1], [0, 0, 1, -1, 1, 0], [2, 2, 2, -1, 2, 2]), words);
    expect(bands).toEqual([
      { from: 0, to: 1, label: 't0e0 · t0e2' },
      { from: 2, to: 2, label: 't0e1 · t0e2' },
      { from: 4, to: 4, label: 't0e1 · t0e2' },
      { from: 5, to: 5, label: 't1e0 · t1e2' },
    ]);
  });

  it('names an element once when it prices several dimensions', () => {
    expect(costBands(periods([0, 0], [3, 3], [3, 3]), words)).toEqual([{ from: 0, to: 1, label: 't0e3' }]);
  });

  it('gives no bands for no periods', () => {
    expect(costBands(periods([], [], []), words)).toEqual([]);
  });
});

describe('timelineCost', () => {
  it('is the session cost of the Billing tab, incl. VAT, labelled with its currency', () => {
    const loaded = demo('demo-billing');
    const billing = loaded.billing!;
    const cost = timelineCost(loaded.session, billing);
    if (!cost) throw new Error('no timeline cost');
    expect(cost.vat).toBe('incl');
    expect(cost.label).toBe(`Cost (${billing.sessionCost!.currency}, incl. VAT)`);
    expect(cost.total).toBe(billing.sessionCost!.totalInclVat);
    expect(cost.cumulative.at(-1)).toBe(cost.total);
    expect(cost.cumulative.length).toBe(loaded.session.periods.count);
    expect(cost.bands.length).toBeGreaterThan(0);
    for (const band of cost.bands) expect(band.label).toMatch(/^Tariff \S+ element \d+: .*\/(kWh|h)/);
    expect(cost.rule).toBe(PERIOD_COST_RULE);
  });

  it('is null without tariffs', () => {
    const loaded = demo('demo-billing');
    expect(timelineCost(loaded.session, { ...loaded.billing!, tariffs: [] })).toBeNull();
  });
});

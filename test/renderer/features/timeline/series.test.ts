import { describe, expect, it } from 'vitest';
import type { PeriodTable } from '../../../../shared/session/types';
import type { TimelineCost } from '../../../../shared/billing/timeline-cost';
import {
  bandOf,
  bandSpans,
  chartWindow,
  parkingSpans,
  periodRangeSeconds,
  positionAt,
  seriesSpecs,
  sessionSpan,
  sortPeriods,
} from '../../../../renderer/src/features/timeline/series';

function table(starts: number[], extra: Partial<PeriodTable> = {}): PeriodTable {
  const n = starts.length;
  const start = Float64Array.from(starts);
  const end = Float64Array.from(starts.map((s) => s + 60_000));
  const energy = Float64Array.from(starts.map((_, i) => i + 1));
  const cumulative = new Float64Array(n);
  energy.reduce((sum, e, i) => (cumulative[i] = sum + e), 0);
  return {
    count: n,
    start,
    end,
    durationS: new Float64Array(n).fill(60),
    energyKwh: energy,
    cumulativeKwh: cumulative,
    powerKw: Float64Array.from(energy, (e) => e * 60),
    dimensionTypes: ['ENERGY'],
    dimensions: new Map([['ENERGY', energy]]),
    tariffIds: null,
    ...extra,
  };
}

describe('seriesSpecs', () => {
  it('always charts power and energy, SoC and current only when present', () => {
    const t = table([0, 60_000]);
    expect(seriesSpecs(t).map((s) => s.label)).toEqual(['Power', 'Energy (cumulative)', 'Energy (period)']);
    const soc = Float64Array.from([10, 20]);
    const none = Float64Array.from([Number.NaN, Number.NaN]);
    const withSoc = table([0, 60_000], {
      dimensions: new Map([
        ['STATE_OF_CHARGE', soc],
        ['CURRENT', none],
      ]),
    });
    expect(seriesSpecs(withSoc).map((s) => s.unit)).toEqual(['kW', 'kWh', 'kWh', '%']);
  });
});

describe('sortPeriods', () => {
  it('uses the columns in place when periods are in order', () => {
    const t = table([0, 60_000, 120_000]);
    const sp = sortPeriods(t);
    expect(sp.order).toBeNull();
    expect(Array.from(sp.x)).toEqual([0, 60, 120]);
    expect(sp.series[0].values).toBe(t.powerKw);
  });
  it('charts out-of-order periods in time order and maps back to period indices', () => {
    const sp = sortPeriods(table([120_000, 0, 60_000]));
    expect(Array.from(sp.x)).toEqual([0, 60, 120]);
    expect(Array.from(sp.order!)).toEqual([1, 2, 0]);
    expect(Array.from(sp.series[2].values)).toEqual([2, 3, 1]);
  });
});

describe('chartWindow', () => {
  const n = 200_000;
  const sp = sortPeriods(table(Array.from({ length: n }, (_, i) => i * 1000)));

  it('downsamples the full range to at most two points per pixel of plot width', () => {
    const w = chartWindow(sp, 0, n, 1000);
    expect(w.data[0].length).toBeLessThanOrEqual(2 * 1000);
    expect(w.data.length).toBe(1 + sp.series.length);
    for (const ys of w.data) expect(ys.length).toBe(w.data[0].length);
    expect(w.data[0][0]).toBe(0);
    // The last step ends where its period does: 60 s after its start (the fixture's periods last 60 s).
    expect(w.data[0][w.data[0].length - 1]).toBe(n - 1 + 60);
  });

  it('only covers the visible range (plus one neighbour each side)', () => {
    const w = chartWindow(sp, 1000, 1010, 1000);
    // Periods 999 … 1010, each a step from its start to the next start (60 s periods, 1 s apart).
    const steps = Array.from({ length: 12 }, (_, i) => [999 + i, 1000 + i]);
    expect(w.data[0]).toEqual(steps.flat());
    expect(w.data[0].slice(0, 4)).toEqual([999, 1000, 1000, 1001]);
  });

  it('turns NaN into null gaps', () => {
    const t = table([0, 1000], { energyKwh: Float64Array.from([Number.NaN, 1]) });
    const w = chartWindow(sortPeriods(t), 0, 1, 10);
    expect(w.data[3]).toEqual([null, null, 1, 1]);
  });

  it('draws each period as a flat step over [start, end), not a slope to the next start', () => {
    const t = table([0, 60_000, 120_000]);
    t.end = Float64Array.from([60_000, 120_000, 300_000]);
    const w = chartWindow(sortPeriods(t), 0, 300, 100);
    expect(w.data[0]).toEqual([0, 60, 60, 120, 120, 300]);
    // Power (kW): 60, 120, 180 held over each whole period.
    expect(w.data[1]).toEqual([60, 60, 120, 120, 180, 180]);
  });

  it("draws cumulative energy reaching each period's total at its end", () => {
    const t = table([0, 60_000]);
    t.end = Float64Array.from([60_000, 2_678_400_000]);
    const w = chartWindow(sortPeriods(t), 0, 2_678_400, 100);
    // Energy 1 then 2 kWh: 0 → 1 over the first period, 1 → 3 over the second, 3 only at its end.
    expect(w.data[2]).toEqual([0, 1, 1, 3]);
  });

  it('breaks steps over a hole between periods, but holds the cumulative level', () => {
    const t = table([0, 600_000]);
    t.end = Float64Array.from([60_000, 660_000]);
    const sorted = sortPeriods(t);
    sorted.xEnd[0] = 60; // out-of-order input leaves holes once sorted; the fixture makes one directly
    const w = chartWindow(sorted, 0, 660, 100);
    expect(w.data[0]).toEqual([0, 60, 330, 600, 660]);
    expect(w.data[1][2]).toBeNull();
    expect(w.data[2][2]).toBe(1);
  });
});

describe('step ends, session span and positionAt', () => {
  it('ends each step at its period end, within its start and the next start', () => {
    const t = table([0, 60_000, 120_000]);
    t.end = Float64Array.from([90_000, Number.NaN, 500_000]);
    expect(Array.from(sortPeriods(t).xEnd)).toEqual([60, 120, 500]);
    const lone = table([0]);
    lone.end = Float64Array.from([Number.NaN]);
    expect(Array.from(sortPeriods(lone).xEnd)).toEqual([0]);
  });

  it('spans the whole session: its start to its end, or its last update while it has none', () => {
    const t = table([600_000, 1_200_000]);
    t.end = Float64Array.from([1_200_000, 1_380_000]);
    const sp = sortPeriods(t);
    expect(sessionSpan({ startedAt: 0, endedAt: 4_200_000, lastUpdated: 9e9 }, sp)).toEqual([0, 4200]);
    expect(sessionSpan({ startedAt: 0, endedAt: null, lastUpdated: 3_000_000 }, sp)).toEqual([0, 3000]);
    // A session whose end is before its last period's still shows every step.
    expect(sessionSpan({ startedAt: null, endedAt: 900_000, lastUpdated: null }, sp)).toEqual([600, 1380]);
    expect(
      sessionSpan({ startedAt: null, endedAt: null, lastUpdated: null }, sortPeriods(table([]))),
    ).toEqual([0, 1]);
  });

  it('finds the period whose step covers a time', () => {
    const t = table([0, 60_000, 120_000]);
    t.end = Float64Array.from([60_000, 120_000, 180_000]);
    const sp = sortPeriods(t);
    expect([0, 59, 60, 150, 180].map((s) => positionAt(sp, s))).toEqual([0, 0, 1, 2, 2]);
    expect(positionAt(sp, -1)).toBeNull();
    expect(positionAt(sp, 181)).toBeNull();
  });
});

describe('parkingSpans and periodRangeSeconds', () => {
  it('merges adjacent parking periods into one span', () => {
    const parking = Float64Array.from([Number.NaN, 1 / 60, 1 / 60, Number.NaN, 1 / 60]);
    const t = table([0, 60_000, 120_000, 180_000, 240_000], {
      dimensions: new Map([['PARKING_TIME', parking]]),
    });
    expect(Array.from(parkingSpans(t))).toEqual([60, 180, 240, 300]);
    expect(parkingSpans(table([0])).length).toBe(0);
  });
  it('gives a padded range around periods', () => {
    const t = table([0, 600_000, 1_200_000]);
    const [min, max] = periodRangeSeconds(t, 1, 1)!;
    expect(min).toBeLessThan(600);
    expect(max).toBeGreaterThan(660);
    expect(periodRangeSeconds(table([Number.NaN]), 0, 0)).toBeNull();
  });
});

describe('cost series and tariff bands', () => {
  const cost: TimelineCost = {
    currency: 'EUR',
    vat: 'incl',
    label: 'Cost (EUR, incl. VAT)',
    cumulative: Float64Array.from([0.5, 0.5, 1.25, 2]),
    total: 2,
    bands: [
      { from: 0, to: 1, label: 'A' },
      { from: 2, to: 2, label: 'B' },
      { from: 3, to: 3, label: 'A' },
    ],
    rule: '',
  };
  const t = table([0, 60_000, 120_000, 180_000]);

  it('adds the cumulative cost as a ramp on its own scale, labelled with its currency and VAT basis', () => {
    const spec = seriesSpecs(t, cost).at(-1)!;
    expect([spec.label, spec.unit, spec.scale]).toEqual(['Cost', 'EUR, incl. VAT', 'cost']);
    expect(Array.from(spec.rise!)).toEqual([0.5, 0, 0.75, 0.75]);
    expect(spec.format!(1.2345)).toBe('€1.23 incl. VAT');
    expect(seriesSpecs(t).some((s) => s.scale === 'cost')).toBe(false);
    // Drawn like cumulative energy: from the level before each period to the level at its end.
    const w = chartWindow(sortPeriods(t, cost), 0, 240, 400);
    expect(w.data.at(-1)).toEqual([0, 0.5, 0.5, 0.5, 0.5, 1.25, 1.25, 2]);
  });

  it('places each band over its periods, one tint per distinct element', () => {
    const b = bandSpans(t, cost);
    expect(Array.from(b.spans)).toEqual([0, 120, 120, 180, 180, 240]);
    expect(Array.from(b.label)).toEqual([0, 1, 0]);
    expect(b.labels).toEqual(['A', 'B']);
    expect(bandSpans(t, null).labels).toEqual([]);
    expect([bandOf(cost, 1), bandOf(cost, 2), bandOf(cost, 9), bandOf(null, 0)]).toEqual([
      'A',
      'B',
      null,
      null,
    ]);
  });
});

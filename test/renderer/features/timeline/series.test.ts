import { describe, expect, it } from 'vitest';
import type { PeriodTable } from '../../../../shared/session/types';
import {
  chartWindow,
  parkingSpans,
  periodRangeSeconds,
  seriesSpecs,
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
    dimensions: { ENERGY: energy },
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
    const withSoc = table([0, 60_000], { dimensions: { STATE_OF_CHARGE: soc, CURRENT: none } });
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

  it('downsamples the full range to about two points per bucket per series', () => {
    const w = chartWindow(sp, 0, n, 1000);
    expect(w.data[0].length).toBeLessThanOrEqual(1000 * 8);
    expect(w.data.length).toBe(1 + sp.series.length);
    expect(w.data[0][0]).toBe(0);
    expect(w.data[0][w.data[0].length - 1]).toBe(n - 1);
  });

  it('only covers the visible range (plus one neighbour each side)', () => {
    const w = chartWindow(sp, 1000, 1010, 1000);
    expect(w.data[0]).toEqual(Array.from({ length: 12 }, (_, i) => 999 + i));
    expect(Array.from(w.positions)).toEqual(Array.from({ length: 12 }, (_, i) => 999 + i));
  });

  it('turns NaN into null gaps', () => {
    const t = table([0, 1000], { energyKwh: Float64Array.from([Number.NaN, 1]) });
    const w = chartWindow(sortPeriods(t), 0, 1, 10);
    expect(w.data[3]).toEqual([null, 1]);
  });
});

describe('parkingSpans and periodRangeSeconds', () => {
  it('merges adjacent parking periods into one span', () => {
    const parking = Float64Array.from([Number.NaN, 1 / 60, 1 / 60, Number.NaN, 1 / 60]);
    const t = table([0, 60_000, 120_000, 180_000, 240_000], { dimensions: { PARKING_TIME: parking } });
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

/**
 * Chart-ready views of a PeriodTable, computed from its typed arrays without copying them into React
 * state: the series to plot, parking spans to shade, and a downsampled window for any visible x range.
 */
import { lowerBound, minMaxIndices } from '../../../../shared/series/downsample';
import type { PeriodTable } from '../../../../shared/session/types';

export interface SeriesSpec {
  label: string;
  unit: string;
  scale: string;
  color: string;
  values: Float64Array;
}

/** Periods in chart order: x (epoch seconds) ascending, plus the way back to period indices. */
export interface SortedPeriods {
  x: Float64Array;
  series: SeriesSpec[];
  /** Sorted position → period index; null when the periods already were in order. */
  order: Uint32Array | null;
}

function hasValue(column: Float64Array | undefined): column is Float64Array {
  if (!column) return false;
  for (let i = 0; i < column.length; i++) if (!Number.isNaN(column[i])) return true;
  return false;
}

export function seriesSpecs(p: PeriodTable): SeriesSpec[] {
  const specs: SeriesSpec[] = [
    { label: 'Power', unit: 'kW', scale: 'kW', color: '#2f7ed8', values: p.powerKw },
    { label: 'Energy (cumulative)', unit: 'kWh', scale: 'kWh', color: '#2e9d5b', values: p.cumulativeKwh },
    { label: 'Energy (period)', unit: 'kWh', scale: 'kWhPeriod', color: '#b0822a', values: p.energyKwh },
  ];
  const soc = p.dimensions.STATE_OF_CHARGE;
  if (hasValue(soc)) specs.push({ label: 'SoC', unit: '%', scale: '%', color: '#9b59b6', values: soc });
  const current = p.dimensions.CURRENT;
  if (hasValue(current))
    specs.push({ label: 'Current', unit: 'A', scale: 'A', color: '#d35454', values: current });
  return specs;
}

export function sortPeriods(p: PeriodTable): SortedPeriods {
  const n = p.count;
  const specs = seriesSpecs(p);
  let sorted = true;
  for (let i = 1; i < n; i++) {
    if (!(p.start[i] >= p.start[i - 1])) {
      sorted = false;
      break;
    }
  }
  const x = new Float64Array(n);
  if (sorted) {
    for (let i = 0; i < n; i++) x[i] = p.start[i] / 1000;
    return { x, series: specs, order: null };
  }
  // Out-of-order periods (a check reports them) are charted in time order; NaN starts go last.
  const order = Uint32Array.from({ length: n }, (_, i) => i).sort((a, b) => {
    const da = p.start[a];
    const db = p.start[b];
    if (Number.isNaN(da)) return Number.isNaN(db) ? a - b : 1;
    if (Number.isNaN(db)) return -1;
    return da - db || a - b;
  });
  for (let i = 0; i < n; i++) x[i] = p.start[order[i]] / 1000;
  const series = specs.map((s) => {
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) values[i] = s.values[order[i]];
    return { ...s, values };
  });
  return { x, series, order };
}

export interface ChartWindow {
  /** uPlot AlignedData: x seconds, then one array per series with null for absent values. */
  data: [number[], ...(number | null)[][]];
  /** Chart point → position in SortedPeriods. */
  positions: Uint32Array;
}

/** The points to draw for x in [minS, maxS]: min-max downsampled to `buckets`, one neighbour kept each side. */
export function chartWindow(sp: SortedPeriods, minS: number, maxS: number, buckets: number): ChartWindow {
  const n = sp.x.length;
  const from = Math.max(0, lowerBound(sp.x, minS) - 1);
  const to = Math.min(n, lowerBound(sp.x, maxS) + 1);
  const positions = minMaxIndices(
    sp.series.map((s) => s.values),
    from,
    to,
    buckets,
  );
  const xs = new Array<number>(positions.length);
  for (let i = 0; i < positions.length; i++) xs[i] = sp.x[positions[i]];
  const ys = sp.series.map((s) => {
    const out = new Array<number | null>(positions.length);
    for (let i = 0; i < positions.length; i++) {
      const v = s.values[positions[i]];
      out[i] = Number.isNaN(v) ? null : v;
    }
    return out;
  });
  return { data: [xs, ...ys], positions };
}

/** Merged [start, end] spans in epoch seconds of periods with parking time, flattened pairwise. */
export function parkingSpans(p: PeriodTable): Float64Array {
  const parking = p.dimensions.PARKING_TIME;
  if (!parking) return new Float64Array(0);
  const spans: number[] = [];
  for (let i = 0; i < p.count; i++) {
    if (!(parking[i] > 0)) continue;
    const s = p.start[i] / 1000;
    const e = Number.isNaN(p.end[i]) ? s + parking[i] * 3600 : p.end[i] / 1000;
    const last = spans.length - 1;
    if (last > 0 && s <= spans[last] + 1) spans[last] = Math.max(spans[last], e);
    else spans.push(s, e);
  }
  return Float64Array.from(spans);
}

/** The x range (seconds) covering periods `from`..`to` with a little margin either side. */
export function periodRangeSeconds(p: PeriodTable, from: number, to: number): [number, number] | null {
  let min = Infinity;
  let max = -Infinity;
  for (let i = Math.max(0, from); i <= Math.min(p.count - 1, to); i++) {
    const s = p.start[i];
    const e = Number.isNaN(p.end[i]) ? s : p.end[i];
    if (s < min) min = s;
    if (e > max) max = e;
  }
  if (!Number.isFinite(min) || !Number.isFinite(max)) return null;
  const pad = Math.max((max - min) * 0.1, 60_000);
  return [(min - pad) / 1000, (max + pad) / 1000];
}

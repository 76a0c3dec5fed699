/**
 * Chart-ready views of a PeriodTable, computed from its typed arrays without copying them into React
 * state: the series to plot, parking spans to shade, and a downsampled window for any visible x range.
 *
 * A period's values hold over [start, end): each period is drawn as a flat step from its start to its
 * end, never as a point joined to the next by a slope. Cumulative energy is what had been delivered by
 * the END of the period, so it rises across the period from the value before it.
 */
import { blockExtremes, lowerBound, stepWindow } from '../../../../shared/series/downsample';
import type { BlockExtremes, StepData } from '../../../../shared/series/downsample';
import type { NormalizedSession, PeriodTable } from '../../../../shared/session/types';
import type { TimelineCost } from '../../../../shared/billing/timeline-cost';
import { formatMoney } from '../../../../shared/billing/money';
import { roundMoney } from '../../../../shared/present/numbers';

export interface SeriesSpec {
  label: string;
  unit: string;
  scale: string;
  color: string;
  /** Value per period: held over the period (`step`), or reached at its end (`ramp`). */
  values: Float64Array;
  /** For `ramp` series, how much the value rises over each period (NaN counts as 0). */
  rise: Float64Array | null;
  /** A value for the tooltip, with its unit; a number to 3 decimals and the unit when absent. */
  format?: (v: number) => string;
}

/** Periods in chart order: x (epoch seconds) ascending, plus the way back to period indices. */
export interface SortedPeriods {
  /** Period start, epoch seconds. */
  x: Float64Array;
  /** Where the period's step ends on the chart: its end, kept within [start, next start]. */
  xEnd: Float64Array;
  series: SeriesSpec[];
  /** Per series, its block minima and maxima: a zoom reads those instead of every period. */
  blocks: BlockExtremes[];
  /** Sorted position → period index; null when the periods already were in order. */
  order: Uint32Array | null;
}

function hasValue(column: Float64Array | undefined): column is Float64Array {
  if (!column) return false;
  for (let i = 0; i < column.length; i++) if (!Number.isNaN(column[i])) return true;
  return false;
}

/** The cumulative cost line (a ramp: each period's cost is added across it), in the cost's currency. */
function costSpec(cost: TimelineCost): SeriesSpec {
  const rise = new Float64Array(cost.cumulative.length);
  for (let i = 0; i < rise.length; i++) rise[i] = cost.cumulative[i] - (i > 0 ? cost.cumulative[i - 1] : 0);
  return {
    label: 'Cost',
    unit: `${cost.currency ?? 'no currency'}, ${cost.vat}. VAT`,
    scale: 'cost',
    color: '#db2777',
    values: cost.cumulative,
    rise,
    // To the currency's minor unit: the engine keeps micros, a reader wants cents.
    format: (v) => `${formatMoney(roundMoney(v, cost.currency) ?? v, cost.currency)} ${cost.vat}. VAT`,
  };
}

export function seriesSpecs(p: PeriodTable, cost: TimelineCost | null = null): SeriesSpec[] {
  const specs: SeriesSpec[] = [
    { label: 'Power', unit: 'kW', scale: 'kW', color: '#2f7ed8', values: p.powerKw, rise: null },
    {
      label: 'Energy (cumulative)',
      unit: 'kWh',
      scale: 'kWh',
      color: '#2e9d5b',
      values: p.cumulativeKwh,
      rise: p.energyKwh,
    },
    {
      label: 'Energy (period)',
      unit: 'kWh',
      scale: 'kWhPeriod',
      color: '#b0822a',
      values: p.energyKwh,
      rise: null,
    },
  ];
  const soc = p.dimensions.get('STATE_OF_CHARGE');
  if (hasValue(soc))
    specs.push({ label: 'SoC', unit: '%', scale: '%', color: '#9b59b6', values: soc, rise: null });
  const current = p.dimensions.get('CURRENT');
  if (hasValue(current))
    specs.push({ label: 'Current', unit: 'A', scale: 'A', color: '#d35454', values: current, rise: null });
  if (cost) specs.push(costSpec(cost));
  return specs;
}

/** Step ends: the period's end when it has one, never before its start nor past the next start. */
function stepEnds(x: Float64Array, end: (position: number) => number): Float64Array {
  const n = x.length;
  const xEnd = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const next = i + 1 < n && !Number.isNaN(x[i + 1]) ? x[i + 1] : Infinity;
    const e = end(i);
    const wanted = Number.isNaN(e) ? (next === Infinity ? x[i] : next) : Math.max(e, x[i]);
    xEnd[i] = Math.min(wanted, next);
  }
  return xEnd;
}

export function sortPeriods(p: PeriodTable, cost: TimelineCost | null = null): SortedPeriods {
  const n = p.count;
  const specs = seriesSpecs(p, cost);
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
    const blocks = specs.map((spec) => blockExtremes(spec.values));
    return { x, xEnd: stepEnds(x, (i) => p.end[i] / 1000), series: specs, blocks, order: null };
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
  const reorder = (column: Float64Array): Float64Array => {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = column[order[i]];
    return out;
  };
  const series = specs.map((s) => ({
    ...s,
    values: reorder(s.values),
    rise: s.rise ? reorder(s.rise) : null,
  }));
  const blocks = series.map((spec) => blockExtremes(spec.values));
  return { x, xEnd: stepEnds(x, (i) => p.end[order[i]] / 1000), series, blocks, order };
}

/**
 * The x range (epoch seconds) the chart spans at full zoom-out: the whole session, from its start to its
 * end (or last update while it has none), and every period's step even where it lies outside.
 */
export function sessionSpan(
  session: Pick<NormalizedSession, 'startedAt' | 'endedAt' | 'lastUpdated'>,
  sp: SortedPeriods,
): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  const take = (v: number | null): void => {
    if (v === null || !Number.isFinite(v)) return;
    if (v < min) min = v;
    if (v > max) max = v;
  };
  take(session.startedAt === null ? null : session.startedAt / 1000);
  const closedAt = session.endedAt ?? session.lastUpdated;
  take(closedAt === null ? null : closedAt / 1000);
  const n = sp.x.length;
  if (n > 0) take(sp.x[0]);
  for (let i = n - 1; i >= 0; i--) {
    if (Number.isNaN(sp.xEnd[i])) continue;
    take(sp.xEnd[i]);
    break;
  }
  if (!(max > min)) return Number.isFinite(min) ? [min - 60, min + 60] : [0, 1];
  return [min, max];
}

export interface ChartWindow {
  /** uPlot AlignedData: x seconds (steps' starts and ends), then one array per series. */
  data: StepData;
}

/**
 * The steps to draw for x in [minS, maxS] on a plot `width` pixels wide: at most two points per pixel,
 * each column's extremes kept (shared/series/downsample.ts `stepWindow`), read from the block index; the
 * `hidden` series (by label) as nulls.
 */
export function chartWindow(
  sp: SortedPeriods,
  minS: number,
  maxS: number,
  width: number,
  hidden: ReadonlySet<string> = new Set(),
): ChartWindow {
  // A series switched off is not drawn: its line is not computed either (nulls until it is shown).
  const series = sp.series.map((s, j) => ({
    values: s.values,
    rise: s.rise,
    blocks: sp.blocks[j],
    skip: hidden.has(s.label),
  }));
  return { data: stepWindow(sp.x, sp.xEnd, series, minS, maxS, width) };
}

/** The period (position in SortedPeriods) whose step covers time `t` (seconds), or null. */
export function positionAt(sp: SortedPeriods, t: number): number | null {
  const k = lowerBound(sp.x, t);
  // lowerBound finds the first start ≥ t; a period starting exactly at t owns it, else the one before.
  const p = k < sp.x.length && sp.x[k] === t ? k : k - 1;
  if (p < 0 || !(t <= sp.xEnd[p]) || Number.isNaN(sp.x[p])) return null;
  return p;
}

/** Merged [start, end] spans in epoch seconds of periods with parking time, flattened pairwise. */
export function parkingSpans(p: PeriodTable): Float64Array {
  const parking = p.dimensions.get('PARKING_TIME');
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

/** Where each tariff-element band lies on the chart: seconds, pairwise, and which legend entry it is. */
export interface BandSpans {
  /** [start, end] seconds per band, flattened. */
  spans: Float64Array;
  /** Per band, its index in `labels`. */
  label: Uint16Array;
  /** The distinct band labels, in order of first appearance (each gets its own tint). */
  labels: string[];
}

export function bandSpans(p: PeriodTable, cost: TimelineCost | null): BandSpans {
  const bands = cost?.bands ?? [];
  const labels: string[] = [];
  const index = new Map<string, number>();
  const spans = new Float64Array(bands.length * 2);
  const label = new Uint16Array(bands.length);
  bands.forEach((b, k) => {
    const start = p.start[b.from] / 1000;
    const end = Number.isNaN(p.end[b.to]) ? p.start[b.to] / 1000 : p.end[b.to] / 1000;
    spans[2 * k] = start;
    spans[2 * k + 1] = Math.max(start, end);
    let at = index.get(b.label);
    if (at === undefined) {
      at = labels.length;
      labels.push(b.label);
      index.set(b.label, at);
    }
    label[k] = at;
  });
  return { spans, label, labels };
}

/** The band label of period `index`, or null. */
export function bandOf(cost: TimelineCost | null, index: number): string | null {
  for (const b of cost?.bands ?? []) if (index >= b.from && index <= b.to) return b.label;
  return null;
}

/**
 * One uPlot timeline over a session's periods: steps per period, parking shaded, the x axis over the whole
 * session, and zoom by x range. Used on screen (TimelineChart) and off screen for the PNG export, so both
 * draw the same chart. Loaded lazily with uPlot.
 */
import uPlot from 'uplot';
import { formatNumber, formatTime } from '../../format/format';
import { zoneShiftMs } from '../../../../shared/present/time';
import { chartWindow } from './series';
import type { BandSpans, ChartWindow, SortedPeriods } from './series';

export interface PlotTheme {
  fg: string;
  grid: string;
  parking: string;
}

export const LIGHT_THEME: PlotTheme = { fg: '#4a5563', grid: '#e4e8ee', parking: 'rgba(230, 160, 20, 0.14)' };
export const DARK_THEME: PlotTheme = { fg: '#b8c0cc', grid: '#2c333d', parking: 'rgba(255, 200, 80, 0.12)' };

/** Tints of the tariff-element bands, by legend entry (cycled): hues apart from the series' colours. */
export const BAND_TINTS: readonly [number, number, number][] = [
  [56, 132, 201],
  [142, 96, 196],
  [40, 160, 150],
  [201, 110, 140],
  [120, 140, 60],
];
export const bandTint = (k: number, alpha: number): string => {
  const [r, g, b] = BAND_TINTS[k % BAND_TINTS.length];
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
};
/** Height of the strip that marks each band along the top of the plot, CSS pixels. */
const BAND_STRIP_PX = 6;

export interface PlotConfig {
  sorted: SortedPeriods;
  /** Parking spans, seconds, flattened pairwise. */
  parking: Float64Array;
  /** Tariff-element bands (a session with billing); none when absent. */
  bands?: BandSpans;
  /** The whole session, seconds: the full zoom-out. */
  span: [number, number];
  /** x range to show first; the span when null. */
  range: [number, number] | null;
  /** Series labels to start hidden. */
  hidden: ReadonlySet<string>;
  /** IANA zone for axis labels; undefined = this computer. */
  zone: string | undefined;
  zoneLabel: string;
  theme: PlotTheme;
  width: number;
  height: number;
  /** Hooks the caller adds (cursor, selection). */
  hooks?: uPlot.Hooks.Arrays;
  cursor?: uPlot.Cursor;
}

export interface TimelinePlot {
  plot: uPlot;
  /** Shows x in [min, max] seconds, kept inside the session's span. */
  zoomTo(min: number, max: number): void;
  /** The x range on screen, seconds. */
  view(): [number, number];
  /** Shows or hides the series labelled `label` (a hidden one's line is not computed). */
  setShown(label: string, show: boolean): void;
  resize(width: number, height: number): void;
  destroy(): void;
}

/**
 * A Date whose local fields read the wall clock in `zone`, as uPlot's axes want. uPlot.tzDate builds a new
 * Intl formatter on every call (about 0.1 ms, and an axis asks dozens of times per redraw); this reads the
 * zone's offset through the cached lookup instead.
 */
export function zoneDate(zone: string | undefined): ((ts: number) => Date) | undefined {
  if (!zone) return undefined;
  return (ts) => {
    const ms = ts * 1000;
    const wall = new Date(ms + zoneShiftMs(ms, zone));
    return new Date(
      wall.getUTCFullYear(),
      wall.getUTCMonth(),
      wall.getUTCDate(),
      wall.getUTCHours(),
      wall.getUTCMinutes(),
      wall.getUTCSeconds(),
      wall.getUTCMilliseconds(),
    );
  };
}

/** 24-hour tick labels in the chosen zone; a tick at midnight shows the date instead. */
function timeTicks(splits: number[], spanS: number, zone: string | undefined): string[] {
  return splits.map((s) => {
    const t = formatTime(s * 1000, zone); // `YYYY-MM-DD HH:mm:ss`
    if (spanS >= 600 && t.endsWith(' 00:00:00')) return t.slice(5, 10);
    return spanS < 600 ? t.slice(11, 19) : t.slice(11, 16);
  });
}

/** Power, energy and current read best from a zero baseline; uPlot's padding would dip below it. */
const fromZero: uPlot.Range.Function = (_u, min, max) => {
  const lo = Math.min(0, min);
  const hi = max > lo ? max : lo + 1;
  return [lo, hi + (hi - lo) * 0.05];
};

/** How many periods of the column have a value, up to 2 (a single value needs a visible point). */
function valuesUpToTwo(values: Float64Array): number {
  let count = 0;
  for (let i = 0; i < values.length && count < 2; i++) if (!Number.isNaN(values[i])) count++;
  return count;
}

/** Width of a y axis in CSS pixels: its longest tick label (12 px font) plus the ticks and a gap. */
const axisSize = (_u: uPlot, values: string[] | null): number => {
  const longest = values ? Math.max(0, ...values.map((v) => String(v ?? '').length)) : 3;
  return Math.max(32, longest * 8 + 18);
};

/** The smallest x range a zoom may reach, seconds: a second, or the span when shorter. */
const MIN_RANGE_S = 1;

export function clampRange(span: [number, number], min: number, max: number): [number, number] {
  const full = span[1] - span[0];
  let width = Math.min(Math.max(max - min, Math.min(MIN_RANGE_S, full)), full);
  if (!(width > 0)) width = full;
  let lo = Math.max(span[0], Math.min(min, span[1] - width));
  if (!Number.isFinite(lo)) lo = span[0];
  return [lo, lo + width];
}

export function createPlot(host: HTMLElement, config: PlotConfig): TimelinePlot {
  const { sorted, parking, span, zone, theme } = config;
  let view = config.range ? clampRange(span, config.range[0], config.range[1]) : span;
  let width = config.width;
  const hidden = new Set(config.hidden);
  // The whole session is the view a reset returns to: computed once per width and set of series shown.
  let whole: { width: number; window: ChartWindow } | null = null;
  const windowFor = (range: [number, number]): ChartWindow => {
    if (range[0] > span[0] || range[1] < span[1])
      return chartWindow(sorted, range[0], range[1], width, hidden);
    if (whole?.width !== width)
      whole = { width, window: chartWindow(sorted, span[0], span[1], width, hidden) };
    return whole.window;
  };
  const first = windowFor(view);
  // Axes as wide as their longest tick label, no wider: a session with SoC and current has four of them.
  const axis = (scale: string, side: 1 | 3, label: string, showGrid: boolean): uPlot.Axis => ({
    scale,
    side,
    label,
    stroke: theme.fg,
    grid: { show: showGrid, stroke: theme.grid, width: 1 },
    ticks: { stroke: theme.grid, width: 1, size: 6 },
    size: axisSize,
    labelSize: 20,
    gap: 3,
  });
  const axes: uPlot.Axis[] = [
    {
      label: `Time (${config.zoneLabel})`,
      stroke: theme.fg,
      grid: { stroke: theme.grid, width: 1 },
      ticks: { stroke: theme.grid, width: 1 },
      values: (u, splits) => timeTicks(splits, (u.scales.x.max ?? 0) - (u.scales.x.min ?? 0), zone),
      space: 64,
    },
    axis('kW', 3, 'Power (kW)', true),
    axis('kWh', 1, 'Energy (kWh)', false),
  ];
  for (const s of sorted.series) {
    if (s.scale === '%' || s.scale === 'A' || s.scale === 'cost')
      axes.push(axis(s.scale, 1, `${s.label} (${s.unit})`, false));
  }
  const bands = config.bands;
  /**
   * Each tariff element's span: a light tint over the plot (under the parking shade) and a stronger strip
   * along its top (over it, so its colour stays the legend's).
   */
  const drawBands =
    (strip: boolean) =>
    (u: uPlot): void => {
      if (!bands?.spans.length) return;
      const { ctx } = u;
      const min = u.scales.x.min ?? view[0];
      const max = u.scales.x.max ?? view[1];
      const height = strip ? BAND_STRIP_PX * uPlot.pxRatio : u.bbox.height;
      ctx.save();
      for (let k = 0; k < bands.label.length; k++) {
        const from = bands.spans[2 * k];
        const to = bands.spans[2 * k + 1];
        if (to < min || from > max) continue;
        const left = Math.max(u.bbox.left, u.valToPos(from, 'x', true));
        const right = Math.min(u.bbox.left + u.bbox.width, u.valToPos(to, 'x', true));
        ctx.fillStyle = bandTint(bands.label[k], strip ? 1 : 0.07);
        ctx.fillRect(left, u.bbox.top, Math.max(1, right - left), height);
      }
      ctx.restore();
    };
  const drawParking = (u: uPlot): void => {
    if (!parking.length) return;
    const { ctx } = u;
    const min = u.scales.x.min ?? view[0];
    const max = u.scales.x.max ?? view[1];
    ctx.save();
    ctx.fillStyle = theme.parking;
    let lastRight = -Infinity;
    for (let i = 0; i < parking.length; i += 2) {
      if (parking[i + 1] < min || parking[i] > max) continue;
      const left = Math.max(u.bbox.left, u.valToPos(parking[i], 'x', true));
      const right = Math.min(u.bbox.left + u.bbox.width, u.valToPos(parking[i + 1], 'x', true));
      // At full zoom-out many spans share a pixel; draw each pixel column once.
      if (right <= lastRight) continue;
      ctx.fillRect(
        Math.max(left, lastRight),
        u.bbox.top,
        Math.max(1, right - Math.max(left, lastRight)),
        u.bbox.height,
      );
      lastRight = right;
    }
    ctx.restore();
  };
  const opts: uPlot.Options = {
    width,
    height: config.height,
    tzDate: zoneDate(zone),
    scales: {
      // The x range is ours (the session's span or a zoom), not the drawn points' extent.
      x: { time: true, range: () => view },
      '%': { range: [0, 100] },
      kW: { range: fromZero },
      kWh: { range: fromZero },
      kWhPeriod: { range: fromZero },
      A: { range: fromZero },
      cost: { range: fromZero },
    },
    series: [
      { label: 'Time', value: (_u, v) => (v === null ? '—' : formatTime(v * 1000, zone)) },
      ...sorted.series.map((s): uPlot.Series => ({
        label: `${s.label} (${s.unit})`,
        scale: s.scale,
        stroke: s.color,
        width: 1.5,
        // A lone value would be a zero-length step or a lone point: mark it so it shows.
        points: { show: valuesUpToTwo(s.values) === 1, size: 7, fill: s.color },
        // SoC and current often come every few periods only: join their samples; keep energy gaps visible.
        spanGaps: s.scale === '%' || s.scale === 'A',
        show: !hidden.has(s.label),
        value: (_u, v) => (v === null ? '—' : s.format ? s.format(v) : formatNumber(v, 3)),
      })),
    ],
    axes,
    legend: { show: false },
    cursor: config.cursor,
    hooks: {
      ...config.hooks,
      drawClear: [drawBands(false), drawParking, drawBands(true), ...(config.hooks?.drawClear ?? [])],
    },
  };
  const plot = new uPlot(opts, first.data, host);

  return {
    plot,
    zoomTo(min, max) {
      if (!(max > min)) return;
      view = clampRange(span, min, max);
      const w = windowFor(view);
      plot.batch(() => {
        plot.setData(w.data, false);
        plot.setScale('x', { min: view[0], max: view[1] });
      });
    },
    view: () => view,
    setShown(label, show) {
      const index = sorted.series.findIndex((s) => s.label === label);
      if (index < 0 || show !== hidden.has(label)) return;
      if (show) hidden.delete(label);
      else hidden.add(label);
      whole = null;
      const w = windowFor(view);
      plot.batch(() => {
        plot.setData(w.data, false);
        plot.setSeries(index + 1, { show });
        // As a zoom does: the y scales range again over what is now drawn.
        plot.setScale('x', { min: view[0], max: view[1] });
      });
    },
    resize(w, h) {
      width = w;
      plot.setSize({ width: w, height: h });
      this.zoomTo(view[0], view[1]);
    },
    destroy: () => plot.destroy(),
  };
}

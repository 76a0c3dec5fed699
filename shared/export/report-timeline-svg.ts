/**
 * The report's timeline: average power (kW) and cumulative energy (kWh) over time as one inline SVG.
 * Large sessions are min-max downsampled (the same helper as the in-app chart), so peaks survive and the
 * SVG stays small whatever the period count.
 */
import { minMaxIndices } from '../series/downsample';
import type { PeriodTable } from '../session/types';
import { escapeHtml } from './html-escape';

const WIDTH = 960;
const HEIGHT = 280;
const PAD = { left: 64, right: 72, top: 16, bottom: 36 };
/** Buckets across the plot: about one per two pixels, at most 4 points each per series. */
const BUCKETS = 440;
const DAY_MS = 86_400_000;

export function timelineSvg(periods: PeriodTable): string {
  const { count, start, end, powerKw, cumulativeKwh } = periods;
  const t0 = firstFinite(start);
  const t1 = Math.max(lastFinite(end), lastFinite(start));
  if (count === 0 || !Number.isFinite(t0) || !(t1 > t0))
    return `<p class="muted">No timeline: the session has no dated charging periods.</p>`;
  const maxKw = niceMax(maxFinite(powerKw));
  const maxKwh = niceMax(maxFinite(cumulativeKwh));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const x = (t: number): number => PAD.left + ((t - t0) / (t1 - t0)) * plotW;
  const y = (v: number, max: number): number => PAD.top + plotH - (v / max) * plotH;
  const picked = minMaxIndices([powerKw, cumulativeKwh], 0, count, BUCKETS);

  const power = linePath(picked, start, powerKw, x, (v) => y(v, maxKw));
  const energy = linePath(picked, start, cumulativeKwh, x, (v) => y(v, maxKwh));
  const ticks = [0, 0.25, 0.5, 0.75, 1]
    .map((f) => {
      const px = PAD.left + f * plotW;
      // Past a day, the time alone is ambiguous: ticks carry the date too.
      const label = new Date(t0 + f * (t1 - t0))
        .toISOString()
        .slice(t1 - t0 > DAY_MS ? 5 : 11, 16)
        .replace('T', ' ');
      return `<line x1="${px}" y1="${PAD.top + plotH}" x2="${px}" y2="${PAD.top + plotH + 4}" class="axis"/><text x="${px}" y="${HEIGHT - 16}" text-anchor="middle">${label}</text>`;
    })
    .join('');
  const downsampled = picked.length < count ? ` (downsampled to ${picked.length} of ${count} points)` : '';
  return `<svg class="timeline" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="100%" role="img" aria-labelledby="timeline-title">
<title id="timeline-title">Average power and cumulative energy over time${escapeHtml(downsampled)}</title>
<rect x="${PAD.left}" y="${PAD.top}" width="${plotW}" height="${plotH}" class="plot"/>
<line x1="${PAD.left}" y1="${PAD.top + plotH}" x2="${PAD.left + plotW}" y2="${PAD.top + plotH}" class="axis"/>
${ticks}
<text x="${PAD.left - 6}" y="${PAD.top + 10}" text-anchor="end" class="kw">${fmt(maxKw)} kW</text>
<text x="${PAD.left - 6}" y="${PAD.top + plotH}" text-anchor="end" class="kw">0</text>
<text x="${PAD.left + plotW + 6}" y="${PAD.top + 10}" class="kwh">${fmt(maxKwh)} kWh</text>
<text x="${PAD.left + plotW + 6}" y="${PAD.top + plotH}" class="kwh">0</text>
<text x="${PAD.left}" y="${HEIGHT - 2}">UTC, ${escapeHtml(new Date(t0).toISOString().slice(0, 10))}</text>
<path d="${energy}" class="kwh-line"/>
<path d="${power}" class="kw-line"/>
</svg>`;
}

/** A polyline through the picked points; a missing value (NaN) breaks the line rather than drawing a zero. */
function linePath(
  picked: Uint32Array,
  xs: Float64Array,
  ys: Float64Array,
  x: (t: number) => number,
  y: (v: number) => number,
): string {
  let d = '';
  let pen = false;
  for (const i of picked) {
    const t = xs[i];
    const v = ys[i];
    if (!Number.isFinite(t) || !Number.isFinite(v)) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${x(t).toFixed(1)} ${y(v).toFixed(1)}`;
    pen = true;
  }
  return d;
}

function firstFinite(a: Float64Array): number {
  for (const v of a) if (Number.isFinite(v)) return v;
  return NaN;
}

function lastFinite(a: Float64Array): number {
  for (let i = a.length - 1; i >= 0; i--) if (Number.isFinite(a[i])) return a[i];
  return NaN;
}

function maxFinite(a: Float64Array): number {
  let max = 0;
  for (const v of a) if (v > max) max = v;
  return max;
}

/** A round axis maximum (1, 2 or 5 × 10ⁿ) at or above `v`. */
function niceMax(v: number): number {
  if (!(v > 0)) return 1;
  const step = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 5, 10]) if (m * step >= v) return m * step;
  return 10 * step;
}

/** Axis maxima are round (niceMax), so large ones read best in thousands. */
const fmt = (v: number): string => (v >= 10_000 ? `${v / 1000}k` : String(Number(v.toPrecision(6))));

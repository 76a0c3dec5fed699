/** The uPlot chart; loaded lazily so uPlot stays out of the initial bundle. */
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { PeriodTable } from '../../../../shared/session/types';
import type { TimelineFocus } from '../../store/app-store';
import { formatNumber, formatTime } from '../../format/format';
import { chartWindow, parkingSpans, periodRangeSeconds, sortPeriods } from './series';
import type { SortedPeriods } from './series';
import { registerChartPng, useTimelineLink } from './timeline-link';
import { lowerBound } from '../../../../shared/series/downsample';

export interface TimelineChartProps {
  periods: PeriodTable;
  /** IANA zone for axis labels and the tooltip; undefined = this computer. */
  zone: string | undefined;
  focus: TimelineFocus | null;
  dark: boolean;
}

const HEIGHT = 320;

function cssVar(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

function zoneDate(zone: string | undefined): ((ts: number) => Date) | undefined {
  return zone ? (ts) => uPlot.tzDate(new Date(ts * 1000), zone) : undefined;
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

export default function TimelineChart({ periods, zone, focus, dark }: TimelineChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const tooltip = useRef<HTMLDivElement>(null);
  const chart = useRef<{ plot: uPlot; sorted: SortedPeriods; zoomTo(min: number, max: number): void } | null>(
    null,
  );

  useEffect(() => {
    const el = host.current;
    const tip = tooltip.current;
    if (!el || !tip) return;
    const sorted = sortPeriods(periods);
    const parking = parkingSpans(periods);
    const n = sorted.x.length;
    const fullMin = n ? sorted.x[0] : 0;
    let fullMax = n ? sorted.x[n - 1] : 1;
    for (let i = n - 1; i >= 0 && Number.isNaN(fullMax); i--) fullMax = sorted.x[i];
    let positions: Uint32Array;
    const width = Math.max(300, el.clientWidth);
    const buckets = (w: number): number => Math.max(100, Math.round(w));
    const first = chartWindow(sorted, fullMin, fullMax, buckets(width));
    positions = first.positions;
    const fg = cssVar('--fg-muted', dark ? '#b8c0cc' : '#4a5563');
    const grid = cssVar('--grid', dark ? '#2c333d' : '#e4e8ee');
    const parkingFill = dark ? 'rgba(255, 200, 80, 0.12)' : 'rgba(230, 160, 20, 0.14)';
    const axis = (scale: string, side: 1 | 3, label: string, showGrid: boolean): uPlot.Axis => ({
      scale,
      side,
      label,
      stroke: fg,
      grid: { show: showGrid, stroke: grid, width: 1 },
      ticks: { stroke: grid, width: 1 },
      size: 56,
    });
    const axes: uPlot.Axis[] = [
      {
        stroke: fg,
        grid: { stroke: grid, width: 1 },
        ticks: { stroke: grid, width: 1 },
        values: (u, splits) => timeTicks(splits, (u.scales.x.max ?? 0) - (u.scales.x.min ?? 0), zone),
        space: 64,
      },
      axis('kW', 3, 'kW', true),
      axis('kWh', 1, 'kWh', false),
    ];
    for (const s of sorted.series) {
      if (s.scale === '%' || s.scale === 'A') axes.push(axis(s.scale, 1, s.unit, false));
    }
    const opts: uPlot.Options = {
      width,
      height: HEIGHT,
      tzDate: zoneDate(zone),
      scales: {
        x: { time: true },
        '%': { range: [0, 100] },
        kW: { range: fromZero },
        kWh: { range: fromZero },
        kWhPeriod: { range: fromZero },
        A: { range: fromZero },
      },
      series: [
        { label: 'Time', value: (_u, v) => (v === null ? '—' : formatTime(v * 1000, zone)) },
        ...sorted.series.map((s): uPlot.Series => ({
          label: `${s.label} (${s.unit})`,
          scale: s.scale,
          stroke: s.color,
          width: 1.5,
          points: { show: false },
          // SoC and current often come every few periods only: join their samples; keep energy gaps visible.
          spanGaps: s.scale === '%' || s.scale === 'A',
          // Per-period energy traces the same shape as power; off until picked in the legend.
          show: s.scale !== 'kWhPeriod',
          value: (_u, v) => (v === null ? '—' : formatNumber(v, 3)),
        })),
      ],
      axes,
      legend: { live: false },
      cursor: {
        drag: { x: true, y: false, setScale: false },
        // Double-click is ours: uPlot's reset would only restore the downsampled window.
        bind: { dblclick: () => () => null },
        points: { size: 6 },
      },
      hooks: {
        drawClear: [
          (u) => {
            if (!parking.length) return;
            const { ctx } = u;
            const min = u.scales.x.min ?? fullMin;
            const max = u.scales.x.max ?? fullMax;
            ctx.save();
            ctx.fillStyle = parkingFill;
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
          },
        ],
        setSelect: [
          (u) => {
            if (u.select.width < 3) return;
            const min = u.posToVal(u.select.left, 'x');
            const max = u.posToVal(u.select.left + u.select.width, 'x');
            u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
            zoomTo(min, max);
          },
        ],
        setCursor: [
          (u) => {
            const idx = u.cursor.idx;
            if (idx === null || idx === undefined || u.cursor.left === undefined || u.cursor.left < 0) {
              tip.hidden = true;
              useTimelineLink.setState({ hovered: null });
              return;
            }
            const pos = positions[idx];
            const period = sorted.order ? sorted.order[pos] : pos;
            useTimelineLink.setState({ hovered: period });
            tip.replaceChildren();
            const title = document.createElement('strong');
            title.textContent = `Period ${period + 1} · ${formatTime(sorted.x[pos] * 1000, zone)}`;
            tip.append(title);
            for (const s of sorted.series) {
              const line = document.createElement('div');
              const v = s.values[pos];
              line.textContent = `${s.label}: ${Number.isNaN(v) ? '—' : `${formatNumber(v, 3)} ${s.unit}`}`;
              tip.append(line);
            }
            tip.hidden = false;
            const left = u.cursor.left + u.bbox.left / devicePixelRatio;
            const flip = left > u.over.clientWidth * 0.65;
            tip.style.left = `${flip ? left - tip.offsetWidth - 12 : left + 12}px`;
            tip.style.top = `${(u.cursor.top ?? 0) + u.bbox.top / devicePixelRatio + 8}px`;
          },
        ],
      },
    };
    const plot = new uPlot(opts, first.data, el);

    function zoomTo(min: number, max: number): void {
      if (!(max > min)) return;
      const w = chartWindow(sorted, min, max, buckets(plot.bbox.width / devicePixelRatio));
      positions = w.positions;
      plot.batch(() => {
        plot.setData(w.data, false);
        plot.setScale('x', { min, max });
      });
      const firstPos = Math.min(n - 1, lowerBound(sorted.x, min));
      const index = sorted.order ? sorted.order[firstPos] : firstPos;
      // The table follows after the chart's frame, so scrolling it never delays the zoom.
      setTimeout(() =>
        useTimelineLink.setState((s) => ({ firstInView: { index, nonce: (s.firstInView?.nonce ?? 0) + 1 } })),
      );
    }

    const reset = (): void => zoomTo(fullMin, fullMax);
    plot.over.addEventListener('dblclick', reset);
    plot.over.addEventListener('mouseleave', () => (tip.hidden = true));
    chart.current = { plot, sorted, zoomTo };
    registerChartPng(
      () =>
        new Promise((resolve) => {
          plot.ctx.canvas.toBlob((blob) => {
            if (!blob) resolve(null);
            else void blob.arrayBuffer().then((b) => resolve(new Uint8Array(b)));
          }, 'image/png');
        }),
    );
    // The table points at a period: show the chart cursor there when it is in view.
    const unlinkTable = useTimelineLink.subscribe((link, previous) => {
      if (link.pointed === previous.pointed || link.pointed === null) return;
      const x = periods.start[link.pointed] / 1000;
      const { min, max } = plot.scales.x;
      if (min === undefined || max === undefined || !(x >= min && x <= max)) return;
      plot.setCursor({ left: plot.valToPos(x, 'x'), top: plot.over.clientHeight / 2 });
    });
    const resize = new ResizeObserver(() => {
      const w = el.clientWidth;
      if (w > 0 && Math.abs(w - plot.width) > 1) {
        plot.setSize({ width: w, height: HEIGHT });
        zoomTo(plot.scales.x.min ?? fullMin, plot.scales.x.max ?? fullMax);
      }
    });
    resize.observe(el);
    return () => {
      unlinkTable();
      resize.disconnect();
      registerChartPng(null);
      chart.current = null;
      plot.destroy();
    };
  }, [periods, zone, dark]);

  useEffect(() => {
    const c = chart.current;
    if (!c || !focus) return;
    const range = periodRangeSeconds(periods, focus.from, focus.to);
    if (range) c.zoomTo(range[0], range[1]);
  }, [focus, periods]);

  return (
    <div className="timeline-chart" data-testid="timeline-chart">
      <div ref={host} className="timeline-chart__plot" />
      <div ref={tooltip} className="timeline-chart__tooltip" role="tooltip" hidden />
    </div>
  );
}

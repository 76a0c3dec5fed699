/** The on-screen timeline; loaded lazily so uPlot stays out of the initial bundle. */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import 'uplot/dist/uPlot.min.css';
import type { NormalizedSession } from '../../../../shared/session/types';
import type { TimelineFocus } from '../../store/app-store';
import { formatNumber, formatTime } from '../../format/format';
import type { TimelineCost } from '../../../../shared/billing/timeline-cost';
import { bandTint, createPlot, DARK_THEME, LIGHT_THEME } from './plot';
import type { PlotTheme, TimelinePlot } from './plot';
import {
  bandOf,
  bandSpans,
  parkingSpans,
  periodRangeSeconds,
  positionAt,
  seriesSpecs,
  sessionSpan,
  sortPeriods,
} from './series';
import { useTimelineLink, viewFor } from './timeline-link';
import { lowerBound } from '../../../../shared/series/downsample';
import { chartCommand, zoomedRange } from './chart-keys';
import type { ChartCommand } from './chart-keys';

export interface TimelineChartProps {
  session: NormalizedSession;
  /** IANA zone for axis labels and the tooltip; undefined = this computer. */
  zone: string | undefined;
  zoneLabel: string;
  focus: TimelineFocus | null;
  dark: boolean;
  /** The cumulative cost and tariff-element bands, for a session with billing. */
  cost: TimelineCost | null;
}

const HEIGHT = 320;

function cssVar(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

function themeFor(dark: boolean): PlotTheme {
  const base = dark ? DARK_THEME : LIGHT_THEME;
  return { ...base, fg: cssVar('--fg-muted', base.fg), grid: cssVar('--grid', base.grid) };
}

/** The chart element exposes its plot for the browser tests, which read the scales and the drawn data. */
type PlotHost = HTMLDivElement & { timelinePlot?: TimelinePlot['plot'] };

export default function TimelineChart({ session, zone, zoneLabel, focus, dark, cost }: TimelineChartProps) {
  const periods = session.periods;
  const host = useRef<PlotHost>(null);
  const tooltip = useRef<HTMLDivElement>(null);
  const chart = useRef<{
    timeline: TimelinePlot;
    span: [number, number];
    zoomTo(min: number, max: number): void;
  } | null>(null);
  const [hidden, setHidden] = useState<string[]>(() => viewFor(periods).hidden);
  const legend = useMemo(() => seriesSpecs(periods, cost), [periods, cost]);
  const bands = useMemo(() => bandSpans(periods, cost), [periods, cost]);

  useEffect(() => {
    const el = host.current;
    const tip = tooltip.current;
    if (!el || !tip) return;
    const sorted = sortPeriods(periods, cost);
    const span = sessionSpan(session, sorted);
    const saved = viewFor(periods);
    const remember = (patch: Partial<ReturnType<typeof viewFor>>): void =>
      useTimelineLink.setState({ view: { ...viewFor(periods), ...patch } });

    const hover = (period: number | null): void => {
      if (useTimelineLink.getState().hovered !== period) useTimelineLink.setState({ hovered: period });
    };
    // The tooltip's lines are made once: each cursor move (a zoom moves it too) only sets their text.
    const tipTitle = document.createElement('strong');
    const tipLines = sorted.series.map(() => document.createElement('div'));
    const tipBand = document.createElement('div');
    tipBand.className = 'timeline-chart__tooltip-band';
    tip.replaceChildren(tipTitle, ...tipLines, tipBand);
    /** Shows the tooltip at (left, top) in its box of `boxWidth` px, flipped left near the right edge. */
    const showTip = (left: number, top: number, boxWidth: number, t: number): void => {
      const pos = positionAt(sorted, t);
      if (pos === null) {
        tip.hidden = true;
        hover(null);
        return;
      }
      const period = sorted.order ? sorted.order[pos] : pos;
      hover(period);
      tipTitle.textContent = `Period ${period + 1} · ${formatTime(sorted.x[pos] * 1000, zone)} – ${formatTime(sorted.xEnd[pos] * 1000, zone)}`;
      sorted.series.forEach((s, k) => {
        const v = s.values[pos];
        const shown = s.format ? s.format(v) : `${formatNumber(v, 3)} ${s.unit}`;
        tipLines[k].textContent = `${s.label}: ${Number.isNaN(v) ? '—' : shown}`;
      });
      const band = bandOf(cost, period);
      tipBand.textContent = band ?? '';
      tipBand.hidden = band === null;
      tip.hidden = false;
      // Anchored by its right edge when flipped, so placing it needs no layout of the new text.
      const flip = left > boxWidth * 0.65;
      tip.style.left = flip ? 'auto' : `${left + 12}px`;
      tip.style.right = flip ? `${boxWidth - left + 12}px` : 'auto';
      tip.style.top = `${top + 8}px`;
    };

    let overInBox: { left: number; top: number; width: number } | null = null;
    const timeline = createPlot(el, {
      sorted,
      parking: parkingSpans(periods),
      bands,
      span,
      range: saved.range,
      hidden: new Set(saved.hidden),
      zone,
      zoneLabel,
      theme: themeFor(dark),
      width: Math.max(300, el.clientWidth),
      height: HEIGHT,
      cursor: {
        drag: { x: true, y: false, setScale: false },
        // Double-click is ours: uPlot's reset would only restore the downsampled window.
        bind: { dblclick: () => () => null },
        points: { show: false },
      },
      hooks: {
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
            const left = u.cursor.left;
            if (left === undefined || left < 0) {
              tip.hidden = true;
              hover(null);
              return;
            }
            // The tooltip is placed in the chart's box (the plot's positioned parent); the cursor is given
            // within the plotting area. Where that area sits in the box is measured once per layout change
            // (reading it on every cursor move would force a layout right after each redraw).
            if (!overInBox) {
              const over = u.over.getBoundingClientRect();
              const box = (el.parentElement ?? el).getBoundingClientRect();
              overInBox = { left: over.left - box.left, top: over.top - box.top, width: box.width };
            }
            showTip(
              left + overInBox.left,
              (u.cursor.top ?? 0) + overInBox.top,
              overInBox.width,
              u.posToVal(left, 'x'),
            );
          },
        ],
      },
    });
    const { plot } = timeline;
    el.timelinePlot = plot;

    function zoomTo(min: number, max: number): void {
      timeline.zoomTo(min, max);
      const [from, to] = timeline.view();
      remember({ range: from <= span[0] && to >= span[1] ? null : [from, to] });
      const n = sorted.x.length;
      const firstPos = Math.max(0, Math.min(n - 1, lowerBound(sorted.x, from) - 1));
      const index = sorted.order ? sorted.order[firstPos] : firstPos;
      // The table follows in the same frame (PeriodTableView renders its rows as it is told).
      useTimelineLink.setState((s) => ({ firstInView: { index, nonce: (s.firstInView?.nonce ?? 0) + 1 } }));
    }

    const reset = (): void => zoomTo(span[0], span[1]);
    plot.over.addEventListener('dblclick', reset);
    plot.over.addEventListener('mouseleave', () => (tip.hidden = true));
    chart.current = { timeline, span, zoomTo };
    // The table points at a period: show the chart cursor there when it is in view.
    const unlinkTable = useTimelineLink.subscribe((link, previous) => {
      if (link.pointed === previous.pointed || link.pointed === null) return;
      const x = periods.start[link.pointed] / 1000;
      const { min, max } = plot.scales.x;
      if (min === undefined || max === undefined || !(x >= min && x <= max)) return;
      plot.setCursor({ left: plot.valToPos(x, 'x'), top: plot.over.clientHeight / 2 });
    });
    const resize = new ResizeObserver(() => {
      overInBox = null;
      const w = el.clientWidth;
      if (w > 0 && Math.abs(w - plot.width) > 1) timeline.resize(w, HEIGHT);
    });
    resize.observe(el);
    // The toolbar above the plot may wrap to more lines: that moves the plot within the box.
    if (el.parentElement) resize.observe(el.parentElement);
    return () => {
      unlinkTable();
      resize.disconnect();
      chart.current = null;
      delete el.timelinePlot;
      timeline.destroy();
    };
    // The session's times only matter through its periods' identity (a new session remounts the panel).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [periods, zone, zoneLabel, dark, cost, bands]);

  useEffect(() => {
    const c = chart.current;
    if (!c || !focus) return;
    const range = periodRangeSeconds(periods, focus.from, focus.to);
    if (range) c.zoomTo(range[0], range[1]);
  }, [focus, periods]);

  const run = (command: ChartCommand): void => {
    const c = chart.current;
    if (!c) return;
    const [min, max] = zoomedRange(c.span, c.timeline.view(), command);
    c.zoomTo(min, max);
  };

  const onKeyDown = (e: KeyboardEvent): void => {
    const command = chartCommand(e.key);
    if (!command) return;
    e.preventDefault();
    run(command);
  };

  const toggle = (label: string): void => {
    const c = chart.current;
    const next = hidden.includes(label) ? hidden.filter((l) => l !== label) : [...hidden, label];
    setHidden(next);
    useTimelineLink.setState({ view: { ...viewFor(periods), hidden: next } });
    c?.timeline.setShown(label, !next.includes(label));
  };

  return (
    <div className="timeline-chart" data-testid="timeline-chart">
      <div className="timeline-chart__controls" role="toolbar" aria-label="Chart zoom">
        <button type="button" className="button button--small" onClick={() => run('in')} title="+">
          Zoom in
        </button>
        <button type="button" className="button button--small" onClick={() => run('out')} title="−">
          Zoom out
        </button>
        <button
          type="button"
          className="button button--small"
          onClick={() => run('left')}
          aria-label="Pan left"
          title="←"
        >
          ◀
        </button>
        <button
          type="button"
          className="button button--small"
          onClick={() => run('right')}
          aria-label="Pan right"
          title="→"
        >
          ▶
        </button>
        <button type="button" className="button button--small" onClick={() => run('reset')} title="0">
          Reset zoom
        </button>
        <ul className="timeline-chart__legend" aria-label="Series">
          {legend.map((s) => (
            <li key={s.label}>
              <button
                type="button"
                className="timeline-chart__legend-item"
                aria-pressed={!hidden.includes(s.label)}
                onClick={() => toggle(s.label)}
              >
                <span className="timeline-chart__swatch" style={{ background: s.color }} aria-hidden="true" />
                {s.label} ({s.unit})
              </button>
            </li>
          ))}
        </ul>
      </div>
      <div
        ref={host}
        className="timeline-chart__plot"
        tabIndex={0}
        role="application"
        aria-roledescription="chart"
        aria-label="Timeline chart. Plus and minus zoom, arrow keys pan, 0 resets."
        data-testid="timeline-plot"
        onKeyDown={onKeyDown}
      />
      {bands.labels.length > 0 && (
        <ul
          className="timeline-chart__bands"
          aria-label="Tariff elements (bands)"
          data-testid="timeline-bands"
        >
          {bands.labels.map((label, k) => (
            <li key={label}>
              <span
                className="timeline-chart__band-swatch"
                style={{ background: bandTint(k, 1) }}
                aria-hidden="true"
              />
              {label}
            </li>
          ))}
        </ul>
      )}
      <div ref={tooltip} className="timeline-chart__tooltip" role="tooltip" hidden />
    </div>
  );
}

/**
 * Every period with every dimension, virtualized: only the rows on screen exist in the DOM. Rows are all one
 * height, so which are on screen is arithmetic (`rowWindow`); a general virtualizer also kept two arrays of
 * every row's place, 48 MB at 2,000,000 periods. Above SAFE_SCROLL_HEIGHT of rows the scroll is scaled
 * (scaled-scroll.ts): the window is computed in the rows' own offsets and placed inside the viewport of
 * the capped spacer.
 */
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { PeriodTable } from '../../../../shared/session/types';
import { formatNumber, formatTime } from '../../format/format';
import { useTimelineLink } from './timeline-link';
import {
  SAFE_SCROLL_HEIGHT,
  isScaled,
  maxRowsOffset,
  rowsOffsetAt,
  scrollTopFor,
  spacerHeight,
  type ScrollGeometry,
} from './scaled-scroll';
import { overflows } from '../../format/cell-fit';
import { rowWindow, type RowWindow } from '../../app/use-fixed-rows';

/** Every row's height, the header's too (the sticky header covers one row of the scroller). */
const ROW_HEIGHT = 24;
/** Rows beyond the 320 px on screen: a zoom moves the table, and every new row is laid out. */
const OVERSCAN = 1;
/** What an arrow key moves, px of rows, as Chromium does for an unscaled scroller. */
const ARROW_STEP = 40;

interface Column {
  label: string;
  width: number;
  cell(i: number): string;
}

function columnsFor(p: PeriodTable, zone: string | undefined): Column[] {
  const cols: Column[] = [
    { label: '#', width: 72, cell: (i) => String(i + 1) },
    { label: 'Start', width: 168, cell: (i) => formatTime(p.start[i], zone) },
    { label: 'End', width: 168, cell: (i) => formatTime(p.end[i], zone) },
    { label: 'Duration (s)', width: 100, cell: (i) => formatNumber(p.durationS[i], 1) },
    { label: 'Energy (kWh)', width: 112, cell: (i) => formatNumber(p.energyKwh[i], 4) },
    { label: 'Cumulative (kWh)', width: 136, cell: (i) => formatNumber(p.cumulativeKwh[i], 3) },
    { label: 'Power (kW)', width: 96, cell: (i) => formatNumber(p.powerKw[i], 3) },
  ];
  for (const type of p.dimensionTypes) {
    const column = p.dimensions.get(type) ?? new Float64Array(p.count).fill(NaN);
    cols.push({
      label: type,
      width: Math.max(100, type.length * 8 + 20),
      cell: (i) => formatNumber(column[i], 4),
    });
  }
  const tariffs = p.tariffIds;
  if (tariffs) cols.push({ label: 'Tariff', width: 140, cell: (i) => tariffs[i] ?? '—' });
  return cols;
}

interface RowProps {
  index: number;
  start: number;
  columns: Column[];
}

/**
 * One row. It reads only whether it is the hovered one, so moving the chart cursor (or a zoom that moves
 * it) re-renders two rows, not the table.
 */
const PeriodRow = memo(function PeriodRow({ index, start, columns }: RowProps) {
  const hovered = useTimelineLink((s) => s.hovered === index);
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      className={`period-table__row${hovered ? ' is-hovered' : ''}`}
      onMouseEnter={() => useTimelineLink.setState({ pointed: index })}
      style={{ top: start, height: ROW_HEIGHT }}
    >
      {columns.map((c) => {
        const text = c.cell(index);
        const clip = overflows(text, c.width);
        return (
          <div
            key={c.label}
            role="cell"
            className={clip ? 'period-table__cell period-table__cell--clip' : 'period-table__cell'}
            style={{ width: c.width }}
            title={clip ? text : undefined}
          >
            {text}
          </div>
        );
      })}
    </div>
  );
});

/** The offset into the rows a programmatic scroll asked for, and the scrollTop the element then kept. */
interface Pinned {
  scrollTop: number;
  offset: number;
}

export function PeriodTableView({ periods, zone }: { periods: PeriodTable; zone: string | undefined }) {
  const scroller = useRef<HTMLDivElement>(null);
  const windowRef = useRef<HTMLDivElement>(null);
  // A scaled scrollTop is coarser than a row: an offset set on purpose (a zoom, a wheel step) is kept
  // as asked for while the element stays where that write left it.
  const pinned = useRef<Pinned | null>(null);
  // The scroller's scrollTop and rows viewport, read only where layout is already clean (a scroll event, a
  // resize, right after our own write): reading them while rendering would force a layout of the table.
  const seen = useRef({ scrollTop: 0, viewport: 0 });
  const columns = useMemo(() => columnsFor(periods, zone), [periods, zone]);
  const totalWidth = columns.reduce((sum, c) => sum + c.width, 0);
  const count = periods.count;
  // Neither depends on the viewport.
  const sizing: ScrollGeometry = { rows: count, rowHeight: ROW_HEIGHT, viewport: 0, cap: SAFE_SCROLL_HEIGHT };
  const scaled = isScaled(sizing);

  const look = (el: HTMLElement): void => {
    seen.current = { scrollTop: el.scrollTop, viewport: Math.max(0, el.clientHeight - ROW_HEIGHT) };
  };
  const geometry = useCallback(
    (): ScrollGeometry => ({
      rows: count,
      rowHeight: ROW_HEIGHT,
      viewport: seen.current.viewport,
      cap: SAFE_SCROLL_HEIGHT,
    }),
    [count],
  );
  /** The offset into the rows at the top of the viewport, as last seen. */
  const rowsOffset = useCallback((): number => {
    const pin = pinned.current;
    const { scrollTop } = seen.current;
    if (pin && pin.scrollTop === scrollTop) return pin.offset;
    pinned.current = null;
    return rowsOffsetAt(geometry(), scrollTop);
  }, [geometry]);
  const scrollToRowsOffset = useCallback(
    (el: HTMLElement, offset: number): void => {
      const g = geometry();
      const target = Math.min(Math.max(offset, 0), maxRowsOffset(g));
      const before = seen.current.scrollTop;
      el.scrollTop = scrollTopFor(g, target);
      look(el);
      pinned.current = { scrollTop: seen.current.scrollTop, offset: target };
      // Too small a step to move a scaled scrollTop fires no scroll event: tell the listeners anyway,
      // after this write's caller (it may be React committing) has returned, as the browser would.
      if (seen.current.scrollTop === before && isScaled(g))
        queueMicrotask(() => el.dispatchEvent(new Event('scroll')));
    },
    [geometry],
  );

  /** The rows in the DOM for what the scroller last showed: the viewport and a row either side. */
  const windowNow = useCallback(
    (): RowWindow => rowWindow(rowsOffset(), seen.current.viewport, count, ROW_HEIGHT, OVERSCAN),
    [rowsOffset, count],
  );
  const [shown, setShown] = useState<RowWindow>({ first: 0, end: 0 });
  // Rows are placed relative to the first one rendered; the window itself goes where that row is seen.
  const base = shown.first * ROW_HEIGHT;
  const baseRef = useRef(base);
  baseRef.current = base;

  const placeWindow = useCallback(() => {
    const win = windowRef.current;
    if (win) win.style.transform = `translateY(${baseRef.current - rowsOffset() + seen.current.scrollTop}px)`;
  }, [rowsOffset]);

  useLayoutEffect(placeWindow);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    // One listener reads the scroll (layout is clean as a frame starts), then renders the rows that came
    // into view before the frame paints, then places them.
    const update = (sync: boolean): void => {
      look(el);
      const next = windowNow();
      const apply = () =>
        setShown((prev) => (prev.first === next.first && prev.end === next.end ? prev : next));
      if (sync) flushSync(apply);
      else apply();
      placeWindow();
    };
    /**
     * Puts the first period a zoom shows at the top, and renders its rows at once: the zoom's own frame
     * then lays out and paints the chart and the table together (a frame of their own cost a second
     * style, layout and paint pass over the page). Rows are all ROW_HEIGHT tall, so the offset is known.
     */
    const follow = (first: { index: number } | null): void => {
      if (!first) return;
      scrollToRowsOffset(el, first.index * ROW_HEIGHT);
      update(true);
    };
    update(false);
    follow(useTimelineLink.getState().firstInView);
    const unfollow = useTimelineLink.subscribe((link, previous) => {
      if (link.firstInView !== previous.firstInView) follow(link.firstInView);
    });
    const onScroll = () => update(true);
    el.addEventListener('scroll', onScroll, { passive: true });
    const resize = new ResizeObserver(() => update(false));
    resize.observe(el);
    return () => {
      unfollow();
      el.removeEventListener('scroll', onScroll);
      resize.disconnect();
    };
  }, [placeWindow, windowNow, scrollToRowsOffset]);

  useEffect(() => {
    // A scaled scroller would move a wheel notch or an arrow key by dozens of rows: move the rows' offset
    // by what the browser would move an unscaled list instead. Not passive: it replaces the browser's scroll.
    const el = scroller.current;
    if (!el || !scaled) return;
    const onWheel = (e: WheelEvent) => {
      if (e.ctrlKey || e.deltaY === 0) return;
      e.preventDefault();
      const unit = e.deltaMode === 1 ? ROW_HEIGHT : e.deltaMode === 2 ? seen.current.viewport : 1;
      if (e.deltaX) el.scrollLeft += e.deltaX * unit;
      scrollToRowsOffset(el, rowsOffset() + e.deltaY * unit);
    };
    const onKey = (e: KeyboardEvent) => {
      const page = seen.current.viewport;
      const step = new Map([
        ['ArrowDown', ARROW_STEP],
        ['ArrowUp', -ARROW_STEP],
        ['PageDown', page],
        ['PageUp', -page],
      ]).get(e.key);
      if (step === undefined || e.altKey || e.ctrlKey || e.metaKey) return;
      e.preventDefault();
      scrollToRowsOffset(el, rowsOffset() + step);
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    el.addEventListener('keydown', onKey);
    return () => {
      el.removeEventListener('wheel', onWheel);
      el.removeEventListener('keydown', onKey);
    };
  }, [scaled, rowsOffset, scrollToRowsOffset]);

  return (
    <div
      className="period-table"
      data-testid="period-table"
      onMouseLeave={() => useTimelineLink.setState({ pointed: null })}
    >
      <div
        ref={scroller}
        className="period-table__scroller"
        tabIndex={0}
        role="region"
        aria-label="Periods table, scrollable"
      >
        <div
          role="table"
          aria-label={`Charging periods (${periods.count.toLocaleString('en')})`}
          aria-rowcount={periods.count + 1}
          style={{ width: totalWidth }}
        >
          <div role="rowgroup" className="period-table__head">
            <div role="row" aria-rowindex={1} className="period-table__row">
              {columns.map((c) => (
                <div
                  key={c.label}
                  role="columnheader"
                  className="period-table__cell"
                  style={{ width: c.width }}
                >
                  {c.label}
                </div>
              ))}
            </div>
          </div>
          <div
            role="rowgroup"
            style={{
              height: spacerHeight(sizing),
              position: 'relative',
            }}
          >
            <div ref={windowRef} style={{ position: 'absolute', top: 0, left: 0, right: 0 }}>
              {Array.from({ length: shown.end - shown.first }, (_, k) => {
                const index = shown.first + k;
                return (
                  <PeriodRow
                    // Keyed by slot in the window, so a jump (a zoom) refills the same rows instead of
                    // building new ones, and a scroll by one row reuses the row that left for the one that came.
                    key={index % (shown.end - shown.first)}
                    index={index}
                    start={k * ROW_HEIGHT}
                    columns={columns}
                  />
                );
              })}
            </div>
          </div>
        </div>
      </div>
    </div>
  );
}

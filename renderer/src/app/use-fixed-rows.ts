/**
 * Windowing for a list of equal-height rows: which rows a scroller shows. With one height the window is
 * arithmetic. A general virtualizer measures every row again whenever the count changes, which as search
 * pages stream in meant a pass and two new arrays over all rows shown (up to 10,000) per page.
 */
import { type RefObject, useLayoutEffect, useState } from 'react';

export interface RowWindow {
  /** First row in the DOM, inclusive. */
  first: number;
  /** Last row in the DOM, exclusive. */
  end: number;
}

/** The rows in view at `scrollTop` through `viewport` px, with `overscan` more each side. */
export function rowWindow(
  scrollTop: number,
  viewport: number,
  rows: number,
  rowHeight: number,
  overscan: number,
): RowWindow {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const end = Math.min(rows, Math.ceil((scrollTop + viewport) / rowHeight) + overscan);
  return { first: Math.min(first, end), end };
}

/** The window of `rows` rows the element shows; re-renders only when the window changes. */
export function useFixedRows(
  scroller: RefObject<HTMLElement | null>,
  rows: number,
  rowHeight: number,
  overscan: number,
): RowWindow {
  const [seen, setSeen] = useState({ scrollTop: 0, viewport: 0 });
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    // Only what decides the window is kept: a scroll within a row renders nothing.
    const look = (): void => {
      const next = { scrollTop: Math.floor(el.scrollTop / rowHeight) * rowHeight, viewport: el.clientHeight };
      setSeen((prev) => (prev.scrollTop === next.scrollTop && prev.viewport === next.viewport ? prev : next));
    };
    look();
    el.addEventListener('scroll', look, { passive: true });
    const resize = new ResizeObserver(look);
    resize.observe(el);
    return () => {
      el.removeEventListener('scroll', look);
      resize.disconnect();
    };
  }, [scroller, rowHeight]);
  return rowWindow(seen.scrollTop, seen.viewport, rows, rowHeight, overscan);
}

/**
 * Scaled virtual scroll for a list of equal-height rows. Chromium cannot lay out a box much taller than
 * ~33.5M px, and a giant spacer makes every layout of the list costly, so above `cap` the spacer is capped
 * and the scroll position maps linearly onto the rows' offset: the top of the scroll range is the first
 * row, the bottom of it shows the last row at the bottom of the viewport. Below the cap nothing is scaled.
 */

/** Above this many px of rows the spacer is capped at it (well under Chromium's limit, cheap to lay out). */
export const SAFE_SCROLL_HEIGHT = 1_000_000;

export interface ScrollGeometry {
  rows: number;
  rowHeight: number;
  /** Height the rows are seen through (the scroller's height less any sticky header), px. */
  viewport: number;
  /** Tallest spacer allowed, px. */
  cap: number;
}

function contentHeight(g: ScrollGeometry): number {
  return g.rows * g.rowHeight;
}

/** The height to give the rows' spacer: all the rows, or the cap. */
export function spacerHeight(g: ScrollGeometry): number {
  return Math.min(contentHeight(g), g.cap);
}

export function isScaled(g: ScrollGeometry): boolean {
  return contentHeight(g) > g.cap;
}

/** The largest offset into the rows that still fills the viewport. */
export function maxRowsOffset(g: ScrollGeometry): number {
  return Math.max(0, contentHeight(g) - g.viewport);
}

function maxScrollTop(g: ScrollGeometry): number {
  return Math.max(0, spacerHeight(g) - g.viewport);
}

function clamp(value: number, max: number): number {
  return Math.min(Math.max(value, 0), max);
}

/** The offset into the rows (px, unscaled) shown at the top of the viewport for a scroll position. */
export function rowsOffsetAt(g: ScrollGeometry, scrollTop: number): number {
  if (!isScaled(g)) return scrollTop;
  const top = maxScrollTop(g);
  return top === 0 ? 0 : (clamp(scrollTop, top) / top) * maxRowsOffset(g);
}

/** The scroll position that shows this offset into the rows at the top of the viewport. */
export function scrollTopFor(g: ScrollGeometry, rowsOffset: number): number {
  const max = maxRowsOffset(g);
  const offset = clamp(rowsOffset, max);
  if (!isScaled(g)) return offset;
  return max === 0 ? 0 : (offset / max) * maxScrollTop(g);
}

/** The first row (partly) in view at a scroll position. */
export function firstRowAt(g: ScrollGeometry, scrollTop: number): number {
  if (g.rows === 0) return 0;
  return Math.min(g.rows - 1, Math.floor(rowsOffsetAt(g, scrollTop) / g.rowHeight));
}

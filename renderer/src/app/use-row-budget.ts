/**
 * How many new rows a virtualized table gives their cells in one frame. The first page of search results
 * mounted 25 rows at once, in code V8 had not optimized yet, and took 20–30 ms of one frame. Rows past the
 * budget are drawn empty and get their cells in the next frames. The budget follows the measured cost of a
 * row, so a warm table still fills a whole viewport in one frame.
 */
import { useLayoutEffect, useReducer, useRef } from 'react';

/** Script time a frame may spend on new rows; layout and paint of them take about as much again. */
const FRAME_BUDGET_MS = 4;
/** A row's cost before any was measured: a cold first render. */
export const FIRST_MS_PER_ROW = 0.8;
const MIN_ROWS = 4;
const MAX_ROWS = 200;

export const rowsForBudget = (msPerRow: number): number =>
  Math.max(MIN_ROWS, Math.min(MAX_ROWS, Math.floor(FRAME_BUDGET_MS / msPerRow)));

/** The cost per row after a frame that mounted `rows` new rows in `ms`: the new figure weighs half. */
export const nextCostPerRow = (previous: number, ms: number, rows: number): number =>
  rows > 0 ? (previous + ms / rows) / 2 : previous;

/** The keys that get cells this frame: those that had them, then new ones in order, up to `budget`. */
export function rowsWithCells(
  keys: readonly string[],
  had: ReadonlySet<string>,
  budget: number,
): ReadonlySet<string> {
  const out = new Set<string>();
  let left = budget;
  for (const key of keys) {
    if (had.has(key)) out.add(key);
    else if (left > 0) {
      out.add(key);
      left--;
    }
  }
  return out;
}

/**
 * The keys of `keys` (the rows in the DOM, in order) whose cells may render now. Renders again next frame
 * while some wait.
 */
export function useRowBudget(keys: readonly string[]): ReadonlySet<string> {
  const had = useRef<ReadonlySet<string>>(new Set());
  const costPerRow = useRef(FIRST_MS_PER_ROW);
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  const startedAt = performance.now();
  const withCells = rowsWithCells(keys, had.current, rowsForBudget(costPerRow.current));
  useLayoutEffect(() => {
    let added = 0;
    for (const key of withCells) if (!had.current.has(key)) added++;
    costPerRow.current = nextCostPerRow(costPerRow.current, performance.now() - startedAt, added);
    had.current = withCells;
    if (withCells.size === keys.length) return;
    const frame = requestAnimationFrame(redraw);
    return () => cancelAnimationFrame(frame);
  });
  return withCells;
}

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  SAFE_SCROLL_HEIGHT,
  firstRowAt,
  isScaled,
  maxRowsOffset,
  rowsOffsetAt,
  scrollTopFor,
  spacerHeight,
  type ScrollGeometry,
} from '../../../../renderer/src/features/timeline/scaled-scroll';

const geometry = (rows: number): ScrollGeometry => ({
  rows,
  rowHeight: 24,
  viewport: 296,
  cap: SAFE_SCROLL_HEIGHT,
});

describe('scaled scroll', () => {
  it('does not scale a list under the cap: scrollTop is the rows offset', () => {
    const g = geometry(1000);
    expect(isScaled(g)).toBe(false);
    expect(spacerHeight(g)).toBe(24_000);
    expect(rowsOffsetAt(g, 1234.5)).toBe(1234.5);
    expect(scrollTopFor(g, 1234.5)).toBe(1234.5);
    expect(firstRowAt(g, 240)).toBe(10);
  });

  it('caps the spacer of 2,000,000 rows and maps the ends of the scroll range to the ends of the rows', () => {
    const g = geometry(2_000_000);
    expect(isScaled(g)).toBe(true);
    expect(spacerHeight(g)).toBe(SAFE_SCROLL_HEIGHT);
    const bottom = SAFE_SCROLL_HEIGHT - g.viewport;
    expect(rowsOffsetAt(g, 0)).toBe(0);
    expect(rowsOffsetAt(g, bottom)).toBe(2_000_000 * 24 - g.viewport);
    // The last row is reachable: at the bottom it is the one that ends at the viewport's bottom edge.
    const lastInView = Math.floor((rowsOffsetAt(g, bottom) + g.viewport - 1) / g.rowHeight);
    expect(lastInView).toBe(1_999_999);
    expect(scrollTopFor(g, (2_000_000 - 1) * 24)).toBe(bottom);
  });

  it('clamps positions outside the range', () => {
    const g = geometry(2_000_000);
    expect(rowsOffsetAt(g, -50)).toBe(0);
    expect(rowsOffsetAt(g, SAFE_SCROLL_HEIGHT * 2)).toBe(maxRowsOffset(g));
    expect(scrollTopFor(g, -1)).toBe(0);
    expect(scrollTopFor(g, 1e12)).toBe(SAFE_SCROLL_HEIGHT - g.viewport);
    expect(firstRowAt(g, 1e9)).toBeLessThan(2_000_000);
    expect(firstRowAt(geometry(0), 100)).toBe(0);
  });

  it('is linear and round-trips between scrollTop and the rows offset', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5_000_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (rows, at) => {
          const g = geometry(rows);
          const offset = at * maxRowsOffset(g);
          const top = scrollTopFor(g, offset);
          expect(top).toBeGreaterThanOrEqual(0);
          expect(top).toBeLessThanOrEqual(Math.max(0, spacerHeight(g) - g.viewport) + 1e-6);
          expect(rowsOffsetAt(g, top)).toBeCloseTo(offset, 3);
        },
      ),
    );
  });

  it('reaches every row with a scrollTop: the row a zoom jumps to is the first in view', () => {
    const g = geometry(2_000_000);
    for (const row of [0, 1, 12_345, 1_000_000, 1_999_000]) {
      expect(firstRowAt(g, scrollTopFor(g, row * 24))).toBe(row);
    }
  });
});

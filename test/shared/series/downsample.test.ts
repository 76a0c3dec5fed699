import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { blockExtremes, lowerBound, minMaxIndices, stepWindow } from '../../../shared/series/downsample';

describe('minMaxIndices', () => {
  it('returns every index when the range is already small', () => {
    const ys = Float64Array.from([1, 2, 3, 4, 5]);
    expect(Array.from(minMaxIndices([ys], 1, 4, 100))).toEqual([1, 2, 3]);
  });

  it('keeps each bucket’s extremes, so a single spike survives heavy downsampling', () => {
    const ys = new Float64Array(100_000).fill(1);
    ys[54_321] = 99;
    ys[12_345] = -5;
    const idx = minMaxIndices([ys], 0, ys.length, 200);
    expect(idx.length).toBeLessThanOrEqual(200 * 4);
    expect(Array.from(idx)).toContain(54_321);
    expect(Array.from(idx)).toContain(12_345);
    expect(idx[0]).toBe(0);
    expect(idx[idx.length - 1]).toBe(ys.length - 1);
  });

  it('stays inside the asked range and skips NaN', () => {
    const ys = new Float64Array(10_000).fill(Number.NaN);
    ys[5_000] = 3;
    const idx = Array.from(minMaxIndices([ys], 4_000, 6_000, 10));
    expect(idx.every((i) => i >= 4_000 && i < 6_000)).toBe(true);
    expect(idx).toContain(5_000);
  });

  it('gives sorted, distinct indices for any input', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: false }), { minLength: 1, maxLength: 400 }),
        fc.integer({ min: 1, max: 20 }),
        (values, buckets) => {
          const ys = Float64Array.from(values);
          const idx = Array.from(minMaxIndices([ys, ys.map((v) => -v)], 0, ys.length, buckets));
          for (let i = 1; i < idx.length; i++) expect(idx[i]).toBeGreaterThan(idx[i - 1]);
          const finite = values.map((v, i) => [v, i] as const).filter(([v]) => !Number.isNaN(v));
          if (finite.length) {
            const max = Math.max(...finite.map(([v]) => v));
            expect(idx.some((i) => ys[i] === max)).toBe(true);
          }
        },
      ),
    );
  });

  it('picks the same indices with block extremes as by reading every value', () => {
    fc.assert(
      fc.property(
        // size 'max': fast-check's default keeps arrays to a few values, too short to use any block.
        fc.array(fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constant(Number.NaN)), {
          minLength: 1,
          maxLength: 3000,
          size: 'max',
        }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 0, max: 6 }),
        fc.nat(),
        (values, buckets, log2Size, cut) => {
          const size = 2 ** log2Size;
          const ys = Float64Array.from(values);
          const neg = ys.map((v) => -v);
          const from = cut % ys.length;
          const plain = minMaxIndices([ys, neg], from, ys.length, buckets);
          const fast = minMaxIndices([ys, neg], from, ys.length, buckets, [
            blockExtremes(ys, size),
            blockExtremes(neg, size),
          ]);
          expect(Array.from(fast)).toEqual(Array.from(plain));
        },
      ),
    );
  });

  it('block extremes mark an all-NaN block with -1', () => {
    const b = blockExtremes(Float64Array.from([Number.NaN, Number.NaN, 2, 1, 3]), 2);
    expect(Array.from(b.levels[0].min)).toEqual([-1, 3, 4]);
    expect(Array.from(b.levels[0].max)).toEqual([-1, 2, 4]);
  });

  it('block extremes stack levels 8 times larger, each from the one below, earliest on ties', () => {
    const ys = Float64Array.from({ length: 1000 }, (_, i) => (i % 100 === 37 ? 9 : i % 100 === 50 ? -9 : 0));
    const b = blockExtremes(ys, 2);
    // No level of one block: a block as large as the column never fits inside a range of it.
    expect(b.levels.map((l) => l.size)).toEqual([2, 16, 128]);
    expect(b.levels.map((l) => l.min.length)).toEqual([500, 63, 8]);
    expect([b.levels[2].min[0], b.levels[2].max[0]]).toEqual([50, 37]);
    expect([b.levels[2].min[7], b.levels[2].max[7]]).toEqual([950, 937]);
    // A block of equal values: its first index.
    expect([b.levels[1].min[0], b.levels[1].max[0]]).toEqual([0, 0]);
    expect(() => blockExtremes(ys, 6)).toThrow(RangeError);
  });

  it('returns nothing for an empty range', () => {
    expect(minMaxIndices([new Float64Array(5)], 3, 3, 10).length).toBe(0);
  });
});

describe('lowerBound', () => {
  it('finds the first index at or above a value', () => {
    const xs = Float64Array.from([1, 3, 3, 7]);
    expect(lowerBound(xs, 0)).toBe(0);
    expect(lowerBound(xs, 3)).toBe(1);
    expect(lowerBound(xs, 4)).toBe(3);
    expect(lowerBound(xs, 8)).toBe(4);
  });
});

describe('stepWindow', () => {
  /** n contiguous periods of 1 s from t = 0, one held series. */
  function periods(values: number[]): { x: Float64Array; xEnd: Float64Array; ys: Float64Array } {
    const x = Float64Array.from(values, (_, i) => i);
    return { x, xEnd: x.map((v) => v + 1), ys: Float64Array.from(values) };
  }

  it('draws a skipped (hidden) series as nulls and leaves the others as they were', () => {
    const n = 5_000;
    const { x, xEnd, ys } = periods(Array.from({ length: n }, (_, i) => Math.sin(i / 50) * 10));
    const other = ys.map((v) => -v);
    const shown = [
      { values: ys, rise: null, blocks: blockExtremes(ys) },
      { values: other, rise: other, blocks: blockExtremes(other) },
    ];
    for (const [from, to, width] of [
      [0, n, 300],
      [100, 180, 800],
    ]) {
      const all = stepWindow(x, xEnd, shown, from, to, width);
      const some = stepWindow(x, xEnd, [shown[0], { ...shown[1], skip: true }], from, to, width);
      expect(some[0]).toEqual(all[0]);
      expect(some[1]).toEqual(all[1]);
      expect(some[2].length).toBe(all[2].length);
      expect(some[2].every((v) => v === null)).toBe(true);
    }
  });

  it('gives nothing for no periods, or only NaN starts', () => {
    const none = stepWindow(new Float64Array(0), new Float64Array(0), [], 0, 10, 800);
    expect(none).toEqual([[]]);
    const nan = Float64Array.from([Number.NaN]);
    expect(stepWindow(nan, nan, [{ values: nan, rise: null }], 0, 10, 800)).toEqual([[], []]);
  });

  it('draws one period as its flat step', () => {
    const { x, xEnd, ys } = periods([7]);
    expect(stepWindow(x, xEnd, [{ values: ys, rise: null }], 0, 1, 800)).toEqual([
      [0, 1],
      [7, 7],
    ]);
  });

  it('keeps one neighbour each side of the range, and only those when the range is outside the data', () => {
    const { x, xEnd, ys } = periods([1, 2, 3, 4, 5, 6]);
    const series = [{ values: ys, rise: null }];
    // Range [2, 4): periods 2 and 3 inside, 1 and 4 beyond the edges.
    expect(stepWindow(x, xEnd, series, 2, 4, 800)[0]).toEqual([1, 2, 2, 3, 3, 4, 4, 5]);
    // After the data: the last period only; before it: the first only.
    expect(stepWindow(x, xEnd, series, 100, 200, 800)).toEqual([
      [5, 6],
      [6, 6],
    ]);
    expect(stepWindow(x, xEnd, series, -200, -100, 800)).toEqual([
      [0, 1],
      [1, 1],
    ]);
  });

  it('keeps a one-period spike and dip among 2,000,000 periods in at most 2 × width points', () => {
    const n = 2_000_000;
    const values = new Float64Array(n).fill(5);
    values[1_234_567] = 400;
    values[777_777] = -3;
    const x = Float64Array.from({ length: n }, (_, i) => i);
    const xEnd = x.map((v) => v + 1);
    const series = [{ values, rise: null, blocks: blockExtremes(values) }];
    const [xs, ys] = stepWindow(x, xEnd, series, 0, n, 1200);
    expect(xs.length).toBeLessThanOrEqual(2 * 1200);
    expect(ys).toContain(400);
    expect(ys).toContain(-3);
    expect(xs[0]).toBe(0);
    expect(xs[xs.length - 1]).toBe(n);
    // x never goes back: each column's points follow the previous column's.
    for (let i = 1; i < xs.length; i++) expect(xs[i]).toBeGreaterThanOrEqual(xs[i - 1]);
  });

  it('draws a ramp from the level before a column to the level at its end', () => {
    const n = 10_000;
    const rise = new Float64Array(n).fill(0.5);
    const values = Float64Array.from({ length: n }, (_, i) => (i + 1) * 0.5);
    const x = Float64Array.from({ length: n }, (_, i) => i);
    const [, ys] = stepWindow(
      x,
      x.map((v) => v + 1),
      [{ values, rise }],
      0,
      n,
      300,
    );
    expect(ys[0]).toBe(0);
    expect(ys[ys.length - 1]).toBe(n * 0.5);
  });

  it('keeps a long period among short ones as its own flat step, and breaks over a wide hole', () => {
    // 1,000 periods of 1 s, a hole of 5,000 s, then one period of 5,000 s with value 9.
    const n = 1_001;
    const x = Float64Array.from({ length: n }, (_, i) => (i < 1_000 ? i : 6_000));
    const xEnd = Float64Array.from({ length: n }, (_, i) => (i < 1_000 ? i + 1 : 11_000));
    const values = Float64Array.from({ length: n }, (_, i) => (i < 1_000 ? 1 : 9));
    const [xs, ys] = stepWindow(x, xEnd, [{ values, rise: null }], 0, 11_000, 400);
    expect(xs.slice(-2)).toEqual([6_000, 11_000]);
    expect(ys.slice(-2)).toEqual([9, 9]);
    // The break point sits in the hole with no value.
    const inHole = xs.findIndex((v) => v > 1_000 && v < 6_000);
    expect(inHole).toBeGreaterThan(0);
    expect(ys[inHole]).toBeNull();
  });

  it('for any periods and range: at most 2 × width points, x ascending, extremes in range kept', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            gap: fc.nat(5),
            length: fc.integer({ min: 0, max: 30 }),
            v: fc.integer({ min: -50, max: 50 }),
          }),
          {
            minLength: 1,
            maxLength: 3000,
            size: 'max',
          },
        ),
        fc.integer({ min: 4, max: 300 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (rows, width, a, b) => {
          const x = new Float64Array(rows.length);
          let t = 0;
          rows.forEach((r, i) => {
            x[i] = t;
            t += r.gap + r.length;
          });
          const xEnd = x.map((s, i) => Math.min(s + rows[i].length, i + 1 < x.length ? x[i + 1] : Infinity));
          const values = Float64Array.from(rows, (r) => r.v);
          const [lo, hi] = [Math.min(a, b) * t, Math.max(a, b) * t];
          const [xs, ys] = stepWindow(
            x,
            xEnd,
            [{ values, rise: null, blocks: blockExtremes(values, 8) }],
            lo,
            hi,
            width,
          );
          expect(xs.length).toBeLessThanOrEqual(2 * width);
          expect(ys.length).toBe(xs.length);
          for (let i = 1; i < xs.length; i++) expect(xs[i]).toBeGreaterThanOrEqual(xs[i - 1]);
          // Nothing beyond the one neighbour each side of the range.
          const first = Math.max(0, lowerBound(x, lo) - 1);
          const last = Math.min(x.length - 1, lowerBound(x, hi));
          expect(xs[0]).toBe(x[first]);
          expect(xs[xs.length - 1]).toBe(xEnd[last]);
          const inside = rows
            .map((r, i) => (x[i] >= lo && x[i] < hi ? r.v : NaN))
            .filter((v) => !Number.isNaN(v));
          if (inside.length) {
            expect(ys).toContain(Math.max(...inside));
            expect(ys).toContain(Math.min(...inside));
          }
        },
      ),
    );
  });
});

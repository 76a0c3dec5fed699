import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { blockExtremes, lowerBound, minMaxIndices } from '../../../shared/series/downsample';

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
        fc.array(fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constant(Number.NaN)), {
          minLength: 1,
          maxLength: 3000,
        }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 70 }),
        fc.nat(),
        (values, buckets, size, cut) => {
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
    expect(Array.from(b.min)).toEqual([-1, 3, 4]);
    expect(Array.from(b.max)).toEqual([-1, 2, 4]);
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

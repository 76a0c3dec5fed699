/**
 * Min-max downsampling over columnar series that share one x axis. For each bucket of the visible index
 * range it keeps the first and last index and, per series, the index of the minimum and the maximum, so
 * peaks and dips survive at any zoom. Returns sorted, de-duplicated indices into the original arrays.
 */
/**
 * Per block of `size` consecutive values, the index of its minimum and of its maximum (-1 when the block
 * holds only NaN). With it, a bucket spanning many blocks reads one pair per block instead of every value,
 * so a zoom over 2,000,000 periods costs thousands of comparisons, not millions.
 */
export interface BlockExtremes {
  size: number;
  min: Int32Array;
  max: Int32Array;
}

export function blockExtremes(ys: Float64Array, size = 64): BlockExtremes {
  const blocks = Math.ceil(ys.length / size);
  const min = new Int32Array(blocks).fill(-1);
  const max = new Int32Array(blocks).fill(-1);
  for (let b = 0; b < blocks; b++) {
    let lo = Infinity;
    let hi = -Infinity;
    const end = Math.min(ys.length, (b + 1) * size);
    for (let i = b * size; i < end; i++) {
      const v = ys[i];
      if (v < lo) {
        lo = v;
        min[b] = i;
      }
      if (v > hi) {
        hi = v;
        max[b] = i;
      }
    }
  }
  return { size, min, max };
}

/** Index of the minimum and maximum of ys[start, end), earliest on ties, -1 when all NaN. */
function extremesIn(
  ys: Float64Array,
  start: number,
  end: number,
  blocks: BlockExtremes | undefined,
): [number, number] {
  let minI = -1;
  let maxI = -1;
  let min = Infinity;
  let max = -Infinity;
  const take = (i: number, useMin: boolean, useMax: boolean): void => {
    const v = ys[i];
    // NaN compares false both ways, so absent values are skipped without a separate test.
    if (useMin && v < min) {
      min = v;
      minI = i;
    }
    if (useMax && v > max) {
      max = v;
      maxI = i;
    }
  };
  let i = start;
  while (i < end) {
    if (blocks && i % blocks.size === 0 && i + blocks.size <= end) {
      const b = i / blocks.size;
      if (blocks.min[b] >= 0) take(blocks.min[b], true, false);
      if (blocks.max[b] >= 0) take(blocks.max[b], false, true);
      i += blocks.size;
    } else take(i++, true, true);
  }
  return [minI, maxI];
}

export function minMaxIndices(
  series: readonly Float64Array[],
  from: number,
  to: number,
  buckets: number,
  blocks?: readonly (BlockExtremes | undefined)[],
): Uint32Array {
  const lo = Math.max(0, Math.floor(from));
  const hi = Math.min(series.length ? series[0].length : 0, Math.ceil(to)); // exclusive
  const n = hi - lo;
  if (n <= 0) return new Uint32Array(0);
  const want = Math.max(1, Math.floor(buckets));
  if (n <= want * (2 + 2 * series.length)) {
    const all = new Uint32Array(n);
    for (let i = 0; i < n; i++) all[i] = lo + i;
    return all;
  }
  const out = new Uint32Array(want * (2 + 2 * series.length));
  let count = 0;
  const picked: number[] = [];
  for (let b = 0; b < want; b++) {
    const start = lo + Math.floor((b * n) / want);
    const end = lo + Math.floor(((b + 1) * n) / want);
    if (end <= start) continue;
    picked.length = 0;
    picked.push(start, end - 1);
    series.forEach((ys, j) => {
      const [minI, maxI] = extremesIn(ys, start, end, blocks?.[j]);
      if (minI >= 0) picked.push(minI);
      if (maxI >= 0) picked.push(maxI);
    });
    picked.sort((a, b2) => a - b2);
    let last = -1;
    for (const i of picked) {
      if (i !== last) out[count++] = i;
      last = i;
    }
  }
  return out.subarray(0, count);
}

/** First index whose value is ≥ `value` in an ascending array (binary search). */
export function lowerBound(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

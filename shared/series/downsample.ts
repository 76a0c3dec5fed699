/**
 * Min-max downsampling over columnar series that share one x axis. For each bucket of the visible index
 * range it keeps the first and last index and, per series, the index of the minimum and the maximum, so
 * peaks and dips survive at any zoom. Returns sorted, de-duplicated indices into the original arrays.
 */
export function minMaxIndices(
  series: readonly Float64Array[],
  from: number,
  to: number,
  buckets: number,
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
    for (const ys of series) {
      let minI = -1;
      let maxI = -1;
      let min = Infinity;
      let max = -Infinity;
      for (let i = start; i < end; i++) {
        const v = ys[i];
        // NaN compares false both ways, so absent values are skipped without a separate test.
        if (v < min) {
          min = v;
          minI = i;
        }
        if (v > max) {
          max = v;
          maxI = i;
        }
      }
      if (minI >= 0) picked.push(minI);
      if (maxI >= 0) picked.push(maxI);
    }
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

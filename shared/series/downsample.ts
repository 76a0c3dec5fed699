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

/** First index in [lo, hi) whose value is ≥ `value` in an ascending array (binary search); hi if none. */
export function lowerBound(sorted: Float64Array, value: number, lo = 0, hi = sorted.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** One series to draw as steps: a value held over each period, or (`rise`) reached at its end. */
export interface StepSeries {
  values: Float64Array;
  /** How much a ramp rises over each period (NaN counts as 0); null for a held value. */
  rise: Float64Array | null;
  /** Block extremes of `values`, so a column spanning many periods reads one pair per block. */
  blocks?: BlockExtremes;
}

/** uPlot AlignedData: x, then one array per series, null where the line breaks. */
export type StepData = [number[], ...(number | null)[][]];

/**
 * The line to draw for x in [minX, maxX] over a plot `width` pixels wide, in at most 2 × width points.
 *
 * Periods start at `x` (ascending, NaN last) and their steps end at `xEnd` (within [start, next start]).
 * One period beyond each edge is kept so the line reaches the edges. When the range holds few periods
 * (at most one per 2 px), each is drawn exactly: a flat step from its start to its end (a ramp rises across
 * it), with a break over any hole before the next. Otherwise the range is cut into columns of about 2 px and
 * each column becomes two points, at its first start and its last end, holding the column's minimum and
 * maximum in the order they occur (a ramp: its level at the column's start and end), so a one-period spike
 * still shows at any zoom. A period whose step runs past its column is drawn on its own (a long period keeps
 * its flat step), and a hole wider than two columns breaks the line.
 *
 * Bound: a column gives at most 4 points (its aggregate and one long period), a break needs an empty column,
 * and the two edge periods give at most 6 points; columns = ⌊(2 × width − 6) / 4⌋ keeps the total ≤ 2 × width.
 */
export function stepWindow(
  x: Float64Array,
  xEnd: Float64Array,
  series: readonly StepSeries[],
  minX: number,
  maxX: number,
  width: number,
): StepData {
  const xs: number[] = [];
  const ys = series.map((): (number | null)[] => []);
  const data: StepData = [xs, ...ys];
  let n = x.length;
  while (n > 0 && Number.isNaN(x[n - 1])) n--;
  if (n === 0 || !(maxX >= minX)) return data;
  const inFrom = lowerBound(x, minX, 0, n);
  const inTo = lowerBound(x, maxX, inFrom, n);
  const from = Math.max(0, inFrom - 1);
  const to = Math.min(n, inTo + 1);
  const columns = Math.max(1, Math.floor((2 * Math.max(0, Math.floor(width)) - 6) / 4));
  const exact = to - from <= columns;
  const columnWidth = (maxX - minX) / columns;
  const value = (v: number): number | null => (Number.isNaN(v) ? null : v);
  const rampStart = (s: StepSeries, p: number): number | null => {
    const rise = s.rise ? s.rise[p] : 0;
    return value(s.values[p] - (Number.isNaN(rise) ? 0 : rise));
  };
  let last = -1; // the last period drawn
  let lastEnd = Number.NaN;

  const breakBefore = (first: number): void => {
    if (last < 0) return;
    const hole = x[first] - lastEnd;
    const broken = exact ? first === last + 1 && hole > 0 : hole > 2 * columnWidth;
    if (!broken) return;
    xs.push((lastEnd + x[first]) / 2);
    // A ramp holds its level over the hole; a held value has none there.
    series.forEach((s, j) => ys[j].push(s.rise ? value(s.values[last]) : null));
  };
  const step = (p: number): void => {
    breakBefore(p);
    xs.push(x[p], xEnd[p]);
    series.forEach((s, j) => {
      const v = value(s.values[p]);
      ys[j].push(s.rise ? rampStart(s, p) : v, v);
    });
    last = p;
    lastEnd = xEnd[p];
  };
  /** Periods [a, b), at least two, as two points holding their extremes. */
  const column = (a: number, b: number): void => {
    breakBefore(a);
    xs.push(x[a], xEnd[b - 1]);
    series.forEach((s, j) => {
      if (s.rise) {
        ys[j].push(rampStart(s, a), value(s.values[b - 1]));
        return;
      }
      const [minI, maxI] = extremesIn(s.values, a, b, s.blocks);
      if (minI < 0) ys[j].push(null, null);
      else ys[j].push(s.values[Math.min(minI, maxI)], s.values[Math.max(minI, maxI)]);
    });
    last = b - 1;
    lastEnd = xEnd[b - 1];
  };

  if (exact) {
    for (let p = from; p < to; p++) step(p);
    return data;
  }
  if (from < inFrom) step(from);
  let i = inFrom;
  for (let c = 0; c < columns && i < inTo; c++) {
    const edge = c === columns - 1 ? maxX : minX + (c + 1) * columnWidth;
    let j = c === columns - 1 ? inTo : lowerBound(x, edge, i, inTo);
    if (j <= i) continue;
    // The column's last period may run on past it: then it is drawn as its own step.
    const long = xEnd[j - 1] > edge && j - 1 > i ? j - 1 : -1;
    if (long >= 0) j = long;
    if (j - i === 1) step(i);
    else column(i, j);
    if (long >= 0) step(long);
    i = long >= 0 ? long + 1 : j;
  }
  if (inTo < to) step(inTo);
  return data;
}

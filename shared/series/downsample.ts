/**
 * Min-max downsampling over columnar series that share one x axis. For each bucket of the visible index
 * range it keeps the first and last index and, per series, the index of the minimum and the maximum, so
 * peaks and dips survive at any zoom. Returns sorted, de-duplicated indices into the original arrays.
 */
/**
 * Per block of consecutive values, the index of its minimum and of its maximum (-1 when the block holds only
 * NaN), at block sizes `size` (a power of two), 8 × `size`, 64 × `size` … With it, a bucket reads a few blocks of each size
 * at its edges and the largest blocks between, so a zoom over 2,000,000 periods costs thousands of
 * comparisons, not millions. One level of 64 had left up to 126 single values per bucket edge to read.
 */
export interface BlockLevel {
  size: number;
  min: Int32Array;
  max: Int32Array;
}
export interface BlockExtremes {
  /** Ascending block sizes, each 8 times the one before. */
  levels: BlockLevel[];
}

/** 8 = 2³: each level's block size is the one below shifted by 3 (extremesIn). */
const LEVEL_STEP = 8;

/** `size` must be a power of two. */
export function blockExtremes(ys: Float64Array, size = 8): BlockExtremes {
  if (!(size >= 1 && Number.isInteger(Math.log2(size))))
    throw new RangeError(`block size ${size}: not a power of two`);
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
  const levels: BlockLevel[] = [{ size, min, max }];
  // Each level from the one below: the extremes of 8 blocks are among their 8 pairs.
  for (let below = levels[0]; below.min.length > LEVEL_STEP; below = levels[levels.length - 1]) {
    const count = Math.ceil(below.min.length / LEVEL_STEP);
    const up: BlockLevel = {
      size: below.size * LEVEL_STEP,
      min: new Int32Array(count).fill(-1),
      max: new Int32Array(count).fill(-1),
    };
    for (let b = 0; b < count; b++) {
      let lo = Infinity;
      let hi = -Infinity;
      const last = Math.min(below.min.length, (b + 1) * LEVEL_STEP);
      for (let k = b * LEVEL_STEP; k < last; k++) {
        const a = below.min[k];
        if (a >= 0 && ys[a] < lo) {
          lo = ys[a];
          up.min[b] = a;
        }
        const z = below.max[k];
        if (z >= 0 && ys[z] > hi) {
          hi = ys[z];
          up.max[b] = z;
        }
      }
    }
    levels.push(up);
  }
  return { levels };
}

/** Index of the minimum and maximum of ys[start, end), earliest on ties, -1 when all NaN. */
function extremesIn(
  ys: Float64Array,
  start: number,
  end: number,
  blocks: BlockExtremes | undefined,
): [number, number] {
  const levels = blocks?.levels ?? [];
  const top = levels.length - 1;
  // Sizes are powers of two: alignment is a mask, the block number a shift.
  const shift0 = top >= 0 ? Math.log2(levels[0].size) : 0;
  const mask0 = top >= 0 ? levels[0].size - 1 : -1;
  let minI = -1;
  let maxI = -1;
  let min = Infinity;
  let max = -Infinity;
  let i = start;
  // In index order, and a block's own extremes are its earliest: strict comparisons keep the earliest.
  // NaN compares false both ways, so absent values are skipped without a separate test.
  while (i < end) {
    if (top >= 0 && (i & mask0) === 0 && i + levels[0].size <= end) {
      // The largest block that starts here and ends in the range.
      let l = 0;
      let shift = shift0;
      while (l < top && (i & ((1 << (shift + 3)) - 1)) === 0 && i + (1 << (shift + 3)) <= end) {
        l++;
        shift += 3;
      }
      const level = levels[l];
      const b = i >>> shift;
      const a = level.min[b];
      if (a >= 0 && ys[a] < min) {
        min = ys[a];
        minI = a;
      }
      const z = level.max[b];
      if (z >= 0 && ys[z] > max) {
        max = ys[z];
        maxI = z;
      }
      i += 1 << shift;
    } else {
      const v = ys[i];
      if (v < min) {
        min = v;
        minI = i;
      }
      if (v > max) {
        max = v;
        maxI = i;
      }
      i++;
    }
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
  /** Not drawn (a series switched off): only nulls, without reading its values. */
  skip?: boolean;
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
    series.forEach((s, j) => ys[j].push(s.rise && !s.skip ? value(s.values[last]) : null));
  };
  const step = (p: number): void => {
    breakBefore(p);
    xs.push(x[p], xEnd[p]);
    series.forEach((s, j) => {
      if (s.skip) {
        ys[j].push(null, null);
        return;
      }
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
      if (s.skip) {
        ys[j].push(null, null);
        return;
      }
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

/** Small timing helpers shared by the benchmarks: medians over repeated runs, printed as figures. */

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** A clock in milliseconds. */
export type Clock = () => number;

export const wallClock: Clock = () => performance.now();

/**
 * This process's CPU time (all its threads, so the collector's helpers count too). On a shared machine wall
 * time mostly measures the neighbours; CPU time measures the work.
 */
export const cpuClock: Clock = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** Runs `fn` `warmup` times unmeasured, then `runs` times; returns the median in milliseconds of `clock`. */
export function timeMedian(fn: () => unknown, runs = 7, warmup = 2, clock: Clock = wallClock): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  // No forced GC between runs: a full collection makes the next read pay for a cold heap (measured: the
  // reader takes ~70 ms right after gc() against ~45 ms in steady state), which is not what the app sees.
  for (let i = 0; i < runs; i++) {
    const t0 = clock();
    fn();
    times.push(clock() - t0);
  }
  return median(times);
}

/** Prints rows under a header as aligned columns (first column left, the rest right-aligned). */
export function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]): string =>
    cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  console.log(`  ${line(header)}`);
  for (const row of rows) console.log(`  ${line(row)}`);
}

/** Nanoseconds per period, the figure that shows a bend in the line. */
export const perPeriod = (msValue: number, periods: number): string =>
  `${((msValue * 1e6) / periods).toFixed(0)} ns`;

/** The sizes of the scaling tables: from a short session to a week of 1-second metering and beyond. */
export const SCALING_SIZES = [12_500, 50_000, 200_000, 800_000, 2_000_000];

export const ms = (value: number): string => `${value.toFixed(1)} ms`;
export const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * Reader benchmark: generated vendor sessions from 12,500 to 2,000,000 periods (about 19 MB of JSON per
 * 200,000). For each size, after a warm-up, the median of `JSON.parse` alone, the reader alone (normalize +
 * derive + check on the parsed value), the ratio (parse + reader) / parse, and the columns the reader leaves
 * to first use (duration, cumulative energy, power), each also per period. Times are this process's CPU time;
 * the wall-clock ratio is printed beside it. Targets: ratio ≤ 1.25 at every size, and reader time per period
 * at 2,000,000 within 1.5 × its time per period at 200,000.
 * Run alone with `npx tsx bench/reader.ts [periods…]`.
 */
import { generateSession } from '../shared/demo/generate-session';
import { readSession } from '../shared/session/read-session';
import type { PeriodTable } from '../shared/session/types';
import { cpuClock, mb, ms, perPeriod, printTable, SCALING_SIZES, timeMedian } from './stats';

export interface ReaderFigures {
  periods: number;
  bytes: number;
  parseMs: number;
  readerMs: number;
  derivedMs: number;
  /** (parse + reader) / parse by the wall clock. */
  wallRatio: number;
  checks: number;
}

/** Columns the reader computes on first use; reading them once materialises them. */
const touchDerived = (p: PeriodTable): number => p.durationS[0] + p.cumulativeKwh[0] + p.powerKw[0];

export function measureReader(periods: number): ReaderFigures {
  let text = JSON.stringify(generateSession({ periods, shape: 'vendor', seed: 7 }).body);
  const bytes = text.length;
  // Fewer runs for the big sizes (one parse of 2,000,000 periods takes seconds); warm-ups enough for the
  // optimizing compiler to have seen about a million periods, so small sizes are not timed half-compiled.
  const runs = periods >= 800_000 ? 5 : 7;
  const warmup = Math.max(2, Math.ceil(1_000_000 / periods));
  const parseMs = timeMedian(() => JSON.parse(text), runs, warmup, cpuClock);
  const parseWall = timeMedian(() => JSON.parse(text), 3, 0);
  const parsed: unknown = JSON.parse(text);
  text = '';
  let checks = 0;
  const read = (): PeriodTable => {
    const result = readSession(parsed);
    if (!result.ok) throw new Error(result.error.message);
    checks = result.checks.length;
    return result.session.periods;
  };
  const readerMs = timeMedian(read, runs, warmup, cpuClock);
  const readerWall = timeMedian(read, 3, 0);
  const derivedMs = timeMedian(() => touchDerived(read()), runs, 1, cpuClock) - readerMs;
  return {
    periods,
    bytes,
    parseMs,
    readerMs,
    derivedMs: Math.max(0, derivedMs),
    wallRatio: (parseWall + readerWall) / parseWall,
    checks,
  };
}

export function printReaderTable(rows: ReaderFigures[]): void {
  printTable(
    [
      'periods',
      'JSON',
      'parse',
      'reader',
      'reader/period',
      'ratio',
      'wall ratio',
      'derived on use',
      'checks',
    ],
    rows.map((r) => [
      r.periods.toLocaleString('en'),
      mb(r.bytes),
      ms(r.parseMs),
      ms(r.readerMs),
      perPeriod(r.readerMs, r.periods),
      ((r.parseMs + r.readerMs) / r.parseMs).toFixed(3),
      r.wallRatio.toFixed(3),
      `${ms(r.derivedMs)} (${perPeriod(r.derivedMs, r.periods)})`,
      String(r.checks),
    ]),
  );
  const at = (n: number): ReaderFigures | undefined => rows.find((r) => r.periods === n);
  const small = at(200_000);
  const large = at(2_000_000);
  if (small && large) {
    const bend = large.readerMs / large.periods / (small.readerMs / small.periods);
    console.log(`  reader per period, 2,000,000 vs 200,000: ${bend.toFixed(2)}×   target ≤ 1.5×`);
  }
  console.log('  ratio = (parse + reader) / parse, CPU time; target ≤ 1.25');
}

/** The scaling table; each size is measured and released before the next one is generated. */
export function runReaderBench(sizes: readonly number[] = SCALING_SIZES): ReaderFigures[] {
  console.log('reader: generated vendor sessions, CPU time medians after a warm-up');
  const rows = sizes.map((n) => measureReader(n));
  printReaderTable(rows);
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n > 0);
  runReaderBench(sizes.length > 0 ? sizes : SCALING_SIZES);
}

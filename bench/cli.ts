/**
 * Whole-process CLI benchmark: `ocpi-inspect summary --json` of a generated 200,000-period session against a
 * bare `node` process that reads and JSON.parses the same file. Both are timed from spawn to exit, alternately,
 * so drift hits both. Target: ratio ≤ 1.4. Run alone with `npx tsx bench/cli.ts`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSession } from '../shared/demo/generate-session';
import { mb, median, ms } from './stats';

const BIN = new URL('../bin/ocpi-inspect.mjs', import.meta.url).pathname;

function timeProcess(args: string[]): number {
  const t0 = performance.now();
  const run = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const elapsed = performance.now() - t0;
  if (run.status !== 0) throw new Error(`${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  return elapsed;
}

export function runCliBench(periods = 200_000, runs = 7): void {
  const dir = mkdtempSync(join(tmpdir(), 'bench-cli-'));
  try {
    const file = join(dir, 'session.json');
    const text = JSON.stringify(generateSession({ periods, shape: 'vendor', seed: 7 }).body);
    writeFileSync(file, text);
    const bare = ['-e', `JSON.parse(require('node:fs').readFileSync(${JSON.stringify(file)}, 'utf8'))`];
    const cli = [BIN, 'summary', file, '--json'];
    timeProcess(bare);
    timeProcess(cli);
    const bareTimes: number[] = [];
    const cliTimes: number[] = [];
    const ratios: number[] = [];
    for (let i = 0; i < runs; i++) {
      const b = timeProcess(bare);
      const c = timeProcess(cli);
      bareTimes.push(b);
      cliTimes.push(c);
      ratios.push(c / b);
    }
    console.log(
      `cli: summary --json of ${periods.toLocaleString('en')} periods, ${mb(text.length)} file, ${runs} pairs`,
    );
    console.log(`  node read + JSON.parse process   ${ms(median(bareTimes))}`);
    console.log(`  ocpi-inspect summary process     ${ms(median(cliTimes))}`);
    console.log(`  ratio (median of pairs)          ${median(ratios).toFixed(2)}   target ≤ 1.4`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) runCliBench();

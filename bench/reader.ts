/**
 * Reader benchmark: a generated 200,000-period session (about 19 MB). Prints medians of JSON.parse alone,
 * the reader alone (normalize + derive + check on the parsed value) and the ratio (parse + reader) / parse.
 * Target: ratio ≤ 1.25. Run alone with `npx tsx bench/reader.ts`.
 */
import { generateSession } from '../shared/demo/generate-session';
import { readSession } from '../shared/session/read-session';
import { mb, ms, timeMedian } from './stats';

export function runReaderBench(periods = 200_000): void {
  const { body } = generateSession({ periods, shape: 'vendor', seed: 7 });
  const text = JSON.stringify(body);
  const parse = timeMedian(() => JSON.parse(text));
  const parsed = JSON.parse(text);
  let checks = 0;
  const reader = timeMedian(() => {
    const result = readSession(parsed);
    if (!result.ok) throw new Error(result.error.message);
    checks = result.checks.length;
  });
  console.log(
    `reader: ${periods.toLocaleString('en')} periods, ${mb(text.length)} of JSON (${checks} check(s) fired)`,
  );
  console.log(`  JSON.parse alone          ${ms(parse)}`);
  console.log(`  reader alone              ${ms(reader)}`);
  console.log(`  (parse + reader) / parse  ${((parse + reader) / parse).toFixed(3)}   target ≤ 1.25`);
}

if (import.meta.url === `file://${process.argv[1]}`) runReaderBench();

/**
 * Export benchmark: generated vendor sessions from 12,500 to 2,000,000 periods through the CSV writer and the
 * HTML report (CPU time medians, sizes, cost per period), and the bundle with and without redaction at
 * 200,000 periods. Targets at 200,000: CSV ≤ 1 s, HTML report ≤ 1 s and ≤ 5 MB.
 * Run alone with `npx tsx bench/export.ts [periods…]`.
 */
import type { LoadedSession } from '../shared/domain/loaded-session';
import { generateSession } from '../shared/demo/generate-session';
import { type Basemap, loadBasemap } from '../shared/export/basemap';
import { createBundle } from '../shared/export/bundle';
import { periodsToCsv } from '../shared/export/csv';
import { renderHtmlReport } from '../shared/export/report-html';
import { loadedFrom } from '../test/fixtures/export';
import { cpuClock, mb, ms, perPeriod, printTable, SCALING_SIZES, timeMedian } from './stats';

function loadedSession(periods: number): LoadedSession {
  const { body, location } = generateSession({ periods, shape: 'vendor', seed: 11 });
  return loadedFrom(JSON.stringify(body), location === null ? null : JSON.stringify(location), {
    kind: 'demo',
    profileName: null,
    flavour: null,
    fetch: null,
  });
}

const bytes = (s: string): number => Buffer.byteLength(s);

function exportRow(periods: number, basemap: Basemap): string[] {
  const loaded = loadedSession(periods);
  const runs = periods >= 800_000 ? 3 : 5;
  let csv = '';
  let html = '';
  const csvMs = timeMedian(() => (csv = periodsToCsv(loaded.session)), runs, 1, cpuClock);
  const htmlMs = timeMedian(
    () => (html = renderHtmlReport(loaded, { basemap, appVersion: 'bench' })),
    runs,
    1,
    cpuClock,
  );
  return [
    periods.toLocaleString('en'),
    ms(csvMs),
    mb(bytes(csv)),
    perPeriod(csvMs, periods),
    ms(htmlMs),
    mb(bytes(html)),
    perPeriod(htmlMs, periods),
  ];
}

export async function runExportBench(sizes: readonly number[] = SCALING_SIZES): Promise<void> {
  const basemap = await loadBasemap();
  console.log('export: generated vendor sessions, CPU time medians after a warm-up');
  printTable(
    ['periods', 'CSV', 'CSV size', 'CSV/period', 'HTML report', 'HTML size', 'HTML/period'],
    sizes.map((n) => exportRow(n, basemap)),
  );
  console.log('  targets at 200,000 periods: CSV ≤ 1 s; HTML report ≤ 1 s and ≤ 5 MB');
  const loaded = loadedSession(200_000);
  let bundle = '';
  const bundleMs = timeMedian(
    () => (bundle = createBundle(loaded, { appVersion: 'bench', redact: false })),
    5,
    1,
  );
  const redactMs = timeMedian(() => createBundle(loaded, { appVersion: 'bench', redact: true }), 3, 1);
  console.log(`  bundle at 200,000 periods             ${ms(bundleMs)}  ${mb(bytes(bundle))}`);
  console.log(`  bundle at 200,000 periods, redacted   ${ms(redactMs)}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n > 0);
  await runExportBench(sizes.length > 0 ? sizes : SCALING_SIZES);
}

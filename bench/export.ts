/**
 * Export benchmark: a generated 200,000-period session through the CSV writer, the HTML report and the
 * bundle. Prints medians and sizes. Targets: CSV ≤ 1 s, HTML report ≤ 1 s and ≤ 5 MB.
 * Run alone with `npx tsx bench/export.ts`.
 */
import { generateSession } from '../shared/demo/generate-session';
import { loadBasemap } from '../shared/export/basemap';
import { createBundle } from '../shared/export/bundle';
import { periodsToCsv } from '../shared/export/csv';
import { renderHtmlReport } from '../shared/export/report-html';
import { loadedFrom } from '../test/fixtures/export';
import { mb, ms, timeMedian } from './stats';

export async function runExportBench(periods = 200_000): Promise<void> {
  const { body, location } = generateSession({ periods, shape: 'vendor', seed: 11 });
  const rawText = JSON.stringify(body);
  const rawLocationText = location === undefined || location === null ? null : JSON.stringify(location);
  const loaded = loadedFrom(rawText, rawLocationText, {
    kind: 'demo',
    profileName: null,
    flavour: null,
    fetch: null,
  });
  const basemap = await loadBasemap();
  let csv = '';
  let html = '';
  let bundle = '';
  const csvMs = timeMedian(() => (csv = periodsToCsv(loaded.session)), 5, 1);
  const htmlMs = timeMedian(() => (html = renderHtmlReport(loaded, { basemap, appVersion: 'bench' })), 5, 1);
  const bundleMs = timeMedian(
    () => (bundle = createBundle(loaded, { appVersion: 'bench', redact: false })),
    5,
    1,
  );
  const redactMs = timeMedian(() => createBundle(loaded, { appVersion: 'bench', redact: true }), 3, 1);
  const bytes = (s: string): number => Buffer.byteLength(s);
  console.log(`export: ${periods.toLocaleString('en')} periods (${mb(rawText.length)} raw response)`);
  console.log(`  CSV                ${ms(csvMs)}  ${mb(bytes(csv))}   target ≤ 1 s`);
  console.log(`  HTML report        ${ms(htmlMs)}  ${mb(bytes(html))}   target ≤ 1 s, ≤ 5 MB`);
  console.log(`  bundle             ${ms(bundleMs)}  ${mb(bytes(bundle))}`);
  console.log(`  bundle, redacted   ${ms(redactMs)}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await runExportBench();

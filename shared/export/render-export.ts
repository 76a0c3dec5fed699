/** One entry point for every export format, shared by the app's Export menu and `ocpi-inspect export`. */
import type { LoadedSession } from '../domain/loaded-session';
import type { ExportFormat } from '../domain/export';
import { loadBasemap } from './basemap';
import { BUNDLE_EXTENSION, createBundle, suggestedFileName } from './bundle';
import { periodsToCsv } from './csv';
import type { ExportTimes } from './export-times';
import { redactLoaded } from './redact';
import { renderHtmlReport } from './report-html';

export const EXPORT_EXTENSIONS: Record<ExportFormat, string> = {
  bundle: BUNDLE_EXTENSION,
  csv: '.periods.csv',
  html: '.report.html',
};

export const EXPORT_FILTERS: Record<ExportFormat, { name: string; extensions: string[] }> = {
  bundle: { name: 'Session bundle', extensions: ['json'] },
  csv: { name: 'CSV', extensions: ['csv'] },
  html: { name: 'HTML report', extensions: ['html'] },
};

export { isExportFormat } from '../domain/export';

export interface ExportOptions {
  redact: boolean;
  appVersion: string;
  now?: Date;
  /** CSV and report times: UTC (default) or the site's zone. */
  times?: ExportTimes;
  /** The report shows auth and contract ids in clear (they are masked by default). */
  revealIds?: boolean;
}

export async function renderExport(
  loaded: LoadedSession,
  format: ExportFormat,
  opts: ExportOptions,
): Promise<string> {
  if (format === 'bundle')
    return createBundle(loaded, { appVersion: opts.appVersion, redact: opts.redact, exportedAt: opts.now });
  // The CSV holds no account ids, but a redacted HTML report must not show them in its details.
  const data = opts.redact ? redactLoaded(loaded) : loaded;
  if (format === 'csv') return periodsToCsv(data.session, { times: opts.times });
  return renderHtmlReport(data, {
    basemap: await loadBasemap(),
    appVersion: opts.appVersion,
    generatedAt: opts.now,
    csvFileName: suggestedFileName(data, EXPORT_EXTENSIONS.csv),
    times: opts.times,
    // Redacted ids are placeholders, not secrets: shown as they are.
    revealIds: opts.redact || opts.revealIds,
  });
}

/** Which clock the CSV and the HTML report write times in: UTC (the default) or the site's zone. */
import type { NormalizedSession } from '../session/types';
import { resolveZone } from '../present/time';

export type ExportTimes = 'utc' | 'site';

export const isExportTimes = (v: unknown): v is ExportTimes => v === 'utc' || v === 'site';

/** The IANA zone to write: the site's when asked and known, else UTC (the report says which it used). */
export function exportZone(times: ExportTimes, session: NormalizedSession): string {
  return resolveZone(times, session.location?.timeZone ?? null).zone ?? 'UTC';
}

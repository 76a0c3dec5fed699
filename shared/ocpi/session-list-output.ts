/**
 * A listed session as `ocpi-inspect list` prints it (`--json`, `--csv`) and the search view exports it:
 * ISO-8601 UTC times, unknown values null (empty in CSV), the reader's check codes.
 */
import { csvNumber, csvText } from '../export/csv';
import { toIso } from '../session/iso-date';
import type { SessionRow } from './session-rows';

export interface ListedSessionJson {
  id: string | null;
  status: string | null;
  startedAt: string | null;
  endedAt: string | null;
  kwh: number | null;
  lastUpdated: string | null;
  anomalies: string[];
}

export const listedSessionJson = (row: SessionRow): ListedSessionJson => ({
  id: row.id,
  status: row.status,
  startedAt: toIso(row.startedAt),
  endedAt: toIso(row.endedAt),
  kwh: row.kwh,
  lastUpdated: toIso(row.lastUpdated),
  anomalies: row.anomalies,
});

const CSV_HEADER = [
  'id',
  'status',
  'started_at',
  'ended_at',
  'kwh',
  'location_id',
  'evse_uid',
  'last_updated',
  'anomalies',
];

/** RFC 4180 with CRLF line ends, formula-safe text cells (shared/export/csv). */
export function sessionRowsCsv(rows: readonly SessionRow[]): string {
  const lines = [CSV_HEADER.join(',')];
  for (const r of rows) {
    lines.push(
      [
        csvText(r.id ?? ''),
        csvText(r.status ?? ''),
        toIso(r.startedAt) ?? '',
        toIso(r.endedAt) ?? '',
        csvNumber(r.kwh ?? NaN),
        csvText(r.locationId ?? ''),
        csvText(r.evseUid ?? ''),
        toIso(r.lastUpdated) ?? '',
        csvText(r.anomalies.join(' ')),
      ].join(','),
    );
  }
  return lines.join('\r\n') + '\r\n';
}

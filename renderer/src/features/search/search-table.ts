/** The search table's order and "only with findings" filter: pure, so the table and the CSV export agree. */
import type { SearchRow } from '../../../../shared/domain/search';

export const SORT_KEYS = [
  'id',
  'status',
  'startedAt',
  'endedAt',
  'kwh',
  'locationId',
  'evseUid',
  'lastUpdated',
  'anomalies',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface SortOrder {
  key: SortKey;
  dir: 'asc' | 'desc';
}

type Value = string | number | null;
const valueOf = (row: SearchRow, key: SortKey): Value =>
  key === 'anomalies' ? row.anomalies.length : row[key];

/** Ascending compare; absent values last whichever the direction. */
function compare(a: Value, b: Value): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'en', { numeric: true });
}

export function visibleRows(
  rows: readonly SearchRow[],
  sort: SortOrder | null,
  onlyWithFindings: boolean,
): SearchRow[] {
  const kept = onlyWithFindings ? rows.filter((r) => r.anomalies.length > 0) : rows.slice();
  if (!sort) return kept;
  const sign = sort.dir === 'asc' ? 1 : -1;
  return kept.sort((x, y) => {
    const a = valueOf(x, sort.key);
    const b = valueOf(y, sort.key);
    if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
    return sign * compare(a, b) || compare(x.key, y.key);
  });
}

/** A click on a column: ascending first, then descending, then the order read. */
export function nextSort(current: SortOrder | null, key: SortKey): SortOrder | null {
  if (current?.key !== key) return { key, dir: 'asc' };
  return current.dir === 'asc' ? { key, dir: 'desc' } : null;
}

/** What the inspector fetches for a row: `CC/PARTY/ID` when the session names its party (a Receiver GET). */
export const rowFetchId = (row: SearchRow): string =>
  row.countryCode && row.partyId ? `${row.countryCode}/${row.partyId}/${row.id ?? ''}` : (row.id ?? '');

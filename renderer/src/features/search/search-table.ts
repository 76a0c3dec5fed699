/**
 * The search table's order and "only with findings" filter: pure, so the table and the CSV export agree.
 * While pages stream in, the table only places each page's rows (`extendVisible`): re-sorting 10,000 rows
 * per page would block the window for seconds.
 */
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

// One collator, made once: String#localeCompare with options builds one per call (the sort's cost).
const collator = new Intl.Collator('en', { numeric: true });

/** Ascending compare; absent values last whichever the direction. */
function compare(a: Value, b: Value): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/** The table's order: the column (absent values last), then the key, so any two rows have one order. */
function comparator(sort: SortOrder): (x: SearchRow, y: SearchRow) => number {
  const sign = sort.dir === 'asc' ? 1 : -1;
  return (x, y) => {
    const a = valueOf(x, sort.key);
    const b = valueOf(y, sort.key);
    if (a === null || b === null) return a === b ? compare(x.key, y.key) : a === null ? 1 : -1;
    return sign * compare(a, b) || compare(x.key, y.key);
  };
}

export function visibleRows(
  rows: readonly SearchRow[],
  sort: SortOrder | null,
  onlyWithFindings: boolean,
): SearchRow[] {
  const kept = onlyWithFindings ? rows.filter((r) => r.anomalies.length > 0) : rows.slice();
  return sort ? kept.sort(comparator(sort)) : kept;
}

/** What the table shows, and of which rows: `read` rows of `source` (an array that grows in place). */
export interface ShownRows {
  source: readonly SearchRow[];
  read: number;
  sort: SortOrder | null;
  onlyWithFindings: boolean;
  rows: SearchRow[];
}

/**
 * The shown rows after `source` grew: only the new rows are filtered, sorted and merged in (the same
 * order `visibleRows` gives all of them). Another source, sort or filter starts over.
 */
export function extendVisible(
  prev: ShownRows | null,
  source: readonly SearchRow[],
  sort: SortOrder | null,
  onlyWithFindings: boolean,
): ShownRows {
  const same =
    prev !== null &&
    prev.source === source &&
    prev.sort === sort &&
    prev.onlyWithFindings === onlyWithFindings &&
    source.length >= prev.read;
  if (!same)
    return {
      source,
      read: source.length,
      sort,
      onlyWithFindings,
      rows: visibleRows(source, sort, onlyWithFindings),
    };
  if (source.length === prev.read) return prev;
  const added = visibleRows(source.slice(prev.read), sort, onlyWithFindings);
  const rows = sort ? mergeSorted(prev.rows, added, comparator(sort)) : prev.rows.concat(added);
  return { source, read: source.length, sort, onlyWithFindings, rows };
}

/**
 * Two sorted lists as one. `added` is a page or a few (tens of rows) and `shown` up to 10,000: each added
 * row finds its place by binary search, and the shown rows between are copied without being compared.
 */
function mergeSorted(
  shown: readonly SearchRow[],
  added: readonly SearchRow[],
  cmp: (x: SearchRow, y: SearchRow) => number,
): SearchRow[] {
  const out = new Array<SearchRow>(shown.length + added.length);
  let k = 0;
  let from = 0;
  for (const row of added) {
    let lo = from;
    let hi = shown.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cmp(shown[mid], row) < 0) lo = mid + 1;
      else hi = mid;
    }
    while (from < lo) out[k++] = shown[from++];
    out[k++] = row;
  }
  while (from < shown.length) out[k++] = shown[from++];
  return out;
}

/** A click on a column: ascending first, then descending, then the order read. */
export function nextSort(current: SortOrder | null, key: SortKey): SortOrder | null {
  if (current?.key !== key) return { key, dir: 'asc' };
  return current.dir === 'asc' ? { key, dir: 'desc' } : null;
}

/** What the inspector fetches for a row: `CC/PARTY/ID` when the session names its party (a Receiver GET). */
export const rowFetchId = (row: SearchRow): string =>
  row.countryCode && row.partyId ? `${row.countryCode}/${row.partyId}/${row.id ?? ''}` : (row.id ?? '');

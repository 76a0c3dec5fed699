/**
 * The listed sessions, virtualized (only the rows on screen exist in the DOM), sortable by any column.
 * While pages stream in, each render places only the new rows (extendVisible); a row on screen is not
 * rendered again unless it moved, and then only its place, not its cells (which format three times). New
 * rows get their cells within a frame budget (`useRowBudget`).
 */
import { memo, useMemo, useRef } from 'react';
import type { SearchRow } from '../../../../shared/domain/search';
import { formatNumber, formatTime } from '../../format/format';
import { extendVisible, nextSort, type ShownRows, type SortKey, type SortOrder } from './search-table';
import { overflows } from '../../format/cell-fit';
import { useRowBudget } from '../../app/use-row-budget';
import { useFixedRows } from '../../app/use-fixed-rows';

const ROW_HEIGHT = 26;

interface Column {
  key: SortKey;
  label: string;
  /**
   * px for a fixed column, or a fluid grid track. A fluid column clips its text; a fixed one only when it
   * may not fit (164 px holds a time).
   */
  width: number | string;
  cell(row: SearchRow, zone: string | undefined): string;
}

const COLUMNS: Column[] = [
  { key: 'id', label: 'Id', width: 'minmax(90px, 1.4fr)', cell: (r) => r.id ?? '—' },
  { key: 'status', label: 'Status', width: 96, cell: (r) => r.status ?? '—' },
  { key: 'startedAt', label: 'Start', width: 164, cell: (r, z) => formatTime(r.startedAt, z) },
  { key: 'endedAt', label: 'End', width: 164, cell: (r, z) => formatTime(r.endedAt, z) },
  { key: 'kwh', label: 'kWh', width: 72, cell: (r) => (r.kwh === null ? '—' : formatNumber(r.kwh, 3)) },
  {
    key: 'locationId',
    label: 'Location',
    width: 'minmax(80px, 1fr)',
    cell: (r) => r.locationId ?? '—',
  },
  { key: 'evseUid', label: 'EVSE', width: 'minmax(80px, 1fr)', cell: (r) => r.evseUid ?? '—' },
  {
    key: 'lastUpdated',
    label: 'Last updated',
    width: 164,
    cell: (r, z) => formatTime(r.lastUpdated, z),
  },
  {
    key: 'anomalies',
    label: 'Checks',
    width: 'minmax(90px, 1.2fr)',
    cell: (r) => r.anomalies.join(' '),
  },
];
const TEMPLATE = COLUMNS.map((c) => (typeof c.width === 'number' ? `${c.width}px` : c.width)).join(' ');

export interface SearchTableProps {
  rows: readonly SearchRow[];
  /** Bumped when rows were appended in place. */
  version: number;
  sort: SortOrder | null;
  onlyWithFindings: boolean;
  zone: string | undefined;
  onSort(sort: SortOrder | null): void;
  onOpen(row: SearchRow): void;
}

export function SearchTable({
  rows,
  version,
  sort,
  onlyWithFindings,
  zone,
  onSort,
  onOpen,
}: SearchTableProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const placed = useRef<ShownRows | null>(null);
  const shown = useMemo(
    () => (placed.current = extendVisible(placed.current, rows, sort, onlyWithFindings)).rows,
    // rows grows in place; version says when
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [rows, version, sort, onlyWithFindings],
  );
  const { first, end } = useFixedRows(scroller, shown.length, ROW_HEIGHT, 6);
  const inDom = shown.slice(first, end);
  const withCells = useRowBudget(inDom.map((row) => row.key));
  return (
    <div ref={scroller} className="search-table" tabIndex={-1} data-testid="search-table">
      <div
        role="table"
        aria-label={`Sessions found (${shown.length.toLocaleString('en')})`}
        aria-rowcount={shown.length + 1}
      >
        <div role="rowgroup" className="search-table__head">
          <div
            role="row"
            aria-rowindex={1}
            className="search-table__row"
            style={{ gridTemplateColumns: TEMPLATE }}
          >
            {COLUMNS.map((c) => {
              const dir = sort?.key === c.key ? sort.dir : null;
              return (
                <div
                  key={c.key}
                  role="columnheader"
                  className="search-table__cell"
                  aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none'}
                >
                  <button
                    type="button"
                    className="search-table__sort"
                    onClick={() => onSort(nextSort(sort, c.key))}
                  >
                    {c.label}
                    <span aria-hidden="true">{dir === 'asc' ? ' ▲' : dir === 'desc' ? ' ▼' : ''}</span>
                  </button>
                </div>
              );
            })}
          </div>
        </div>
        <div role="rowgroup" className="search-table__body" style={{ height: shown.length * ROW_HEIGHT }}>
          {inDom.map((row, i) => (
            <BodyRow
              key={row.key}
              row={row}
              index={first + i}
              zone={zone}
              cells={withCells.has(row.key)}
              onOpen={onOpen}
            />
          ))}
        </div>
      </div>
    </div>
  );
}

interface BodyRowProps {
  row: SearchRow;
  index: number;
  zone: string | undefined;
  /** False for a frame or two when more rows arrived at once than one frame renders (`useRowBudget`). */
  cells: boolean;
  onOpen(row: SearchRow): void;
}

const BodyRow = memo(function BodyRow({ row, index, zone, cells, onOpen }: BodyRowProps) {
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      tabIndex={0}
      className={`search-table__row search-table__row--body${row.anomalies.length > 0 ? ' has-findings' : ''}`}
      style={{
        gridTemplateColumns: TEMPLATE,
        transform: `translateY(${index * ROW_HEIGHT}px)`,
        height: ROW_HEIGHT,
      }}
      onClick={() => onOpen(row)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') onOpen(row);
      }}
    >
      {cells && <Cells row={row} zone={zone} />}
    </div>
  );
});

/** A row's cells: the same session in the same zone reads the same, wherever a sort moves the row. */
const Cells = memo(function Cells({ row, zone }: { row: SearchRow; zone: string | undefined }) {
  return COLUMNS.map((c) => {
    const text = c.cell(row, zone);
    const clip = typeof c.width === 'string' || overflows(text, c.width);
    // Narrow windows cut long ids and check lists: the whole text shows on hover. A cell that fits needs
    // no tooltip, and an attribute less on each of ~300 cells shortens the first render of results.
    return (
      <div
        key={c.key}
        role="cell"
        className={clip ? 'search-table__cell search-table__cell--clip' : 'search-table__cell'}
        title={clip ? text : undefined}
      >
        {text}
      </div>
    );
  });
});

// @vitest-environment jsdom
/** The search table: virtualized over 10,000 rows, sortable by column, "only with findings", open on click. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import type { SearchRow } from '../../../../shared/domain/search';
import { SearchTable } from '../../../../renderer/src/features/search/SearchTable';
import {
  nextSort,
  rowFetchId,
  type SortOrder,
  visibleRows,
} from '../../../../renderer/src/features/search/search-table';
import { FIRST_MS_PER_ROW, rowsForBudget } from '../../../../renderer/src/app/use-row-budget';

afterEach(cleanup);

const sizes = ['clientHeight', 'clientWidth'] as const;
beforeAll(() => {
  for (const key of sizes)
    Object.defineProperty(HTMLElement.prototype, key, {
      configurable: true,
      get: () => (key === 'clientHeight' ? 400 : 1200),
    });
});
afterAll(() => {
  for (const key of sizes) delete (HTMLElement.prototype as unknown as Record<string, unknown>)[key];
});

const T0 = Date.UTC(2024, 4, 1, 12);
const row = (i: number, over: Partial<SearchRow> = {}): SearchRow => ({
  key: `NL/SIN/S${i}`,
  id: `S${i}`,
  countryCode: 'NL',
  partyId: 'SIN',
  status: i % 3 === 0 ? 'ACTIVE' : 'COMPLETED',
  startedAt: T0 + i * 60_000,
  endedAt: T0 + i * 60_000 + 30_000,
  kwh: (i * 7) % 50,
  lastUpdated: T0 + i * 60_000 + 31_000,
  locationId: `LOC-${i % 4}`,
  evseUid: `EVSE-${i % 2}`,
  authId: null,
  contractId: null,
  anomalies: i % 5 === 0 ? ['ENERGY_MISMATCH'] : [],
  ...over,
});
const many = (n: number) => Array.from({ length: n }, (_, i) => row(i));

function Harness({ rows, opened }: { rows: SearchRow[]; opened: SearchRow[] }) {
  const [sort, setSort] = useState<SortOrder | null>(null);
  const [only, setOnly] = useState(false);
  return (
    <>
      <label>
        <input type="checkbox" checked={only} onChange={(e) => setOnly(e.target.checked)} /> Only with
        findings
      </label>
      <SearchTable
        rows={rows}
        version={0}
        sort={sort}
        onlyWithFindings={only}
        zone="UTC"
        onSort={setSort}
        onOpen={(r) => opened.push(r)}
      />
    </>
  );
}

/** Rows past a frame's budget get their cells in the next frames (useRowBudget). */
const cellsFilled = () =>
  waitFor(() => {
    for (const r of screen.getAllByRole('row').slice(1))
      expect(r.querySelector('[role=cell]')).not.toBeNull();
  });

const firstCells = () =>
  screen
    .getAllByRole('row')
    .slice(1)
    .map((r) => r.querySelector('[role=cell]')?.textContent);

describe('SearchTable', () => {
  it('renders only a window of 10,000 rows and says how many there are', () => {
    render(<Harness rows={many(10_000)} opened={[]} />);
    expect(screen.getByRole('table').getAttribute('aria-label')).toBe('Sessions found (10,000)');
    const shown = screen.getAllByRole('row').length - 1;
    expect(shown).toBeGreaterThan(5);
    expect(shown).toBeLessThan(60);
  });

  it('gives new rows their cells within a frame budget, and the rest in the next frames', async () => {
    render(<Harness rows={many(30)} opened={[]} />);
    const rows = screen.getAllByRole('row').slice(1);
    const filled = rows.filter((r) => r.querySelector('[role=cell]') !== null);
    // The first render's budget is the cold one; the one after it (the viewport read, before paint) has
    // a budget from the cost measured. Not all rows fit in either.
    expect(filled.length).toBeGreaterThanOrEqual(rowsForBudget(FIRST_MS_PER_ROW));
    expect(filled.length).toBeLessThan(rows.length);
    // The empty ones are still rows in their place, so the table does not jump when they fill.
    expect(rows.map((r) => r.getAttribute('aria-rowindex'))).toEqual(rows.map((_, i) => String(i + 2)));
    await cellsFilled();
  });

  it('shows the rows of the scrolled-to part of the list', async () => {
    render(<Harness rows={many(10_000)} opened={[]} />);
    const scroller = screen.getByTestId('search-table');
    scroller.scrollTop = 26 * 5_000;
    fireEvent.scroll(scroller);
    await cellsFilled();
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows.some((r) => r.getAttribute('aria-rowindex') === String(5_000 + 2))).toBe(true);
    expect(firstCells()).toContain('S5000');
    expect(firstCells()).not.toContain('S0');
  });

  it('sorts by a column ascending, then descending, then back to the order read', async () => {
    render(<Harness rows={many(30)} opened={[]} />);
    await cellsFilled();
    const kwh = screen.getByRole('button', { name: 'kWh' });
    fireEvent.click(kwh);
    await cellsFilled();
    expect(screen.getAllByRole('columnheader')[4].getAttribute('aria-sort')).toBe('ascending');
    const asc = screen
      .getAllByRole('row')
      .slice(1)
      .map((r) => Number(r.querySelectorAll('[role=cell]')[4].textContent));
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
    expect(asc[0]).toBe(0);
    fireEvent.click(kwh);
    await cellsFilled();
    const desc = screen
      .getAllByRole('row')
      .slice(1)
      .map((r) => Number(r.querySelectorAll('[role=cell]')[4].textContent));
    expect(desc[0]).toBe(49);
    fireEvent.click(kwh);
    await cellsFilled();
    expect(firstCells().slice(0, 3)).toEqual(['S0', 'S1', 'S2']);
    expect(screen.getAllByRole('columnheader')[4].getAttribute('aria-sort')).toBe('none');
  });

  it('"only with findings" keeps the rows with check codes', () => {
    render(<Harness rows={many(30)} opened={[]} />);
    fireEvent.click(screen.getByLabelText('Only with findings'));
    expect(screen.getByRole('table').getAttribute('aria-label')).toBe('Sessions found (6)');
    expect(firstCells()).toEqual(['S0', 'S5', 'S10', 'S15', 'S20', 'S25']);
  });

  it('gives a tooltip with the whole text to the cells that clip, and none to the cells that fit', () => {
    const long = 'EVSE-WITH-A-VERY-LONG-UID-THAT-IS-CUT';
    render(<Harness rows={[row(1, { evseUid: long, status: 'ACTIVE' })]} opened={[]} />);
    const cells = screen.getAllByRole('cell');
    const evse = cells.find((c) => c.textContent === long);
    expect(evse?.getAttribute('title')).toBe(long);
    expect(evse?.className).toContain('search-table__cell--clip');
    const status = cells.find((c) => c.textContent === 'ACTIVE');
    expect(status?.hasAttribute('title')).toBe(false);
    expect(status?.className).not.toContain('--clip');
  });

  it('opens a row on click and on Enter', () => {
    const opened: SearchRow[] = [];
    render(<Harness rows={many(5)} opened={opened} />);
    const rows = screen.getAllByRole('row');
    fireEvent.click(rows[2]);
    fireEvent.keyDown(rows[3], { key: 'Enter' });
    expect(opened.map((r) => r.id)).toEqual(['S1', 'S2']);
  });
});

describe('visibleRows and rowFetchId', () => {
  it('puts absent values last in both directions and breaks ties by key', () => {
    const rows = [row(1, { kwh: null }), row(2, { kwh: 5 }), row(3, { kwh: 5 }), row(4, { kwh: 1 })];
    expect(visibleRows(rows, { key: 'kwh', dir: 'asc' }, false).map((r) => r.id)).toEqual([
      'S4',
      'S2',
      'S3',
      'S1',
    ]);
    expect(visibleRows(rows, { key: 'kwh', dir: 'desc' }, false).map((r) => r.id)).toEqual([
      'S2',
      'S3',
      'S4',
      'S1',
    ]);
    expect(visibleRows(rows, null, false)).not.toBe(rows);
  });

  it('cycles the sort and fetches by CC/PARTY/ID when the row names its party', () => {
    expect(nextSort(null, 'id')).toEqual({ key: 'id', dir: 'asc' });
    expect(nextSort({ key: 'id', dir: 'asc' }, 'id')).toEqual({ key: 'id', dir: 'desc' });
    expect(nextSort({ key: 'id', dir: 'desc' }, 'id')).toBeNull();
    expect(nextSort({ key: 'id', dir: 'desc' }, 'kwh')).toEqual({ key: 'kwh', dir: 'asc' });
    expect(rowFetchId(row(7))).toBe('NL/SIN/S7');
    expect(rowFetchId(row(7, { countryCode: null }))).toBe('S7');
  });
});

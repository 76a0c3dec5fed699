// @vitest-environment jsdom
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { PeriodTableView } from '../../../../renderer/src/features/timeline/PeriodTableView';
import { overflows } from '../../../../renderer/src/format/cell-fit';
import { useTimelineLink } from '../../../../renderer/src/features/timeline/timeline-link';
import { SAFE_SCROLL_HEIGHT } from '../../../../renderer/src/features/timeline/scaled-scroll';
import type { PeriodTable } from '../../../../shared/session/types';

afterEach(() => {
  cleanup();
  // The chart link is one store for the whole app: a zoom of one test must not scroll the next one's table.
  useTimelineLink.setState({ hovered: null, pointed: null, firstInView: null });
});

// jsdom does not lay out: give elements the scroller's on-screen size, so the table shows a window.
const sizes = ['clientHeight', 'clientWidth'] as const;
beforeAll(() => {
  for (const key of sizes) {
    Object.defineProperty(HTMLElement.prototype, key, {
      configurable: true,
      get: () => (key === 'clientHeight' ? 320 : 1000),
    });
  }
});
afterAll(() => {
  for (const key of sizes) delete (HTMLElement.prototype as unknown as Record<string, unknown>)[key];
});

function bigTable(n: number): PeriodTable {
  const start = Float64Array.from({ length: n }, (_, i) => Date.UTC(2024, 0, 1) + i * 5000);
  const end = start.map((s) => s + 5000);
  const energy = new Float64Array(n).fill(0.01);
  return {
    count: n,
    start,
    end,
    durationS: new Float64Array(n).fill(5),
    energyKwh: energy,
    cumulativeKwh: energy.map((_, i) => (i + 1) * 0.01),
    powerKw: new Float64Array(n).fill(7.2),
    dimensionTypes: ['ENERGY', 'STATE_OF_CHARGE'],
    dimensions: new Map([
      ['ENERGY', energy],
      ['STATE_OF_CHARGE', new Float64Array(n).fill(55)],
    ]),
    tariffIds: Array.from({ length: n }, () => 'T1'),
  };
}

describe('PeriodTableView', () => {
  it('lists every dimension as a column but renders only a window of the 200,000 rows', () => {
    render(<PeriodTableView periods={bigTable(200_000)} zone="UTC" />);
    const table = screen.getByRole('table');
    expect(table.getAttribute('aria-rowcount')).toBe('200001');
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual([
      '#',
      'Start',
      'End',
      'Duration (s)',
      'Energy (kWh)',
      'Cumulative (kWh)',
      'Power (kW)',
      'ENERGY',
      'STATE_OF_CHARGE',
      'Tariff',
    ]);
    const rows = within(table).getAllByRole('row');
    // 320 px of 24 px rows plus overscan: a few dozen, never 200,000.
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.length).toBeLessThan(60);
    expect(rows[1].getAttribute('aria-rowindex')).toBe('2');
  });

  it('clips (with an ellipsis and the text as a tooltip) only the cells whose text may not fit', () => {
    const table = bigTable(20);
    const long = 'NL-TNM-TARIFF-FOR-NIGHT-AND-WEEKEND-CHARGING-2024';
    table.tariffIds = table.tariffIds!.map((t, i) => (i === 0 ? long : t));
    render(<PeriodTableView periods={table} zone="UTC" />);
    const clipped = Array.from(document.querySelectorAll('.period-table__cell--clip'));
    expect(clipped.map((c) => c.textContent)).toEqual([long]);
    expect(clipped[0].getAttribute('title')).toBe(long);
    expect(overflows('T1', 140)).toBe(false);
    expect(overflows('2024-05-02 10:00:00', 168)).toBe(false);
    expect(overflows('1,000,000,000,000.0001', 112)).toBe(true);
  });

  it('tells the chart which period the pointer is on', () => {
    render(<PeriodTableView periods={bigTable(50)} zone="UTC" />);
    const firstBodyRow = screen.getAllByRole('row')[1];
    expect(within(firstBodyRow).getAllByRole('cell')[1].textContent).toBe('2024-01-01 00:00:00');
    fireEvent.mouseEnter(firstBodyRow);
    expect(useTimelineLink.getState().pointed).toBe(0);
    fireEvent.mouseLeave(screen.getByTestId('period-table'));
    expect(useTimelineLink.getState().pointed).toBeNull();
  });

  it('marks the period under the chart cursor, and only that row', () => {
    render(<PeriodTableView periods={bigTable(50)} zone="UTC" />);
    act(() => useTimelineLink.setState({ hovered: 2 }));
    const hovered = () =>
      screen
        .getAllByRole('row')
        .filter((row) => row.classList.contains('is-hovered'))
        .map((row) => row.getAttribute('aria-rowindex'));
    expect(hovered()).toEqual(['4']);
    act(() => useTimelineLink.setState({ hovered: 0 }));
    expect(hovered()).toEqual(['2']);
    act(() => useTimelineLink.setState({ hovered: null }));
    expect(hovered()).toEqual([]);
  });

  it('scrolls to the first period a zoom shows, its rows rendered at once (not a scroll event later)', () => {
    render(<PeriodTableView periods={bigTable(2000)} zone="UTC" />);
    const scroller = screen.getByRole('region', { name: 'Periods table, scrollable' });
    act(() => useTimelineLink.setState({ firstInView: { index: 500, nonce: 1 } }));
    // 2,000 rows are under the cap: not scaled, the row's own offset.
    expect(scroller.scrollTop).toBe(500 * 24);
    expect(topOfRow(501)).toBe(0);
    expect(cellOf(501)).toBe('501');
    // The scroll event the browser then fires changes nothing.
    scrolled(scroller);
    expect(topOfRow(501)).toBe(0);
  });

  it('shows the zoom a table mounted after it (coming back to the tab) at the top', () => {
    act(() => useTimelineLink.setState({ firstInView: { index: 700, nonce: 9 } }));
    render(<PeriodTableView periods={bigTable(2000)} zone="UTC" />);
    expect(topOfRow(701)).toBe(0);
  });

  it('caps the spacer of a 200,000-row table and puts the period a zoom shows at the top', () => {
    render(<PeriodTableView periods={bigTable(200_000)} zone="UTC" />);
    const scroller = screen.getByRole('region', { name: 'Periods table, scrollable' });
    const spacer = within(screen.getByRole('table')).getAllByRole('rowgroup')[1];
    expect(parseFloat(spacer.style.height)).toBe(SAFE_SCROLL_HEIGHT);
    act(() => useTimelineLink.setState({ firstInView: { index: 50_000, nonce: 2 } }));
    scrolled(scroller);
    expect(scroller.scrollTop).toBeGreaterThan(0);
    expect(scroller.scrollTop).toBeLessThan(SAFE_SCROLL_HEIGHT);
    expect(topOfRow(50_001)).toBe(0);
    expect(cellOf(50_001)).toBe('50001');
  });

  it('scrolls a 2,000,000-row table to its last period', () => {
    render(<PeriodTableView periods={bigTable(2_000_000)} zone="UTC" />);
    const scroller = screen.getByRole('region', { name: 'Periods table, scrollable' });
    // The scroller's bottom: spacer + header - the scroller's height.
    act(() => {
      scroller.scrollTop = SAFE_SCROLL_HEIGHT + 24 - 320;
      fireEvent.scroll(scroller);
    });
    expect(cellOf(2_000_000)).toBe('2000000');
    // The last row ends at the bottom of the 296 px seen below the header.
    expect(topOfRow(2_000_000)).toBe(296 - 24);
  });

  it('moves a scaled table by a wheel notch and an arrow key, not by dozens of rows', () => {
    render(<PeriodTableView periods={bigTable(200_000)} zone="UTC" />);
    const scroller = screen.getByRole('region', { name: 'Periods table, scrollable' });
    act(() => useTimelineLink.setState({ firstInView: { index: 1000, nonce: 3 } }));
    scrolled(scroller);
    expect(topOfRow(1001)).toBe(0);
    act(() => {
      fireEvent.wheel(scroller, { deltaY: 240 });
    });
    scrolled(scroller);
    expect(topOfRow(1011)).toBe(0);
    act(() => {
      fireEvent.keyDown(scroller, { key: 'ArrowUp' });
    });
    scrolled(scroller);
    expect(topOfRow(1011)).toBe(40);
  });
});

/** The scroll event a browser fires after a scrollTop write (jsdom fires none). */
function scrolled(scroller: HTMLElement): void {
  act(() => {
    fireEvent.scroll(scroller);
  });
}

/** The rendered row of period n (1-based). */
function rowOf(n: number): HTMLElement {
  const row = screen.getAllByRole('row').find((r) => r.getAttribute('aria-rowindex') === String(n + 1));
  if (!row) throw new Error(`period ${n} is not rendered`);
  return row;
}

function cellOf(n: number): string | null {
  return within(rowOf(n)).getAllByRole('cell')[0].textContent;
}

const translate = (el: HTMLElement) =>
  parseFloat(/translateY\((-?[\d.e+-]+)px\)/.exec(el.style.transform)?.[1] ?? '0');

/** Where period n's row is seen, px below the sticky header: the window's place, the row's in it (`top`), less the scroll. */
function topOfRow(n: number): number {
  const row = rowOf(n);
  const win = row.parentElement;
  const scroller = screen.getByRole('region', { name: 'Periods table, scrollable' });
  if (!win) throw new Error('a row outside the window');
  return Math.round(translate(win) + parseFloat(row.style.top) - scroller.scrollTop);
}

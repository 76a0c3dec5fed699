/** Every period with every dimension, virtualized: only the rows on screen exist in the DOM. */
import { memo, useEffect, useMemo, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { PeriodTable } from '../../../../shared/session/types';
import { formatNumber, formatTime } from '../../format/format';
import { useTimelineLink } from './timeline-link';

const ROW_HEIGHT = 24;

interface Column {
  label: string;
  width: number;
  cell(i: number): string;
}

function columnsFor(p: PeriodTable, zone: string | undefined): Column[] {
  const cols: Column[] = [
    { label: '#', width: 64, cell: (i) => String(i + 1) },
    { label: 'Start', width: 168, cell: (i) => formatTime(p.start[i], zone) },
    { label: 'End', width: 168, cell: (i) => formatTime(p.end[i], zone) },
    { label: 'Duration (s)', width: 100, cell: (i) => formatNumber(p.durationS[i], 1) },
    { label: 'Energy (kWh)', width: 112, cell: (i) => formatNumber(p.energyKwh[i], 4) },
    { label: 'Cumulative (kWh)', width: 136, cell: (i) => formatNumber(p.cumulativeKwh[i], 3) },
    { label: 'Power (kW)', width: 96, cell: (i) => formatNumber(p.powerKw[i], 3) },
  ];
  for (const type of p.dimensionTypes) {
    const column = p.dimensions.get(type) ?? new Float64Array(p.count).fill(NaN);
    cols.push({
      label: type,
      width: Math.max(100, type.length * 8 + 20),
      cell: (i) => formatNumber(column[i], 4),
    });
  }
  const tariffs = p.tariffIds;
  if (tariffs) cols.push({ label: 'Tariff', width: 140, cell: (i) => tariffs[i] ?? '—' });
  return cols;
}

interface RowProps {
  index: number;
  start: number;
  columns: Column[];
  template: string;
}

/**
 * One row. It reads only whether it is the hovered one, so moving the chart cursor (or a zoom that moves
 * it) re-renders two rows, not the table: a table render makes the virtualizer measure the page.
 */
const PeriodRow = memo(function PeriodRow({ index, start, columns, template }: RowProps) {
  const hovered = useTimelineLink((s) => s.hovered === index);
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      className={`period-table__row${hovered ? ' is-hovered' : ''}`}
      onMouseEnter={() => useTimelineLink.setState({ pointed: index })}
      style={{ gridTemplateColumns: template, transform: `translateY(${start}px)`, height: ROW_HEIGHT }}
    >
      {columns.map((c) => (
        <div key={c.label} role="cell" className="period-table__cell">
          {c.cell(index)}
        </div>
      ))}
    </div>
  );
});

export function PeriodTableView({ periods, zone }: { periods: PeriodTable; zone: string | undefined }) {
  const scroller = useRef<HTMLDivElement>(null);
  const firstInView = useTimelineLink((s) => s.firstInView);
  const columns = useMemo(() => columnsFor(periods, zone), [periods, zone]);
  const template = columns.map((c) => `${c.width}px`).join(' ');
  const totalWidth = columns.reduce((sum, c) => sum + c.width, 0);
  const virtualizer = useVirtualizer({
    count: periods.count,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    // Few rows beyond the 320 px on screen: a zoom moves the table, and every new row is laid out.
    overscan: 2,
  });

  const items = virtualizer.getVirtualItems();

  useEffect(() => {
    // Rows are all ROW_HEIGHT tall, so the offset is known: set it directly. The virtualizer's
    // scrollToIndex re-checks its target over the next frames, each check forcing a layout.
    const el = scroller.current;
    if (firstInView && el) el.scrollTop = firstInView.index * ROW_HEIGHT;
  }, [firstInView]);

  return (
    <div
      className="period-table"
      data-testid="period-table"
      onMouseLeave={() => useTimelineLink.setState({ pointed: null })}
    >
      <div
        ref={scroller}
        className="period-table__scroller"
        tabIndex={0}
        role="region"
        aria-label="Periods table, scrollable"
      >
        <div
          role="table"
          aria-label={`Charging periods (${periods.count.toLocaleString('en')})`}
          aria-rowcount={periods.count + 1}
          style={{ width: totalWidth }}
        >
          <div role="rowgroup" className="period-table__head">
            <div
              role="row"
              aria-rowindex={1}
              className="period-table__row"
              style={{ gridTemplateColumns: template }}
            >
              {columns.map((c) => (
                <div key={c.label} role="columnheader" className="period-table__cell">
                  {c.label}
                </div>
              ))}
            </div>
          </div>
          <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((row) => (
              <PeriodRow
                // Keyed by slot in the window, so a jump (a zoom) refills the same rows instead of
                // building new ones, and a scroll by one row reuses the row that left for the one that came.
                key={row.index % items.length}
                index={row.index}
                start={row.start}
                columns={columns}
                template={template}
              />
            ))}
          </div>
        </div>
      </div>
    </div>
  );
}

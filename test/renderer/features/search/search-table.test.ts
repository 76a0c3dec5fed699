/**
 * The search table's rows while pages stream in: placing each page's rows into the shown ones gives the
 * order and filter of sorting everything again, for any pages, sort and filter.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  extendVisible,
  type ShownRows,
  SORT_KEYS,
  type SortOrder,
  visibleRows,
} from '../../../../renderer/src/features/search/search-table';
import type { SearchRow } from '../../../../shared/domain/search';
import type { CheckCode } from '../../../../shared/session/types';

const rowArb = (i: number) =>
  fc
    .record({
      kwh: fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }),
      status: fc.option(fc.constantFrom('ACTIVE', 'COMPLETED', 'INVALID'), { nil: null }),
      startedAt: fc.option(fc.integer({ min: 0, max: 4 }), { nil: null }),
      locationId: fc.option(fc.constantFrom('LOC-2', 'LOC-10', 'loc-1'), { nil: null }),
      anomalies: fc.constantFrom<CheckCode[]>([], ['ENERGY_MISMATCH'], ['SESSION_STALE', 'PERIOD_GAP']),
    })
    .map((r): SearchRow => ({
      key: `NL/SIN/S${i}`,
      id: `S${i}`,
      countryCode: 'NL',
      partyId: 'SIN',
      status: r.status,
      startedAt: r.startedAt,
      endedAt: null,
      kwh: r.kwh,
      lastUpdated: i,
      locationId: r.locationId,
      evseUid: null,
      authId: null,
      contractId: null,
      anomalies: r.anomalies,
    }));

const rowsArb = fc
  .integer({ min: 0, max: 60 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => rowArb(i))));
const sortArb = fc.option(
  fc.record({ key: fc.constantFrom(...SORT_KEYS), dir: fc.constantFrom('asc' as const, 'desc' as const) }),
  { nil: null },
);

describe('extendVisible', () => {
  it('page by page gives what sorting and filtering all the rows gives', () => {
    fc.assert(
      fc.property(
        rowsArb,
        fc.array(fc.integer({ min: 1, max: 25 })),
        sortArb,
        fc.boolean(),
        (all, cuts, sort, only) => {
          const source: SearchRow[] = [];
          let shown: ShownRows | null = null;
          let at = 0;
          for (const size of [...cuts, all.length]) {
            for (const r of all.slice(at, at + size)) source.push(r);
            at = Math.min(all.length, at + size);
            shown = extendVisible(shown, source, sort, only);
            expect(shown.rows).toEqual(visibleRows(source, sort, only));
          }
        },
      ),
    );
  });

  it('keeps what it has when nothing came, and starts over for another sort, filter or search', () => {
    const rows = [3, 1, 2].map(
      (kwh, i) => ({ key: `k${i}`, id: `k${i}`, kwh, anomalies: [] }) as unknown as SearchRow,
    );
    const byKwh: SortOrder = { key: 'kwh', dir: 'asc' };
    const first = extendVisible(null, rows, byKwh, false);
    expect(first.rows.map((r) => r.kwh)).toEqual([1, 2, 3]);
    expect(extendVisible(first, rows, byKwh, false)).toBe(first);
    const desc = extendVisible(first, rows, { key: 'kwh', dir: 'desc' }, false);
    expect(desc.rows.map((r) => r.kwh)).toEqual([3, 2, 1]);
    const other = extendVisible(desc, rows.slice(0, 1), { key: 'kwh', dir: 'desc' }, false);
    expect(other.rows.map((r) => r.kwh)).toEqual([3]);
  });

  it('sorts absent values last in either direction, ties by key', () => {
    const rows = [null, 2, null, 1].map(
      (kwh, i) => ({ key: `k${3 - i}`, kwh, anomalies: [] }) as unknown as SearchRow,
    );
    for (const dir of ['asc', 'desc'] as const)
      expect(visibleRows(rows, { key: 'kwh', dir }, false).map((r) => r.key)).toEqual(
        dir === 'asc' ? ['k0', 'k2', 'k1', 'k3'] : ['k2', 'k0', 'k1', 'k3'],
      );
  });
});

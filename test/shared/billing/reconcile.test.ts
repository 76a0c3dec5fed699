import { describe, expect, it } from 'vitest';
import { priceSession } from '../../../shared/billing/cost-engine';
import { pricingInputFromCdr } from '../../../shared/billing/pricing-input';
import { readCdr } from '../../../shared/billing/read-cdr';
import { readTariffs } from '../../../shared/billing/read-tariff';
import {
  checkCdrCost,
  checkCdrMissing,
  checkCurrencies,
  checkParking,
  checkTariffsFound,
  checkTimes,
  checkTotals,
} from '../../../shared/billing/reconcile';
import { tariffInWords } from '../../../shared/billing/tariff-words';
import type { Cdr } from '../../../shared/billing/types';
import { agreeingCdr, amsterdamLocation, cdr221 } from '../../fixtures/billing/cdrs';
import * as T from '../../fixtures/billing/tariffs';

const cdrOf = (raw: unknown): Cdr => {
  const read = readCdr(raw, { location: amsterdamLocation() });
  if (!read.ok) throw new Error(read.error.message);
  return read.cdr;
};
const words = (raw: Record<string, unknown>): string => {
  const read = readTariffs(raw);
  if (!read.ok) throw new Error(read.error.message);
  return tariffInWords(read.tariffs[0]);
};
const HOUR = 3_600_000;

describe('reconciliation checks', () => {
  it('CDR_MISSING: COMPLETED over 48 h (or N) with no CDR in the windows searched, naming them', () => {
    const ended = Date.parse('2024-06-03T16:45:00Z');
    const searched = [{ from: ended, to: ended + 24 * HOUR }];
    const session = { status: 'COMPLETED', endedAt: ended };
    expect(checkCdrMissing(session, { now: ended + 47 * HOUR, searched, found: false })).toEqual([]);
    const late = checkCdrMissing(session, { now: ended + 49 * HOUR, searched, found: false });
    expect(late).toHaveLength(1);
    expect(late[0]).toMatchObject({ code: 'CDR_MISSING', severity: 'warning' });
    expect(late[0].message).toMatch(/49 h ago.*2024-06-03T16:45:00.000Z – 2024-06-04T16:45:00.000Z/);
    expect(checkCdrMissing(session, { now: ended + 49 * HOUR, searched, found: true })).toEqual([]);
    expect(
      checkCdrMissing(
        { status: 'ACTIVE', endedAt: null },
        { now: ended + 99 * HOUR, searched, found: false },
      ),
    ).toEqual([]);
    expect(
      checkCdrMissing(session, { now: ended + 13 * HOUR, searched: [], found: false, afterHours: 12 })[0]
        .message,
    ).toMatch(/no window was searched/);
  });

  it('CDR_TOTALS_INCONSISTENT within one minor unit; JPY has none', () => {
    const cdr = cdrOf(agreeingCdr([], { total_cost: { excl_vat: 4.01, incl_vat: 4.84 } }));
    expect(checkTotals(cdr)).toEqual([]);
    const off = cdrOf(agreeingCdr([], { total_cost: { excl_vat: 4.02, incl_vat: 4.84 } }));
    expect(checkTotals(off)[0].message).toMatch(/energy \+ parking = 4, total_cost 4\.02/);
    const yen = cdrOf(agreeingCdr([], { currency: 'JPY', total_cost: { excl_vat: 5, incl_vat: 4.84 } }));
    expect(checkTotals(yen)).toEqual([]);
  });

  it('CDR_COST_MISMATCH tolerates what step rounding explains', () => {
    // 1.973 h at €2/h per 5 min: the engine bills 2 h (€4.00); a CDR that skipped the step says €3.946.
    const raw = cdr221(
      '2015-06-29T21:39:09Z',
      '2015-06-29T23:37:32Z',
      [{ at: '2015-06-29T21:39:09Z', dims: { TIME: 1.973 } }],
      {
        tariffs: [
          T.tariff('12', [{ price_components: [{ type: 'TIME', price: 2, vat: 10, step_size: 300 }] }]),
        ],
        total_cost: { excl_vat: 3.946, incl_vat: 4.3406 },
      },
    );
    const cdr = cdrOf(raw);
    const cost = priceSession(pricingInputFromCdr(cdr));
    expect(cost.stepRoundingExclVat).toBe(0.054);
    expect(checkCdrCost(cdr, cost)).toEqual([]);
    const worse = cdrOf({ ...raw, total_cost: { excl_vat: 3.9, incl_vat: 4.29 } });
    expect(checkCdrCost(worse, cost)[0].message).toMatch(/step rounding explains 0\.054/);
  });

  it('CDR_TIME_MISMATCH: total_time that is not end − start', () => {
    expect(checkTimes(cdrOf(agreeingCdr()), null)).toEqual([]);
    expect(checkTimes(cdrOf(agreeingCdr([], { total_time: 1.5 })), null)[0].message).toMatch(
      /total_time 1\.5 h is not its end minus its start \(1\.25 h\)/,
    );
  });

  it('CDR_PARKING_MISMATCH: against PARKING_TIME volumes', () => {
    const raw = agreeingCdr([], { total_parking_time: 0.5 });
    (raw.charging_periods as { dimensions: unknown[] }[])[2].dimensions.push({
      type: 'PARKING_TIME',
      volume: 0.25,
    });
    expect(checkParking(cdrOf(raw), null)[0].message).toMatch(
      /total_parking_time is 0\.5 h but its periods' PARKING_TIME sums to 0\.25 h/,
    );
  });

  it('TARIFF_NOT_FOUND for no tariff, for period tariff ids, and for connector tariffs', () => {
    const cdr = cdrOf(
      cdr221('2024-06-03T10:00:00Z', '2024-06-03T12:00:00Z', [
        { at: '2024-06-03T10:00:00Z', dims: { ENERGY: 1 }, tariffId: 'A' },
        { at: '2024-06-03T11:00:00Z', dims: { ENERGY: 1 }, tariffId: 'B' },
      ]),
    );
    const read = readTariffs(T.tariff('A', []));
    if (!read.ok) throw new Error();
    expect(checkTariffsFound([], cdr.periods, 'cdr')[0].severity).toBe('error');
    const found = checkTariffsFound(read.tariffs, cdr.periods, 'cdr', ['X', 'Y']);
    expect(found.map((c) => [c.code, c.periods])).toEqual([
      ['TARIFF_NOT_FOUND', [1, 1]],
      ['TARIFF_NOT_FOUND', undefined],
    ]);
  });

  it('CURRENCY_MISMATCH names what disagrees; case does not count', () => {
    expect(
      checkCurrencies([
        { what: 'CDR', currency: 'EUR' },
        { what: 'tariff 1', currency: 'eur' },
        { what: 'x', currency: null },
      ]),
    ).toEqual([]);
    expect(
      checkCurrencies([
        { what: 'CDR', currency: 'EUR' },
        { what: 'tariff 1', currency: 'GBP' },
      ])[0].message,
    ).toMatch(/CDR EUR, tariff 1 GBP/);
  });
});

describe('tariff in words', () => {
  it('says the issue example', () => {
    expect(words(T.timeOfDay())).toBe(
      '€0.30/kWh 08:00–18:00 local, else €0.20/kWh; parking €6/h in 15-minute blocks',
    );
  });

  it('says restrictions, fees, limits and taxes', () => {
    expect(words(T.complex())).toBe(
      'start fee €2.50; charging €1/h in 15-minute blocks below 32 A, €2/h in 10-minute blocks Mon–Fri at 32 A or more, €1.25/h in 10-minute blocks Sat, Sun at 32 A or more; parking €5/h in 5-minute blocks 09:00–18:00 local Mon–Fri, €6/h in 5-minute blocks 10:00–17:00 local Sat',
    );
    expect(words(T.energyStartMaxPrice())).toBe('start fee €0.50; €0.25/kWh; at most €10.00');
    expect(words(T.maxDuration())).toBe(
      '€0/kWh in the first 30 min, €0.25/kWh in the first 1 h, else €0.40/kWh',
    );
    expect(words(T.northAmerican(true))).toBe(
      'charging CA$2.10/h per minute (taxes included)'.replace(' per minute', ' in 1-minute blocks'),
    );
    expect(words(T.reservationExpireFee())).toBe(
      'start fee €4 for an expired reservation, else €0.50; €0.25/kWh; charging €2/h in 10-minute blocks while reserved',
    );
  });
});

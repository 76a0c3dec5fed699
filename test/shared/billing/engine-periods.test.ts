/** The engine's cost per period: shares that add up to its total, step rounding on the last period. */
import { describe, expect, it } from 'vitest';
import { PERIOD_DIMENSIONS } from '../../../shared/billing/cost-engine';
import { fromMicros } from '../../../shared/billing/money';
import type { PeriodSpec } from '../../fixtures/billing/cdrs';
import {
  energyMinPrice,
  energyParkingStart,
  energyPer100Wh,
  energyStartMaxPrice,
  tariff,
  timeAndParking,
  timeOfDay,
} from '../../fixtures/billing/tariffs';
import { price, pricePerPeriod } from './engine-helpers';

type Json = Record<string, unknown>;
const sum = (a: Float64Array): number => a.reduce((s, v) => s + v, 0);
const ENERGY = PERIOD_DIMENSIONS.indexOf('ENERGY');
const PARKING = PERIOD_DIMENSIONS.indexOf('PARKING_TIME');

/** Prices `specs` both ways and checks the per-period shares against the total, excl. and incl. VAT. */
function priced(t: Json | Json[], start: string, end: string, specs: PeriodSpec[]) {
  const { cost, periods } = pricePerPeriod(t, start, end, specs);
  // The same engine run as priceSession, plus one note saying how periods were attributed.
  const plain = price(t, start, end, specs);
  expect({ ...cost, notes: cost.notes.slice(0, -1) }).toEqual(plain);
  expect(cost.notes.at(-1)).toBe(periods.rule);
  for (const v of [...periods.exclVatMicros, ...periods.inclVatMicros])
    expect(Number.isInteger(v)).toBe(true);
  expect(fromMicros(sum(periods.exclVatMicros))).toBe(cost.totalExclVat);
  expect(fromMicros(sum(periods.inclVatMicros))).toBe(cost.totalInclVat);
  return { cost, periods };
}

describe('cost per period', () => {
  it('time of day: each period costs its own energy at its own element, and says which', () => {
    // 16:00–17:00 and 18:00–19:00 CEST: 4 kWh at €0.30, then 6 kWh at €0.20; 21% VAT.
    const { periods } = priced(timeOfDay(), '2024-06-03T14:00:00Z', '2024-06-03T17:00:00Z', [
      { at: '2024-06-03T14:00:00Z', dims: { ENERGY: 4 } },
      { at: '2024-06-03T16:00:00Z', dims: { ENERGY: 6 } },
    ]);
    expect(Array.from(periods.exclVatMicros)).toEqual([1_200_000, 1_200_000]);
    expect(Array.from(periods.inclVatMicros)).toEqual([1_452_000, 1_452_000]);
    expect(Array.from(periods.element[ENERGY])).toEqual([0, 1]);
    expect(Array.from(periods.tariff)).toEqual([0, 0]);
  });

  it('a period split at 18:00 names the element that priced most of it', () => {
    // 17:45–18:45 CEST: a quarter at €0.30, three quarters at €0.20.
    const { periods } = priced(timeOfDay(), '2024-06-03T15:45:00Z', '2024-06-03T16:45:00Z', [
      { at: '2024-06-03T15:45:00Z', dims: { ENERGY: 8 } },
    ]);
    expect(periods.exclVatMicros[0]).toBe(2 * 300_000 + 6 * 200_000);
    expect(periods.element[ENERGY][0]).toBe(1);
  });

  it('kWh tiers: the tier a period reached is its element; the shares add up to the total', () => {
    const tiers = tariff('tiers', [
      { price_components: [{ type: 'ENERGY', price: 0.3, step_size: 1 }], restrictions: { max_kwh: 10 } },
      { price_components: [{ type: 'ENERGY', price: 0.2, step_size: 1 }], restrictions: { min_kwh: 10 } },
    ]);
    const { periods } = priced(tiers, '2024-06-03T10:00:00Z', '2024-06-03T13:00:00Z', [
      { at: '2024-06-03T10:00:00Z', dims: { ENERGY: 7 } },
      { at: '2024-06-03T11:00:00Z', dims: { ENERGY: 7 } },
      { at: '2024-06-03T12:00:00Z', dims: { ENERGY: 7 } },
    ]);
    // 7 at €0.30; 3 at €0.30 + 4 at €0.20; 7 at €0.20.
    expect(Array.from(periods.exclVatMicros)).toEqual([2_100_000, 1_700_000, 1_400_000]);
    expect(Array.from(periods.element[ENERGY])).toEqual([0, 1, 1]);
  });

  it('step size: the rounding goes to the last period of its dimension', () => {
    // €0.50 start + €0.25/kWh per 100 Wh: 0.05 + 0.03 kWh are billed as 0.1 kWh; 10% and 20% VAT.
    const { cost, periods } = priced(energyPer100Wh(), '2024-06-03T10:00:00Z', '2024-06-03T10:20:00Z', [
      { at: '2024-06-03T10:00:00Z', dims: { ENERGY: 0.05 } },
      { at: '2024-06-03T10:10:00Z', dims: { ENERGY: 0.03 } },
    ]);
    expect(cost.stepRoundingExclVat).toBe(0.005);
    // Period 1: the start fee and its own 0.05 kWh; period 2: 0.03 kWh plus the 0.02 kWh of rounding.
    expect(Array.from(periods.exclVatMicros)).toEqual([500_000 + 12_500, 12_500]);
  });

  it('TIME and PARKING_TIME steps: the parking rounding goes to the last parking period', () => {
    // €3/h charging per minute, €5/h parking per 5 minutes: 10 + 20 min charging, 3 + 3 min parking → 10.
    const { cost, periods } = priced(timeAndParking(), '2024-06-03T10:00:00Z', '2024-06-03T10:36:00Z', [
      { at: '2024-06-03T10:00:00Z', dims: { ENERGY: 1, TIME: 1 / 6 } },
      { at: '2024-06-03T10:10:00Z', dims: { PARKING_TIME: 0.05 } },
      { at: '2024-06-03T10:13:00Z', dims: { ENERGY: 2, TIME: 1 / 3 } },
      { at: '2024-06-03T10:33:00Z', dims: { PARKING_TIME: 0.05 } },
    ]);
    expect(cost.stepRoundingExclVat).toBeGreaterThan(0);
    const parkingMicros = [periods.exclVatMicros[1], periods.exclVatMicros[3]];
    // 3 min of parking at €5/h = €0.25; the last takes 7 min: €0.583333.
    expect(parkingMicros[0]).toBe(250_000);
    expect(parkingMicros[1]).toBe(583_333);
    expect(Array.from(periods.element[PARKING])).toEqual([-1, 0, -1, 0]);
  });

  it('parking with a start fee: the fee on the first period, parking on its own periods', () => {
    const { periods } = priced(energyParkingStart(), '2024-06-03T10:00:00Z', '2024-06-03T11:30:00Z', [
      { at: '2024-06-03T10:00:00Z', dims: { ENERGY: 10, TIME: 1 } },
      { at: '2024-06-03T11:00:00Z', dims: { PARKING_TIME: 0.5 } },
    ]);
    expect(Array.from(periods.exclVatMicros)).toEqual([500_000 + 2_500_000, 1_000_000]);
  });

  it('a minimum price tops up the last period; a maximum price stops the cumulative cost at it', () => {
    const min = priced(energyMinPrice(), '2024-06-03T10:00:00Z', '2024-06-03T10:20:00Z', [
      { at: '2024-06-03T10:00:00Z', dims: { ENERGY: 0.4 } },
      { at: '2024-06-03T10:10:00Z', dims: { ENERGY: 0.4 } },
    ]);
    expect(Array.from(min.periods.exclVatMicros)).toEqual([100_000, 400_000]);
    // Max €10 excl. VAT (2.3.0 tariff, valid until mid-2019): €0.50 + 3 × 20 kWh at €0.25 = €15.50.
    const max = priced(energyStartMaxPrice(), '2019-06-03T10:00:00Z', '2019-06-03T13:00:00Z', [
      { at: '2019-06-03T10:00:00Z', dims: { ENERGY: 20 } },
      { at: '2019-06-03T11:00:00Z', dims: { ENERGY: 20 } },
      { at: '2019-06-03T12:00:00Z', dims: { ENERGY: 20 } },
    ]);
    expect(max.cost.totalExclVat).toBe(10);
    expect(Array.from(max.periods.exclVatMicros)).toEqual([5_500_000, 4_500_000, 0]);
  });

  it('priceSession is unchanged by the per-period output (no extra note)', () => {
    const specs = [{ at: '2024-06-03T14:00:00Z', dims: { ENERGY: 4 } }];
    const plain = price(timeOfDay(), '2024-06-03T14:00:00Z', '2024-06-03T15:00:00Z', specs);
    expect(plain.notes.some((n) => n.startsWith('Cost per period'))).toBe(false);
  });
});

/**
 * The OCPI tariff examples (2.2.1/2.3.0 mod_tariffs), priced by the engine. Where the spec's own table
 * has an arithmetic slip or rounds to cents, the expectation is the hand computation and says so.
 */
import { describe, expect, it } from 'vitest';
import * as T from '../../fixtures/billing/tariffs';
import { price, rows } from './engine-helpers';

/** Minutes in hours, as the engine shows volumes (9 decimals). */
const min = (m: number): number => Number((m / 60).toFixed(9));
const H = 1 / 60;

describe('cost engine: the spec tariff examples', () => {
  it('€0.25/kWh, 10% VAT: 20 kWh cost €5.00 / €5.50', () => {
    const r = price(T.simpleEnergy(), '2024-06-03T10:00:00Z', '2024-06-03T11:00:00Z', [
      { at: '2024-06-03T10:00:00Z', dims: { ENERGY: 20 } },
    ]);
    expect([r.totalExclVat, r.totalInclVat]).toEqual([5, 5.5]);
    expect(rows(r)).toEqual({ 'ENERGY#0': [20, 5, 5.5] });
  });

  it('start fee + energy: €5.50 / €6.10', () => {
    const r = price(T.energyWithStart(), '2024-06-03T10:00:00Z', '2024-06-03T11:00:00Z', [
      { at: '2024-06-03T10:00:00Z', dims: { ENERGY: 20 } },
    ]);
    expect([r.totalExclVat, r.totalInclVat]).toEqual([5.5, 6.1]);
    expect(rows(r)['FLAT#0']).toEqual([1, 0.5, 0.6]);
  });

  it('minimum price: 20 kWh unaffected; 1 kWh lifted to €0.50 / €0.55 by its own row', () => {
    const at = [{ at: '2024-06-03T10:00:00Z', dims: { ENERGY: 20 } }];
    expect(price(T.energyMinPrice(), '2024-06-03T10:00:00Z', '2024-06-03T11:00:00Z', at).totalExclVat).toBe(
      5,
    );
    const r = price(T.energyMinPrice(), '2024-06-03T10:00:00Z', '2024-06-03T11:00:00Z', [
      { at: '2024-06-03T10:00:00Z', dims: { ENERGY: 1 } },
    ]);
    expect([r.totalExclVat, r.totalInclVat]).toEqual([0.5, 0.55]);
    expect(rows(r)['MIN_PRICE#-']).toEqual([1, 0.25, 0.275]);
  });

  it('energy + parking per 15 min + start: 40 min parking billed as 45: €7.00 / €7.90', () => {
    const r = price(T.energyParkingStart(), '2024-06-03T10:00:00Z', '2024-06-03T12:40:00Z', [
      { at: '2024-06-03T10:00:00Z', dims: { ENERGY: 20 } },
      { at: '2024-06-03T12:00:00Z', dims: { ENERGY: 0 } },
    ]);
    expect([r.totalExclVat, r.totalInclVat]).toEqual([7, 7.9]);
    expect(rows(r)['PARKING_TIME#2']).toEqual([0.75, 1.5, 1.8]);
  });

  it('max price (2.3.0 PriceLimit): 50 kWh capped at €10 / €11; 30 kWh €8.00 / €8.85', () => {
    const tariff = T.energyStartMaxPrice();
    const big = price(tariff, '2019-06-03T10:00:00Z', '2019-06-03T12:00:00Z', [
      { at: '2019-06-03T10:00:00Z', dims: { ENERGY: 50 } },
    ]);
    expect([big.totalExclVat, big.totalInclVat]).toEqual([10, 11]);
    expect(rows(big)['MAX_PRICE#-']).toEqual([1, -3, -3.35]);
    const small = price(tariff, '2019-06-03T10:00:00Z', '2019-06-03T12:00:00Z', [
      { at: '2019-06-03T10:00:00Z', dims: { ENERGY: 30 } },
    ]);
    expect([small.totalExclVat, small.totalInclVat]).toEqual([8, 8.85]);
  });

  it('€2/h charging time: 2.5 h cost €5.00 / €5.50; parking is not billed without PARKING_TIME', () => {
    const r = price(T.simpleTime(), '2024-06-03T10:00:00Z', '2024-06-03T13:00:00Z', [
      { at: '2024-06-03T10:00:00Z', dims: { ENERGY: 30 } },
      { at: '2024-06-03T12:30:00Z', dims: { ENERGY: 0 } },
    ]);
    expect([r.totalExclVat, r.totalInclVat]).toEqual([5, 5.5]);
  });

  it('€3/h + €5/h parking per 5 min: 150 + 42 min → €11.25 / €12.75', () => {
    const r = price(T.timeAndParking(), '2024-06-03T10:00:00Z', '2024-06-03T13:12:00Z', [
      { at: '2024-06-03T10:00:00Z', dims: { ENERGY: 30 } },
      { at: '2024-06-03T12:30:00Z', dims: { ENERGY: 0 } },
    ]);
    expect([r.totalExclVat, r.totalInclVat]).toEqual([11.25, 12.75]);
    expect(rows(r)['PARKING_TIME#0'][0]).toBe(0.75);
  });

  it('€1.90/h, 5.2% VAT: 2.5 h → €4.75 / €4.997 (the spec shows 5.00: rounded to cents)', () => {
    const r = price(T.altTextTime(), '2024-06-03T10:00:00Z', '2024-06-03T12:30:00Z', [
      { at: '2024-06-03T10:00:00Z', dims: { TIME: 2.5 } },
    ]);
    expect([r.totalExclVat, r.totalInclVat]).toEqual([4.75, 4.997]);
  });

  it('energy per 100 Wh: 20.45 kWh billed as 20.5 kWh (€5.125); total €5.625 / €6.2375 (spec: 5.63 / 6.24)', () => {
    const r = price(T.energyPer100Wh(), '2024-06-03T10:00:00Z', '2024-06-03T12:00:00Z', [
      { at: '2024-06-03T10:00:00Z', dims: { ENERGY: 20.45 } },
    ]);
    expect(rows(r)['ENERGY#1']).toEqual([20.5, 5.125, 5.6375]);
    expect([r.totalExclVat, r.totalInclVat]).toEqual([5.625, 6.2375]);
    expect(r.stepRoundingExclVat).toBe(0.0125);
  });

  it('complex, Monday 09:30 local, 165 min at 16 A + 42 min parking: €9.00 / €10.30', () => {
    // 2024-06-03 is a Monday; 09:30 CEST = 07:30Z.
    const r = price(T.complex(), '2024-06-03T07:30:00Z', '2024-06-03T10:57:00Z', [
      { at: '2024-06-03T07:30:00Z', dims: { ENERGY: 10, MAX_CURRENT: 16 } },
      { at: '2024-06-03T10:15:00Z', dims: { ENERGY: 0 } },
    ]);
    expect(rows(r)).toEqual({
      'FLAT#0': [1, 2.5, 2.875],
      'TIME#1': [2.75, 2.75, 3.3],
      'PARKING_TIME#4': [0.75, 3.75, 4.125],
    });
    expect([r.totalExclVat, r.totalInclVat]).toEqual([9, 10.3]);
  });

  it('complex, Saturday 13:30 local, 114 min at 43 A + 71 min parking: parking 75 min; charging time unrounded', () => {
    // The spec's table says 2.28 for 114 min at €1.25/h; 1.9 h × 1.25 = 2.375.
    const r = price(T.complex(), '2024-06-08T11:30:00Z', '2024-06-08T14:35:00Z', [
      { at: '2024-06-08T11:30:00Z', dims: { ENERGY: 10, MIN_CURRENT: 43, MAX_CURRENT: 43 } },
      { at: '2024-06-08T13:24:00Z', dims: { ENERGY: 0 } },
    ]);
    expect(rows(r)).toEqual({
      'FLAT#0': [1, 2.5, 2.875],
      'TIME#3': [1.9, 2.375, 2.85],
      'PARKING_TIME#5': [1.25, 7.5, 8.25],
    });
    expect([r.totalExclVat, r.totalInclVat]).toEqual([12.375, 13.975]);
  });

  it('step size when switching elements #1: 16:55 + 10 min charging + 2 min parking = €0.55', () => {
    const r = price(T.stepSizeSwitch(), '2024-06-03T14:55:00Z', '2024-06-03T15:07:00Z', [
      { at: '2024-06-03T14:55:00Z', dims: { ENERGY: 2 } },
      { at: '2024-06-03T15:05:00Z', dims: { ENERGY: 0 } },
    ]);
    expect(rows(r)).toEqual({
      'TIME#0': [min(5), 0.1, null],
      'TIME#1': [min(5), 0.2, null],
      'PARKING_TIME#1': [0.25, 0.25, null],
    });
    // 2.3.0 tax_included NO and no vat: taxes come on top at rates the tariff does not state.
    expect(r.totalInclVat).toBeNull();
    expect(r.totalExclVat).toBe(0.55);
    expect(r.notes.some((n) => n.includes('split'))).toBe(true);
  });

  it('step size when switching elements #2: 16:35 + 35 min charging → 25 min at €1.20 + 20 min at €2.40 = €1.30', () => {
    const r = price(T.stepSizeSwitch(), '2024-06-03T14:35:00Z', '2024-06-03T15:10:00Z', [
      { at: '2024-06-03T14:35:00Z', dims: { ENERGY: 7 } },
    ]);
    expect(rows(r)['TIME#0'][1]).toBe(0.5);
    expect(rows(r)['TIME#1']).toEqual([min(20), 0.8, null]);
    expect(r.totalExclVat).toBe(1.3);
  });

  it('max_power: 1 kWh at 6 kW, 40 kWh at 48 kW, 0.5 kWh at 4 kW → €20.30', () => {
    const r = price(T.maxPower(), '2024-06-03T10:00:00Z', '2024-06-03T11:07:30Z', [
      { at: '2024-06-03T10:00:00Z', dims: { ENERGY: 1 } },
      { at: '2024-06-03T10:10:00Z', dims: { ENERGY: 40 } },
      { at: '2024-06-03T11:00:00Z', dims: { ENERGY: 0.5 } },
    ]);
    expect(rows(r)).toEqual({ 'ENERGY#0': [1.5, 0.3, 0.3], 'ENERGY#2': [40, 20, 20] });
    expect(r.totalExclVat).toBe(20.3);
  });

  it('max_duration: 5 kWh in the free first 30 min, 1.2 kWh after → €0.30', () => {
    const r = price(T.maxDuration(), '2024-06-03T10:00:00Z', '2024-06-03T10:40:00Z', [
      { at: '2024-06-03T10:00:00Z', dims: { ENERGY: 5 } },
      { at: '2024-06-03T10:30:00Z', dims: { ENERGY: 1.2 } },
    ]);
    expect(r.totalExclVat).toBe(0.3);
  });

  it('reservation fee + time per 5 min: 13 min reserved, then 20 kWh → €8.75 / €10.00', () => {
    const r = price(T.reservationFee(), '2024-06-03T10:00:00Z', '2024-06-03T11:13:00Z', [
      { at: '2024-06-03T10:00:00Z', dims: { RESERVATION_TIME: 13 * H } },
      { at: '2024-06-03T10:13:00Z', dims: { ENERGY: 20, TIME: 1 } },
    ]);
    expect(rows(r)).toEqual({
      'R:FLAT#0': [1, 2, 2.4],
      'R:TIME#0': [0.25, 1.25, 1.5],
      'FLAT#1': [1, 0.5, 0.6],
      'ENERGY#1': [20, 5, 5.5],
    });
    expect([r.totalExclVat, r.totalInclVat]).toEqual([8.75, 10]);
  });

  it('reservation with expiry fee: used after 22 min → €6.50 / €7.30; expired after 60 min → €6.00 / €7.20', () => {
    const used = price(T.reservationExpireFee(), '2024-06-03T10:00:00Z', '2024-06-03T11:22:00Z', [
      { at: '2024-06-03T10:00:00Z', dims: { RESERVATION_TIME: 22 * H } },
      { at: '2024-06-03T10:22:00Z', dims: { ENERGY: 20, TIME: 1 } },
    ]);
    expect([used.totalExclVat, used.totalInclVat]).toEqual([6.5, 7.3]);
    const expired = price(T.reservationExpireFee(), '2024-06-03T10:00:00Z', '2024-06-03T11:00:00Z', [
      { at: '2024-06-03T10:00:00Z', dims: { RESERVATION_TIME: 1 } },
    ]);
    expect(rows(expired)).toEqual({ 'R:FLAT#0': [1, 4, 4.8], 'R:TIME#1': [1, 2, 2.4] });
  });

  it('2.3.0 North American taxes: excluded → C$5.00 and incl. unknown; included → C$5.25 and excl. unknown', () => {
    const period = [{ at: '2024-06-03T10:00:00Z', dims: { TIME: 2.5 } }];
    const excl = price(T.northAmerican(false), '2024-06-03T10:00:00Z', '2024-06-03T12:30:00Z', period);
    expect([excl.currency, excl.totalExclVat, excl.totalInclVat]).toEqual(['EUR', 5, null]);
    expect(excl.components[0].notes.join(' ')).toMatch(/incl\. VAT is unknown/);
    const incl = price(T.northAmerican(true), '2024-06-03T10:00:00Z', '2024-06-03T12:30:00Z', period);
    expect([incl.totalExclVat, incl.totalInclVat]).toEqual([null, 5.25]);
  });
});

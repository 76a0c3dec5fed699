/** Hand-computed cases for every restriction, every step size and the DST change days in Europe/Amsterdam. */
import { describe, expect, it } from 'vitest';
import { tariff, timeOfDay } from '../../fixtures/billing/tariffs';
import { price, rows } from './engine-helpers';

const energy = (p: number, restrictions?: Record<string, unknown>, step = 1) => ({
  price_components: [{ type: 'ENERGY', price: p, step_size: step }],
  ...(restrictions ? { restrictions } : {}),
});
const oneHour = (at: string, kwh: number) => [{ at, dims: { ENERGY: kwh } }];
const plusHours = (iso: string, h: number) => new Date(Date.parse(iso) + h * 3_600_000).toISOString();
/** One period of `kwh` from `at` lasting `h` hours. */
const session = (
  t: Record<string, unknown> | Record<string, unknown>[],
  at: string,
  h: number,
  kwh: number,
  zone = true,
) => price(t, at, plusHours(at, h), oneHour(at, kwh), zone);

describe('restrictions', () => {
  it('start_time/end_time: a period across 18:00 local is split pro rata (5 kWh at €0.30, 5 at €0.20)', () => {
    // 17:30–18:30 CEST = 15:30Z–16:30Z.
    const r = session(timeOfDay(), '2024-06-03T15:30:00Z', 1, 10);
    expect(rows(r)).toEqual({ 'ENERGY#0': [5, 1.5, 1.815], 'ENERGY#1': [5, 1, 1.21] });
    expect(r.components[0].notes.join(' ')).toMatch(/crossed a restriction boundary/);
  });

  it('without the Location time zone the same clock times are read in UTC, and the result says so', () => {
    const r = session(timeOfDay(), '2024-06-03T15:30:00Z', 1, 10, false);
    expect(rows(r)).toEqual({ 'ENERGY#0': [10, 3, 3.63] });
    expect(r.notes.join(' ')).toMatch(/time zone is unknown/);
  });

  it('end_time 00:00 is the end of the day; a wrapping window belongs to the day it starts (day_of_week)', () => {
    const t = tariff('wrap', [
      energy(0.25, {
        start_time: '20:00',
        end_time: '15:00',
        day_of_week: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'],
      }),
      energy(0.1),
    ]);
    // Monday 2024-06-03 08:01 CEST: Sunday's night window → not covered.
    expect(session(t, '2024-06-03T06:01:00Z', 0.1, 1).totalExclVat).toBe(0.1);
    // Saturday 2024-06-08 08:00 CEST: Friday's night window → covered.
    expect(session(t, '2024-06-08T06:00:00Z', 0.1, 1).totalExclVat).toBe(0.25);
    // Monday 21:00 CEST: Monday's window.
    expect(session(t, '2024-06-03T19:00:00Z', 0.1, 1).totalExclVat).toBe(0.25);
    const late = tariff('late', [energy(0.5, { start_time: '22:00', end_time: '00:00' }), energy(0.1)]);
    expect(session(late, '2024-06-03T21:30:00Z', 0.1, 1).totalExclVat).toBe(0.5); // 23:30 CEST
  });

  it('start_date inclusive, end_date exclusive, in local dates: a period across local midnight is split', () => {
    const t = tariff('dates', [
      energy(0.4, { start_date: '2024-06-01', end_date: '2024-06-02' }),
      energy(0.2),
    ]);
    // 2024-06-01 23:30 → 2024-06-02 00:30 CEST = 21:30Z → 22:30Z.
    const r = session(t, '2024-06-01T21:30:00Z', 1, 2);
    expect(rows(r)).toEqual({ 'ENERGY#0': [1, 0.4, 0.4], 'ENERGY#1': [1, 0.2, 0.2] });
    // 2024-05-31 23:00Z is already 2024-06-01 01:00 local.
    expect(session(t, '2024-05-31T23:00:00Z', 0.5, 1).totalExclVat).toBe(0.4);
  });

  it('min_kwh/max_kwh look at the energy consumed so far: 15 kWh in one period → 10 at €0.30 + 5 at €0.20', () => {
    const t = tariff('tiers', [energy(0.3, { max_kwh: 10 }), energy(0.2, { min_kwh: 10 })]);
    const r = session(t, '2024-06-03T10:00:00Z', 1, 15);
    expect(rows(r)).toEqual({ 'ENERGY#0': [10, 3, 3], 'ENERGY#1': [5, 1, 1] });
    const two = price(t, '2024-06-03T10:00:00Z', '2024-06-03T12:00:00Z', [
      { at: '2024-06-03T10:00:00Z', dims: { ENERGY: 10 } },
      { at: '2024-06-03T11:00:00Z', dims: { ENERGY: 2 } },
    ]);
    expect(rows(two)).toEqual({ 'ENERGY#0': [10, 3, 3], 'ENERGY#1': [2, 0.4, 0.4] });
  });

  it('min_current inclusive / max_current exclusive; a period without any current fails both', () => {
    const t = tariff('amps', [
      energy(0.5, { min_current: 32 }),
      energy(0.4, { max_current: 16 }),
      energy(0.3),
    ]);
    const at = '2024-06-03T10:00:00Z';
    const end = plusHours(at, 1);
    expect(price(t, at, end, [{ at, dims: { ENERGY: 1, CURRENT: 32 } }]).totalExclVat).toBe(0.5);
    expect(price(t, at, end, [{ at, dims: { ENERGY: 1, MAX_CURRENT: 15.9 } }]).totalExclVat).toBe(0.4);
    expect(price(t, at, end, [{ at, dims: { ENERGY: 1, MAX_CURRENT: 16 } }]).totalExclVat).toBe(0.3);
    const unknown = price(t, at, end, [{ at, dims: { ENERGY: 1 } }]);
    expect(unknown.totalExclVat).toBe(0.3);
    expect(unknown.notes.join(' ')).toMatch(/state no current/);
  });

  it('min_power inclusive / max_power exclusive, from POWER or the average over the charging time', () => {
    const t = tariff('kw', [energy(0.6, { min_power: 22 }), energy(0.3)]);
    const at = '2024-06-03T10:00:00Z';
    expect(session(t, at, 1, 22).totalExclVat).toBe(13.2); // 22 kW average
    expect(session(t, at, 1, 21.9).totalExclVat).toBe(6.57);
    const stated = price(t, at, plusHours(at, 1), [{ at, dims: { ENERGY: 10, POWER: 50 } }]);
    expect(stated.totalExclVat).toBe(6);
  });

  it('min_duration: a TIME fee that starts after 2 h, split at the threshold', () => {
    const t = tariff('idle', [
      { price_components: [{ type: 'TIME', price: 6, step_size: 60 }], restrictions: { min_duration: 7200 } },
    ]);
    const r = session(t, '2024-06-03T10:00:00Z', 2.5, 20);
    expect(rows(r)).toEqual({ 'TIME#0': [0.5, 3, 3] });
    expect(r.components[0].periods).toEqual([[0, 0]]);
  });

  it('day_of_week in local days: Sunday 01:30 local is still Saturday in UTC', () => {
    const t = tariff('weekend', [energy(0.5, { day_of_week: ['SUNDAY'] }), energy(0.2)]);
    expect(session(t, '2024-06-08T23:30:00Z', 0.5, 1).totalExclVat).toBe(0.5);
    expect(session(t, '2024-06-08T23:30:00Z', 0.5, 1, false).totalExclVat).toBe(0.2);
  });
});

describe('time volumes', () => {
  it('PARKING_TIME stated without TIME: the rest of a period with energy is charging time', () => {
    const t = tariff('tp', [
      {
        price_components: [
          { type: 'TIME', price: 2, step_size: 1 },
          { type: 'PARKING_TIME', price: 4, step_size: 1 },
        ],
      },
    ]);
    const r = price(t, '2024-06-03T10:00:00Z', '2024-06-03T11:00:00Z', [
      { at: '2024-06-03T10:00:00Z', dims: { ENERGY: 5, PARKING_TIME: 0.25 } },
    ]);
    expect(rows(r)).toEqual({ 'TIME#0': [0.75, 1.5, 1.5], 'PARKING_TIME#0': [0.25, 1, 1] });
  });

  it('a kWh boundary inside a period is met exactly (no float shortfall below min_kwh)', () => {
    const t = tariff('k', [energy(0.1, { max_kwh: 0.3 }), energy(0.5, { min_kwh: 0.3 })]);
    const r = price(t, '2024-06-03T10:00:00Z', '2024-06-03T10:30:00Z', [
      { at: '2024-06-03T10:00:00Z', dims: { ENERGY: 0.1 } },
      { at: '2024-06-03T10:10:00Z', dims: { ENERGY: 0.1 } },
      { at: '2024-06-03T10:20:00Z', dims: { ENERGY: 0.7 } },
    ]);
    expect(rows(r)).toEqual({ 'ENERGY#0': [0.3, 0.03, 0.03], 'ENERGY#1': [0.6, 0.3, 0.3] });
  });
});

describe('several tariffs', () => {
  it('without tariff_id: the tariff valid at each instant (split at the change), REGULAR before PROFILE_*', () => {
    const old = tariff('old', [energy(0.2)], { end_date_time: '2024-06-03T10:30:00Z' });
    const cheap = tariff('cheap', [energy(0.05)], {
      type: 'PROFILE_CHEAP',
      start_date_time: '2024-06-03T10:30:00Z',
    });
    const next = tariff('new', [energy(0.4)], { start_date_time: '2024-06-03T10:30:00Z' });
    const r = session([old, cheap, next], '2024-06-03T10:00:00Z', 1, 10);
    expect(r.components.map((c) => [c.tariffId, c.volume, c.costExclVat])).toEqual([
      ['old', 5, 1],
      ['new', 5, 2],
    ]);
  });
});

describe('step sizes', () => {
  it('ENERGY: 115.2 Wh is billed as 116 Wh at step 1, 125 Wh at 25, 500 Wh at 500 (the spec note)', () => {
    for (const [step, wh] of [
      [1, 116],
      [25, 125],
      [500, 500],
    ]) {
      const r = session(tariff('s', [energy(0.25, undefined, step)]), '2024-06-03T10:00:00Z', 0.1, 0.1152);
      expect(r.components[0].volume).toBe(wh / 1000);
      expect(r.totalExclVat).toBe((wh / 1000) * 0.25);
    }
  });

  it('ENERGY: the session total is rounded once, by the last component used (4.3 + 1.1 kWh → 5.5 kWh)', () => {
    const t = tariff('e', [
      energy(0.2, { end_time: '17:00' }, 500),
      energy(0.27, { start_time: '17:00' }, 500),
    ]);
    const r = price(t, '2024-06-03T14:00:00Z', '2024-06-03T16:00:00Z', [
      { at: '2024-06-03T14:00:00Z', dims: { ENERGY: 4.3 } },
      { at: '2024-06-03T15:00:00Z', dims: { ENERGY: 1.1 } },
    ]);
    expect(rows(r)).toEqual({ 'ENERGY#0': [4.3, 0.86, 0.86], 'ENERGY#1': [1.2, 0.324, 0.324] });
  });

  it('TIME: 6 + 22 minutes across two elements round to 30 in total: 24 minutes after 17:00', () => {
    const time = (p: number, r: Record<string, unknown>) => ({
      price_components: [{ type: 'TIME', price: p, step_size: 600 }],
      restrictions: r,
    });
    const t = tariff('t', [time(5, { end_time: '17:00' }), time(7, { start_time: '17:00' })]);
    const r = session(t, '2024-06-03T14:54:00Z', 28 / 60, 5);
    expect(rows(r)['TIME#0'][1]).toBe(0.5);
    expect(rows(r)['TIME#1']).toEqual([0.4, 2.8, 2.8]);
  });

  it('TIME and PARKING_TIME: only the parking total is rounded (21 min charging stays 21, 16 min parking → 20)', () => {
    const t = tariff('tp', [
      {
        price_components: [
          { type: 'TIME', price: 1, step_size: 600 },
          { type: 'PARKING_TIME', price: 2, step_size: 600 },
        ],
      },
    ]);
    const r = price(t, '2024-06-03T10:00:00Z', '2024-06-03T10:37:00Z', [
      { at: '2024-06-03T10:00:00Z', dims: { ENERGY: 5 } },
      { at: '2024-06-03T10:21:00Z', dims: { ENERGY: 0 } },
    ]);
    expect(rows(r)['TIME#0'][0]).toBe(0.35);
    expect(rows(r)['PARKING_TIME#0'][0]).toBe(Number((20 / 60).toFixed(9)));
    expect(r.components.find((c) => c.type === 'PARKING_TIME')!.notes[0]).toMatch(/step_size 600 s/);
  });

  it('the CDR example: 1.973 h at €2/h per 5 min is billed as 2 h: €4.00 / €4.40', () => {
    const t = tariff('12', [{ price_components: [{ type: 'TIME', price: 2, vat: 10, step_size: 300 }] }]);
    const r = price(t, '2015-06-29T21:39:09Z', '2015-06-29T23:37:32Z', [
      { at: '2015-06-29T21:39:09Z', dims: { TIME: 1.973 } },
    ]);
    expect([r.totalExclVat, r.totalInclVat]).toEqual([4, 4.4]);
  });

  it('sums of many small volumes do not drift: 0.1 kWh × 3 is 300 Wh, not 301', () => {
    const r = price(tariff('d', [energy(1)]), '2024-06-03T10:00:00Z', '2024-06-03T10:03:00Z', [
      { at: '2024-06-03T10:00:00Z', dims: { ENERGY: 0.1 } },
      { at: '2024-06-03T10:01:00Z', dims: { ENERGY: 0.1 } },
      { at: '2024-06-03T10:02:00Z', dims: { ENERGY: 0.1 } },
    ]);
    expect(r.totalExclVat).toBe(0.3);
  });
});

describe('DST change days in Europe/Amsterdam', () => {
  const window = (from: string, to: string) =>
    tariff('dst', [energy(0.4, { start_time: from, end_time: to }), energy(0.2)]);

  it('last Sunday of March (2024-03-31): 08:30 local is 06:30Z (CEST), not 07:30Z', () => {
    expect(session(timeOfDay(), '2024-03-31T06:30:00Z', 1, 10).totalExclVat).toBe(3);
    // The day before, still CET: 07:30Z is 08:30 local.
    expect(session(timeOfDay(), '2024-03-30T07:30:00Z', 1, 10).totalExclVat).toBe(3);
  });

  it('last Sunday of March: the hour 03:00–04:00 local starts at 01:00Z, right at the change; split there', () => {
    // 00:00Z–02:00Z is 01:00 CET → 04:00 CEST: one hour at €0.20, one at €0.40.
    const r = session(window('03:00', '04:00'), '2024-03-31T00:00:00Z', 2, 20);
    expect(rows(r)).toEqual({ 'ENERGY#0': [10, 4, 4], 'ENERGY#1': [10, 2, 2] });
  });

  it('last Sunday of October (2024-10-27): 02:00–03:00 local happens twice, both hours are in the window', () => {
    // 00:00Z = 02:00 CEST, 01:00Z = 02:00 CET, 02:00Z = 03:00 CET.
    const r = session(window('02:00', '03:00'), '2024-10-27T00:00:00Z', 2, 20);
    expect(rows(r)).toEqual({ 'ENERGY#0': [20, 8, 8] });
    // 23:00Z the day before is 01:00 CEST: outside.
    expect(session(window('02:00', '03:00'), '2024-10-26T23:00:00Z', 1, 10).totalExclVat).toBe(2);
  });

  it('last Sunday of October: a 25-hour local day keeps days of week right (Sunday ends at 23:00Z)', () => {
    const t = tariff('sun', [energy(0.5, { day_of_week: ['SUNDAY'] }), energy(0.2)]);
    // 2024-10-27 22:30Z = 23:30 CET Sunday; 23:30Z = 00:30 Monday.
    const r = session(t, '2024-10-27T22:30:00Z', 1, 2);
    expect(rows(r)).toEqual({ 'ENERGY#0': [1, 0.5, 0.5], 'ENERGY#1': [1, 0.2, 0.2] });
  });
});

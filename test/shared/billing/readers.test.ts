import { describe, expect, it } from 'vitest';
import { looksLikeCdr, readCdr } from '../../../shared/billing/read-cdr';
import { readTariffs } from '../../../shared/billing/read-tariff';
import { agreeingCdr, agreeingSession, amsterdamLocation, cdr211, cdr230 } from '../../fixtures/billing/cdrs';
import {
  complex,
  energyMinPrice,
  energyStartMaxPrice,
  northAmerican,
  tariff,
  timeOfDay,
} from '../../fixtures/billing/tariffs';

const ok = <T extends { ok: boolean }>(r: T): Extract<T, { ok: true }> => {
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r as Extract<T, { ok: true }>;
};

describe('CDR reader', () => {
  it('reads a 2.2.1 CDR field by field: ids, token, CdrLocation, tariffs, periods, totals', () => {
    const { cdr, warnings } = ok(
      readCdr(
        agreeingCdr([timeOfDay()], {
          signed_data: { encoding_method: 'x' },
          remark: 'EV full',
          credit: false,
        }),
      ),
    );
    expect(warnings).toEqual([]);
    expect(cdr).toMatchObject({
      version: 'ocpi-2.2.1',
      id: 'CDR-1',
      sessionId: 'SESSION-1',
      auth: { method: 'WHITELIST', id: 'TOKEN-1', tokenType: 'RFID', contractId: 'NL-TST-C00001-X' },
      evseUid: 'EVSE-1',
      evseId: 'NL*TST*E1',
      connectorId: '1',
      currency: 'EUR',
      totalEnergy: 10,
      totalTime: 1.25,
      totalParkingTime: 0.25,
      totalCost: { shape: 'excl_incl', exclVat: 4, inclVat: 4.84 },
      totalEnergyCost: { exclVat: 2.5, inclVat: 3.025 },
      totalFixedCost: null,
      signedData: true,
      credit: false,
      remark: 'EV full',
    });
    expect(cdr.location?.name).toBe('Test site');
    expect(cdr.location?.timeZone).toBeNull();
    expect(cdr.tariffs.map((t) => t.id)).toEqual(['tod']);
    expect(cdr.periods.count).toBe(3);
    expect(Array.from(cdr.periods.end)).toEqual([
      Date.parse('2024-06-03T16:00:00Z'),
      Date.parse('2024-06-03T16:30:00Z'),
      Date.parse('2024-06-03T16:45:00Z'),
    ]);
  });

  it('takes the time zone from a separately given Location (bare or in its envelope)', () => {
    expect(ok(readCdr(agreeingCdr(), { location: amsterdamLocation() })).cdr.location?.timeZone).toBe(
      'Europe/Amsterdam',
    );
    const enveloped = { status_code: 1000, data: amsterdamLocation() };
    expect(ok(readCdr(agreeingCdr(), { location: enveloped })).cdr.location?.timeZone).toBe(
      'Europe/Amsterdam',
    );
    const broken = ok(readCdr(agreeingCdr(), { location: '{' }));
    expect(broken.warnings.map((w) => w.path)).toContain('location');
  });

  it('reads 2.1.1 (stop_date_time, auth_id, embedded Location, total_cost excl. VAT) from a list envelope', () => {
    const { cdr } = ok(readCdr(cdr211([timeOfDay()])));
    expect(cdr).toMatchObject({
      version: 'ocpi-2.1.1',
      id: 'CDR-211',
      sessionId: null,
      endedAt: Date.parse('2024-06-03T16:45:00Z'),
      auth: { id: 'AUTH-1' },
      evseUid: 'EVSE-1',
      connectorId: '1',
      totalCost: { shape: 'number', exclVat: 4, inclVat: null },
    });
    expect(cdr.location?.timeZone).toBe('Europe/Amsterdam');
  });

  it('reads 2.3.0 prices (before_taxes + taxes) and the tariffs inside as 2.3.0', () => {
    const { cdr, warnings } = ok(readCdr(cdr230([timeOfDay()])));
    expect(cdr.version).toBe('ocpi-2.3.0');
    expect(cdr.totalCost).toMatchObject({ shape: 'before_taxes', exclVat: 4, inclVat: 4.84 });
    expect(cdr.tariffs[0].version).toBe('ocpi-2.3.0');
    expect(warnings).toEqual([
      { path: 'tariffs[0].tax_included', message: 'OCPI 2.3.0 requires tax_included; read as NO' },
    ]);
  });

  it('warns at JSON paths and keeps what it can', () => {
    const raw = agreeingCdr([{ ...timeOfDay(), elements: 'nope' }], {
      total_energy: '10.0',
      credit: 'yes',
      end_date_time: 'soon',
    });
    const { cdr, warnings } = ok(readCdr({ status_code: 1000, data: raw }));
    expect(cdr.totalEnergy).toBe(10);
    expect(cdr.endedAt).toBeNull();
    const paths = warnings.map((w) => w.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'data.total_energy',
        'data.credit',
        'data.end_date_time',
        'data.tariffs[0].elements',
      ]),
    );
  });

  it('tells a CDR from a session, and refuses what is neither', () => {
    expect(looksLikeCdr(agreeingCdr())).toBe(true);
    expect(looksLikeCdr(agreeingSession().data as Record<string, unknown>)).toBe(false);
    expect(readCdr(agreeingSession())).toMatchObject({ ok: false, error: { kind: 'not-a-session' } });
    expect(readCdr({ status_code: 2003, status_message: 'Unknown CDR' })).toMatchObject({
      ok: false,
      error: { kind: 'envelope-status' },
    });
    expect(readCdr('[1')).toMatchObject({ ok: false, error: { kind: 'not-json' } });
  });
});

describe('Tariff reader', () => {
  it('reads elements, components (price, vat, step_size) and every restriction', () => {
    const { tariffs, warnings } = ok(
      readTariffs(
        tariff('all', [
          {
            price_components: [{ type: 'ENERGY', price: 0.3, vat: 21, step_size: 100 }],
            restrictions: {
              start_time: '08:00',
              end_time: '18:30',
              start_date: '2024-06-01',
              end_date: '2024-07-01',
              min_kwh: 1,
              max_kwh: 50,
              min_current: 6,
              max_current: 32,
              min_power: 3.7,
              max_power: 22,
              min_duration: 600,
              max_duration: 7200,
              day_of_week: ['MONDAY', 'SUNDAY'],
              reservation: 'RESERVATION_EXPIRES',
            },
          },
        ]),
      ),
    );
    expect(warnings).toEqual([]);
    expect(tariffs[0].elements[0]).toEqual({
      components: [{ type: 'ENERGY', price: 0.3, vat: 21, stepSize: 100 }],
      restrictions: {
        startTime: 480,
        endTime: 1110,
        startDate: Date.UTC(2024, 5, 1) / 86_400_000,
        endDate: Date.UTC(2024, 6, 1) / 86_400_000,
        minKwh: 1,
        maxKwh: 50,
        minCurrent: 6,
        maxCurrent: 32,
        minPower: 3.7,
        maxPower: 22,
        minDuration: 600,
        maxDuration: 7200,
        dayOfWeek: [0, 6],
        reservation: 'RESERVATION_EXPIRES',
      },
    });
  });

  it('detects the version and reads price limits in the 2.2.1 and 2.3.0 shapes, and tax_included', () => {
    const v22 = ok(readTariffs(energyMinPrice())).tariffs[0];
    expect([v22.version, v22.minPrice, v22.taxIncluded]).toEqual([
      'ocpi-2.2.1',
      { exclVat: 0.5, inclVat: 0.55 },
      null,
    ]);
    const v23 = ok(readTariffs(energyStartMaxPrice())).tariffs[0];
    expect([v23.version, v23.maxPrice, v23.taxIncluded]).toEqual([
      'ocpi-2.3.0',
      { exclVat: 10, inclVat: 11 },
      'NO',
    ]);
    expect(v23.endDateTime).toBe(Date.parse('2019-06-30T23:59:59Z'));
    expect(ok(readTariffs(northAmerican(true))).tariffs[0].taxIncluded).toBe('YES');
    const v211 = ok(
      readTariffs({
        id: '1',
        currency: 'EUR',
        elements: [{ price_components: [{ type: 'TIME', price: 2, step_size: 60 }] }],
      }),
    );
    expect(v211.tariffs[0].version).toBe('ocpi-2.1.1');
  });

  it('reads a list, an envelope holding a list, and an envelope holding one tariff', () => {
    expect(ok(readTariffs([timeOfDay(), complex()])).tariffs.map((t) => t.id)).toEqual(['tod', '14']);
    const listed = ok(readTariffs({ status_code: 1000, data: [timeOfDay(), complex()] }));
    expect(listed.tariffs).toHaveLength(2);
    expect(listed.warnings).toEqual([]);
    expect(ok(readTariffs({ status_code: 1000, data: timeOfDay() })).tariffs[0].id).toBe('tod');
  });

  it('warns at JSON paths: bad times, dates, days, steps, types; a single object for a list', () => {
    const { tariffs, warnings } = ok(
      readTariffs(
        tariff('odd', [
          {
            price_components: { type: 'ENERGY', price: '0.25', step_size: 0 },
            restrictions: {
              start_time: '8:00',
              end_time: '24:00',
              start_date: '2024-02-30',
              day_of_week: ['MON'],
              dayOfWeek: ['MONDAY'],
            },
          },
          {
            price_components: [
              { type: 'KWH', price: 1, step_size: 1 },
              { type: 'TIME', step_size: 1 },
            ],
          },
        ]),
      ),
    );
    const el = tariffs[0].elements[0];
    expect(el.components).toEqual([{ type: 'ENERGY', price: 0.25, vat: null, stepSize: 1 }]);
    expect(el.restrictions).toMatchObject({ startTime: 480, endTime: 0, startDate: null, dayOfWeek: [] });
    expect(tariffs[0].elements[1].components).toEqual([]);
    expect(warnings.map((w) => w.path)).toEqual([
      'elements[0].price_components',
      'elements[0].price_components[0].price',
      'elements[0].price_components[0].step_size',
      'elements[0].restrictions.day_of_week',
      'elements[0].restrictions.dayOfWeek',
      'elements[0].restrictions.start_time',
      'elements[0].restrictions.end_time',
      'elements[0].restrictions.start_date',
      'elements[1].price_components[0].type',
      'elements[1].price_components[1].price',
      'elements[1].price_components',
    ]);
  });

  it('refuses input with no tariff in it', () => {
    expect(readTariffs({ id: 'x' })).toMatchObject({ ok: false });
    expect(readTariffs('nope')).toMatchObject({ ok: false, error: { kind: 'not-json' } });
    expect(readTariffs({ status_code: 3000, status_message: 'down' })).toMatchObject({
      ok: false,
      error: { kind: 'envelope-status' },
    });
  });
});

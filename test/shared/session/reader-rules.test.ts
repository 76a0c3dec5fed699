/** The reader rules for what real servers send (issue 10 §2–§3), each shown firing and not firing. */
import { describe, expect, it } from 'vitest';
import { readSession, type ReadOptions } from '../../../shared/session/read-session';
import { summarize } from '../../../shared/session/summary';
import { periodsToCsv } from '../../../shared/export/csv';
import type { CheckCode, ReadFailure, ReadSuccess } from '../../../shared/session/types';
import { ocpi211Session, ocpi230Session } from '../../fixtures/sessions';

type Json = Record<string, unknown>;

function ok(input: unknown, options?: ReadOptions): ReadSuccess {
  const result = readSession(input, options);
  if (!result.ok) throw new Error(`expected a session, got ${result.error.kind}: ${result.error.message}`);
  return result;
}

function failed(input: unknown): ReadFailure['error'] {
  const result = readSession(input);
  if (result.ok) throw new Error('expected a typed error');
  return result.error;
}

const codes = (r: ReadSuccess): CheckCode[] => r.checks.map((c) => c.code);
const check = (r: ReadSuccess, code: CheckCode) => r.checks.find((c) => c.code === code);
const warned = (r: ReadSuccess, text: string): string[] =>
  r.warnings.filter((w) => w.message.includes(text)).map((w) => w.path);

/** A 2.3.0 session (start 06:00, end 06:20, connector-less) with the given periods and fields. */
const session = (overrides: Json): Json => ocpi230Session(overrides);

const period = (start: string, dims: Json[]): Json => ({ start_date_time: start, dimensions: dims });

/** A 2.1.1 session through one 230 V × 16 A single-phase connector (3.68 kW). */
const through3kW = (overrides: Json): Json => {
  const base = ocpi211Session();
  const location = base.location as { evses: { connectors: Json[] }[] };
  location.evses[0].connectors[0].power_type = 'AC_1_PHASE';
  return { ...base, ...overrides };
};

describe('lower-case enum values', () => {
  it('reads a lower-case dimension type, status and auth method as their upper-case meaning, with a warning', () => {
    const r = ok(
      session({
        status: 'completed',
        auth_method: 'auth_request',
        charging_periods: [
          period('2025-06-01T06:00:00Z', [{ type: 'energy', volume: 1 }]),
          period('2025-06-01T06:10:00Z', [{ type: 'ENERGY', volume: 1 }]),
        ],
      }),
    );
    expect(r.session.status).toBe('COMPLETED');
    expect(r.session.auth.method).toBe('AUTH_REQUEST');
    expect(r.session.periods.dimensionTypes).toEqual(['ENERGY']);
    expect(Array.from(r.session.periods.energyKwh)).toEqual([1, 1]);
    expect(warned(r, 'is not upper-case')).toEqual([
      'status',
      'charging_periods[0].dimensions[0].type',
      'auth_method',
    ]);
    expect(codes(r)).not.toContain('UNKNOWN_STATUS');
  });

  it('leaves upper-case values and unknown words alone', () => {
    const r = ok(session({ status: 'COMPLETE' }));
    expect(warned(r, 'is not upper-case')).toEqual([]);
    expect(r.session.status).toBe('COMPLETE');
    expect(codes(r)).toContain('UNKNOWN_STATUS');
  });
});

describe('dimensions as an object keyed by type', () => {
  it('reads plain volumes and whole dimension objects, with one warning', () => {
    const r = ok(
      session({
        charging_periods: [
          { start_date_time: '2025-06-01T06:00:00Z', dimensions: { ENERGY: 1, FLAT: 2 } },
          {
            start_date_time: '2025-06-01T06:10:00Z',
            dimensions: { ENERGY: { type: 'ENERGY', volume: 1 }, TIME: { volume: 0.1 } },
          },
        ],
      }),
    );
    const p = r.session.periods;
    expect(p.dimensionTypes).toEqual(['ENERGY', 'FLAT', 'TIME']);
    expect(Array.from(p.energyKwh)).toEqual([1, 1]);
    expect(p.dimensions.get('TIME')?.[1]).toBe(0.1);
    expect(warned(r, 'dimensions sent as an object')).toEqual(['charging_periods[0].dimensions']);
    expect(codes(r)).not.toContain('ENERGY_MISMATCH');
  });

  it('does not warn about a list', () => {
    expect(warned(ok(session({})), 'dimensions sent as an object')).toEqual([]);
  });
});

describe('date-times', () => {
  it('reads {"$date": …} objects (text or epoch ms) in the session and its periods, with a warning', () => {
    const r = ok(
      session({
        start_date_time: { $date: '2025-06-01T06:00:00Z' },
        end_date_time: { $date: { $numberLong: String(Date.parse('2025-06-01T06:20:00Z')) } },
        charging_periods: [
          { start_date_time: { $date: '2025-06-01T06:00:00Z' }, dimensions: [{ type: 'ENERGY', volume: 1 }] },
          period('2025-06-01T06:10:00Z', [{ type: 'ENERGY', volume: 1 }]),
        ],
      }),
    );
    expect(r.session.startedAt).toBe(Date.parse('2025-06-01T06:00:00Z'));
    expect(r.session.endedAt).toBe(Date.parse('2025-06-01T06:20:00Z'));
    expect(r.session.periods.start[0]).toBe(Date.parse('2025-06-01T06:00:00Z'));
    expect(warned(r, '{"$date": …} object')).toEqual([
      'start_date_time',
      'end_date_time',
      'charging_periods[0].start_date_time',
    ]);
  });

  it('reads a space instead of T with a warning, and says nothing of a T', () => {
    const spaced = ok(
      session({
        start_date_time: '2025-06-01 06:00:00+00:00',
        charging_periods: [period('2025-06-01 06:00:00Z', [{ type: 'ENERGY', volume: 2 }])],
      }),
    );
    expect(spaced.session.startedAt).toBe(Date.parse('2025-06-01T06:00:00Z'));
    expect(warned(spaced, 'a space instead of "T"')).toEqual([
      'start_date_time',
      'charging_periods[0].start_date_time',
    ]);
    expect(warned(ok(session({})), 'a space instead')).toEqual([]);
  });

  it('warns about a start under another name (read) or missing, and says nothing of start_date_time', () => {
    const { start_date_time: start, ...rest } = session({});
    const renamed = ok({ ...rest, startDateTime: start });
    expect(renamed.session.startedAt).toBe(Date.parse(String(start)));
    expect(warned(renamed, 'the start is named "startDateTime"')).toEqual(['startDateTime']);
    const unreadable = ok({ ...rest, startDateTime: 'soon' });
    expect(unreadable.session.startedAt).toBeNull();
    expect(warned(unreadable, 'is unreadable; the session has no start time')).toEqual(['startDateTime']);
    const missing = ok(rest);
    expect(missing.session.startedAt).toBeNull();
    expect(warned(missing, 'the session has no start time')).toEqual(['start_date_time']);
    expect(warned(ok(session({})), 'start')).toEqual([]);
  });

  it('flags last_updated before the start, and not after it', () => {
    const r = ok(session({ last_updated: '2025-05-31T06:00:00Z' }));
    expect(check(r, 'UPDATED_BEFORE_START')?.severity).toBe('warning');
    expect(codes(ok(session({})))).not.toContain('UPDATED_BEFORE_START');
    expect(codes(r)).not.toContain('UPDATED_BEFORE_END');
  });

  it('flags last_updated before the end, and not at it', () => {
    const r = ok(session({ last_updated: '2025-06-01T06:19:00Z' }));
    expect(check(r, 'UPDATED_BEFORE_END')?.severity).toBe('warning');
    expect(codes(ok(session({})))).not.toContain('UPDATED_BEFORE_END');
  });
});

describe('OCPI 2.0 singular evse', () => {
  it('reads a location.evse object as the list of one EVSE, with a warning', () => {
    const base = ocpi211Session();
    const location = base.location as Json & { evses: unknown[] };
    const { evses, ...rest } = location;
    const r = ok({ ...base, location: { ...rest, evse: evses[0] } });
    expect(r.session.location?.evses.map((e) => e.uid)).toEqual(['E-1']);
    expect(r.session.connector?.id).toBe('1');
    expect(warned(r, 'a single "evse" object')).toEqual(['location.evse']);
    expect(warned(ok(ocpi211Session()), 'a single "evse"')).toEqual([]);
  });
});

describe('the written decimals of kwh', () => {
  const volumes = (a: number, b: number): Json[] => [
    period('2025-06-01T06:00:00Z', [{ type: 'ENERGY', volume: a }]),
    period('2025-06-01T06:10:00Z', [{ type: 'ENERGY', volume: b }]),
  ];

  it('"41.00" as text has two decimals: 41.3 kWh in the periods is a mismatch', () => {
    const r = ok(session({ kwh: '41.00', charging_periods: volumes(20.65, 20.65) }));
    expect(check(r, 'ENERGY_MISMATCH')?.message).toMatch(/explains at most 0\.015\)/);
  });

  it('41.00 as a number in the JSON text counts its decimals too; a bare 41 allows ±0.5', () => {
    const text = JSON.stringify(session({ kwh: 41.5, charging_periods: volumes(20.65, 20.65) })).replace(
      '"kwh":41.5',
      '"kwh":41.00',
    );
    expect(codes(ok(text))).toContain('ENERGY_MISMATCH');
    expect(codes(ok(JSON.parse(text)))).not.toContain('ENERGY_MISMATCH');
    expect(codes(ok(JSON.parse(text), { text }))).toContain('ENERGY_MISMATCH');
  });

  it('"0.00" on an active session with 0.3 kWh in its periods is a mismatch; a bare 0 is within ±0.5', () => {
    const active = { status: 'ACTIVE', end_date_time: null, charging_periods: volumes(0.15, 0.15) };
    expect(codes(ok(session({ ...active, kwh: '0.00' })))).toContain('ENERGY_MISMATCH');
    expect(codes(ok(session({ ...active, kwh: 0 })))).not.toContain('ENERGY_MISMATCH');
  });
});

describe('Wh sent as kWh', () => {
  /** The released 2.1.1 example's shape: ENERGY 120 in 105 s (4114 kW as kWh), then "energy" 41000. */
  const specLike = (overrides: Json = {}): Json =>
    ocpi211Session({
      start_datetime: '2015-06-29T22:39:09Z',
      end_datetime: '2015-06-29T23:50:16Z',
      kwh: 41.0,
      charging_periods: [
        {
          start_date_time: '2015-06-29T22:39:09Z',
          dimensions: [
            { type: 'ENERGY', volume: 120 },
            { type: 'MAX_CURRENT', volume: 30 },
          ],
        },
        { start_date_time: '2015-06-29T22:40:54Z', dimensions: [{ type: 'energy', volume: 41000 }] },
        { start_date_time: '2015-06-29T23:07:09Z', dimensions: [{ type: 'PARKING_TIME', volume: 0.718 }] },
      ],
      last_updated: '2015-06-29T23:09:10Z',
      ...overrides,
    });

  it('reads the volumes as Wh by default: ÷ 1000 in the table, the power and the CSV, and says so', () => {
    const r = ok(specLike());
    expect(codes(r)).toContain('ENERGY_UNIT_SUSPECT');
    expect(codes(r)).not.toContain('ENERGY_MISMATCH');
    expect(codes(r)).not.toContain('POWER_ABOVE_CONNECTOR_MAX');
    expect(r.session.volumeUnit).toBe('Wh');
    expect(r.session.whSuspected).toBe(true);
    const p = r.session.periods;
    expect(Array.from(p.energyKwh.subarray(0, 2))).toEqual([0.12, 41]);
    expect(p.powerKw[0]).toBeCloseTo(4.114, 3);
    expect(p.cumulativeKwh[2]).toBeCloseTo(41.12, 9);
    expect(r.session.energyRounding.sum).toBeCloseTo(41.12, 9);
    expect(check(r, 'ENERGY_UNIT_SUSPECT')?.message).toMatch(/read as Wh/);
    const csv = periodsToCsv(r.session).split('\r\n');
    expect(csv[1]).toContain(',0.12,');
    expect(summarize(r).volumeUnit).toBe('Wh');
  });

  it('keeps them as sent on request, with the same error', () => {
    const r = ok(specLike(), { volumes: 'as-sent' });
    expect(r.session.volumeUnit).toBe('kWh');
    expect(r.session.whSuspected).toBe(true);
    expect(Array.from(r.session.periods.energyKwh.subarray(0, 2))).toEqual([120, 41000]);
    expect(check(r, 'ENERGY_UNIT_SUSPECT')?.message).toMatch(/Shown as sent/);
  });

  it('takes an impossible power as the tell when kwh cannot vouch for the volumes', () => {
    const r = ok(specLike({ kwh: null }));
    const unit = check(r, 'ENERGY_UNIT_SUSPECT');
    expect(unit?.message).toMatch(/implies up to 93714 kW, above 1000 kW/);
    expect(unit?.periods).toEqual([0, 1]);
    expect(codes(r)).not.toContain('POWER_ABOVE_CONNECTOR_MAX');
  });

  it('takes power far above the connector maximum (100×) as the tell, below 1000 kW too', () => {
    const periods = [
      period('2023-01-10T08:00:00Z', [{ type: 'ENERGY', volume: 200 }]),
      period('2023-01-10T08:30:00Z', [{ type: 'ENERGY', volume: 200 }]),
    ];
    const r = ok(through3kW({ kwh: null, charging_periods: periods }));
    expect(check(r, 'ENERGY_UNIT_SUSPECT')?.message).toMatch(/100× the connector's maximum \(368 kW\)/);
    expect(r.session.volumeUnit).toBe('Wh');
  });

  it('calls 20 kW through a 3.68 kW connector too much power, not Wh', () => {
    const periods = [
      period('2023-01-10T08:00:00Z', [{ type: 'ENERGY', volume: 10 }]),
      period('2023-01-10T08:30:00Z', [{ type: 'ENERGY', volume: 10 }]),
    ];
    const r = ok(through3kW({ kwh: null, charging_periods: periods }));
    expect(codes(r)).toEqual(['POWER_ABOVE_CONNECTOR_MAX']);
    expect(r.session.volumeUnit).toBe('kWh');
  });

  it('does not suspect Wh when kwh agrees with the periods', () => {
    const r = ok(ocpi211Session());
    expect(r.session.volumeUnit).toBe('kWh');
    expect(r.session.whSuspected).toBe(false);
    expect(codes(r)).not.toContain('ENERGY_UNIT_SUSPECT');
  });

  it('zero kWh on a COMPLETED session with energy in its periods is a mismatch saying so, besides the unit error', () => {
    const r = ok(specLike({ kwh: 0 }));
    expect(codes(r)).toEqual(expect.arrayContaining(['ENERGY_UNIT_SUSPECT', 'ENERGY_MISMATCH']));
    expect(check(r, 'ENERGY_MISMATCH')?.message).toMatch(
      /reports 0 kWh although it is COMPLETED, but its periods hold 41\.12 kWh \(read as Wh\)/,
    );
    const active = ok(specLike({ kwh: 0, status: 'ACTIVE', end_datetime: null }));
    expect(codes(active)).toContain('ENERGY_UNIT_SUSPECT');
    expect(codes(active)).not.toContain('ENERGY_MISMATCH');
  });
});

describe('power and duration', () => {
  it('a POWER dimension feeds maxPowerKw when there is no energy', () => {
    const r = ok(
      session({
        kwh: 1,
        charging_periods: [period('2025-06-01T06:00:00Z', [{ type: 'POWER', volume: 10 }])],
      }),
    );
    expect(summarize(r).maxPowerKw).toBe(10);
    expect(summarize(ok(session({}))).maxPowerKw).toBe(6);
  });

  it('with no periods, kwh over the duration is checked against the connector: 1000 kWh in 2 h through 11 kW fires', () => {
    const hours = {
      start_datetime: '2023-01-10T08:00:00Z',
      end_datetime: '2023-01-10T10:00:00Z',
      charging_periods: [],
    };
    const r = ok(ocpi211Session({ ...hours, kwh: 1000 }));
    expect(check(r, 'POWER_ABOVE_CONNECTOR_MAX')?.message).toMatch(
      /1000 kWh in 2 h average 500 kW, above the connector's maximum of 11\.04 kW/,
    );
    expect(codes(ok(ocpi211Session({ ...hours, kwh: 20 })))).not.toContain('POWER_ABOVE_CONNECTOR_MAX');
  });

  it('energy with zero duration is an error; one second, or no energy, is not', () => {
    const instant = { end_date_time: '2025-06-01T06:00:00Z', charging_periods: [] };
    expect(check(ok(session({ ...instant, kwh: 15.123 })), 'ENERGY_WITHOUT_DURATION')?.severity).toBe(
      'error',
    );
    expect(codes(ok(session({ ...instant, kwh: 0 })))).not.toContain('ENERGY_WITHOUT_DURATION');
    const second = { end_date_time: '2025-06-01T06:00:01Z', charging_periods: [], kwh: 0.001 };
    expect(codes(ok(session(second)))).not.toContain('ENERGY_WITHOUT_DURATION');
  });
});

describe('negative volumes', () => {
  it('negative ENERGY, POWER or CURRENT is a warning that OCPI 2.2.1 allows it', () => {
    const r = ok(
      session({
        kwh: 0,
        charging_periods: [
          period('2025-06-01T06:00:00Z', [{ type: 'ENERGY', volume: 1 }]),
          period('2025-06-01T06:10:00Z', [
            { type: 'ENERGY', volume: -1 },
            { type: 'CURRENT', volume: -16 },
          ]),
        ],
      }),
    );
    const neg = check(r, 'NEGATIVE_VOLUME');
    expect(neg?.severity).toBe('warning');
    expect(neg?.message).toMatch(/OCPI 2\.2\.1 allows this for energy fed back to the grid/);
    expect(neg?.periods).toEqual([1, 1]);
  });

  it('any other negative volume keeps it an error, naming that one', () => {
    const r = ok(
      session({
        charging_periods: [
          period('2025-06-01T06:00:00Z', [{ type: 'ENERGY', volume: -1 }]),
          period('2025-06-01T06:10:00Z', [{ type: 'PARKING_TIME', volume: -0.5 }]),
        ],
      }),
    );
    const neg = check(r, 'NEGATIVE_VOLUME');
    expect(neg?.severity).toBe('error');
    expect(neg?.message).toMatch(/e\.g\. PARKING_TIME -0\.5/);
    expect(codes(ok(session({})))).not.toContain('NEGATIVE_VOLUME');
  });
});

describe('not a session', () => {
  it('names a CDR, in an envelope too', () => {
    const cdr = {
      id: 'CDR1',
      start_date_time: '2025-06-01T06:00:00Z',
      end_date_time: '2025-06-01T07:00:00Z',
      cdr_location: { id: 'L' },
      total_energy: 15.3,
      charging_periods: [],
      status: 'COMPLETED',
    };
    const error = failed(cdr);
    expect(error).toMatchObject({ kind: 'not-a-session', detected: 'cdr' });
    expect(error.message).toMatch(
      /^This JSON is an OCPI CDR \(charge detail record: it has total_energy, cdr_location\)/,
    );
    expect(failed({ status_code: 1000, data: [{ ...cdr, cdr_location: undefined }] }).detected).toBe('cdr');
  });

  it('names a Location and a PATCH body', () => {
    const location = {
      id: 'LOC1',
      address: 'Main St 1',
      coordinates: { latitude: '1', longitude: '2' },
      evses: [],
    };
    expect(failed(location)).toMatchObject({
      detected: 'location',
      message: expect.stringMatching(/OCPI Location/),
    });
    const patch = {
      kwh: 15,
      charging_periods: [period('2025-06-01T06:00:00Z', [])],
      last_updated: '2025-06-01T07:00:00Z',
    };
    const error = failed(patch);
    expect(error.detected).toBe('session-patch');
    expect(error.message).toMatch(
      /partial session update \(a PATCH body with kwh, charging_periods, last_updated\)/,
    );
  });

  it('says nothing is there for an unrelated object, and reads a session', () => {
    const error = failed({ hello: 'world' });
    expect(error.detected).toBeUndefined();
    expect(error.message).toMatch(/not a charging session/);
    expect(ok(session({})).session.ids.id).toBe('s-230');
  });
});

import { describe, expect, it } from 'vitest';
import { readSession } from '../../../shared/session/read-session';
import type { Check, CheckCode } from '../../../shared/session/types';
import {
  energyPeriods,
  ocpi211Session,
  ocpi221Envelope,
  ocpi221LocationEnvelope,
  ocpi230Session,
  vendorEnvelope,
} from '../../fixtures/sessions';

function checksOf(input: unknown, options?: Parameters<typeof readSession>[1]): Check[] {
  const r = readSession(input, options);
  if (!r.ok) throw new Error(r.error.message);
  return r.checks;
}
const codes = (checks: Check[]): CheckCode[] => checks.map((c) => c.code);
const find = (checks: Check[], code: CheckCode): Check | undefined => checks.find((c) => c.code === code);

/** A vendor-like session: `n` three-decimal volumes whose sum differs from `kwh` only by rounding. */
function roundedVendor(kwh: number, volumes: string[]): unknown {
  return vendorEnvelope({
    kwh,
    charging_periods: energyPeriods('2024-05-02T10:00:00Z', volumes),
    end_datetime: '2024-05-02T10:30:00Z',
  });
}

describe('the fixtures are clean', () => {
  it('no check fires on the well-formed fixtures', () => {
    expect(checksOf(vendorEnvelope())).toEqual([]);
    expect(checksOf(ocpi211Session())).toEqual([]);
    expect(checksOf(ocpi221Envelope(), { location: ocpi221LocationEnvelope() })).toEqual([]);
    expect(checksOf(ocpi230Session())).toEqual([]);
  });
});

describe('ENERGY_MISMATCH', () => {
  it('does not fire when the volumes’ own rounding explains the difference (0.109 vs 0.11429 over 19 three-decimal volumes)', () => {
    const volumes = ['0.001', ...Array(18).fill('0.006')];
    expect(codes(checksOf(roundedVendor(0.11429, volumes)))).not.toContain('ENERGY_MISMATCH');
  });

  it('fires when the difference exceeds what rounding explains', () => {
    const volumes = ['0.001', ...Array(18).fill('0.006')];
    const check = find(checksOf(roundedVendor(0.13, volumes)), 'ENERGY_MISMATCH');
    expect(check?.severity).toBe('error');
    expect(check?.message).toMatch(/0\.109 kWh.*0\.13 kWh/);
    expect(check?.periods).toEqual([0, 18]);
  });

  it('treats integer volumes as rounded to whole kWh', () => {
    expect(codes(checksOf(ocpi230Session({ kwh: 2.4 })))).not.toContain('ENERGY_MISMATCH');
    expect(codes(checksOf(ocpi230Session({ kwh: 3.2 })))).toContain('ENERGY_MISMATCH');
  });

  it('fires on energy in periods against kwh 0', () => {
    expect(codes(checksOf(ocpi230Session({ kwh: 0 })))).toContain('ENERGY_MISMATCH');
  });

  it('does not fire without kwh or without ENERGY volumes', () => {
    expect(codes(checksOf(ocpi230Session({ kwh: null })))).not.toContain('ENERGY_MISMATCH');
    expect(codes(checksOf(ocpi230Session({ charging_periods: [] })))).not.toContain('ENERGY_MISMATCH');
  });
});

describe('ENERGY_UNIT_SUSPECT', () => {
  it('fires when the volumes sum to about 1000 × kwh, and then ENERGY_MISMATCH stays quiet', () => {
    const checks = checksOf(
      ocpi230Session({ kwh: 2, charging_periods: energyPeriods('2025-06-01T06:00:00Z', [1200, 800], 600) }),
    );
    expect(codes(checks)).toContain('ENERGY_UNIT_SUSPECT');
    expect(codes(checks)).not.toContain('ENERGY_MISMATCH');
    expect(find(checks, 'ENERGY_UNIT_SUSPECT')?.message).toMatch(/1000×.*Wh/);
  });

  it('fires without kwh when periods imply an impossible power', () => {
    const checks = checksOf(
      ocpi230Session({
        kwh: null,
        charging_periods: energyPeriods('2025-06-01T06:00:00Z', [5000, 5000], 600),
      }),
    );
    expect(find(checks, 'ENERGY_UNIT_SUSPECT')?.periods).toEqual([0, 1]);
  });

  it('does not fire for a plain mismatch', () => {
    expect(codes(checksOf(ocpi230Session({ kwh: 3.2 })))).not.toContain('ENERGY_UNIT_SUSPECT');
  });
});

describe('session times and status', () => {
  it('END_BEFORE_START', () => {
    expect(
      find(checksOf(ocpi230Session({ end_date_time: '2025-06-01T05:00:00Z' })), 'END_BEFORE_START')?.severity,
    ).toBe('error');
    expect(codes(checksOf(ocpi230Session()))).not.toContain('END_BEFORE_START');
  });

  it('COMPLETED_WITHOUT_END', () => {
    expect(codes(checksOf(ocpi230Session({ end_date_time: undefined })))).toContain('COMPLETED_WITHOUT_END');
    expect(codes(checksOf(ocpi230Session({ end_date_time: undefined, status: 'ACTIVE' })))).not.toContain(
      'COMPLETED_WITHOUT_END',
    );
  });

  it('ACTIVE_WITH_END', () => {
    expect(codes(checksOf(ocpi230Session({ status: 'ACTIVE' })))).toContain('ACTIVE_WITH_END');
    expect(codes(checksOf(ocpi230Session({ status: 'ACTIVE', end_date_time: null })))).not.toContain(
      'ACTIVE_WITH_END',
    );
  });

  it('UNKNOWN_STATUS suggests the likely meaning of a misspelling', () => {
    const check = find(checksOf(ocpi230Session({ status: 'COMPLETE' })), 'UNKNOWN_STATUS');
    expect(check?.message).toMatch(/"COMPLETE".*COMPLETED/);
  });

  it('NO_CHARGING_PERIODS is info, and quiet for a PENDING session', () => {
    expect(find(checksOf(ocpi230Session({ charging_periods: [] })), 'NO_CHARGING_PERIODS')?.severity).toBe(
      'info',
    );
    expect(
      codes(
        checksOf(ocpi230Session({ charging_periods: [], status: 'PENDING', end_date_time: null, kwh: 0 })),
      ),
    ).toEqual([]);
  });
});

describe('period checks', () => {
  it('PERIODS_OUT_OF_ORDER names the periods', () => {
    const periods = energyPeriods('2025-06-01T06:00:00Z', [0.5, 0.5, 0.5, 0.5], 300);
    [periods[1], periods[2]] = [periods[2], periods[1]];
    const check = find(checksOf(ocpi230Session({ charging_periods: periods })), 'PERIODS_OUT_OF_ORDER');
    expect(check?.periods).toEqual([1, 2]);
    expect(codes(checksOf(ocpi230Session()))).not.toContain('PERIODS_OUT_OF_ORDER');
  });

  it('PERIOD_OUTSIDE_SESSION: before the start, after the end, or after last_updated when there is no end', () => {
    const before = energyPeriods('2025-06-01T05:50:00Z', [1, 1], 900);
    expect(
      find(checksOf(ocpi230Session({ charging_periods: before })), 'PERIOD_OUTSIDE_SESSION')?.periods,
    ).toEqual([0, 0]);
    const after = energyPeriods('2025-06-01T06:00:00Z', [1, 1], 3600);
    expect(
      find(checksOf(ocpi230Session({ charging_periods: after })), 'PERIOD_OUTSIDE_SESSION')?.periods,
    ).toEqual([1, 1]);
    const pending = checksOf(
      ocpi230Session({ status: 'PENDING', end_date_time: null, last_updated: '2025-06-01T06:05:00Z' }),
    );
    expect(find(pending, 'PERIOD_OUTSIDE_SESSION')?.message).toMatch(/last update/);
    expect(codes(checksOf(ocpi230Session()))).not.toContain('PERIOD_OUTSIDE_SESSION');
  });

  it('a period starting exactly at the session end is inside', () => {
    const periods = energyPeriods('2025-06-01T06:00:00Z', [1, 1, 0], 600);
    expect(codes(checksOf(ocpi230Session({ charging_periods: periods })))).not.toContain(
      'PERIOD_OUTSIDE_SESSION',
    );
  });

  it('PERIOD_GAP: a hole much longer than the usual spacing', () => {
    const periods = energyPeriods('2025-06-01T06:00:00Z', Array(10).fill(0.1), 60);
    const shifted = periods.map((p, i) =>
      i >= 5
        ? { ...p, start_date_time: new Date(Date.parse(String(p.start_date_time)) + 3_600_000).toISOString() }
        : p,
    );
    const check = find(
      checksOf(ocpi230Session({ charging_periods: shifted, kwh: 1, end_date_time: '2025-06-01T07:20:00Z' })),
      'PERIOD_GAP',
    );
    expect(check?.periods).toEqual([4, 5]);
    expect(check?.message).toMatch(/61 min/);
    expect(codes(checksOf(ocpi230Session({ charging_periods: periods, kwh: 1 })))).not.toContain(
      'PERIOD_GAP',
    );
  });

  it('PERIOD_GAP needs a usual spacing: two periods are not enough', () => {
    const periods = energyPeriods('2025-06-01T06:00:00Z', [1, 1], 86_400);
    expect(
      codes(checksOf(ocpi230Session({ charging_periods: periods, end_date_time: '2025-06-03T06:00:00Z' }))),
    ).not.toContain('PERIOD_GAP');
  });

  it('NEGATIVE_VOLUME names the periods', () => {
    const periods = energyPeriods('2025-06-01T06:00:00Z', [1, 1, 1], 300);
    (periods[1].dimensions as { type: string; volume: number }[]).push({
      type: 'PARKING_TIME',
      volume: -0.5,
    });
    const check = find(checksOf(ocpi230Session({ charging_periods: periods, kwh: 3 })), 'NEGATIVE_VOLUME');
    expect(check?.periods).toEqual([1, 1]);
    expect(check?.message).toMatch(/PARKING_TIME -0\.5/);
  });
});

describe('POWER_ABOVE_CONNECTOR_MAX', () => {
  it('fires when derived power clearly exceeds the computed connector maximum (230 V × 16 A × 1 = 3.68 kW)', () => {
    // 0.1 kWh in 30 s = 12 kW on a 3.68 kW socket.
    const fast = energyPeriods('2024-05-02T10:00:00Z', Array(5).fill('0.100'));
    const check = find(
      checksOf(vendorEnvelope({ kwh: 0.5, charging_periods: fast })),
      'POWER_ABOVE_CONNECTOR_MAX',
    );
    expect(check?.periods).toEqual([0, 4]);
    expect(check?.message).toMatch(/12 kW.*3\.68 kW/);
  });

  it('does not fire within the connector maximum', () => {
    const volumes = Array(5).fill('0.020'); // 2.4 kW
    expect(
      codes(
        checksOf(
          vendorEnvelope({ kwh: 0.1, charging_periods: energyPeriods('2024-05-02T10:00:00Z', volumes) }),
        ),
      ),
    ).not.toContain('POWER_ABOVE_CONNECTOR_MAX');
  });

  it('uses a declared max_electric_power', () => {
    const fast = energyPeriods('2024-03-01T10:00:00Z', [40, 0], 1800); // 80 kW on a 50 kW DC connector
    const checks = checksOf(ocpi221Envelope({ kwh: 40, charging_periods: fast }), {
      location: ocpi221LocationEnvelope(),
    });
    expect(find(checks, 'POWER_ABOVE_CONNECTOR_MAX')?.message).toMatch(/80 kW.*50 kW \(declared\)/);
  });
});

describe('coordinates', () => {
  it('INVALID_COORDINATES for unreadable or out-of-range values', () => {
    const bad = ocpi211Session();
    (bad.location as Record<string, unknown>).coordinates = { latitude: '95.1', longitude: '3.7' };
    expect(find(checksOf(bad), 'INVALID_COORDINATES')?.message).toMatch(/out of range/);
    const unreadable = ocpi211Session();
    (unreadable.location as Record<string, unknown>).coordinates = { latitude: 'north', longitude: '3.7' };
    expect(codes(checksOf(unreadable))).toContain('INVALID_COORDINATES');
  });

  it('COORDINATES_SUSPECT when latitude and longitude look swapped for the country', () => {
    const swapped = ocpi211Session();
    (swapped.location as Record<string, unknown>).coordinates = { latitude: '3.7108', longitude: '51.0359' };
    expect(find(checksOf(swapped), 'COORDINATES_SUSPECT')?.message).toMatch(/swapped/);
  });

  it('COORDINATES_SUSPECT when the site is outside its country (not a swap)', () => {
    const far = ocpi211Session();
    (far.location as Record<string, unknown>).coordinates = { latitude: 48.8566, longitude: 2.3522 };
    expect(find(checksOf(far), 'COORDINATES_SUSPECT')?.message).toMatch(/outside its country BEL/);
  });

  it('COORDINATES_SUSPECT for 0,0 and for an EVSE far from its location', () => {
    const zero = ocpi211Session();
    (zero.location as Record<string, unknown>).coordinates = { latitude: 0, longitude: 0 };
    expect(find(checksOf(zero), 'COORDINATES_SUSPECT')?.message).toMatch(/0°, 0°/);
    const evseFar = vendorEnvelope();
    const evses = ((evseFar.data as Record<string, unknown>).location as { evses: Record<string, unknown>[] })
      .evses;
    evses[1].coordinates = { latitude: 52.6, longitude: 13.405 };
    expect(find(checksOf(evseFar), 'COORDINATES_SUSPECT')?.message).toMatch(/8\.\d km from its location/);
  });

  it('no coordinate check on a correct site', () => {
    const c = codes(checksOf(ocpi211Session()));
    expect(c).not.toContain('COORDINATES_SUSPECT');
    expect(c).not.toContain('INVALID_COORDINATES');
  });
});

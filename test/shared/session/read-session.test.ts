import { describe, expect, it } from 'vitest';
import { readSession } from '../../../shared/session/read-session';
import { findJsonErrorPosition } from '../../../shared/session/json-error-position';
import { parsePlainDecimal } from '../../../shared/session/periods';
import type { ReadSuccess } from '../../../shared/session/types';
import {
  ocpi211Session,
  ocpi221Envelope,
  ocpi221LocationEnvelope,
  ocpi230Session,
  vendorEnvelope,
} from '../../fixtures/sessions';

function ok(input: unknown, options?: Parameters<typeof readSession>[1]): ReadSuccess {
  const result = readSession(input, options);
  if (!result.ok) throw new Error(`expected a session, got ${result.error.kind}: ${result.error.message}`);
  return result;
}

const paths = (r: ReadSuccess): string[] => r.warnings.map((w) => w.path);

describe('readSession: the vendor gateway envelope', () => {
  it('reads ids, times, energy, cost and auth', () => {
    const { session: s } = ok(JSON.stringify(vendorEnvelope()));
    expect(s.shape).toBe('vendor');
    expect(s.ids).toMatchObject({
      id: 'f00dfeed00000000000000000000beef',
      sessionId: '998877',
      countryCode: 'DE',
      partyId: 'ABC',
      cpoId: 'cpo-42',
      locationId: 'loc-lab-01',
    });
    expect(s.startedAt).toBe(Date.parse('2024-05-02T10:00:00Z'));
    expect(s.endedAt).toBe(Date.parse('2024-05-02T10:02:30Z'));
    expect(s.kwh).toBe(0.1);
    expect(s.cost).toEqual({ shape: 'number', exclVat: 0.25, inclVat: null, taxes: [] });
    expect(s.auth).toEqual({
      method: 'AUTH_REQUEST',
      id: 'AUTH-SECRET-1',
      tokenType: null,
      contractId: null,
    });
  });

  it('finds the EVSE by the vendor evseId (= uid) and takes its only connector', () => {
    const { session: s } = ok(vendorEnvelope());
    expect(s.evse?.evseId).toBe('DE*ABC*ELAB01*2');
    expect(s.connector?.id).toBe('c-2');
    expect(s.ids.evseUid).toBe('LAB01*2');
    expect(s.ids.connectorId).toBe('c-2');
  });

  it('finds the EVSE by the vendor connectorId (= evse_id) when evseId is absent', () => {
    const env = vendorEnvelope();
    delete (env.data as Record<string, unknown>).evseId;
    const { session: s } = ok(env);
    expect(s.evse?.uid).toBe('LAB01*2');
  });

  it('reads volumes sent as text with one grouped warning, and text coordinates (OCPI’s own form) silently', () => {
    const r = ok(vendorEnvelope());
    expect(Array.from(r.session.periods.energyKwh)).toEqual([0.02, 0.02, 0.02, 0.02, 0.02]);
    const volume = r.warnings.find((w) => w.path === 'data.charging_periods[0].dimensions[0].volume');
    expect(volume?.message).toMatch(/number sent as text "0.020".*and 4 more like it/);
    expect(paths(r)).not.toContain('data.location.evses[1].coordinates.latitude');
    expect(r.warnings.find((w) => w.path === 'data.location.coordinates.latitude')?.message).toMatch(
      /sent as a number.*and 1 more/,
    );
    expect(r.session.location?.evses[1].coordinates).toEqual({ latitude: 52.5201, longitude: 13.4051 });
  });

  it('reads a zone-less envelope timestamp as UTC and warns', () => {
    const r = ok(vendorEnvelope());
    expect(r.warnings.find((w) => w.path === 'timestamp')?.message).toMatch(/no time zone; read as UTC/);
  });
});

describe('readSession: OCPI 2.1.1', () => {
  it('reads the embedded location and its single EVSE/connector', () => {
    const r = ok(ocpi211Session());
    const s = r.session;
    expect(s.shape).toBe('ocpi-2.1.1');
    expect(s.location?.name).toBe('Gent Station');
    expect(s.location?.coordinates).toEqual({ latitude: 51.0359, longitude: 3.7108 });
    expect(s.location?.timeZone).toBe('Europe/Brussels');
    expect(s.evse?.uid).toBe('E-1');
    expect(s.connector?.maxPowerKw).toBeCloseTo(11.04, 5);
    expect(s.connector?.maxPowerSource).toBe('computed');
    expect(s.connector?.tariffIds).toEqual(['T-11']);
    expect(s.cost?.shape).toBe('number');
    expect(s.auth.id).toBe('NL-TNM-000122-1');
  });

  it('accepts 2.1.1 `start_datetime` inside periods too', () => {
    const s = ok(ocpi211Session()).session;
    expect(s.periods.start[1]).toBe(Date.parse('2023-01-10T08:30:00Z'));
  });
});

describe('readSession: OCPI 2.2.1', () => {
  it('reads cdr_token, the Price object and references', () => {
    const s = ok(ocpi221Envelope()).session;
    expect(s.shape).toBe('ocpi-2.2.1');
    expect(s.auth).toEqual({
      method: 'COMMAND',
      id: '012345678',
      tokenType: 'RFID',
      contractId: 'NL-TNM-C12345678-X',
    });
    expect(s.cost).toEqual({ shape: 'excl_incl', exclVat: 10, inclVat: 12.1, taxes: [] });
    expect(s.ids).toMatchObject({ locationId: 'LOC-221', evseUid: 'EVSE-B', connectorId: '2' });
    expect(s.location).toBeNull();
    expect(s.periods.tariffIds).toEqual([null, 'TAR-2']);
  });

  it('attaches a separately fetched Location and finds EVSE and connector by uid and id', () => {
    const s = ok(ocpi221Envelope(), { location: ocpi221LocationEnvelope() }).session;
    expect(s.location?.name).toBe('Amsterdam Hub');
    expect(s.evse?.evseId).toBe('NL*TNM*EB');
    expect(s.connector?.standard).toBe('IEC_62196_T2_COMBO');
    expect(s.connector?.maxPowerKw).toBe(50);
    expect(s.connector?.maxPowerSource).toBe('declared');
    expect(s.location?.evses[0].connectors[0]).toMatchObject({ voltage: 230, amperage: 32 });
  });

  it('accepts the Location as JSON text or a bare object', () => {
    const bare = ocpi221LocationEnvelope().data;
    expect(ok(ocpi221Envelope(), { location: bare }).session.location?.id).toBe('LOC-221');
    expect(
      ok(ocpi221Envelope(), { location: JSON.stringify(ocpi221LocationEnvelope()) }).session.location?.id,
    ).toBe('LOC-221');
  });

  it('keeps the session when the Location is unusable, with a warning', () => {
    const r = ok(ocpi221Envelope(), { location: { status_code: 2003, status_message: 'Unknown location' } });
    expect(r.session.location).toBeNull();
    expect(r.warnings.find((w) => w.path === 'location')?.message).toMatch(/2003/);
  });

  it('warns when the referenced EVSE or connector is not in the Location', () => {
    const r = ok(ocpi221Envelope({ evse_uid: 'NOPE' }), { location: ocpi221LocationEnvelope() });
    expect(r.session.evse).toBeNull();
    expect(r.warnings.some((w) => /"NOPE" is not among/.test(w.message))).toBe(true);
    const r2 = ok(ocpi221Envelope({ connector_id: '9' }), { location: ocpi221LocationEnvelope() });
    expect(r2.session.evse?.uid).toBe('EVSE-B');
    expect(r2.session.connector).toBeNull();
    expect(r2.warnings.some((w) => /connector "9" is not on EVSE/.test(w.message))).toBe(true);
  });

  it('warns about 2.1.1 names in a 2.2 payload but reads them', () => {
    const env = ocpi221Envelope({ start_datetime: '2024-03-01T10:00:00Z' });
    delete (env.data as Record<string, unknown>).start_date_time;
    const r = ok(env);
    expect(r.session.startedAt).toBe(Date.parse('2024-03-01T10:00:00Z'));
    expect(
      r.warnings.some((w) => w.path === 'data.start_datetime' && /2\.1\.1 field name/.test(w.message)),
    ).toBe(true);
  });
});

describe('readSession: OCPI 2.3.0', () => {
  it('reads Price {before_taxes, taxes[]} and derives incl. VAT from the taxes', () => {
    const s = ok(ocpi230Session()).session;
    expect(s.shape).toBe('ocpi-2.3.0');
    expect(s.cost?.shape).toBe('before_taxes');
    expect(s.cost?.exclVat).toBe(1);
    expect(s.cost?.inclVat).toBeCloseTo(1.2, 10);
    expect(s.cost?.taxes).toEqual([{ name: 'VAT', amount: 0.2, percentage: 20 }]);
  });

  it('leaves incl. VAT unknown when a tax amount is missing', () => {
    const s = ok(
      ocpi230Session({ total_cost: { before_taxes: 1, taxes: [{ name: 'VAT', percentage: 20 }] } }),
    ).session;
    expect(s.cost?.inclVat).toBeNull();
  });
});

describe('readSession: derived period data', () => {
  it('computes end, duration, energy, cumulative energy and average power per period', () => {
    const p = ok(ocpi221Envelope()).session.periods;
    expect(p.count).toBe(2);
    expect(Array.from(p.end)).toEqual([
      Date.parse('2024-03-01T10:30:00Z'),
      Date.parse('2024-03-01T11:00:00Z'),
    ]);
    expect(Array.from(p.durationS)).toEqual([1800, 1800]);
    expect(Array.from(p.energyKwh)).toEqual([20, 10]);
    expect(Array.from(p.cumulativeKwh)).toEqual([20, 30]);
    expect(Array.from(p.powerKw)).toEqual([40, 20]);
    expect(p.dimensionTypes).toEqual(['ENERGY', 'STATE_OF_CHARGE']);
    expect(Array.from(p.dimensions.get('STATE_OF_CHARGE') ?? [])).toEqual([40, 80]);
  });

  it('ends the last period of an active session at last_updated', () => {
    const env = ocpi221Envelope({ status: 'ACTIVE', last_updated: '2024-03-01T10:45:00Z' });
    delete (env.data as Record<string, unknown>).end_date_time;
    const p = ok(env).session.periods;
    expect(p.end[1]).toBe(Date.parse('2024-03-01T10:45:00Z'));
    expect(p.durationS[1]).toBe(900);
    expect(p.powerKw[1]).toBe(40);
  });

  it('leaves the last end unknown for a finished session without an end time', () => {
    const env = ocpi221Envelope();
    delete (env.data as Record<string, unknown>).end_date_time;
    const p = ok(env).session.periods;
    expect(Number.isNaN(p.end[1])).toBe(true);
    expect(Number.isNaN(p.powerKw[1])).toBe(true);
  });

  it('keeps unknown dimension types with a warning, and NaN where a period lacks a dimension', () => {
    const r = ok(
      ocpi221Envelope({
        charging_periods: [
          { start_date_time: '2024-03-01T10:00:00Z', dimensions: [{ type: 'ENERGY', volume: 1 }] },
          { start_date_time: '2024-03-01T10:30:00Z', dimensions: [{ type: 'WIBBLE', volume: 3 }] },
        ],
      }),
    );
    expect(r.session.periods.dimensionTypes).toEqual(['ENERGY', 'WIBBLE']);
    expect(Number.isNaN(r.session.periods.dimensions.get('WIBBLE')?.[0])).toBe(true);
    expect(
      r.warnings.some(
        (w) =>
          w.path === 'data.charging_periods[1].dimensions[0].type' &&
          /unknown dimension type "WIBBLE"/.test(w.message),
      ),
    ).toBe(true);
  });

  it('adds up two dimensions of one type in one period', () => {
    const p = ok(
      ocpi221Envelope({
        charging_periods: [
          {
            start_date_time: '2024-03-01T10:00:00Z',
            dimensions: [
              { type: 'ENERGY', volume: 1 },
              { type: 'ENERGY', volume: 2 },
            ],
          },
        ],
      }),
    ).session.periods;
    expect(p.energyKwh[0]).toBe(3);
  });

  it('keeps a period whose start is unreadable and warns', () => {
    const r = ok(ocpi221Envelope({ charging_periods: [{ start_date_time: 'yesterday', dimensions: [] }] }));
    expect(r.session.periods.count).toBe(1);
    expect(Number.isNaN(r.session.periods.start[0])).toBe(true);
    expect(r.warnings.some((w) => w.path === 'data.charging_periods[0].start_date_time')).toBe(true);
  });
});

describe('readSession: odd fields become warnings, not failures', () => {
  it('keeps unknown status and auth method as given', () => {
    const r = ok(ocpi221Envelope({ status: 'COMPLETE', auth_method: 'MAGIC' }));
    expect(r.session.status).toBe('COMPLETE');
    expect(r.session.auth.method).toBe('MAGIC');
    expect(
      r.warnings.some((w) => w.path === 'data.status' && /unknown status "COMPLETE"/.test(w.message)),
    ).toBe(true);
    expect(r.warnings.some((w) => w.path === 'data.auth_method')).toBe(true);
  });

  it('reads numbers sent as text, including kwh', () => {
    const r = ok(ocpi221Envelope({ kwh: '30.0' }));
    expect(r.session.kwh).toBe(30);
    expect(r.warnings.some((w) => w.path === 'data.kwh' && /number sent as text/.test(w.message))).toBe(true);
  });

  it('ignores unreadable numbers and wrong types with a warning each', () => {
    const r = ok(ocpi221Envelope({ kwh: 'lots', currency: 42, charging_periods: 'none' }));
    expect(r.session.kwh).toBeNull();
    expect(r.session.currency).toBe('42');
    expect(r.session.periods.count).toBe(0);
    expect(paths(r)).toEqual(expect.arrayContaining(['data.kwh', 'data.currency', 'data.charging_periods']));
  });

  it('reads date-times without a zone as UTC with a warning', () => {
    const r = ok(ocpi221Envelope({ start_date_time: '2024-03-01T10:00:00' }));
    expect(r.session.startedAt).toBe(Date.parse('2024-03-01T10:00:00Z'));
    expect(r.warnings.some((w) => w.path === 'data.start_date_time' && /no time zone/.test(w.message))).toBe(
      true,
    );
  });

  it('takes the first session of an envelope holding a list, with a warning', () => {
    const env = ocpi221Envelope();
    const r = ok({ ...env, data: [env.data, env.data] });
    expect(r.session.ids.id).toBe('s-221');
    expect(r.warnings.some((w) => /holds 2 sessions/.test(w.message))).toBe(true);
  });

  it('accepts a UTF-8 byte-order mark', () => {
    expect(readSession('\uFEFF' + JSON.stringify(ocpi230Session())).ok).toBe(true);
  });
});

describe('readSession: typed errors', () => {
  it('not JSON, with the position', () => {
    const r = readSession('{"id": "x", "kwh": }');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.kind).toBe('not-json');
    expect(r.error.position).toBe(19);
    expect(r.error.message).toMatch(/line 1, column 20/);
  });

  it('truncated JSON says where it ended', () => {
    const text = JSON.stringify(ocpi230Session()).slice(0, 50);
    const r = readSession(text);
    expect(!r.ok && r.error.kind).toBe('not-json');
    expect(!r.ok && r.error.position).toBe(50);
  });

  it('empty input', () => {
    const r = readSession('  ');
    expect(!r.ok && r.error.message).toMatch(/empty/);
  });

  it('not an object', () => {
    for (const input of ['[1,2]', '42', 'null', '"text"']) {
      const r = readSession(input);
      expect(!r.ok && r.error.kind).toBe('not-object');
    }
  });

  it('envelope status other than 1000 carries the code and message', () => {
    const r = readSession({
      status_code: 2003,
      status_message: 'Unknown session',
      timestamp: '2024-01-01T00:00:00Z',
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({
      kind: 'envelope-status',
      statusCode: 2003,
      statusMessage: 'Unknown session',
    });
    expect(r.error.message).toMatch(/2003.*Unknown session/);
  });

  it('envelope status given as text is still compared as a number', () => {
    const r = readSession({ status_code: '3000', status_message: 'Generic server error' });
    expect(!r.ok && r.error.statusCode).toBe(3000);
  });

  it('envelope without data', () => {
    for (const data of [undefined, null, [], 'x']) {
      const r = readSession({ status_code: 1000, status_message: 'Success', data });
      expect(!r.ok && r.error.kind).toBe('envelope-no-data');
    }
  });

  it('an object that is not a session', () => {
    const r = readSession({ name: 'my location', evses: [] });
    expect(!r.ok && r.error.kind).toBe('not-a-session');
  });
});

describe('findJsonErrorPosition', () => {
  it.each([
    ['{"a": }', 6],
    ['{"a": 1', 7],
    ['[1, 2,, 3]', 6],
    ['{"a": tru}', 9],
    ['{"a": "x\u0001"}', 8],
    ['{"a": 01}', 7],
    ['{} x', 3],
  ])('%s fails at %i', (text, at) => {
    expect(findJsonErrorPosition(text)).toBe(at);
  });

  it('returns -1 for valid JSON', () => {
    expect(findJsonErrorPosition(JSON.stringify(ocpi221Envelope()))).toBe(-1);
  });
});

describe('parsePlainDecimal', () => {
  it.each(['0', '0.006', '-1.5', '123456.789', '41000', '0.1', '99999999999999.9'])(
    'equals Number() for %s',
    (text) => {
      expect(parsePlainDecimal(text)).toBe(Number(text));
    },
  );

  it.each(['', '-', '1.', '.5', '1e3', '0x10', ' 1', '1,5', '1234567890123456', 'Infinity'])(
    'declines %s (the slow path handles it)',
    (text) => {
      expect(parsePlainDecimal(text)).toBeNaN();
    },
  );
});

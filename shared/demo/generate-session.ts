/**
 * Deterministic session payloads of any length in each API shape. They feed the Demo profile, the local
 * OCPI server, the benchmarks and the browser tests, so every layer is exercised with the same data.
 */
export type GeneratedShape = 'vendor' | 'ocpi-2.1.1' | 'ocpi-2.2.1' | 'ocpi-2.3.0';

export interface GenerateOptions {
  periods: number;
  shape: GeneratedShape;
  id?: string;
  seed?: number;
  /** ISO start; default 2024-05-02T08:00:00Z. */
  startedAt?: string;
}

export interface GeneratedSession {
  /** The full HTTP response body: the vendor or OCPI envelope around the session. */
  body: Record<string, unknown>;
  /** The OCPI Location for 2.2+ sessions (served by the locations endpoint); null when embedded. */
  location: Record<string, unknown> | null;
}

/** mulberry32: a tiny seeded generator, so a seed always gives the same session. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STEP_S = 30;
const iso = (ms: number): string => new Date(ms).toISOString();

/** A site in Amsterdam with an AC and a DC EVSE; the session uses the DC one (50 kW) unless `ac`. */
function buildLocation(shape: GeneratedShape, id: string): Record<string, unknown> {
  const v22 = shape !== 'ocpi-2.1.1' && shape !== 'vendor';
  const connector = (
    cid: string,
    standard: string,
    powerType: string,
    volts: number,
    amps: number,
    kw: number,
    tariff: string,
  ) => ({
    id: cid,
    standard,
    format: standard === 'IEC_62196_T2' ? 'SOCKET' : 'CABLE',
    power_type: powerType,
    ...(v22
      ? { max_voltage: volts, max_amperage: amps, max_electric_power: kw * 1000, tariff_ids: [tariff] }
      : { voltage: volts, amperage: amps, tariff_id: tariff }),
    last_updated: '2024-04-01T00:00:00Z',
  });
  return {
    ...(v22 ? { country_code: 'NL', party_id: 'SIN' } : {}),
    id,
    type: 'PARKING_LOT',
    name: 'Zuidas Fast Charge',
    address: 'Gustav Mahlerlaan 10',
    city: 'Amsterdam',
    postal_code: '1082 PP',
    country: 'NLD',
    coordinates: { latitude: '52.338234', longitude: '4.872186' },
    evses: [
      {
        uid: 'ZUID-AC-1',
        evse_id: 'NL*SIN*EZUIDAC1',
        status: 'AVAILABLE',
        capabilities: ['RFID_READER', 'REMOTE_START_STOP_CAPABLE'],
        coordinates: { latitude: '52.338250', longitude: '4.872150' },
        connectors: [connector('1', 'IEC_62196_T2', 'AC_3_PHASE', 230, 32, 22, 'AC-STD')],
        physical_reference: 'A1',
        last_updated: '2024-04-01T00:00:00Z',
      },
      {
        uid: 'ZUID-DC-2',
        evse_id: 'NL*SIN*EZUIDDC2',
        status: 'CHARGING',
        capabilities: ['CHARGING_PROFILE_CAPABLE', 'RFID_READER', 'REMOTE_START_STOP_CAPABLE'],
        coordinates: { latitude: '52.338210', longitude: '4.872230' },
        // Vendor and 2.1.1 sessions do not name the connector: give their EVSE only the one used.
        connectors: [
          ...(v22 ? [connector('1', 'CHADEMO', 'DC', 400, 125, 50, 'DC-FAST')] : []),
          connector('2', 'IEC_62196_T2_COMBO', 'DC', 400, 125, 50, 'DC-FAST'),
        ],
        physical_reference: 'D2',
        last_updated: '2024-04-01T00:00:00Z',
      },
    ],
    operator: { name: 'Sinus Charging', website: 'https://example.com/sinus' },
    time_zone: 'Europe/Amsterdam',
    last_updated: '2024-04-01T00:00:00Z',
  };
}

export function generateSession(opts: GenerateOptions): GeneratedSession {
  const rand = random(opts.seed ?? 1);
  const id = opts.id ?? `gen-${opts.shape}-${opts.periods}`;
  const t0 = Date.parse(opts.startedAt ?? '2024-05-02T08:00:00Z');
  const n = Math.max(0, Math.floor(opts.periods));
  const vendor = opts.shape === 'vendor';
  // A DC curve: ramp up, plateau near 45 kW, taper as SoC rises; the last tenth is parking.
  const parkingFrom = n > 10 ? Math.floor(n * 0.9) : n;
  const periods: Record<string, unknown>[] = new Array(n);
  let kwhTotal = 0;
  let soc = 20;
  for (let i = 0; i < n; i++) {
    const start = t0 + i * STEP_S * 1000;
    if (i >= parkingFrom) {
      periods[i] = {
        start_date_time: iso(start),
        dimensions: [
          {
            type: 'PARKING_TIME',
            volume: vendor ? (STEP_S / 3600).toFixed(4) : Number((STEP_S / 3600).toFixed(4)),
          },
        ],
      };
      continue;
    }
    const progress = i / Math.max(1, parkingFrom);
    const kw = Math.max(
      3,
      45 * Math.min(1, progress * 20) * (progress > 0.6 ? 1 - (progress - 0.6) * 1.5 : 1) +
        (rand() - 0.5) * 2,
    );
    const energy = Number(((kw * STEP_S) / 3600).toFixed(3));
    kwhTotal += energy;
    soc = Math.min(100, soc + energy * 1.2);
    const dims: Record<string, unknown>[] = [{ type: 'ENERGY', volume: vendor ? energy.toFixed(3) : energy }];
    if (!vendor && i % 4 === 0)
      dims.push({ type: 'CURRENT', volume: Number(((kw * 1000) / 400).toFixed(1)) });
    if (!vendor && opts.shape !== 'ocpi-2.1.1' && i % 10 === 0)
      dims.push({ type: 'STATE_OF_CHARGE', volume: Number(soc.toFixed(1)) });
    periods[i] = {
      start_date_time: iso(start),
      dimensions: dims,
      ...(i === 0 && !vendor ? { tariff_id: 'DC-FAST' } : {}),
    };
  }
  const endedAt = t0 + n * STEP_S * 1000;
  const kwh = Number(kwhTotal.toFixed(3));
  const cost = Number((kwh * 0.59).toFixed(2));
  const locationId = 'LOC-ZUIDAS';
  const location = buildLocation(opts.shape, locationId);
  const common = {
    id,
    kwh,
    currency: 'EUR',
    charging_periods: periods,
    status: 'COMPLETED',
    last_updated: iso(endedAt + 1000),
  };

  if (vendor) {
    const data = {
      evseId: 'ZUID-DC-2',
      connectorId: 'NL*SIN*EZUIDDC2',
      ...common,
      created_date: iso(t0 - 3000),
      party_id: 'SIN',
      country_code: 'NL',
      location_id: locationId,
      session_id: String(100000 + Math.floor(rand() * 899999)),
      cpoId: 'cpo-sinus',
      start_datetime: iso(t0 - 5000),
      end_datetime: iso(endedAt),
      auth_id: 'DEMO-AUTH-7F3A',
      auth_method: 'AUTH_REQUEST',
      location: { ...location, location_id: locationId, country_code: 'NL', party_id: 'SIN' },
      total_cost: cost,
    };
    return {
      body: {
        status_code: 1000,
        status_message: 'Success',
        timestamp: iso(endedAt + 2000).replace('Z', ''),
        data,
      },
      location: null,
    };
  }
  if (opts.shape === 'ocpi-2.1.1') {
    const data = {
      ...common,
      start_datetime: iso(t0 - 5000),
      end_datetime: iso(endedAt),
      auth_id: 'NL-SIN-DEMO01-7',
      auth_method: 'WHITELIST',
      location: { ...location, evses: [(location.evses as unknown[])[1]] },
      total_cost: cost,
    };
    return {
      body: { status_code: 1000, status_message: 'Success', timestamp: iso(endedAt + 2000), data },
      location: null,
    };
  }
  const token = {
    uid: 'DEMO0001',
    type: 'RFID',
    contract_id: 'NL-SIN-C00000001-7',
    country_code: 'NL',
    party_id: 'SIN',
  };
  const total_cost =
    opts.shape === 'ocpi-2.3.0'
      ? {
          before_taxes: cost,
          taxes: [{ name: 'VAT', amount: Number((cost * 0.21).toFixed(2)), percentage: 21 }],
        }
      : { excl_vat: cost, incl_vat: Number((cost * 1.21).toFixed(2)) };
  const data = {
    country_code: 'NL',
    party_id: 'SIN',
    ...common,
    start_date_time: iso(t0 - 5000),
    end_date_time: iso(endedAt),
    cdr_token: token,
    auth_method: 'COMMAND',
    location_id: locationId,
    evse_uid: 'ZUID-DC-2',
    connector_id: '2',
    meter_id: 'MTR-4711',
    total_cost,
  };
  return {
    body: { status_code: 1000, status_message: 'Success', timestamp: iso(endedAt + 2000), data },
    location,
  };
}

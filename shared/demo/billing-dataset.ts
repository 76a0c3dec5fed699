/**
 * Tariffs and CDRs for the local OCPI server and the Demo CPO: a CDR for every COMPLETED listed session,
 * priced by the project's own cost engine with the session's tariff, last updated 20 minutes after the
 * session (as real CPOs send CDRs after the session), and a few that disagree on purpose so every billing
 * check has something to find.
 */
import { priceSession } from '../billing/cost-engine';
import { pricingInputFromCdr } from '../billing/pricing-input';
import { readCdr } from '../billing/read-cdr';
import { readTariffs } from '../billing/read-tariff';
import { fromMicros, toMicros } from '../billing/money';
import { readSession } from '../session/read-session';

type Row = Record<string, unknown>;
type Version = '2.1.1' | '2.2.1' | '2.3.0';

const PARTY = { country_code: 'NL', party_id: 'SIN' };
const TARIFFS_UPDATED = '2024-04-01T00:00:00Z';
const CDR_DELAY_MS = 20 * 60_000;
/** Every n-th CDR disagrees: total_cost +5.00 (CDR_COST_MISMATCH, beyond what step rounding explains), total_energy +1 kWh (CDR_ENERGY_MISMATCH). */
export const COST_OFF_EVERY = 13;
export const ENERGY_OFF_EVERY = 29;

const component = (version: Version, type: string, price: number, stepSize: number): Row =>
  version === '2.1.1' ? { type, price, step_size: stepSize } : { type, price, vat: 21, step_size: stepSize };

/** DC-FAST: €0.59/kWh for the first 20 kWh, then €0.49/kWh; parking €6/h in 15-minute blocks. AC-STANDARD: €0.50 start + €0.35/kWh. */
export function demoTariffs(version: Version): Row[] {
  const common = (id: string): Row => ({
    ...(version === '2.1.1' ? {} : PARTY),
    id,
    currency: 'EUR',
    ...(version === '2.3.0' ? { tax_included: 'NO' } : {}),
    last_updated: TARIFFS_UPDATED,
  });
  return [
    {
      ...common('DC-FAST'),
      elements: [
        { price_components: [component(version, 'ENERGY', 0.59, 1)], restrictions: { max_kwh: 20 } },
        { price_components: [component(version, 'ENERGY', 0.49, 1)] },
        { price_components: [component(version, 'PARKING_TIME', 6, 900)] },
      ],
    },
    {
      ...common('AC-STANDARD'),
      elements: [
        { price_components: [component(version, 'FLAT', 0.5, 1)] },
        { price_components: [component(version, 'ENERGY', 0.35, 1)] },
      ],
    },
  ];
}

const hours = (ms: number): number => Number((ms / 3_600_000).toFixed(6));
const money = (version: Version, excl: number, incl: number | null): unknown =>
  version === '2.1.1' ? excl : { excl_vat: excl, incl_vat: incl ?? excl };

/** The CDR of one listed session, or null for a session that is not COMPLETED. */
export function cdrForSession(
  session: Row,
  version: Version,
  index: number,
  tariffs: readonly Row[],
): Row | null {
  if (session.status !== 'COMPLETED') return null;
  const read = readSession(session);
  if (!read.ok || read.session.startedAt === null || read.session.endedAt === null) return null;
  const s = read.session;
  const p = s.periods;
  let idleS = 0;
  for (let i = 0; i < p.count; i++) if (p.energyKwh[i] === 0) idleS += p.durationS[i];
  const tariff = tariffs[0];
  const periods = (session.charging_periods as Row[]).map((period) => ({ ...period, tariff_id: tariff.id }));
  const v211 = version === '2.1.1';
  const cdr: Row = {
    ...(v211 ? {} : PARTY),
    id: `CDR-${String(session.id)}`,
    start_date_time: new Date(s.startedAt as number).toISOString(),
    [v211 ? 'stop_date_time' : 'end_date_time']: new Date(s.endedAt as number).toISOString(),
    ...(v211
      ? { auth_id: session.auth_id, auth_method: session.auth_method, location: session.location }
      : {
          session_id: session.id,
          cdr_token: session.cdr_token,
          auth_method: session.auth_method,
          cdr_location: {
            id: session.location_id,
            name: 'Zuidas Fast Charge',
            address: 'Gustav Mahlerlaan 10',
            city: 'Amsterdam',
            postal_code: '1082 PP',
            country: 'NLD',
            coordinates: { latitude: '52.338600', longitude: '4.872600' },
            evse_uid: session.evse_uid,
            evse_id: `NL*SIN*E${String(session.evse_uid)}`,
            connector_id: session.connector_id,
            connector_standard: 'IEC_62196_T2_COMBO',
            connector_format: 'CABLE',
            connector_power_type: 'DC',
          },
        }),
    currency: 'EUR',
    tariffs: [tariff],
    charging_periods: periods,
    total_energy: s.kwh,
    total_time: hours((s.endedAt as number) - (s.startedAt as number)),
    total_parking_time: hours(idleS * 1000),
    last_updated: new Date((s.endedAt as number) + CDR_DELAY_MS).toISOString(),
  };
  const priced = readCdr({ ...cdr, total_cost: money(version, 0, 0) });
  if (!priced.ok) return null;
  const cost = priceSession(pricingInputFromCdr(priced.cdr));
  let excl = cost.totalExclVat ?? 0;
  if (index % COST_OFF_EVERY === COST_OFF_EVERY - 1) excl = fromMicros(toMicros(excl) + toMicros(5));
  const incl =
    cost.totalInclVat === null
      ? null
      : fromMicros(toMicros(cost.totalInclVat) + toMicros(excl) - toMicros(cost.totalExclVat ?? 0));
  cdr.total_cost = money(version, excl, incl);
  if (index % ENERGY_OFF_EVERY === ENERGY_OFF_EVERY - 1)
    cdr.total_energy = Number(((s.kwh ?? 0) + 1).toFixed(3));
  return cdr;
}

/** The CDRs of listed sessions (in their order), each checked readable by the project's own tariff reader. */
export function cdrDataset(sessions: readonly Row[], version: Version): Row[] {
  const tariffs = demoTariffs(version);
  if (!readTariffs(tariffs).ok) throw new Error('demo tariffs do not read');
  const out: Row[] = [];
  sessions.forEach((session, i) => {
    const cdr = cdrForSession(session, version, i, tariffs);
    if (cdr) out.push(cdr);
  });
  return out;
}

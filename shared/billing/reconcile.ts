/**
 * Reconciliation checks between a session, its CDR, their tariffs and the cost engine. Each is a pure
 * function returning the findings it fires. Tolerances:
 * - energy: the session checks' rule (../session/energy-tolerance): half a unit of each figure's last
 *   written decimal place;
 * - times: one second for timestamps (OCPI DateTime precision), plus half a unit of an hours figure's last
 *   decimal place;
 * - money: the currency's minor unit, plus (against the engine) what step rounding added.
 */
import { compareEnergy, halfUnitOf } from '../session/energy-tolerance';
import type { Cost, NormalizedSession } from '../session/types';
import { minorUnit } from './money';
import { dimensionColumn } from './period-columns';
import { sessionParking } from './session-parking';
import type { BillingCheck, Cdr, CostResult, Tariff } from './types';

const SECOND_H = 1 / 3600;
const fmt = (n: number, digits = 4): string => String(Number(n.toFixed(digits)));
const iso = (ms: number): string => new Date(ms).toISOString();
const lastIndex = (count: number): [number, number] | undefined => (count > 0 ? [0, count - 1] : undefined);

export function checkSessionId(session: NormalizedSession, cdr: Cdr): BillingCheck[] {
  if (cdr.sessionId === null) return [];
  const ids = [session.ids.id, session.ids.sessionId].filter((v): v is string => v !== null);
  if (ids.length === 0 || ids.includes(cdr.sessionId)) return [];
  return [
    {
      code: 'CDR_SESSION_ID_MISMATCH',
      severity: 'error',
      message: `The CDR's session_id "${cdr.sessionId}" is not this session's id (${ids.map((v) => `"${v}"`).join(' / ')}): it bills another session.`,
    },
  ];
}

/** `total_energy` against the CDR's own periods, and (with a session) against the session's kWh. */
export function checkEnergy(cdr: Cdr, session: NormalizedSession | null): BillingCheck[] {
  const out: BillingCheck[] = [];
  const own = compareEnergy(cdr.totalEnergy, cdr.periodEnergy);
  if (own && !own.agree)
    out.push({
      code: 'CDR_ENERGY_MISMATCH',
      severity: 'error',
      message: `The CDR's total_energy is ${fmt(own.reported)} kWh but its periods' ENERGY sums to ${fmt(own.summed)} kWh (off by ${fmt(own.diff)}; rounding explains at most ${fmt(own.tolerance)}).`,
      periods: lastIndex(cdr.periods.count),
      periodsOf: 'cdr',
    });
  if (session && cdr.totalEnergy !== null) {
    const sessionKwh = session.kwh ?? session.energyRounding.sum;
    if (sessionKwh !== null) {
      const tolerance = halfUnitOf(cdr.totalEnergy) + halfUnitOf(sessionKwh) + 1e-9;
      const diff = Math.abs(cdr.totalEnergy - sessionKwh);
      if (diff > tolerance)
        out.push({
          code: 'CDR_ENERGY_MISMATCH',
          severity: 'error',
          message: `The CDR bills ${fmt(cdr.totalEnergy)} kWh but the session ${session.kwh !== null ? 'reports' : 'sums its periods to'} ${fmt(sessionKwh)} kWh (off by ${fmt(diff)}).`,
          periods: lastIndex(session.periods.count),
          periodsOf: 'session',
        });
    }
  }
  return out;
}

/** Start, end and `total_time` against the session, and `total_time` against the CDR's own start and end. */
export function checkTimes(cdr: Cdr, session: NormalizedSession | null): BillingCheck[] {
  const problems: string[] = [];
  if (cdr.startedAt !== null && cdr.endedAt !== null && cdr.totalTime !== null) {
    const hours = (cdr.endedAt - cdr.startedAt) / 3_600_000;
    if (Math.abs(hours - cdr.totalTime) > halfUnitOf(cdr.totalTime) + SECOND_H)
      problems.push(
        `its total_time ${fmt(cdr.totalTime)} h is not its end minus its start (${fmt(hours)} h)`,
      );
  }
  if (session) {
    for (const [what, a, b] of [
      ['starts', cdr.startedAt, session.startedAt],
      ['ends', cdr.endedAt, session.endedAt],
    ] as const) {
      if (a !== null && b !== null && Math.abs(a - b) > 1000)
        problems.push(
          `it ${what} at ${iso(a)}, the session at ${iso(b)} (${fmt(Math.abs(a - b) / 1000, 0)} s apart)`,
        );
    }
    if (cdr.totalTime !== null && session.startedAt !== null && session.endedAt !== null) {
      const hours = (session.endedAt - session.startedAt) / 3_600_000;
      if (Math.abs(hours - cdr.totalTime) > halfUnitOf(cdr.totalTime) + 2 * SECOND_H)
        problems.push(`its total_time ${fmt(cdr.totalTime)} h differs from the session's ${fmt(hours)} h`);
    }
  }
  if (problems.length === 0) return [];
  return [
    {
      code: 'CDR_TIME_MISMATCH',
      severity: 'error',
      message: `The CDR's times disagree: ${problems.join('; ')}.`,
    },
  ];
}

/** `total_parking_time` against the CDR's PARKING_TIME volumes, its total_time, and the session's parking (./session-parking). */
export function checkParking(cdr: Cdr, session: NormalizedSession | null): BillingCheck[] {
  const out: BillingCheck[] = [];
  const reported = cdr.totalParkingTime;
  if (reported === null) return out;
  const column = dimensionColumn(cdr.periods, 'PARKING_TIME');
  if (column) {
    let sum = 0;
    let tolerance = halfUnitOf(reported) + 1e-9;
    for (const v of column)
      if (!Number.isNaN(v)) {
        sum += v;
        tolerance += halfUnitOf(v);
      }
    if (Math.abs(sum - reported) > tolerance)
      out.push({
        code: 'CDR_PARKING_MISMATCH',
        severity: 'error',
        message: `The CDR's total_parking_time is ${fmt(reported)} h but its periods' PARKING_TIME sums to ${fmt(sum)} h.`,
        periods: lastIndex(cdr.periods.count),
        periodsOf: 'cdr',
      });
  }
  if (cdr.totalTime !== null && reported > cdr.totalTime + halfUnitOf(reported) + halfUnitOf(cdr.totalTime))
    out.push({
      code: 'CDR_PARKING_MISMATCH',
      severity: 'error',
      message: `The CDR parks longer (${fmt(reported)} h) than the whole session lasts (total_time ${fmt(cdr.totalTime)} h).`,
    });
  const parked = session ? sessionParking(session) : null;
  if (parked) {
    // Charging may stop anywhere inside the last charging period: its length is within tolerance.
    if (Math.abs(parked.hours - reported) > halfUnitOf(reported) + 2 * SECOND_H + parked.boundaryHours)
      out.push({
        code: 'CDR_PARKING_MISMATCH',
        severity: 'warning',
        message: `The CDR bills ${fmt(reported)} h of parking but the session's periods ${parked.stated ? 'state' : 'without energy last'} ${fmt(parked.hours)} h${parked.stated ? ' of parking' : ''}.`,
        ...(parked.periods ? { periods: parked.periods } : {}),
        periodsOf: 'session',
      });
  }
  return out;
}

const COMPONENT_TOTALS = [
  ['fixed', 'totalFixedCost'],
  ['energy', 'totalEnergyCost'],
  ['time', 'totalTimeCost'],
  ['parking', 'totalParkingCost'],
  ['reservation', 'totalReservationCost'],
] as const;

/** The component totals (fixed, energy, time, parking, reservation) against `total_cost`. */
export function checkTotals(cdr: Cdr): BillingCheck[] {
  const total = cdr.totalCost;
  const given = COMPONENT_TOTALS.filter(([, key]) => cdr[key] !== null);
  if (!total || given.length === 0) return [];
  const tolerance = minorUnit(cdr.currency) + 1e-9;
  const problems: string[] = [];
  for (const side of ['exclVat', 'inclVat'] as const) {
    const want = total[side];
    const parts = given.map(([, key]) => (cdr[key] as Cost)[side]);
    if (want === null || parts.some((v) => v === null)) continue;
    const sum = parts.reduce<number>((a, b) => a + (b ?? 0), 0);
    if (Math.abs(sum - want) > tolerance)
      problems.push(
        `${side === 'exclVat' ? 'excl.' : 'incl.'} VAT: ${given.map(([name]) => name).join(' + ')} = ${fmt(sum)}, total_cost ${fmt(want)}`,
      );
  }
  if (problems.length === 0) return [];
  return [
    {
      code: 'CDR_TOTALS_INCONSISTENT',
      severity: 'error',
      message: `The CDR's component totals do not add up to its total_cost (${problems.join('; ')}).`,
    },
  ];
}

/** A stated total against the engine's, excl. and incl. VAT, within the minor unit plus the step rounding. */
function costDiffers(stated: Cost | null, cost: CostResult, currency: string | null): string[] {
  if (!stated) return [];
  const problems: string[] = [];
  const unit = minorUnit(currency) + 1e-9;
  for (const [side, engine, steps] of [
    ['excl.', cost.totalExclVat, cost.stepRoundingExclVat],
    ['incl.', cost.totalInclVat, cost.stepRoundingInclVat],
  ] as const) {
    const value = side === 'excl.' ? stated.exclVat : stated.inclVat;
    if (value === null || engine === null) continue;
    const diff = Math.abs(value - engine);
    if (diff > unit + steps)
      problems.push(
        `${fmt(value)} ${side} VAT stated, ${fmt(engine)} computed (off by ${fmt(diff)}${steps > 0 ? `; step rounding explains ${fmt(steps)}` : ''})`,
      );
  }
  return problems;
}

/** Without the Location's time zone a time-of-day tariff was read in UTC: the finding is then only a lead. */
const ZONE_CAVEAT = (cost: CostResult): string =>
  cost.timeZoneUnknown
    ? " The Location's time zone is unknown, so the tariff's times of day were read in UTC: give the Location (--location) for a firm answer."
    : '';

export function checkCdrCost(cdr: Cdr, cost: CostResult): BillingCheck[] {
  const problems = costDiffers(cdr.totalCost, cost, cdr.currency ?? cost.currency);
  if (problems.length === 0) return [];
  return [
    {
      code: 'CDR_COST_MISMATCH',
      severity: cost.timeZoneUnknown ? 'warning' : 'error',
      message: `The CDR's total_cost is not what its tariff gives: ${problems.join('; ')}.${ZONE_CAVEAT(cost)}`,
      periods: lastIndex(cdr.periods.count),
      periodsOf: 'cdr',
    },
  ];
}

export function checkSessionCost(session: NormalizedSession, cost: CostResult): BillingCheck[] {
  const problems = costDiffers(session.cost, cost, session.currency ?? cost.currency);
  if (problems.length === 0) return [];
  return [
    {
      code: 'SESSION_COST_MISMATCH',
      // A session's total_cost is a running figure, informative until the CDR: a warning, not an error.
      severity: 'warning',
      message: `The session's total_cost is not what the tariff gives: ${problems.join('; ')}.${ZONE_CAVEAT(cost)}`,
      periods: lastIndex(session.periods.count),
      periodsOf: 'session',
    },
  ];
}

/** No tariff at all, period `tariff_id`s that are not among the tariffs, a connector's tariffs all missing. */
export function checkTariffsFound(
  tariffs: Tariff[],
  periods: { tariffIds: (string | null)[] | null; count: number },
  periodsOf: 'session' | 'cdr',
  connectorTariffIds: string[] = [],
): BillingCheck[] {
  if (tariffs.length === 0)
    return [
      {
        code: 'TARIFF_NOT_FOUND',
        severity: 'error',
        message: 'No tariff to price with: give one (--tariff) or use a CDR that carries its tariffs.',
      },
    ];
  const known = new Set(tariffs.map((t) => t.id));
  const out: BillingCheck[] = [];
  const missing = new Map<string, [number, number]>();
  periods.tariffIds?.forEach((id, i) => {
    if (id === null || known.has(id)) return;
    const range = missing.get(id);
    if (range) range[1] = i;
    else missing.set(id, [i, i]);
  });
  for (const [id, range] of missing)
    out.push({
      code: 'TARIFF_NOT_FOUND',
      severity: 'warning',
      message: `Periods ${range[0] + 1}–${range[1] + 1} name tariff "${id}", which is not among the tariffs given (${[...known].join(', ')}); they are priced by the tariff valid at their start.`,
      periods: range,
      periodsOf,
    });
  if (connectorTariffIds.length > 0 && !connectorTariffIds.some((id) => known.has(id)))
    out.push({
      code: 'TARIFF_NOT_FOUND',
      severity: 'warning',
      message: `The connector lists tariff(s) ${connectorTariffIds.join(', ')}, none of which is among the tariffs given.`,
    });
  return out;
}

export function checkCurrencies(named: { what: string; currency: string | null }[]): BillingCheck[] {
  const present = named.filter((n): n is { what: string; currency: string } => n.currency !== null);
  const distinct = [...new Set(present.map((n) => n.currency.toUpperCase()))];
  if (distinct.length <= 1) return [];
  return [
    {
      code: 'CURRENCY_MISMATCH',
      severity: 'error',
      message: `Currencies differ: ${present.map((n) => `${n.what} ${n.currency}`).join(', ')}. Amounts in different currencies cannot be compared.`,
    },
  ];
}

export interface CdrSearch {
  /** When the search ran (epoch ms). */
  now: number;
  /** The `last_updated` windows listed on the CDRs endpoint. */
  searched: readonly { from: number; to: number }[];
  /** Whether one of them held this session's CDR. */
  found: boolean;
  /** Hours after the session's end before a missing CDR is reported; default 48. */
  afterHours?: number;
}

/** A COMPLETED session over N hours old whose CDR none of the searched windows held. */
export function checkCdrMissing(
  session: Pick<NormalizedSession, 'status' | 'endedAt'>,
  search: CdrSearch,
): BillingCheck[] {
  const hours = search.afterHours ?? 48;
  if (search.found || session.status !== 'COMPLETED' || session.endedAt === null) return [];
  const age = (search.now - session.endedAt) / 3_600_000;
  if (age <= hours) return [];
  const windows = search.searched.length
    ? search.searched.map((w) => `${iso(w.from)} – ${iso(w.to)}`).join(', ')
    : 'no window was searched';
  return [
    {
      code: 'CDR_MISSING',
      severity: 'warning',
      message: `The session ended ${fmt(age, 1)} h ago (more than ${hours} h) and no CDR for it was found (last_updated searched: ${windows}).`,
    },
  ];
}

/** The checks a CDR supports on its own: sums, times, currencies and (given one) the engine's price. */
export function cdrSelfChecks(cdr: Cdr, cost: CostResult | null): BillingCheck[] {
  return [
    ...checkEnergy(cdr, null),
    ...checkTimes(cdr, null),
    ...checkParking(cdr, null),
    ...checkTotals(cdr),
    ...checkCurrencies([
      { what: 'CDR', currency: cdr.currency },
      ...cdr.tariffs.map((t) => ({ what: `tariff ${t.id ?? '?'}`, currency: t.currency })),
    ]),
    ...(cost ? checkCdrCost(cdr, cost) : []),
  ];
}

export interface ReconcileInput {
  session: NormalizedSession;
  cdr: Cdr;
  tariffs: Tariff[];
  /** The engine's price of the CDR's periods, and of the session's (null when there is no tariff). */
  cdrCost: CostResult | null;
  sessionCost: CostResult | null;
}

/** Every check between a session and its CDR. */
export function reconcile({ session, cdr, tariffs, cdrCost, sessionCost }: ReconcileInput): BillingCheck[] {
  return [
    ...checkSessionId(session, cdr),
    ...checkEnergy(cdr, session),
    ...checkTimes(cdr, session),
    ...checkParking(cdr, session),
    ...checkTotals(cdr),
    ...checkTariffsFound(tariffs, cdr.periods, 'cdr', session.connector?.tariffIds ?? []),
    ...checkCurrencies([
      { what: 'session', currency: session.currency },
      { what: 'CDR', currency: cdr.currency },
      ...tariffs.map((t) => ({ what: `tariff ${t.id ?? '?'}`, currency: t.currency })),
    ]),
    ...(cdrCost ? checkCdrCost(cdr, cdrCost) : []),
    ...(sessionCost ? checkSessionCost(session, sessionCost) : []),
  ];
}

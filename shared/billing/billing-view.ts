/**
 * What the Billing tab, the triage summary and the HTML report show of a session's billing, decided once:
 * the session and its CDR side by side (agreement read from the checks that judge each row, so the UI never
 * applies a rule of its own), the tariffs in words, and the breakdown rows as text.
 */
import type { LoadedSession } from '../domain/loaded-session';
import { formatNumber } from '../present/numbers';
import { formatTime } from '../present/time';
import type { Cost } from '../session/types';
import type { BillingAttachment } from './attach';
import { formatMoney, minorDigits, toMicros } from './money';
import { sessionParking } from './session-parking';
import { tariffInWords } from './tariff-words';
import type { BillingCheck, BillingCheckCode, CostComponent } from './types';

export interface ComparisonRow {
  label: string;
  session: string;
  cdr: string;
  /** true: agrees; false: a check found they differ (`by` names it); null: nothing to compare. */
  agrees: boolean | null;
  by: BillingCheckCode[];
}

export interface BreakdownRow {
  dimension: string;
  tariff: string;
  element: string;
  volume: string;
  unit: string;
  price: string;
  vat: string;
  exclVat: string;
  inclVat: string;
  /** 1-based period ranges, as the timeline numbers them. */
  periods: string;
  notes: string[];
}

export interface BillingView {
  /** Where the periods the checks and rows name belong: the CDR's, or the session's. */
  hasSession: boolean;
  hasCdr: boolean;
  comparison: ComparisonRow[];
  tariffs: { id: string; words: string }[];
  tariffsFrom: BillingAttachment['tariffsFrom'];
  costOf: BillingAttachment['costOf'];
  total: { exclVat: string; inclVat: string } | null;
  breakdown: BreakdownRow[];
  notes: string[];
  checks: BillingCheck[];
}

const dash = '—';
const hours = (from: number | null, to: number | null): number | null =>
  from !== null && to !== null ? (to - from) / 3_600_000 : null;
/** An amount to the currency's minor unit, as the presenter's cost lines (prices keep their decimals). */
const money = (v: number | null | undefined, currency: string | null): string => {
  if (v === null || v === undefined) return dash;
  const step = 10 ** (6 - minorDigits(currency));
  return formatMoney((Math.round(toMicros(v) / step) * step) / 1_000_000, currency);
};
const costText = (c: Cost | null, currency: string | null): string =>
  c ? `${money(c.exclVat, currency)} excl. / ${money(c.inclVat, currency)} incl.` : dash;

/** `[[0,2],[4,4]]` → `1–3, 5`. */
export const periodRangesText = (ranges: [number, number][]): string =>
  ranges.length ? ranges.map(([a, b]) => (a === b ? `${a + 1}` : `${a + 1}–${b + 1}`)).join(', ') : dash;

function breakdownRow(c: CostComponent, currency: string | null): BreakdownRow {
  return {
    dimension: `${c.reservation ? 'RESERVATION ' : ''}${c.type}`,
    tariff: c.tariffId ?? dash,
    element: c.element === null ? dash : String(c.element + 1),
    volume: formatNumber(c.volume, 4),
    unit: c.unit,
    price: c.element === null ? dash : formatMoney(c.price, currency),
    vat: c.vat === null ? 'none' : `${c.vat}%`,
    exclVat: money(c.costExclVat, currency),
    inclVat: money(c.costInclVat, currency),
    periods: periodRangesText(c.periods),
    notes: c.notes,
  };
}

/** The view of `loaded`'s billing, times in `zone` (undefined: the viewer's local zone); null without billing. */
export function presentBilling(loaded: LoadedSession, zone: string | undefined): BillingView | null {
  const b = loaded.billing;
  if (!b) return null;
  const hasSession = loaded.subject !== 'cdr';
  const s = hasSession ? loaded.session : null;
  const cdr = b.cdr;
  const fired = new Set(b.checks.map((c) => c.code));
  const row = (label: string, session: string, cdrText: string, by: BillingCheckCode[]): ComparisonRow => {
    const hit = by.filter((code) => fired.has(code));
    const comparable = s !== null && cdr !== null && session !== dash && cdrText !== dash;
    return { label, session, cdr: cdrText, agrees: hit.length ? false : comparable ? true : null, by: hit };
  };
  const currency = cdr?.currency ?? s?.currency ?? b.cost?.currency ?? null;
  const comparison: ComparisonRow[] = [
    row('Session id', s?.ids.id ?? s?.ids.sessionId ?? dash, cdr?.sessionId ?? dash, [
      'CDR_SESSION_ID_MISMATCH',
    ]),
    row('CDR id', dash, cdr?.id ?? dash, []),
    row('Start', formatTime(s?.startedAt ?? null, zone), formatTime(cdr?.startedAt ?? null, zone), [
      'CDR_TIME_MISMATCH',
    ]),
    row('End', formatTime(s?.endedAt ?? null, zone), formatTime(cdr?.endedAt ?? null, zone), [
      'CDR_TIME_MISMATCH',
    ]),
    row(
      'Energy (kWh)',
      formatNumber(s ? (s.kwh ?? s.energyRounding.sum) : null),
      formatNumber(cdr?.totalEnergy),
      ['CDR_ENERGY_MISMATCH'],
    ),
    row(
      'Time (h)',
      formatNumber(s ? hours(s.startedAt, s.endedAt) : null, 4),
      formatNumber(cdr?.totalTime, 4),
      ['CDR_TIME_MISMATCH'],
    ),
    row(
      'Parking (h)',
      formatNumber(s ? (sessionParking(s)?.hours ?? null) : null, 4),
      formatNumber(cdr?.totalParkingTime, 4),
      ['CDR_PARKING_MISMATCH'],
    ),
    row('Currency', s?.currency ?? dash, cdr?.currency ?? dash, ['CURRENCY_MISMATCH']),
    row('Cost', costText(s?.cost ?? null, currency), costText(cdr?.totalCost ?? null, currency), [
      'CDR_TOTALS_INCONSISTENT',
      'CDR_COST_MISMATCH',
      'SESSION_COST_MISMATCH',
    ]),
  ];
  return {
    hasSession,
    hasCdr: cdr !== null,
    comparison,
    tariffs: b.tariffs.map((t) => ({ id: t.id ?? '(no id)', words: tariffInWords(t) })),
    tariffsFrom: b.tariffsFrom,
    costOf: b.costOf,
    total: b.cost
      ? {
          exclVat: money(b.cost.totalExclVat, b.cost.currency),
          inclVat: money(b.cost.totalInclVat, b.cost.currency),
        }
      : null,
    breakdown: b.cost ? b.cost.components.map((c) => breakdownRow(c, b.cost?.currency ?? null)) : [],
    notes: b.cost?.notes ?? [],
    checks: b.checks,
  };
}

/**
 * Whether a billing check's periods are the ones the timeline shows: the session's, or (for a CDR opened
 * alone) the CDR's.
 */
export const checkPeriodsShown = (check: BillingCheck, loaded: LoadedSession): boolean =>
  check.periods !== undefined &&
  (check.periodsOf ?? 'session') === (loaded.subject === 'cdr' ? 'cdr' : 'session');

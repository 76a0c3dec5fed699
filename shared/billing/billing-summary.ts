/**
 * What the CLI prints for billing: the one-object CDR summary (`summary --json` on a CDR) and the cost
 * report (`cost --json`), plus their readable text forms.
 */
import type { CdrFacts } from '../present/present-session';
import { roundTo } from '../present/numbers';
import { formatSeconds } from '../present/time';
import { visibleText } from '../present/visible-text';
import { toIso } from '../session/iso-date';
import type { ReaderError, ReaderWarning } from '../session/types';
import { priceSession } from './cost-engine';
import { pricingInputFromCdr } from './pricing-input';
import { looksLikeCdr, payloadOf, readCdr } from './read-cdr';
import { cdrSelfChecks } from './reconcile';
import { tariffInWords } from './tariff-words';
import type { BillingCheck, Cdr, CostResult, Tariff } from './types';

export interface CdrSummary {
  kind: 'cdr';
  id: string | null;
  sessionId: string | null;
  startedAt: string | null;
  endedAt: string | null;
  totalEnergyKwh: number | null;
  totalTimeHours: number | null;
  totalParkingTimeHours: number | null;
  totalCostExclVat: number | null;
  totalCostInclVat: number | null;
  currency: string | null;
  anomalies: BillingCheck[];
  warnings: ReaderWarning[];
}

export function summarizeCdr(cdr: Cdr, anomalies: BillingCheck[], warnings: ReaderWarning[]): CdrSummary {
  return {
    kind: 'cdr',
    id: cdr.id,
    sessionId: cdr.sessionId,
    startedAt: toIso(cdr.startedAt),
    endedAt: toIso(cdr.endedAt),
    totalEnergyKwh: cdr.totalEnergy,
    totalTimeHours: cdr.totalTime,
    totalParkingTimeHours: cdr.totalParkingTime,
    totalCostExclVat: cdr.totalCost?.exclVat ?? null,
    totalCostInclVat: cdr.totalCost?.inclVat ?? null,
    currency: cdr.currency,
    anomalies,
    warnings,
  };
}

/** What the session presenter shows of a session's CDR (shared/present `CdrFacts`). */
export const cdrFacts = (cdr: Cdr): CdrFacts => ({ id: cdr.id, currency: cdr.currency, cost: cdr.totalCost });

export interface CostReport {
  currency: string | null;
  totalExclVat: number | null;
  totalInclVat: number | null;
  components: {
    type: string;
    tariffId: string | null;
    element: number | null;
    volume: number;
    unit: string;
    price: number;
    vat: number | null;
    costExclVat: number | null;
    costInclVat: number | null;
  }[];
  anomalies: { code: string; severity: string; message: string }[];
}

/** Exactly the documented keys, in order: scripts depend on them. */
export function costReport(cost: CostResult, anomalies: BillingCheck[]): CostReport {
  return {
    currency: cost.currency,
    totalExclVat: cost.totalExclVat,
    totalInclVat: cost.totalInclVat,
    components: cost.components.map((c) => ({
      type: c.type,
      tariffId: c.tariffId,
      element: c.element,
      volume: c.volume,
      unit: c.unit,
      price: c.price,
      vat: c.vat,
      costExclVat: c.costExclVat,
      costInclVat: c.costInclVat,
    })),
    anomalies: anomalies.map((a) => ({ code: a.code, severity: a.severity, message: a.message })),
  };
}

const v = (x: string | number | null): string => (x === null ? '—' : String(x));
/** `3.033 h (3:02:01)`: hours as a CDR states them, rounded for reading; `--json` keeps the exact figure. */
const hours = (h: number | null): string =>
  h === null ? '— h' : `${roundTo(h, 3)} h (${formatSeconds(h * 3600)})`;
/** Lines for a terminal: server text may hold ESC, bidi overrides or line breaks; each becomes a visible mark. */
const asText = (lines: string[]): string => lines.map(visibleText).join('\n') + '\n';

function checkLines(anomalies: BillingCheck[]): string[] {
  return anomalies.length
    ? [
        `Checks (${anomalies.length})`,
        ...anomalies.map((c) => `  [${c.severity.toUpperCase()}] ${c.code}: ${c.message}`),
      ]
    : ['Checks: none fired'];
}

export function formatCdrSummaryText(s: CdrSummary): string {
  const lines = [
    `CDR          ${v(s.id)}  (session ${v(s.sessionId)})`,
    `Started      ${v(s.startedAt)}`,
    `Ended        ${v(s.endedAt)}`,
    `Energy       ${v(s.totalEnergyKwh)} kWh`,
    `Time         ${hours(s.totalTimeHours)}, of which parking ${hours(s.totalParkingTimeHours)}`,
    `Cost         ${v(s.totalCostExclVat)} excl. VAT, ${v(s.totalCostInclVat)} incl. VAT ${v(s.currency)}`,
    '',
    ...checkLines(s.anomalies),
  ];
  if (s.warnings.length)
    lines.push(
      '',
      `Reader warnings (${s.warnings.length})`,
      ...s.warnings.map((w) => `  ${w.path || '(root)'}: ${w.message}`),
    );
  return asText(lines);
}

/** The breakdown as text; `tariffs` are said in words first, so the reader knows what was applied. */
export function formatCostText(cost: CostResult, anomalies: BillingCheck[], tariffs: Tariff[] = []): string {
  const lines = [
    ...tariffs.map((t) => `Tariff ${v(t.id)}: ${tariffInWords(t)}`),
    ...(tariffs.length ? [''] : []),
    `Total        ${v(cost.totalExclVat)} excl. VAT, ${v(cost.totalInclVat)} incl. VAT ${v(cost.currency)}`,
    '',
    ...cost.components.flatMap((c) => [
      `  ${c.reservation ? 'RESERVATION ' : ''}${c.type.padEnd(12)} tariff ${v(c.tariffId)} element ${v(c.element)}: ${c.volume} ${c.unit} × ${c.price}` +
        ` = ${v(c.costExclVat)} excl., ${v(c.costInclVat)} incl. (VAT ${c.vat === null ? '—' : `${c.vat}%`})`,
      ...c.notes.map((n) => `      ${n}`),
    ]),
    '',
    'Rules applied:',
    ...cost.notes.map((n) => `  ${n}`),
    '',
    ...checkLines(anomalies),
  ];
  return asText(lines);
}

/**
 * The summary of an input when it is a CDR (bare or in its envelope), priced with its own tariffs for the
 * CDR_COST_MISMATCH check; null when the input is not a CDR (a session, a bundle), so callers read it as such.
 */
export function summarizeIfCdr(
  value: unknown,
): { ok: true; summary: CdrSummary } | { ok: false; error: ReaderError } | null {
  const payload = payloadOf(value);
  if (!payload || !looksLikeCdr(payload)) return null;
  const read = readCdr(value);
  if (!read.ok) return read;
  const { cdr } = read;
  const cost = cdr.tariffs.length ? priceSession(pricingInputFromCdr(cdr)) : null;
  return { ok: true, summary: summarizeCdr(cdr, cdrSelfChecks(cdr, cost), read.warnings) };
}

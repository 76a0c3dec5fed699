/**
 * The Demo profile's billing examples: OCPI 2.2.1 sessions whose CDR and tariffs attach when they are fetched
 * (shared/demo/demo-billing.ts), one per kind of dispute a support desk meets, so that across them every
 * billing check of shared/billing/reconcile.ts fires. Each says which checks it shows (a test holds it to
 * that). The CDR is the dataset's (shared/demo/billing-dataset.ts `cdrForSession`), then altered as named.
 */
import { priceSession } from '../billing/cost-engine';
import { fromMicros, toMicros } from '../billing/money';
import { pricingInputFromSession } from '../billing/pricing-input';
import { readTariffs } from '../billing/read-tariff';
import type { BillingCheckCode } from '../billing/types';
import { readSession } from '../session/read-session';
import { COST_OFF_EVERY, demoTariffs, ENERGY_OFF_EVERY } from './billing-dataset';
import { generateSession, type GeneratedSession } from './generate-session';

type Row = Record<string, unknown>;

export interface BillingExample {
  id: string;
  title: string;
  /** The billing checks it shows; CDR_MISSING comes from Find CDR on the Demo profile. */
  shows: readonly BillingCheckCode[];
  build(): GeneratedSession;
  /** Index in the dataset's disagreement cycle of the CDR attached; absent: no CDR (Find CDR finds none). */
  cdrIndex?: number;
  /** What is done to the dataset's CDR. */
  alterCdr?(cdr: Row): void;
  /** The tariffs attached (default: the Demo CPO's). */
  tariffs?(): Row[];
}

const TARIFFS = () => demoTariffs('2.2.1');
/** A cycle index where the dataset's CDR agrees (neither its cost nor its energy is off). */
const AGREEING = 0;

/**
 * A generated 2.2.1 session whose running `total_cost` is what the demo tariff gives for its periods (the
 * generator's is a flat per-kWh figure), plus `offBy` euros excl. VAT.
 */
function session(id: string, seed: number, offBy = 0): GeneratedSession {
  const g = generateSession({ periods: 240, shape: 'ocpi-2.2.1', id, seed });
  const data = g.body.data as Row;
  const read = readSession(data, { location: g.location });
  const tariffs = readTariffs(TARIFFS());
  if (!read.ok || !tariffs.ok) throw new Error(`demo example ${id} does not read`);
  const cost = priceSession({
    ...pricingInputFromSession(read.session, tariffs.tariffs),
    timeZone: read.session.location?.timeZone ?? null,
  });
  const cents = (v: number | null) => Math.round((v ?? 0) * 100) / 100;
  const off = fromMicros(toMicros(offBy));
  data.total_cost = {
    excl_vat: cents(fromMicros(toMicros(cost.totalExclVat ?? 0) + toMicros(off))),
    incl_vat: cents(fromMicros(toMicros(cost.totalInclVat ?? 0) + toMicros(off * 1.21))),
  };
  return g;
}

const HOUR_MS = 3_600_000;
const shift = (iso: unknown, ms: number): string => new Date(Date.parse(String(iso)) + ms).toISOString();

export const BILLING_EXAMPLES: readonly BillingExample[] = [
  {
    id: 'demo-billing',
    title: 'OCPI 2.2.1 session with its CDR and tariff: the bill adds up',
    shows: [],
    build: () => session('demo-billing', 31),
    cdrIndex: AGREEING,
  },
  {
    id: 'demo-billing-disputed',
    title: 'OCPI 2.2.1 session whose CDR bills €5 and 1 kWh too much',
    shows: ['CDR_COST_MISMATCH', 'CDR_ENERGY_MISMATCH'],
    build: () => session('demo-billing-disputed', 32),
    // Both disagreements of the dataset fall on this index.
    cdrIndex: COST_OFF_EVERY * ENERGY_OFF_EVERY - 1,
  },
  {
    id: 'demo-billing-session-cost',
    title: "Billing: the session's running total_cost is €3 above what its tariff gives (the CDR is right)",
    shows: ['SESSION_COST_MISMATCH'],
    build: () => session('demo-billing-session-cost', 33, 3),
    cdrIndex: AGREEING,
  },
  {
    id: 'demo-billing-other-session',
    title: "Billing: a CDR of another session — its session_id, times and parking are not this session's",
    shows: ['CDR_SESSION_ID_MISMATCH', 'CDR_TIME_MISMATCH', 'CDR_PARKING_MISMATCH'],
    build: () => session('demo-billing-other-session', 34),
    cdrIndex: AGREEING,
    alterCdr: (cdr) => {
      cdr.session_id = 'demo-billing-neighbour';
      cdr.start_date_time = shift(cdr.start_date_time, HOUR_MS / 2);
      cdr.end_date_time = shift(cdr.end_date_time, HOUR_MS / 2);
      cdr.total_parking_time = 0.5;
    },
  },
  {
    id: 'demo-billing-bad-totals',
    title: "Billing: the CDR's energy and parking cost do not add up to its total_cost",
    shows: ['CDR_TOTALS_INCONSISTENT'],
    build: () => session('demo-billing-bad-totals', 35),
    cdrIndex: AGREEING,
    alterCdr: (cdr) => {
      const total = cdr.total_cost as { excl_vat: number; incl_vat: number };
      cdr.total_energy_cost = { excl_vat: total.excl_vat - 2, incl_vat: total.incl_vat - 2.42 };
      cdr.total_parking_cost = { excl_vat: 0, incl_vat: 0 };
    },
  },
  {
    id: 'demo-billing-foreign-tariff',
    title: 'Billing: the tariff attached is in USD, and the last periods name a tariff nobody sent',
    shows: ['CURRENCY_MISMATCH', 'TARIFF_NOT_FOUND'],
    build: () => session('demo-billing-foreign-tariff', 36),
    cdrIndex: AGREEING,
    alterCdr: (cdr) => {
      const periods = cdr.charging_periods as Row[];
      for (const p of periods.slice(-10)) p.tariff_id = 'DC-NIGHT';
    },
    tariffs: () => TARIFFS().map((t) => ({ ...t, currency: 'USD' })),
  },
  {
    id: 'demo-billing-no-cdr',
    title: 'Billing: a session its CPO never sent a CDR for — Find CDR reports CDR_MISSING',
    shows: ['CDR_MISSING'],
    build: () => session('demo-billing-no-cdr', 37),
  },
];

export const billingExample = (id: string): BillingExample | undefined =>
  BILLING_EXAMPLES.find((e) => e.id === id);

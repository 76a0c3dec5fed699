/**
 * The Demo profile's billing examples: OCPI 2.2.1 sessions whose CDR and tariffs attach when they are fetched
 * (shared/demo/demo-billing.ts), one per kind of dispute a support desk meets, so that across them every
 * billing check of shared/billing/reconcile.ts fires. Each says which checks it shows (a test holds it to
 * that). The CDR is the dataset's (shared/demo/billing-dataset.ts `cdrForSession`), then altered as named.
 * The start page lists these, so this module stays light (no reader, no engine): what needs those is done
 * in main by shared/demo/demo-billing.ts.
 */
import type { BillingCheckCode } from '../billing/types';
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
  /** The currency the attached tariffs are given in (default: theirs, EUR). */
  tariffCurrency?: string;
}

/** A cycle index where the dataset's CDR agrees (neither its cost nor its energy is off). */
const AGREEING = 0;

/**
 * A generated 2.2.1 session whose running `total_cost` is `cost` (excl. and incl. VAT): the demo tariff's
 * price of its periods, which a test checks against the cost engine (the generator's is a flat per-kWh figure).
 */
function session(id: string, seed: number, cost: [number, number]): GeneratedSession {
  const g = generateSession({ periods: 240, shape: 'ocpi-2.2.1', id, seed });
  (g.body.data as Row).total_cost = { excl_vat: cost[0], incl_vat: cost[1] };
  return g;
}

const HOUR_MS = 3_600_000;
const shift = (iso: unknown, ms: number): string => new Date(Date.parse(String(iso)) + ms).toISOString();

export const BILLING_EXAMPLES: readonly BillingExample[] = [
  {
    id: 'demo-billing',
    title: 'OCPI 2.2.1 session with its CDR and tariff: the bill adds up',
    shows: [],
    build: () => session('demo-billing', 31, [37.4, 45.25]),
    cdrIndex: AGREEING,
  },
  {
    id: 'demo-billing-disputed',
    title: 'OCPI 2.2.1 session whose CDR bills €5 and 1 kWh too much',
    shows: ['CDR_COST_MISMATCH', 'CDR_ENERGY_MISMATCH'],
    build: () => session('demo-billing-disputed', 32, [37.41, 45.26]),
    // Both disagreements of the dataset (COST_OFF_EVERY 13, ENERGY_OFF_EVERY 29) fall on index 376.
    cdrIndex: 13 * 29 - 1,
  },
  {
    id: 'demo-billing-session-cost',
    title: "Billing: the session's running total_cost is €3 above what its tariff gives (the CDR is right)",
    shows: ['SESSION_COST_MISMATCH'],
    build: () => session('demo-billing-session-cost', 33, [37.45 + 3, 45.32 + 3.63]),
    cdrIndex: AGREEING,
  },
  {
    id: 'demo-billing-other-session',
    title: "Billing: a CDR of another session — its session_id, times and parking are not this session's",
    shows: ['CDR_SESSION_ID_MISMATCH', 'CDR_TIME_MISMATCH', 'CDR_PARKING_MISMATCH'],
    build: () => session('demo-billing-other-session', 34, [37.4, 45.26]),
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
    build: () => session('demo-billing-bad-totals', 35, [37.4, 45.26]),
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
    build: () => session('demo-billing-foreign-tariff', 36, [37.44, 45.31]),
    cdrIndex: AGREEING,
    alterCdr: (cdr) => {
      const periods = cdr.charging_periods as Row[];
      for (const p of periods.slice(-10)) p.tariff_id = 'DC-NIGHT';
    },
    tariffCurrency: 'USD',
  },
  {
    id: 'demo-billing-no-cdr',
    title: 'Billing: a session its CPO never sent a CDR for — Find CDR reports CDR_MISSING',
    shows: ['CDR_MISSING'],
    build: () => session('demo-billing-no-cdr', 37, [37.41, 45.27]),
  },
];

export const billingExample = (id: string): BillingExample | undefined =>
  BILLING_EXAMPLES.find((e) => e.id === id);

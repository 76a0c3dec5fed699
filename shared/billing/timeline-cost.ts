/**
 * What the timeline draws of a session's billing: the cumulative cost after each period, by the ONE cost
 * engine's per-period output (./cost-engine `pricePeriods`), and the runs of periods priced by the same
 * tariff elements, in words. Incl. VAT when the engine knows it (what the driver pays), else excl. VAT.
 */
import type { NormalizedSession } from '../session/types';
import type { BillingAttachment } from './attach';
import { PERIOD_DIMENSIONS, pricePeriods, type PeriodCosts } from './cost-engine';
import { fromMicros } from './money';
import { pricingInputFromSession } from './pricing-input';
import { elementInWords } from './tariff-words';

/** A run of consecutive periods priced by the same tariff and elements. */
export interface CostBand {
  /** Period indices, inclusive. */
  from: number;
  to: number;
  /** "Tariff T1 element 2: €0.30/kWh 08:00–18:00 local"; elements numbered from 1 as on the Billing tab. */
  label: string;
}

export interface TimelineCost {
  currency: string | null;
  vat: 'incl' | 'excl';
  /** "Cost (EUR, incl. VAT)": the axis and legend label. */
  label: string;
  /** Per period, the cost reached at its end, currency units (exact: running sums of integer micros). */
  cumulative: Float64Array;
  /** The engine's total in the chosen basis; the last cumulative value. */
  total: number;
  bands: CostBand[];
  /** The per-period attribution rule, in words. */
  rule: string;
}

/** The cost after each period from the engine's per-period micros; null when the basis is unknown. */
export function cumulativeCost(micros: Float64Array): Float64Array | null {
  const out = new Float64Array(micros.length);
  let sum = 0;
  for (let i = 0; i < micros.length; i++) {
    if (Number.isNaN(micros[i])) return null;
    sum += micros[i];
    out[i] = fromMicros(sum);
  }
  return out;
}

/** Runs of periods with the same tariff and the same element per dimension (FLAT aside: it is one-off). */
export function costBands(
  periods: PeriodCosts,
  words: (tariff: number, element: number) => string,
): CostBand[] {
  const dims = PERIOD_DIMENSIONS.map((d, k) => [d, k] as const).filter(([d]) => d !== 'FLAT');
  const keyOf = (i: number): string =>
    periods.tariff[i] < 0 ? '' : [periods.tariff[i], ...dims.map(([, k]) => periods.element[k][i])].join(',');
  const bands: CostBand[] = [];
  let runKey = '';
  for (let i = 0; i < periods.tariff.length; i++) {
    const key = keyOf(i);
    const open = bands[bands.length - 1];
    if (open && key === runKey && open.to === i - 1) {
      open.to = i;
      continue;
    }
    runKey = key;
    if (!key) continue;
    const tariff = periods.tariff[i];
    const elements = [...new Set(dims.map(([, k]) => periods.element[k][i]).filter((e) => e >= 0))];
    const label = elements.map((e) => words(tariff, e)).join(' · ') || words(tariff, -1);
    bands.push({ from: i, to: i, label });
  }
  return bands;
}

/** The timeline's cost for a session with billing; null without tariffs or with nothing priced. */
export function timelineCost(session: NormalizedSession, billing: BillingAttachment): TimelineCost | null {
  const tariffs = billing.tariffs;
  if (tariffs.length === 0 || session.periods.count === 0) return null;
  // The same zone as the attachment's prices (./attach `priceAndCheck`): the CDR's Location, else the session's.
  const timeZone = billing.cdr?.location?.timeZone ?? session.location?.timeZone ?? null;
  const { cost, periods } = pricePeriods({ ...pricingInputFromSession(session, tariffs), timeZone });
  const incl = cost.totalInclVat !== null ? cumulativeCost(periods.inclVatMicros) : null;
  const excl = incl ? null : cumulativeCost(periods.exclVatMicros);
  const cumulative = incl ?? excl;
  const total = incl ? cost.totalInclVat : cost.totalExclVat;
  if (!cumulative || total === null) return null;
  const vat = incl ? 'incl' : 'excl';
  const currency = cost.currency;
  const words = (t: number, e: number): string => {
    const tariff = tariffs[t];
    const name = `Tariff ${tariff.id ?? t + 1}`;
    return e < 0 ? name : `${name} element ${e + 1}: ${elementInWords(tariff, e)}`;
  };
  return {
    currency,
    vat,
    label: `Cost (${currency ?? 'no currency'}, ${vat}. VAT)`,
    cumulative,
    total,
    bands: costBands(periods, words),
    rule: periods.rule,
  };
}

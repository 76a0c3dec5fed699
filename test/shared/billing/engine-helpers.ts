/** Shared by the engine tests: read a hand-written CDR and its tariffs, price it, index its rows. */
import { pricePeriods, priceSession } from '../../../shared/billing/cost-engine';
import type { PeriodCosts } from '../../../shared/billing/cost-engine';
import { pricingInputFromCdr } from '../../../shared/billing/pricing-input';
import { readCdr } from '../../../shared/billing/read-cdr';
import { readTariffs } from '../../../shared/billing/read-tariff';
import type { CostResult } from '../../../shared/billing/types';
import { amsterdamLocation, cdr221, type PeriodSpec } from '../../fixtures/billing/cdrs';

type Json = Record<string, unknown>;

function pricingInput(tariff: Json | Json[], start: string, end: string, specs: PeriodSpec[], zone: boolean) {
  const read = readCdr(cdr221(start, end, specs), zone ? { location: amsterdamLocation() } : {});
  if (!read.ok) throw new Error(read.error.message);
  const tariffs = readTariffs(tariff);
  if (!tariffs.ok) throw new Error(tariffs.error.message);
  return pricingInputFromCdr(read.cdr, tariffs.tariffs);
}

export function price(
  tariff: Json | Json[],
  start: string,
  end: string,
  specs: PeriodSpec[],
  zone = true,
): CostResult {
  return priceSession(pricingInput(tariff, start, end, specs, zone));
}

/** As `price`, with what each period contributed (the engine's `pricePeriods`). */
export function pricePerPeriod(
  tariff: Json | Json[],
  start: string,
  end: string,
  specs: PeriodSpec[],
  zone = true,
): { cost: CostResult; periods: PeriodCosts } {
  return pricePeriods(pricingInput(tariff, start, end, specs, zone));
}

/** `TYPE#element` → [volume, costExclVat, costInclVat] for compact expectations. */
export function rows(result: CostResult): Record<string, [number, number | null, number | null]> {
  const out: Record<string, [number, number | null, number | null]> = {};
  for (const c of result.components)
    out[`${c.reservation ? 'R:' : ''}${c.type}#${c.element ?? '-'}`] = [
      c.volume,
      c.costExclVat,
      c.costInclVat,
    ];
  return out;
}

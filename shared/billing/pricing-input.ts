/** What the cost engine needs, from a read CDR or a read session. */
import type { NormalizedSession } from '../session/types';
import type { PricingInput } from './cost-engine';
import type { Cdr, Tariff } from './types';

/** A CDR priced with its own tariffs unless others are given; the time zone from its (or the given) Location. */
export function pricingInputFromCdr(cdr: Cdr, tariffs: Tariff[] = cdr.tariffs): PricingInput {
  return {
    periods: cdr.periods,
    startedAt: cdr.startedAt,
    endedAt: cdr.endedAt,
    tariffs,
    timeZone: cdr.location?.timeZone ?? null,
    currency: cdr.currency,
  };
}

export function pricingInputFromSession(session: NormalizedSession, tariffs: Tariff[]): PricingInput {
  return {
    periods: session.periods,
    startedAt: session.startedAt,
    endedAt: session.endedAt,
    tariffs,
    timeZone: session.location?.timeZone ?? null,
    currency: session.currency,
  };
}

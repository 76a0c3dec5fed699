/**
 * Wh sent as kWh: the one rule that decides the unit the period volumes were written in. Two tells: the
 * periods' ENERGY sums to about 1000× the session's `kwh`, or (when `kwh` does not vouch for the volumes) a
 * period's average power is one no charger delivers. When it fires the reader reads the volumes as Wh by
 * default; `ENERGY_UNIT_SUSPECT` reports the evidence either way.
 */
import type { PeriodTable } from './types';
import { powerAbove } from './periods';

/** Ratio band in which period energy is taken to be Wh reported as kWh. */
export const WH_RATIO_MIN = 800;
export const WH_RATIO_MAX = 1250;
/** No connector in service delivers this much; a period "power" above it means the unit is wrong. */
export const IMPLAUSIBLE_KW = 1000;
/** Far above a connector's maximum: Wh read as kWh gives about 1000× the real power, which is ≤ the maximum. */
const FAR_ABOVE_CONNECTOR = 100;
/** Period energy within this factor of `kwh` vouches for the volumes' unit: the power tell does not apply. */
const AGREEING_RATIO = 1.5;

export interface WhEvidence {
  by: 'ratio' | 'power';
  /** Ratio of period energy to `kwh` (ratio tell) or the highest implied power in kW (power tell). */
  figure: number;
  /** The power limit that was passed, in kW (power tell). */
  limitKw: number | null;
  periods: [number, number];
}

export function detectWhVolumes(
  table: PeriodTable,
  energySum: number | null,
  kwh: number | null,
  connectorMaxKw: number | null,
): WhEvidence | null {
  if (energySum === null || energySum <= 0 || table.count === 0) return null;
  const all: [number, number] = [0, table.count - 1];
  if (kwh !== null && kwh > 0) {
    const ratio = energySum / kwh;
    if (ratio >= WH_RATIO_MIN && ratio <= WH_RATIO_MAX)
      return { by: 'ratio', figure: ratio, limitKw: null, periods: all };
    if (ratio <= AGREEING_RATIO && ratio >= 1 / AGREEING_RATIO) return null;
  }
  const limitKw =
    connectorMaxKw !== null && connectorMaxKw > 0
      ? Math.min(IMPLAUSIBLE_KW, connectorMaxKw * FAR_ABOVE_CONNECTOR)
      : IMPLAUSIBLE_KW;
  const { first, last, max } = powerAbove(table, undefined, limitKw);
  return first < 0 ? null : { by: 'power', figure: max, limitKw, periods: [first, last] };
}

/**
 * The power tell for a total with no periods to vouch for it (a CDR's `total_energy` over its `total_time`):
 * the warning to give when the average power is one no charger delivers, else null. Read as sent: the total
 * is what was billed, so it is reported, never rescaled.
 */
export function whTotalWarning(totalKwh: number | null, hours: number | null): string | null {
  if (totalKwh === null || hours === null || !(hours > 0) || !(totalKwh > 0)) return null;
  const averageKw = totalKwh / hours;
  if (averageKw <= IMPLAUSIBLE_KW) return null;
  const n = (x: number, digits: number): string => String(Number(x.toFixed(digits)));
  return `${n(totalKwh, 3)} kWh in ${n(hours, 3)} h is an average of ${n(averageKw, 0)} kW, above ${IMPLAUSIBLE_KW} kW, which no charger delivers: it looks like Wh sent as kWh (${n(totalKwh / 1000, 3)} kWh). Read as sent.`;
}

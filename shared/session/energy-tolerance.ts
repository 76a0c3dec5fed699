/**
 * The one rule for "do the periods' ENERGY volumes agree with the session's `kwh`?". The `ENERGY_MISMATCH`
 * check fires when they do not, and every view says "agree" or "differ" by this same rule, so a highlight
 * and the check can never disagree.
 */
import type { EnergyRounding } from './types';

/** What the comparison found; figures in kWh. */
export interface EnergyComparison {
  reported: number;
  summed: number;
  /** |summed − reported|. */
  diff: number;
  /** The most that rounding explains: half a unit of each volume's last written place, and of kwh's. */
  tolerance: number;
  volumes: number;
  /** Decimal places of the volumes, when they all had the same number (for "20 three-decimal volumes"). */
  volumeDecimals: number | null;
  agree: boolean;
}

/** Half a unit of the last decimal place `value` is written with (0.0005 for 0.109); 0 for exponent forms. */
export function halfUnitOf(value: number): number {
  const text = String(value);
  if (/e/i.test(text)) return 0;
  const dot = text.indexOf('.');
  return 0.5 * 10 ** -(dot < 0 ? 0 : text.length - dot - 1);
}

/** Null when there is nothing to compare: no `kwh` or no ENERGY volume. */
export function compareEnergy(kwh: number | null, rounding: EnergyRounding): EnergyComparison | null {
  if (kwh === null || rounding.sum === null) return null;
  // The volumes' own decimals explain up to half a unit of their last place each; kwh's own rounding too.
  const tolerance = rounding.halfUnits + (rounding.kwhHalfUnit ?? halfUnitOf(kwh)) + 1e-9;
  const diff = Math.abs(rounding.sum - kwh);
  return {
    reported: kwh,
    summed: rounding.sum,
    diff,
    tolerance,
    volumes: rounding.volumes,
    volumeDecimals: commonDecimals(rounding),
    agree: diff <= tolerance,
  };
}

/**
 * The decimals every volume had, read back from the mean half unit: a mean of exactly 0.0005 kWh is three
 * decimals each (a mix would need e.g. ten 4-decimal volumes per 2-decimal one to land on it exactly).
 */
function commonDecimals(r: EnergyRounding): number | null {
  if (r.volumes === 0) return null;
  const mean = r.halfUnits / r.volumes;
  for (let d = 0; d <= 6; d++) if (Math.abs(mean - 0.5 * 10 ** -d) <= 1e-12 * 10 ** -d) return d;
  return null;
}

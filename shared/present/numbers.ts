/**
 * The one number-formatting rule for every view and export: no floating-point noise. Energy keeps the
 * source's decimals (else 0.001 kWh), power 0.01 kW, money the currency's minor unit.
 */

const MAX_DECIMALS = 6;
/** Power is shown to 0.01 kW. */
export const POWER_DECIMALS = 2;
/** Energy whose source decimals are unknown is shown to 0.001 kWh. */
export const ENERGY_DECIMALS = 3;
/** Durations in seconds: milliseconds are the finest the times carry. */
export const SECONDS_DECIMALS = 3;

const POWERS = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9];

/**
 * `n` rounded to `decimals` places (at most 9), as the number that prints so: 5.040000000000001 → 5.04.
 * One multiply, round and divide: the quotient is the double nearest k/10^d, which prints as that decimal.
 * The report's period viewer rounds with the same expression, so its CSV matches `periodsToCsv`.
 */
export function roundTo(n: number, decimals: number): number {
  if (!Number.isFinite(n)) return n;
  const p = POWERS[decimals];
  return Math.round(n * p) / p;
}

/** Decimal places a number was written with, up to 6 (0.109 → 3; noise such as 0.30000000000000004 → 6). */
export function decimalsOf(n: number): number {
  let scaled = n;
  for (let d = 0; d < MAX_DECIMALS; d++) {
    if (Math.abs(scaled - Math.round(scaled)) < 1e-9 * Math.max(1, Math.abs(scaled))) return d;
    scaled *= 10;
  }
  return MAX_DECIMALS;
}

/** The most decimals any value of a column has (NaN skipped); `fallback` when it holds none. */
export function columnDecimals(values: ArrayLike<number>, fallback = ENERGY_DECIMALS): number {
  let most = -1;
  for (let i = 0; i < values.length && most < MAX_DECIMALS; i++) {
    const v = values[i];
    if (Number.isFinite(v)) most = Math.max(most, decimalsOf(v));
  }
  return most < 0 ? fallback : most;
}

/** A number with at most `decimals` places, or an em dash for null/NaN; no grouping, `.` as the point. */
export function formatNumber(n: number | null | undefined, decimals = ENERGY_DECIMALS): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  return String(roundTo(n, decimals));
}

export const formatKw = (n: number | null | undefined): string =>
  formatNumber(n, POWER_DECIMALS) + (n === null || n === undefined || !Number.isFinite(n) ? '' : ' kW');

const minorUnits = new Map<string, number>();

/** Decimal places of the currency's minor unit (EUR 2, JPY 0, KWD 3); 2 for an unknown code. */
export function currencyDecimals(currency: string | null): number {
  if (currency === null) return 2;
  let digits = minorUnits.get(currency);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits;
    } catch {
      digits = 2;
    }
    minorUnits.set(currency, digits ?? 2);
  }
  return digits ?? 2;
}

/** An amount rounded to the currency's minor unit, for machine output. */
export function roundMoney(n: number | null, currency: string | null): number | null {
  return n === null ? null : roundTo(n, currencyDecimals(currency));
}

/** `12.10` — every minor-unit digit shown, as money is written. */
export function formatMoneyAmount(n: number | null, currency: string | null): string {
  return n === null || !Number.isFinite(n) ? '—' : n.toFixed(currencyDecimals(currency));
}

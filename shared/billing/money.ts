/**
 * The money rule: amounts are integers in millionths of the currency unit ("micros") while they are
 * computed, so sums over 200,000 periods never drift. A row's cost is price × billed volume rounded half-up
 * (away from zero) to a micro once; totals are sums of rows. Nothing is rounded to cents: OCPI leaves price
 * rounding to law and contract, and its own examples show amounts like 2.875.
 */
export const MICROS = 1_000_000;

export const toMicros = (amount: number): number => Math.sign(amount) * Math.round(Math.abs(amount) * MICROS);

/** Micros back to a plain number for output (exact to 6 decimals). */
export const fromMicros = (micros: number): number => Number((micros / MICROS).toFixed(6));

/** Digits after the decimal point of a currency's minor unit (EUR 2, JPY 0, KWD 3); 2 when unknown. */
export function minorDigits(currency: string | null): number {
  if (!currency || !/^[A-Za-z]{3}$/.test(currency)) return 2;
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency: currency.toUpperCase() }).resolvedOptions()
        .maximumFractionDigits ?? 2
    );
  } catch {
    return 2;
  }
}

/** One minor unit (0.01 for EUR). */
export const minorUnit = (currency: string | null): number => 10 ** -minorDigits(currency);

/**
 * `€0.30`, `CA$2.00`, `12.50 XYZ`: an amount for sentences, in the currency's own symbol when Intl knows
 * it. `trimWhole` writes whole amounts without decimals (`€6`).
 */
export function formatMoney(amount: number, currency: string | null, trimWhole = false): string {
  const digits =
    trimWhole && Number.isInteger(amount) ? 0 : Math.max(minorDigits(currency), decimalsOf(amount));
  if (currency && /^[A-Za-z]{3}$/.test(currency)) {
    try {
      return new Intl.NumberFormat('en', {
        style: 'currency',
        currency: currency.toUpperCase(),
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      }).format(amount);
    } catch {
      // An unknown code falls through to the plain form.
    }
  }
  return `${amount.toFixed(digits)}${currency ? ` ${currency}` : ''}`;
}

/** Decimal places a price is written with, up to 6 (0.125 → 3). */
function decimalsOf(value: number): number {
  for (let d = 0; d <= 6; d++) if (Math.abs(value * 10 ** d - Math.round(value * 10 ** d)) < 1e-9) return d;
  return 6;
}

/**
 * A fast ISO-8601 date-time reader: 200,000 periods make `Date.parse` a visible cost,
 * and payloads are mostly the one fixed layout `YYYY-MM-DDTHH:MM:SS[.fff][Z|±HH:MM]`.
 * Anything else falls back to `Date.parse`.
 */

const DIGIT_0 = 48;

/** Two decimal digits at `i`, or -1. Unrolled: this runs twice per charging period per field. */
function two(s: string, i: number): number {
  const a = s.charCodeAt(i) - DIGIT_0;
  const b = s.charCodeAt(i + 1) - DIGIT_0;
  // `>>> 0` turns a negative into a huge number: one comparison per digit.
  return a >>> 0 > 9 || b >>> 0 > 9 ? -1 : a * 10 + b;
}

/** Periods of one session mostly share a date: remember the last day's number. */
let cachedDayKey = -1;
let cachedDays = 0;

function daysOf(y: number, m: number, d: number): number {
  const key = y * 10_000 + m * 100 + d;
  if (key !== cachedDayKey) {
    cachedDays = daysFromCivil(y, m, d);
    cachedDayKey = key;
  }
  return cachedDays;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(y: number, m: number): number {
  return m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : DAYS_IN_MONTH[m - 1];
}

/** Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** True when the text ends in a zone designator (`Z`, `±HH:MM`, `±HHMM`, `±HH`). */
export function hasZone(s: string): boolean {
  const n = s.length;
  const last = s.charCodeAt(n - 1);
  if (last === 90 || last === 122) return true; // Z z
  const tIndex = s.search(/[Tt ]/);
  if (tIndex < 0) return false;
  return /[+-]\d\d(:?\d\d)?$/.test(s.slice(tIndex + 1));
}

/**
 * Epoch milliseconds, or NaN when unreadable. Text without a zone is read as UTC
 * (the caller warns about it: OCPI requires UTC, so that is the likeliest meaning). Written into `out[at]`
 * rather than returned: a double returned from a call the optimizer does not inline is boxed on the heap,
 * and at millions of periods that garbage forces collections of the whole heap (see ./periods).
 */
export function parseIsoDateInto(s: string, out: Float64Array, at: number): void {
  const n = s.length;
  if (
    n >= 19 &&
    s.charCodeAt(4) === 45 &&
    s.charCodeAt(7) === 45 &&
    s.charCodeAt(13) === 58 &&
    s.charCodeAt(16) === 58
  ) {
    const sep = s.charCodeAt(10);
    if (sep === 84 || sep === 116 || sep === 32) {
      const yHigh = two(s, 0);
      const yLow = two(s, 2);
      const y = yHigh < 0 || yLow < 0 ? -1 : yHigh * 100 + yLow;
      const mo = two(s, 5);
      const d = two(s, 8);
      const h = two(s, 11);
      const mi = two(s, 14);
      const sec = two(s, 17);
      if (
        y >= 0 &&
        mo >= 1 &&
        mo <= 12 &&
        d >= 1 &&
        d <= 31 &&
        h >= 0 &&
        h <= 24 &&
        mi >= 0 &&
        mi <= 59 &&
        sec >= 0 &&
        sec <= 60
      ) {
        let i = 19;
        let ms = 0;
        if (i < n && s.charCodeAt(i) === 46) {
          i++;
          // Milliseconds from the first three digits; finer digits are dropped, as Date.parse does.
          let scale = 100;
          const startFrac = i;
          let dd = 0;
          while (i < n && (dd = s.charCodeAt(i) - DIGIT_0) >>> 0 <= 9) {
            ms += dd * scale;
            scale = scale === 1 ? 0 : scale / 10;
            i++;
          }
          if (i === startFrac) {
            out[at] = Date.parse(s);
            return;
          }
        }
        let offsetMin = 0;
        if (i < n) {
          const c = s.charCodeAt(i);
          if ((c === 90 || c === 122) && i === n - 1) offsetMin = 0;
          else if (c === 43 || c === 45) {
            const oh = two(s, i + 1);
            let om = 0;
            const rest = n - (i + 3);
            if (rest === 3 && s.charCodeAt(i + 3) === 58) om = two(s, i + 4);
            else if (rest === 2) om = two(s, i + 3);
            else if (rest !== 0) {
              out[at] = Date.parse(s);
              return;
            }
            if (oh < 0 || om < 0) {
              out[at] = NaN;
              return;
            }
            offsetMin = (c === 45 ? -1 : 1) * (oh * 60 + om);
          } else {
            out[at] = Date.parse(s);
            return;
          }
        }
        // Reject 31 April and friends rather than rolling over into the next month.
        if (d > 28 && d > daysInMonth(y, mo)) {
          out[at] = NaN;
          return;
        }
        out[at] = daysOf(y, mo, d) * 86_400_000 + ((h * 60 + mi - offsetMin) * 60 + sec) * 1000 + ms;
        return;
      }
    }
  }
  // Other layouts (date only, week dates…): the platform's reader, which treats date-only as UTC.
  out[at] = Date.parse(hasZone(s) || !/\d[Tt ]\d/.test(s) ? s : `${s}Z`);
}

const ONE = new Float64Array(1);

/** Epoch milliseconds, or NaN when unreadable (see parseIsoDateInto). */
export function parseIsoDate(s: string): number {
  parseIsoDateInto(s, ONE, 0);
  return ONE[0];
}

export function toIso(ms: number | null): string | null {
  return ms === null || !Number.isFinite(ms) ? null : new Date(ms).toISOString();
}

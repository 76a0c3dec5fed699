/**
 * A fast ISO-8601 date-time reader: 200,000 periods make `Date.parse` a visible cost,
 * and payloads are mostly the one fixed layout `YYYY-MM-DDTHH:MM:SS[.fff][Z|±HH:MM]`.
 * Anything else falls back to `Date.parse`.
 */

const DIGIT_0 = 48;

function digits(s: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const d = s.charCodeAt(i) - DIGIT_0;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
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
 * (the caller warns about it: OCPI requires UTC, so that is the likeliest meaning).
 */
export function parseIsoDate(s: string): number {
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
      const y = digits(s, 0, 4);
      const mo = digits(s, 5, 2);
      const d = digits(s, 8, 2);
      const h = digits(s, 11, 2);
      const mi = digits(s, 14, 2);
      const sec = digits(s, 17, 2);
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
          let scale = 100;
          const startFrac = i;
          while (i < n) {
            const dd = s.charCodeAt(i) - DIGIT_0;
            if (dd < 0 || dd > 9) break;
            ms += dd * scale;
            scale /= 10;
            i++;
          }
          if (i === startFrac) return Date.parse(s);
          ms = Math.round(ms);
        }
        let offsetMin = 0;
        if (i < n) {
          const c = s.charCodeAt(i);
          if ((c === 90 || c === 122) && i === n - 1) offsetMin = 0;
          else if (c === 43 || c === 45) {
            const oh = digits(s, i + 1, 2);
            let om = 0;
            let rest = n - (i + 3);
            if (rest === 3 && s.charCodeAt(i + 3) === 58) om = digits(s, i + 4, 2);
            else if (rest === 2) om = digits(s, i + 3, 2);
            else if (rest !== 0) return Date.parse(s);
            rest = 0;
            if (oh < 0 || om < 0) return NaN;
            offsetMin = (c === 45 ? -1 : 1) * (oh * 60 + om);
          } else return Date.parse(s);
        }
        if (d > 28) {
          // Reject 31 April and friends rather than rolling over into the next month.
          const probe = new Date(Date.UTC(y, mo - 1, d));
          if (probe.getUTCDate() !== d) return NaN;
        }
        return daysFromCivil(y, mo, d) * 86_400_000 + ((h * 60 + mi - offsetMin) * 60 + sec) * 1000 + ms;
      }
    }
  }
  // Other layouts (date only, week dates…): the platform's reader, which treats date-only as UTC.
  const fallback = Date.parse(hasZone(s) || !/\d[Tt ]\d/.test(s) ? s : `${s}Z`);
  return fallback;
}

export function toIso(ms: number | null): string | null {
  return ms === null || !Number.isFinite(ms) ? null : new Date(ms).toISOString();
}

/**
 * The period table as CSV: RFC 4180 (quoted where needed, CRLF line ends), UTF-8, a header row, and safe to
 * open in a spreadsheet: a text cell that starts like a formula is neutralized; numbers stay numbers.
 * Hand-written: the quoting is a few lines, and no CSV library neutralizes formulas the way we need.
 */
import type { NormalizedSession, PeriodTable } from '../session/types';

/** Text a spreadsheet would run as a formula (OWASP's list: the four operators, tab and carriage return). */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One text cell: neutralized with a leading apostrophe when it starts like a formula, then quoted if needed. */
export function csvText(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One number cell: empty when absent (NaN); never neutralized, so `-1.5` stays a number. */
export function csvNumber(value: number): string {
  return Number.isFinite(value) ? String(value) : '';
}

function csvTime(ms: number): string {
  return Number.isFinite(ms) ? new Date(ms).toISOString() : '';
}

/** Dimension columns besides energy, which has its own `energy_kwh` column. */
export function extraDimensionTypes(periods: PeriodTable): string[] {
  return periods.dimensionTypes.filter((t) => t !== 'ENERGY');
}

export function csvHeader(periods: PeriodTable): string[] {
  return [
    'start',
    'end',
    'duration_s',
    ...extraDimensionTypes(periods).map((t) => csvText(t)),
    ...(periods.tariffIds ? ['tariff_id'] : []),
    'energy_kwh',
    'cumulative_kwh',
    'avg_kw',
  ];
}

export function periodsToCsv(session: NormalizedSession): string {
  const p = session.periods;
  const dims = extraDimensionTypes(p).map((t) => p.dimensions[t]);
  const tariffs = p.tariffIds;
  // Tariff ids repeat across periods; quote each distinct one once.
  const tariffCells = new Map<string | null, string>();
  const lines = new Array<string>(p.count + 1);
  lines[0] = csvHeader(p).join(',');
  // A period usually ends when the next starts: format each instant once.
  let lastMs = NaN;
  let lastIso = '';
  const time = (ms: number): string => {
    if (ms !== lastMs) {
      lastMs = ms;
      lastIso = csvTime(ms);
    }
    return lastIso;
  };
  for (let i = 0; i < p.count; i++) {
    let line = `${time(p.start[i])},`;
    line += `${time(p.end[i])},${csvNumber(p.durationS[i])}`;
    for (const column of dims) line += `,${csvNumber(column[i])}`;
    if (tariffs) {
      const id = tariffs[i];
      let cell = tariffCells.get(id);
      if (cell === undefined) {
        cell = id === null ? '' : csvText(id);
        tariffCells.set(id, cell);
      }
      line += `,${cell}`;
    }
    line += `,${csvNumber(p.energyKwh[i])},${csvNumber(p.cumulativeKwh[i])},${csvNumber(p.powerKw[i])}`;
    lines[i + 1] = line;
  }
  return lines.join('\r\n') + '\r\n';
}

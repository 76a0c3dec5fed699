/**
 * The period table as CSV: RFC 4180 (quoted where needed, CRLF line ends), UTF-8, a header row, and safe to
 * open in a spreadsheet: a text cell that starts like a formula is neutralized; numbers stay numbers.
 * Hand-written: the quoting is a few lines, and no CSV library neutralizes formulas the way we need.
 */
import type { NormalizedSession, PeriodTable } from '../session/types';
import { columnDecimals, POWER_DECIMALS, roundTo, SECONDS_DECIMALS } from '../present/numbers';
import { isoInZone } from '../present/time';
import { type ExportTimes, exportZone } from './export-times';
import { dimensionValues } from '../session/periods';

/** Text a spreadsheet would run as a formula (OWASP's list: the four operators, tab and carriage return). */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One text cell: neutralized with a leading apostrophe when it starts like a formula, then quoted if needed. */
export function csvText(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * One number cell, to `decimals` places at most (no float noise: 5.040000000000001 → 5.04): empty when
 * absent (NaN); never neutralized, so `-1.5` stays a number.
 */
export function csvNumber(value: number, decimals = 6): string {
  if (!Number.isFinite(value)) return '';
  const text = String(value);
  // Most values already print within their places; only the rest pay for rounding.
  const dot = text.indexOf('.');
  if (text.indexOf('e') < 0 && (dot < 0 || text.length - dot - 1 <= decimals)) return text;
  return String(roundTo(value, decimals));
}

/**
 * Decimals per numeric column, by the one number rule (shared/present/numbers): seconds to the
 * millisecond, energy and other dimensions to the source's own decimals, power to 0.01 kW.
 */
export function columnPlaces(periods: PeriodTable): {
  duration: number;
  dims: number[];
  energy: number;
  power: number;
} {
  return {
    duration: SECONDS_DECIMALS,
    dims: extraDimensionTypes(periods).map((t) => columnDecimals(dimensionValues(periods, t), 6)),
    energy: columnDecimals(periods.energyKwh),
    power: POWER_DECIMALS,
  };
}

export interface CsvOptions {
  /** Times in UTC (default, `…Z`) or in the site's zone with its offset. */
  times?: ExportTimes;
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

export function periodsToCsv(session: NormalizedSession, opts: CsvOptions = {}): string {
  const p = session.periods;
  const zone = exportZone(opts.times ?? 'utc', session);
  const places = columnPlaces(p);
  const dims = extraDimensionTypes(p).map((t) => dimensionValues(p, t));
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
      lastIso = isoInZone(ms, zone);
    }
    return lastIso;
  };
  for (let i = 0; i < p.count; i++) {
    let line = `${time(p.start[i])},`;
    line += `${time(p.end[i])},${csvNumber(p.durationS[i], places.duration)}`;
    for (let d = 0; d < dims.length; d++) line += `,${csvNumber(dims[d][i], places.dims[d])}`;
    if (tariffs) {
      const id = tariffs[i];
      let cell = tariffCells.get(id);
      if (cell === undefined) {
        cell = id === null ? '' : csvText(id);
        tariffCells.set(id, cell);
      }
      line += `,${cell}`;
    }
    line += `,${csvNumber(p.energyKwh[i], places.energy)},${csvNumber(p.cumulativeKwh[i], places.energy)},${csvNumber(p.powerKw[i], places.power)}`;
    lines[i + 1] = line;
  }
  return lines.join('\r\n') + '\r\n';
}

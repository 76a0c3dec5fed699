/** Charging periods → columnar typed arrays, with the derived per-period figures. */
import type { PeriodTable } from './types';
import { describe, type FieldReader, isObject } from './field-reader';
import { hasZone, parseIsoDate } from './iso-date';
import { KNOWN_DIMENSIONS } from './vocabulary';

/** What the checks need to know about the periods beyond the table itself. */
export interface PeriodFacts {
  /** How many ENERGY volumes there were, and the rounding their own decimals explain (kWh). */
  energyVolumes: number;
  energyRounding: number;
  /** Sum of ENERGY volumes, null when there were none. */
  energySum: number | null;
  negative: { first: number; last: number; count: number; example: string } | null;
}

export interface PeriodBounds {
  endedAt: number | null;
  lastUpdated: number | null;
  active: boolean;
}

/** Half a unit of the last decimal place, by number of places. */
const HALF_UNIT = [0.5, 0.05, 0.005, 0.0005, 0.00005, 0.000005, 0.0000005];

/** Decimal places a volume was given with: text says it exactly, a number up to 6 places. */
function decimalsOf(raw: unknown, value: number): number {
  if (typeof raw === 'string') {
    let dot = raw.indexOf('.');
    if (dot < 0) dot = raw.indexOf(',');
    if (dot < 0) return 0;
    let end = raw.length;
    while (end > dot + 1 && (raw.charCodeAt(end - 1) < 48 || raw.charCodeAt(end - 1) > 57)) end--;
    return Math.min(end - dot - 1, 6);
  }
  let scaled = value;
  for (let d = 0; d < 6; d++) {
    if (Math.abs(scaled - Math.round(scaled)) < 1e-9 * Math.max(1, Math.abs(scaled))) return d;
    scaled *= 10;
  }
  return 6;
}

/**
 * A volume: numbers as they are; numeric text read with one grouped warning. The common
 * cases skip the generic field reader so that 200,000 periods stay within a fraction of JSON.parse.
 */
function readVolume(f: FieldReader, raw: unknown, periodsPath: string, i: number, j: number): number | null {
  if (typeof raw === 'string' && raw.length < 32) {
    const value = parsePlainDecimal(raw);
    if (!Number.isNaN(value)) {
      f.sink.addGrouped(
        'volume:text',
        volumePath(periodsPath, i, j),
        `number sent as text "${raw}"; read as ${value}`,
      );
      return value;
    }
  }
  return f.numberValue(raw, volumePath(periodsPath, i, j), 'volume');
}

/**
 * `-?\d+(\.\d+)?` with at most 15 digits, else NaN. Twice as fast as Number() and exactly equal to it:
 * both integers are exact in a double and one division rounds correctly.
 */
/** Decimal places of the last number parsePlainDecimal read, so callers need not scan the text again. */
let plainDecimalPlaces = 0;

export function parsePlainDecimal(s: string): number {
  const n = s.length;
  let i = 0;
  let negative = false;
  if (s.charCodeAt(0) === 45) {
    negative = true;
    i = 1;
  }
  const first = i;
  let whole = 0;
  let c = 0;
  while (i < n && (c = s.charCodeAt(i) - 48) >>> 0 <= 9) {
    whole = whole * 10 + c;
    i++;
  }
  if (i === first) return NaN;
  let digitCount = i - first;
  let value = whole;
  plainDecimalPlaces = 0;
  if (i < n) {
    if (s.charCodeAt(i) !== 46) return NaN;
    i++;
    const fracStart = i;
    let frac = 0;
    let scale = 1;
    while (i < n && (c = s.charCodeAt(i) - 48) >>> 0 <= 9) {
      frac = frac * 10 + c;
      scale *= 10;
      i++;
    }
    if (i !== n || i === fracStart) return NaN;
    digitCount += i - fracStart;
    plainDecimalPlaces = i - fracStart;
    value = (whole * scale + frac) / scale;
  }
  if (digitCount > 15) return NaN;
  return negative ? -value : value;
}

function volumePath(periodsPath: string, i: number, j: number): string {
  return `${periodsPath}[${i}].dimensions[${j}].volume`;
}

export function readPeriods(
  f: FieldReader,
  list: unknown[],
  path: string,
  bounds: PeriodBounds,
): { table: PeriodTable; facts: PeriodFacts } {
  const n = list.length;
  const start = new Float64Array(n).fill(NaN);
  const energyKwh = new Float64Array(n).fill(NaN);
  const dimensions: Record<string, Float64Array> = {};
  const dimensionTypes: string[] = [];
  let tariffIds: (string | null)[] | null = null;
  const facts: PeriodFacts = { energyVolumes: 0, energyRounding: 0, energySum: null, negative: null };
  const sink = f.sink;
  let energySum = 0;
  let textVolumes = 0;
  // The last column used: periods mostly repeat one dimension layout, so this skips most lookups.
  let lastType = '';
  let lastColumn: Float64Array | undefined;

  for (let i = 0; i < n; i++) {
    const period = list[i];
    if (!isObject(period)) {
      sink.addGrouped(
        'period:type',
        `${path}[${i}]`,
        `expected a charging period object, got ${describe(period)}; ignored`,
      );
      continue;
    }
    let startText = period.start_date_time;
    let startKey = 'start_date_time';
    if (startText === undefined) {
      startText = period.start_datetime;
      startKey = 'start_datetime';
    }
    if (typeof startText === 'string') {
      const ms = parseIsoDate(startText);
      if (Number.isFinite(ms)) {
        start[i] = ms;
        if (!hasZone(startText) && !sink.bump('period:zone'))
          sink.addGrouped(
            'period:zone',
            `${path}[${i}].${startKey}`,
            `date-time "${startText}" has no time zone; read as UTC`,
          );
      } else
        sink.addGrouped(
          'period:date',
          `${path}[${i}].${startKey}`,
          `unreadable start "${startText}"; period kept without a time`,
        );
    } else {
      sink.addGrouped(
        'period:nodate',
        `${path}[${i}].start_date_time`,
        'period has no start time; kept without a time',
      );
    }

    const tariff = period.tariff_id;
    if (tariff !== undefined && tariff !== null) {
      if (tariffIds === null) tariffIds = new Array<string | null>(n).fill(null);
      tariffIds[i] = typeof tariff === 'string' ? tariff : String(tariff);
    }

    const dims = period.dimensions;
    if (!Array.isArray(dims)) {
      if (dims !== undefined)
        sink.addGrouped(
          'period:dims',
          `${path}[${i}].dimensions`,
          `expected a list of dimensions, got ${describe(dims)}`,
        );
      continue;
    }
    for (let j = 0; j < dims.length; j++) {
      const dim = dims[j];
      if (!isObject(dim)) {
        sink.addGrouped(
          'dim:type',
          `${path}[${i}].dimensions[${j}]`,
          `expected a dimension object, got ${describe(dim)}; ignored`,
        );
        continue;
      }
      const type = dim.type;
      if (typeof type !== 'string') {
        sink.addGrouped(
          'dim:notype',
          `${path}[${i}].dimensions[${j}].type`,
          'dimension without a type; ignored',
        );
        continue;
      }
      const raw = dim.volume;
      let volume: number | null;
      // Decimal places when the fast text path already counted them; -1 = count later if needed.
      let places = -1;
      if (typeof raw === 'number' && Number.isFinite(raw)) volume = raw;
      else if (
        textVolumes > 0 &&
        typeof raw === 'string' &&
        raw.length < 32 &&
        !Number.isNaN((volume = parsePlainDecimal(raw)))
      ) {
        // After the first, text volumes are only counted: the warning is already there.
        textVolumes++;
        places = Math.min(plainDecimalPlaces, 6);
      } else {
        volume = readVolume(f, raw, path, i, j);
        if (volume !== null && typeof raw === 'string' && textVolumes === 0) textVolumes = 1;
      }
      if (volume === null) {
        if (raw === undefined || raw === null)
          sink.addGrouped(
            'dim:novolume',
            `${path}[${i}].dimensions[${j}].volume`,
            `${type} dimension without a volume; ignored`,
          );
        continue;
      }
      let column = type === lastType ? lastColumn : dimensions[type];
      if (column === undefined) {
        column = new Float64Array(n).fill(NaN);
        dimensions[type] = column;
        dimensionTypes.push(type);
        if (!KNOWN_DIMENSIONS.has(type))
          sink.add(`${path}[${i}].dimensions[${j}].type`, `unknown dimension type "${type}"; kept as given`);
      }
      lastType = type;
      lastColumn = column;
      // Two dimensions of one type in one period: add them up rather than lose one.
      column[i] = Number.isNaN(column[i]) ? volume : column[i] + volume;
      if (volume < 0) {
        if (facts.negative === null)
          facts.negative = { first: i, last: i, count: 0, example: `${type} ${volume} at ${path}[${i}]` };
        facts.negative.last = i;
        facts.negative.count++;
      }
      if (type === 'ENERGY') {
        energyKwh[i] = column[i];
        energySum += volume;
        facts.energyVolumes++;
        facts.energyRounding += HALF_UNIT[places >= 0 ? places : decimalsOf(raw, volume)];
      }
    }
  }
  if (facts.energyVolumes > 0) facts.energySum = energySum;
  if (textVolumes > 1) sink.raiseCount('volume:text', textVolumes - 1);

  const end = new Float64Array(n);
  const durationS = new Float64Array(n);
  const cumulativeKwh = new Float64Array(n);
  const powerKw = new Float64Array(n);
  // The last period ends with the session; an active session has no end yet, so its last update stands in.
  const lastEnd = bounds.endedAt ?? (bounds.active ? bounds.lastUpdated : null) ?? NaN;
  let running = 0;
  for (let i = 0; i < n; i++) {
    const e = i + 1 < n ? start[i + 1] : lastEnd;
    end[i] = e;
    const duration = (e - start[i]) / 1000;
    durationS[i] = duration;
    const energy = energyKwh[i];
    if (!Number.isNaN(energy)) running += energy;
    cumulativeKwh[i] = running;
    powerKw[i] = !Number.isNaN(energy) && duration > 0 ? (energy * 3600) / duration : NaN;
  }

  return {
    table: {
      count: n,
      start,
      end,
      durationS,
      energyKwh,
      cumulativeKwh,
      powerKw,
      dimensionTypes,
      dimensions,
      tariffIds,
    },
    facts,
  };
}

export function emptyPeriods(): PeriodTable {
  const empty = new Float64Array(0);
  return {
    count: 0,
    start: empty,
    end: empty,
    durationS: empty,
    energyKwh: empty,
    cumulativeKwh: empty,
    powerKw: empty,
    dimensionTypes: [],
    dimensions: {},
    tariffIds: null,
  };
}

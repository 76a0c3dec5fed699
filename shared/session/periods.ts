/**
 * Charging periods → columnar typed arrays, with the derived per-period figures.
 *
 * Memory is the cost that matters at millions of periods: V8 runs a full mark-compact of the whole heap (the
 * parsed JSON, ~480 bytes a period) for every 64 MB of ArrayBuffers allocated, a fixed step that does not grow
 * with the heap. So the reader allocates as few column bytes as it can while the parsed JSON is alive: `end`
 * is a view of the start times shifted by one, `energyKwh` is the ENERGY column itself, and the columns
 * derived from them (duration, cumulative energy, power) are computed on first use.
 */
import type { JsonObject } from './field-reader';
import type { PeriodTable } from './types';
import { describe, type FieldReader, isObject } from './field-reader';
import { hasZone, parseIsoDateInto } from './iso-date';
import {
  canonicalEnum,
  ENERGY_DIMENSIONS,
  KNOWN_DIMENSIONS,
  SIGNED_DIMENSIONS,
  START_ALIASES,
} from './vocabulary';

/** What the checks need to know about the periods beyond the table itself. */
export interface PeriodFacts {
  /** How many ENERGY volumes there were, and the rounding their own decimals explain (kWh). */
  energyVolumes: number;
  energyRounding: number;
  /** Sum of ENERGY volumes, null when there were none. */
  energySum: number | null;
  negative: NegativeVolumes | null;
}

/** Negative volumes, and whether any is of a type OCPI does not allow below zero. */
export interface NegativeVolumes {
  first: number;
  last: number;
  count: number;
  example: string;
  /** False when every one is ENERGY, POWER or CURRENT (OCPI 2.2.1 allows those negative). */
  disallowed: boolean;
}

export interface PeriodBounds {
  endedAt: number | null;
  lastUpdated: number | null;
  active: boolean;
}

/** Half a unit of the last decimal place, by number of places. */
const HALF_UNIT = [0.5, 0.05, 0.005, 0.0005, 0.00005, 0.000005, 0.0000005];

/**
 * Decimal places a volume was given with: text says it exactly, a number up to 6 places. It takes the raw
 * value only: passing the parsed double too would box it on every call.
 */
function decimalsOf(raw: unknown): number {
  if (typeof raw === 'string') {
    let dot = raw.indexOf('.');
    if (dot < 0) dot = raw.indexOf(',');
    if (dot < 0) return 0;
    let end = raw.length;
    while (end > dot + 1 && (raw.charCodeAt(end - 1) < 48 || raw.charCodeAt(end - 1) > 57)) end--;
    return Math.min(end - dot - 1, 6);
  }
  let scaled = typeof raw === 'number' ? raw : NaN;
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
    if (value === value) {
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

/** Decimal places of the last number parsePlainDecimalInto read, so callers need not scan the text again. */
let plainDecimalPlaces = 0;

/**
 * `-?\d+(\.\d+)?` with at most 15 digits, else NaN, into `out[at]` (returned doubles are boxed; see
 * parseIsoDateInto). Twice as fast as Number() and exactly equal to it: both integers are exact in a double
 * and one division rounds correctly.
 */
function parsePlainDecimalInto(s: string, out: Float64Array, at: number): void {
  out[at] = NaN;
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
  if (i === first) return;
  let digitCount = i - first;
  let value = whole;
  plainDecimalPlaces = 0;
  if (i < n) {
    if (s.charCodeAt(i) !== 46) return;
    i++;
    const fracStart = i;
    let frac = 0;
    let scale = 1;
    while (i < n && (c = s.charCodeAt(i) - 48) >>> 0 <= 9) {
      frac = frac * 10 + c;
      scale *= 10;
      i++;
    }
    if (i !== n || i === fracStart) return;
    digitCount += i - fracStart;
    plainDecimalPlaces = i - fracStart;
    value = (whole * scale + frac) / scale;
  }
  if (digitCount > 15) return;
  out[at] = negative ? -value : value;
}

const ONE = new Float64Array(1);
/** The hot loop's landing slot for a volume read from text. */
const VOLUME = new Float64Array(1);

export function parsePlainDecimal(s: string): number {
  parsePlainDecimalInto(s, ONE, 0);
  return ONE[0];
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
  // Start times and one more slot for the last period's end: `end` is this buffer shifted by one.
  const times = new Float64Array(n + 1).fill(NaN);
  const start = times.subarray(0, n);
  // Data decides the keys: a Map, so `__proto__` or `constructor` is one more column, not a prototype.
  const dimensions = new Map<string, Float64Array>();
  const dimensionTypes: string[] = [];
  let tariffIds: (string | null)[] | null = null;
  const facts: PeriodFacts = { energyVolumes: 0, energyRounding: 0, energySum: null, negative: null };
  const sink = f.sink;
  // Running sums of ENERGY volumes and of their rounding, in a typed array rather than locals: the loop runs
  // once per read, so it runs as on-stack-replaced code, which boxes a double local on every update.
  const energyTotals = new Float64Array(2);
  let energyVolumes = 0;
  let textVolumes = 0;
  // The last column used: periods mostly repeat one dimension layout, so this skips most lookups.
  let lastType = '';
  let lastColumn: Float64Array | undefined;
  let energyColumn: Float64Array | undefined;

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
      parseIsoDateInto(startText, start, i);
      if (start[i] === start[i]) {
        if (!hasZone(startText) && !sink.bump('period:zone'))
          sink.addGrouped(
            'period:zone',
            `${path}[${i}].${startKey}`,
            `date-time "${startText}" has no time zone; read as UTC`,
          );
        if (startText.charCodeAt(10) === 32 && !sink.bump('period:space'))
          sink.addGrouped(
            'period:space',
            `${path}[${i}].${startKey}`,
            `date-time "${startText}" has a space instead of "T"; read as ISO-8601`,
          );
      } else
        sink.addGrouped(
          'period:date',
          `${path}[${i}].${startKey}`,
          `unreadable start "${startText}"; period kept without a time`,
        );
    } else start[i] = readOddStart(f, period, `${path}[${i}]`);

    const tariff = period.tariff_id;
    if (tariff !== undefined && tariff !== null) {
      if (tariffIds === null) tariffIds = new Array<string | null>(n).fill(null);
      tariffIds[i] = typeof tariff === 'string' ? tariff : String(tariff);
    }

    let dims = period.dimensions;
    if (!Array.isArray(dims)) {
      if (dims === undefined) continue;
      if (!isObject(dims)) {
        sink.addGrouped(
          'period:dims',
          `${path}[${i}].dimensions`,
          `expected a list of dimensions, got ${describe(dims)}`,
        );
        continue;
      }
      dims = dimensionsFromObject(f, dims, `${path}[${i}].dimensions`);
    }
    const dimList = dims as unknown[];
    for (let j = 0; j < dimList.length; j++) {
      const dim = dimList[j];
      if (!isObject(dim)) {
        sink.addGrouped(
          'dim:type',
          `${path}[${i}].dimensions[${j}]`,
          `expected a dimension object, got ${describe(dim)}; ignored`,
        );
        continue;
      }
      const rawType = dim.type;
      if (typeof rawType !== 'string') {
        sink.addGrouped(
          'dim:notype',
          `${path}[${i}].dimensions[${j}].type`,
          'dimension without a type; ignored',
        );
        continue;
      }
      let type = rawType;
      if (type !== lastType && !KNOWN_DIMENSIONS.has(type)) {
        const known = canonicalEnum(type, KNOWN_DIMENSIONS);
        if (known !== null) {
          sink.addGrouped(
            `dim:case:${type}`,
            `${path}[${i}].dimensions[${j}].type`,
            `dimension type "${type}" is not upper-case; read as ${known}`,
          );
          type = known;
        }
      }
      const raw = dim.volume;
      // Always a double (NaN = none), never null: a mixed local is boxed on every assignment.
      let volume = NaN;
      // Decimal places when the fast text path already counted them; -1 = count later if needed.
      let places = -1;
      if (typeof raw === 'number') volume = raw - raw === 0 ? raw : NaN;
      if (volume === volume) {
        // A finite JSON number: the common case.
      } else if (textVolumes > 0 && typeof raw === 'string' && raw.length < 32) {
        parsePlainDecimalInto(raw, VOLUME, 0);
        volume = VOLUME[0];
        // After the first, text volumes are only counted: the warning is already there.
        if (volume === volume) {
          textVolumes++;
          places = Math.min(plainDecimalPlaces, 6);
        }
      }
      if (volume !== volume) {
        volume = readVolume(f, raw, path, i, j) ?? NaN;
        if (volume === volume && typeof raw === 'string' && textVolumes === 0) textVolumes = 1;
      }
      if (volume !== volume) {
        if (raw === undefined || raw === null)
          sink.addGrouped(
            'dim:novolume',
            `${path}[${i}].dimensions[${j}].volume`,
            `${type} dimension without a volume; ignored`,
          );
        continue;
      }
      let column = type === lastType ? lastColumn : dimensions.get(type);
      if (column === undefined) {
        column = new Float64Array(n).fill(NaN);
        dimensions.set(type, column);
        dimensionTypes.push(type);
        if (type === 'ENERGY') energyColumn = column;
        if (!KNOWN_DIMENSIONS.has(type))
          sink.add(`${path}[${i}].dimensions[${j}].type`, `unknown dimension type "${type}"; kept as given`);
      }
      lastType = type;
      lastColumn = column;
      // Two dimensions of one type in one period: add them up rather than lose one.
      const before = column[i];
      column[i] = before === before ? before + volume : volume;
      if (volume < 0) noteNegative(facts, type, volume, `${path}[${i}]`, i);
      if (column === energyColumn) {
        energyTotals[0] += volume;
        energyTotals[1] += HALF_UNIT[places >= 0 ? places : decimalsOf(raw)];
        energyVolumes++;
      }
    }
  }
  facts.energyVolumes = energyVolumes;
  facts.energyRounding = energyTotals[1];
  if (energyVolumes > 0) facts.energySum = energyTotals[0];
  if (textVolumes > 1) sink.raiseCount('volume:text', textVolumes - 1);

  // The last period ends with the session; an active session has no end yet, so its last update stands in.
  times[n] = bounds.endedAt ?? (bounds.active ? bounds.lastUpdated : null) ?? NaN;
  return {
    table: periodTable(start, times.subarray(1), energyColumn, dimensionTypes, dimensions, tariffIds),
    facts,
  };
}

/**
 * A period without a plain text start: `{"$date": …}` (MongoDB exports) or a start under another name
 * (`startDateTime`) is read with a warning.
 */
function readOddStart(f: FieldReader, period: JsonObject, periodPath: string): number {
  let key = period.start_date_time !== undefined ? 'start_date_time' : 'start_datetime';
  if (period[key] === undefined || period[key] === null) {
    const alias = START_ALIASES.find((name) => period[name] !== undefined && period[name] !== null);
    if (alias !== undefined) {
      key = alias;
      f.sink.addGrouped(
        `period:alias:${alias}`,
        `${periodPath}.${alias}`,
        `the period start is named "${alias}", not start_date_time; read as the start`,
      );
    }
  }
  const raw = period[key];
  if (raw === undefined || raw === null) {
    f.sink.addGrouped(
      'period:nodate',
      `${periodPath}.start_date_time`,
      'period has no start time; kept without a time',
    );
    return NaN;
  }
  return f.dateValue(raw, `${periodPath}.${key}`, 'period') ?? NaN;
}

/**
 * `dimensions` as an object keyed by type instead of a list, each value a volume (`{"ENERGY": 1.2}`) or a
 * whole dimension (`{"ENERGY": {"type": "ENERGY", "volume": 1.2}}`): read as that list.
 */
function dimensionsFromObject(f: FieldReader, dims: JsonObject, dimsPath: string): unknown[] {
  f.sink.addGrouped(
    'period:dims-object',
    dimsPath,
    'dimensions sent as an object keyed by type instead of a list; read as a list',
  );
  return Object.keys(dims).map((key) => {
    const value = dims[key];
    if (!isObject(value) || !('volume' in value)) return { type: key, volume: value };
    return { type: typeof value.type === 'string' ? value.type : key, volume: value.volume };
  });
}

function noteNegative(facts: PeriodFacts, type: string, volume: number, at: string, i: number): void {
  if (facts.negative === null)
    facts.negative = {
      first: i,
      last: i,
      count: 0,
      example: `${type} ${volume} at ${at}`,
      disallowed: false,
    };
  const neg = facts.negative;
  neg.last = i;
  neg.count++;
  if (!SIGNED_DIMENSIONS.has(type) && !neg.disallowed) {
    neg.disallowed = true;
    neg.example = `${type} ${volume} at ${at}`;
  }
}

/**
 * Average power of period `i` in kW, the one power rule: its energy over its duration; without energy, the
 * period's POWER volume when `power` (that column) is given; else NaN.
 */
export function periodPowerKw(
  t: Pick<PeriodTable, 'start' | 'end' | 'energyKwh'>,
  power: Float64Array | undefined,
  i: number,
): number {
  const energy = t.energyKwh[i];
  if (energy !== energy) return power === undefined ? NaN : power[i];
  const seconds = (t.end[i] - t.start[i]) / 1000;
  return seconds > 0 ? (energy * 3600) / seconds : NaN;
}

/** The periods whose power (periodPowerKw) is above `limitKw`: first, last, how many and the highest. */
export function powerAbove(
  t: Pick<PeriodTable, 'count' | 'start' | 'end' | 'energyKwh'>,
  power: Float64Array | undefined,
  limitKw: number,
): { first: number; last: number; count: number; max: number } {
  let first = -1;
  let last = -1;
  let count = 0;
  // The highest power in a typed slot: a double local in a once-run loop is boxed on every update.
  const max = new Float64Array(1).fill(-Infinity);
  for (let i = 0; i < t.count; i++) {
    const kw = periodPowerKw(t, power, i);
    if (kw > limitKw) {
      if (first < 0) first = i;
      last = i;
      count++;
      if (kw > max[0]) max[0] = kw;
    }
  }
  return { first, last, count, max: max[0] };
}

/**
 * The table, with duration, cumulative energy and power computed once, on first use (see the top of the
 * file). They are own enumerable getters, so structured clone and JSON carry them as plain columns.
 */
function periodTable(
  start: Float64Array,
  end: Float64Array,
  energy: Float64Array | undefined,
  dimensionTypes: string[],
  dimensions: Map<string, Float64Array>,
  tariffIds: (string | null)[] | null,
): PeriodTable {
  const n = start.length;
  const energyKwh = energy ?? new Float64Array(n).fill(NaN);
  let durationS: Float64Array | undefined;
  let cumulativeKwh: Float64Array | undefined;
  let powerKw: Float64Array | undefined;
  const table: PeriodTable = {
    count: n,
    start,
    end,
    energyKwh,
    dimensionTypes,
    dimensions,
    tariffIds,
    get durationS(): Float64Array {
      if (durationS === undefined) {
        durationS = new Float64Array(n);
        for (let i = 0; i < n; i++) durationS[i] = (end[i] - start[i]) / 1000;
      }
      return durationS;
    },
    get cumulativeKwh(): Float64Array {
      if (cumulativeKwh === undefined) {
        cumulativeKwh = new Float64Array(n);
        let running = 0;
        for (let i = 0; i < n; i++) {
          const e = energyKwh[i];
          if (e === e) running += e;
          cumulativeKwh[i] = running;
        }
      }
      return cumulativeKwh;
    },
    get powerKw(): Float64Array {
      if (powerKw === undefined) {
        powerKw = new Float64Array(n);
        const power = dimensions.get('POWER');
        for (let i = 0; i < n; i++) powerKw[i] = periodPowerKw(table, power, i);
      }
      return powerKw;
    },
  };
  return table;
}

/**
 * Energy volumes that were Wh sent as kWh, divided by 1000 in place (ENERGY, ENERGY_IMPORT, ENERGY_EXPORT),
 * with the facts the checks compare. Call before anything reads the derived columns.
 */
export function scaleEnergyVolumes(table: PeriodTable, facts: PeriodFacts, factor: number): void {
  for (const [type, column] of table.dimensions) {
    if (!ENERGY_DIMENSIONS.has(type)) continue;
    for (let i = 0; i < column.length; i++) column[i] *= factor;
  }
  if (facts.energySum !== null) facts.energySum *= factor;
  facts.energyRounding *= factor;
}

/** One dimension's column, or all NaN when no period has that type. */
export function dimensionValues(table: PeriodTable, type: string): Float64Array {
  return table.dimensions.get(type) ?? new Float64Array(table.count).fill(NaN);
}

export function emptyPeriods(): PeriodTable {
  const empty = new Float64Array(0);
  return periodTable(empty, empty, undefined, [], new Map(), null);
}

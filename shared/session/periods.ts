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

/** Decimal places a volume was given with: text says it exactly, a number up to 6 places. */
function decimalsOf(raw: unknown, value: number): number {
  if (typeof raw === 'string') {
    const dot = raw.search(/[.,]/);
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

  for (let i = 0; i < n; i++) {
    const period = list[i];
    const pPath = `${path}[${i}]`;
    if (!isObject(period)) {
      sink.addGrouped(
        'period:type',
        pPath,
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
        if (!hasZone(startText))
          sink.addGrouped(
            'period:zone',
            `${pPath}.${startKey}`,
            `date-time "${startText}" has no time zone; read as UTC`,
          );
      } else
        sink.addGrouped(
          'period:date',
          `${pPath}.${startKey}`,
          `unreadable start "${startText}"; period kept without a time`,
        );
    } else {
      sink.addGrouped(
        'period:nodate',
        `${pPath}.start_date_time`,
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
          `${pPath}.dimensions`,
          `expected a list of dimensions, got ${describe(dims)}`,
        );
      continue;
    }
    for (let j = 0; j < dims.length; j++) {
      const dim = dims[j];
      if (!isObject(dim)) {
        sink.addGrouped(
          'dim:type',
          `${pPath}.dimensions[${j}]`,
          `expected a dimension object, got ${describe(dim)}; ignored`,
        );
        continue;
      }
      const type = dim.type;
      if (typeof type !== 'string') {
        sink.addGrouped('dim:notype', `${pPath}.dimensions[${j}].type`, 'dimension without a type; ignored');
        continue;
      }
      const raw = dim.volume;
      let volume: number;
      if (typeof raw === 'number' && Number.isFinite(raw)) volume = raw;
      else {
        const read = f.numberValue(raw, `${pPath}.dimensions[${j}].volume`, 'volume');
        if (read === null) {
          if (raw === undefined || raw === null)
            sink.addGrouped(
              'dim:novolume',
              `${pPath}.dimensions[${j}].volume`,
              `${type} dimension without a volume; ignored`,
            );
          continue;
        }
        volume = read;
      }
      let column = dimensions[type];
      if (column === undefined) {
        column = new Float64Array(n).fill(NaN);
        dimensions[type] = column;
        dimensionTypes.push(type);
        if (!KNOWN_DIMENSIONS.has(type))
          sink.add(`${pPath}.dimensions[${j}].type`, `unknown dimension type "${type}"; kept as given`);
      }
      // Two dimensions of one type in one period: add them up rather than lose one.
      column[i] = Number.isNaN(column[i]) ? volume : column[i] + volume;
      if (volume < 0) {
        if (facts.negative === null)
          facts.negative = { first: i, last: i, count: 0, example: `${type} ${volume} at ${pPath}` };
        facts.negative.last = i;
        facts.negative.count++;
      }
      if (type === 'ENERGY') {
        energyKwh[i] = column[i];
        energySum += volume;
        facts.energyVolumes++;
        facts.energyRounding += 0.5 * 10 ** -decimalsOf(raw, volume);
      }
    }
  }
  if (facts.energyVolumes > 0) facts.energySum = energySum;

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

/**
 * The cost engine: prices a session's or a CDR's charging periods with its tariff(s), by the OCPI rules.
 *
 * - Per dimension (ENERGY, TIME, PARKING_TIME, FLAT) the first tariff element that has a price component
 *   for it and whose restrictions all hold (./restrictions) applies; with none, that dimension is free.
 * - Times, dates and days are local to the Location's `time_zone` (./zone-clock), DST included.
 * - min/max kWh look at the energy consumed in the session before the instant; min/max duration at the time
 *   since the session started.
 * - `step_size` follows the CDRs module: ENERGY's session total is rounded up once, with the step of the
 *   last ENERGY component used; TIME and PARKING_TIME together once: the parking total when parking was
 *   billed, else the charging-time total, with the step of the last component of that dimension used. The
 *   extra volume goes to the row of that last component. Reservation time is rounded on its own.
 * - FLAT is billed once per session (and once more for a reservation), by the first element that matches.
 * - Money follows ./money (integer micros, no rounding to cents). Taxes: before 2.3.0 a component's `vat`
 *   is added to its excl. VAT cost (no `vat`: no VAT); 2.3.0 `tax_included` YES means prices include it,
 *   N/A that there is none, NO without `vat` that the taxes are not known (incl. VAT is then null).
 * - Tariff min/max price clamp each tariff's subtotal, excl. and incl. VAT each by its own limit; a limit
 *   with only the excl. VAT amount scales incl. VAT by the same factor. The correction is its own row.
 *
 * Choices the spec leaves open (each stated in the result's notes when it applied):
 * - A period that crosses a restriction boundary (a time of day, midnight, a DST change, a duration or
 *   kWh threshold, a tariff's validity) is split at it; its volumes are shared pro rata by time, i.e. the
 *   power is taken as constant within the period.
 * - A period without TIME/PARKING_TIME/RESERVATION_TIME volumes (sessions usually only send ENERGY) counts
 *   its duration as charging time when it has energy (or no ENERGY volume at all), as parking when its
 *   ENERGY is 0.
 * - A period with a `tariff_id` is priced by that tariff; otherwise by the first tariff valid at its start.
 */
import type { PeriodTable } from '../session/types';
import { fromMicros, toMicros } from './money';
import { dimensionColumn } from './period-columns';
import { type RestrictionContext, restrictionsHold, usesClock, usesCurrent } from './restrictions';
import type { CostComponent, CostResult, CostUnit, PriceComponent, Tariff, TariffDimension } from './types';
import { ZoneClock } from './zone-clock';

export interface PricingInput {
  periods: PeriodTable;
  startedAt: number | null;
  endedAt: number | null;
  tariffs: Tariff[];
  /** The Location's IANA `time_zone`; null: unknown (UTC is used, with a note). */
  timeZone: string | null;
  /** The session's or CDR's currency; the first tariff's when null. */
  currency: string | null;
}

const DAY = 86_400_000;
const DIMS: readonly TariffDimension[] = ['ENERGY', 'FLAT', 'TIME', 'PARKING_TIME'];
const [ENERGY, FLAT, TIME, PARKING] = [0, 1, 2, 3];

interface Row {
  tariff: number;
  element: number;
  dim: number;
  reservation: boolean;
  component: PriceComponent;
  /** kWh (ENERGY), seconds (TIME, PARKING_TIME) or 1 (FLAT). */
  amount: number;
  ranges: [number, number][];
  splitPeriods: number;
  lastSplit: number;
  stepNote: string | null;
}

/** Marks the rows of one dimension that a split period `i` reached more than one of; true when any. */
function markSplit(touched: Row[], i: number): boolean {
  let any = false;
  for (const row of touched) {
    if (row.lastSplit === i || row.dim === FLAT) continue;
    if (
      touched.some((other) => other !== row && other.dim === row.dim && other.reservation === row.reservation)
    ) {
      row.splitPeriods++;
      row.lastSplit = i;
      any = true;
    }
  }
  return any;
}

/** Per tariff: which dimensions each element prices, and with which component. */
interface CompiledTariff {
  tariff: Tariff;
  components: (PriceComponent | null)[][];
  matched: Uint8Array;
  matchedReservation: Uint8Array;
}

function compile(tariff: Tariff): CompiledTariff {
  return {
    tariff,
    components: tariff.elements.map((el) => DIMS.map((d) => el.components.find((c) => c.type === d) ?? null)),
    matched: new Uint8Array(tariff.elements.length),
    matchedReservation: new Uint8Array(tariff.elements.length),
  };
}

/** First element that prices `dim` among those whose restrictions hold; -1 when none. */
function pick(t: CompiledTariff, matched: Uint8Array, dim: number, expired: boolean): number {
  if (expired) {
    // The spec: an expired reservation is priced by RESERVATION_EXPIRES elements before RESERVATION ones.
    for (let j = 0; j < matched.length; j++)
      if (
        matched[j] &&
        t.components[j][dim] &&
        t.tariff.elements[j].restrictions?.reservation === 'RESERVATION_EXPIRES'
      )
        return j;
  }
  for (let j = 0; j < matched.length; j++) if (matched[j] && t.components[j][dim]) return j;
  return -1;
}

const finite = (v: number | undefined): boolean => v !== undefined && !Number.isNaN(v);
const orNaN = (col: Float64Array | undefined, i: number): number => (col === undefined ? NaN : col[i]);
const first = (...values: number[]): number => {
  for (const v of values) if (!Number.isNaN(v)) return v;
  return NaN;
};

export function priceSession(input: PricingInput): CostResult {
  const { periods: table, tariffs } = input;
  const currency = input.currency ?? tariffs.find((t) => t.currency)?.currency ?? null;
  const notes: string[] = [
    'Money: computed in millionths of the currency unit; each row is price × billed volume, rounded half-up to 0.000001 once; totals are sums of rows. Nothing is rounded to cents (OCPI leaves that to law and contract).',
  ];
  const compiled = tariffs.map(compile);
  const clock = new ZoneClock(input.timeZone);
  const anyClock = tariffs.some((t) => t.elements.some((e) => usesClock(e.restrictions)));
  const anyCurrent = tariffs.some((t) => t.elements.some((e) => usesCurrent(e.restrictions)));
  if (anyClock) {
    if (!input.timeZone)
      notes.push(
        "The Location's time zone is unknown: times of day, dates and days of the week are taken in UTC.",
      );
    else if (!clock.valid)
      notes.push(`"${input.timeZone}" is not a known time zone: times of day are taken in UTC.`);
    else notes.push(`Times of day, dates and days of the week are local to ${clock.zone}.`);
  }

  const column = (type: string): Float64Array | undefined => dimensionColumn(table, type);
  const energyCol = column('ENERGY');
  const timeCol = column('TIME');
  const parkCol = column('PARKING_TIME');
  const resCol = column('RESERVATION_TIME');
  const powerCol = column('POWER');
  const minPowerCol = column('MIN_POWER');
  const maxPowerCol = column('MAX_POWER');
  const currentCol = column('CURRENT');
  const minCurrentCol = column('MIN_CURRENT');
  const maxCurrentCol = column('MAX_CURRENT');
  const n = table.count;
  const { start, end } = table;

  let spanStart = Infinity;
  let spanEnd = -Infinity;
  let reservedS = 0;
  let chargedAnything = false;
  for (let i = 0; i < n; i++) {
    if (start[i] < spanStart) spanStart = start[i];
    if (end[i] > spanEnd) spanEnd = end[i];
    if (start[i] > spanEnd) spanEnd = start[i];
    if (orNaN(resCol, i) > 0) reservedS += resCol![i];
    if (orNaN(energyCol, i) > 0 || orNaN(timeCol, i) > 0) chargedAnything = true;
  }
  const sessionStart = input.startedAt ?? (Number.isFinite(spanStart) ? spanStart : 0);
  const expired = reservedS > 0 && !chargedAnything;

  const cuts = boundaryInstants(compiled, clock, anyClock, sessionStart, spanStart, spanEnd);
  const kwhThresholds = [
    ...new Set(
      tariffs.flatMap((t) =>
        t.elements.flatMap((e) =>
          [e.restrictions?.minKwh, e.restrictions?.maxKwh].filter((v): v is number => v != null),
        ),
      ),
    ),
  ].sort((a, b) => a - b);

  const tariffIndex = new Map<string, number>();
  tariffs.forEach((t, i) => {
    if (t.id !== null && !tariffIndex.has(t.id)) tariffIndex.set(t.id, i);
  });
  const tariffAt = (t: number): number => {
    for (let k = 0; k < tariffs.length; k++) {
      const tf = tariffs[k];
      if (
        (tf.startDateTime === null || t >= tf.startDateTime) &&
        (tf.endDateTime === null || t < tf.endDateTime)
      )
        return k;
    }
    return 0;
  };

  const rows = new Map<number, Row>();
  const order: Row[] = [];
  const last = {
    energy: null as Row | null,
    time: null as Row | null,
    park: null as Row | null,
    resTime: null as Row | null,
  };
  const counts = { split: 0, derived: 0, noStart: 0, negative: 0, unknownTariff: 0, unknownCurrent: 0 };
  let flatCharged = false;
  let reservationFlatCharged = false;
  const ctx: RestrictionContext = {
    msOfDay: 0,
    day: 0,
    elapsedS: 0,
    energyKwh: 0,
    powerForMin: NaN,
    powerForMax: NaN,
    currentForMin: NaN,
    currentForMax: NaN,
    reservation: 0,
  };
  const bounds: number[] = [];
  const touched: Row[] = [];
  let cutPtr = 0;
  let cumulative = 0;

  const add = (
    tIdx: number,
    element: number,
    dim: number,
    reservation: boolean,
    amount: number,
    i: number,
  ): Row => {
    const key = ((tIdx * 1024 + element) * 4 + dim) * 2 + (reservation ? 1 : 0);
    let row = rows.get(key);
    if (!row) {
      row = {
        tariff: tIdx,
        element,
        dim,
        reservation,
        component: compiled[tIdx].components[element][dim]!,
        amount: 0,
        ranges: [],
        splitPeriods: 0,
        lastSplit: -1,
        stepNote: null,
      };
      rows.set(key, row);
      order.push(row);
    }
    row.amount += amount;
    const r = row.ranges[row.ranges.length - 1];
    if (r !== undefined && (r[1] === i || r[1] === i - 1)) r[1] = i;
    else row.ranges.push([i, i]);
    touched.push(row);
    return row;
  };

  for (let i = 0; i < n; i++) {
    const s = start[i];
    if (Number.isNaN(s)) {
      counts.noStart++;
      continue;
    }
    const e = end[i];
    const energyRaw = orNaN(energyCol, i);
    if (energyRaw < 0) counts.negative++;
    const energy = energyRaw > 0 ? energyRaw : 0;
    const t = orNaN(timeCol, i);
    const p = orNaN(parkCol, i);
    const rv = orNaN(resCol, i);
    let chargeS = 0;
    let parkS = 0;
    let resS = 0;
    if (finite(t) || finite(p) || finite(rv)) {
      chargeS = t > 0 ? t * 3600 : 0;
      parkS = p > 0 ? p * 3600 : 0;
      resS = rv > 0 ? rv * 3600 : 0;
      if (t < 0 || p < 0 || rv < 0) counts.negative++;
    } else {
      const d = e > s ? (e - s) / 1000 : 0;
      if (energyCol !== undefined && energyRaw <= 0) parkS = d;
      else chargeS = d;
      counts.derived++;
    }
    const avgKw = chargeS > 0 ? energy / (chargeS / 3600) : 0;
    ctx.powerForMin = first(orNaN(powerCol, i), orNaN(minPowerCol, i), avgKw);
    ctx.powerForMax = first(orNaN(powerCol, i), orNaN(maxPowerCol, i), avgKw);
    ctx.currentForMin = first(orNaN(currentCol, i), orNaN(minCurrentCol, i), orNaN(maxCurrentCol, i));
    ctx.currentForMax = first(orNaN(currentCol, i), orNaN(maxCurrentCol, i), orNaN(minCurrentCol, i));
    if (anyCurrent && Number.isNaN(ctx.currentForMin)) counts.unknownCurrent++;

    // Slice bounds: the period's start, every boundary inside it, its end.
    const span = e > s ? e - s : 0;
    bounds.length = 0;
    bounds.push(s);
    if (span > 0) {
      if (cutPtr > 0 && cuts[cutPtr - 1] > s) cutPtr = lowerBound(cuts, s); // periods out of order
      while (cutPtr < cuts.length && cuts[cutPtr] <= s) cutPtr++;
      for (let k = cutPtr; k < cuts.length && cuts[k] < e; k++) bounds.push(cuts[k]);
      if (energy > 0)
        for (const threshold of kwhThresholds) {
          if (threshold > cumulative && threshold < cumulative + energy)
            bounds.push(s + ((threshold - cumulative) / energy) * span);
        }
      if (bounds.length > 2) bounds.sort((a, b) => a - b);
    }
    bounds.push(span > 0 ? e : s);
    touched.length = 0;
    const tariffId = table.tariffIds?.[i] ?? null;
    let periodTariff = -1;
    if (tariffId !== null) {
      periodTariff = tariffIndex.get(tariffId) ?? -1;
      if (periodTariff < 0) counts.unknownTariff++;
    }

    for (let k = 0; k + 1 < bounds.length; k++) {
      const a = bounds[k];
      const frac = span > 0 ? (bounds[k + 1] - a) / span : 1;
      if (span > 0 && frac <= 0) continue;
      if (compiled.length === 0) break;
      const tIdx = periodTariff >= 0 ? periodTariff : tariffAt(a);
      const ct = compiled[tIdx];
      if (anyClock) {
        const local = a + clock.offsetAt(a);
        ctx.day = Math.floor(local / DAY);
        ctx.msOfDay = local - ctx.day * DAY;
      }
      ctx.elapsedS = (a - sessionStart) / 1000;
      ctx.energyKwh = cumulative + (span > 0 ? (energy * (a - s)) / span : 0);
      const els = ct.tariff.elements;

      const sliceEnergy = energy * frac;
      const sliceCharge = chargeS * frac;
      const slicePark = parkS * frac;
      if (sliceEnergy > 0 || sliceCharge > 0 || slicePark > 0 || (!flatCharged && resS === 0)) {
        ctx.reservation = 0;
        for (let j = 0; j < els.length; j++)
          ct.matched[j] = restrictionsHold(els[j].restrictions, ctx) ? 1 : 0;
        if (sliceEnergy > 0) {
          const j = pick(ct, ct.matched, ENERGY, false);
          if (j >= 0) last.energy = add(tIdx, j, ENERGY, false, sliceEnergy, i);
        }
        if (sliceCharge > 0) {
          const j = pick(ct, ct.matched, TIME, false);
          if (j >= 0) last.time = add(tIdx, j, TIME, false, sliceCharge, i);
        }
        if (slicePark > 0) {
          const j = pick(ct, ct.matched, PARKING, false);
          if (j >= 0) last.park = add(tIdx, j, PARKING, false, slicePark, i);
        }
        if (!flatCharged) {
          const j = pick(ct, ct.matched, FLAT, false);
          if (j >= 0) {
            add(tIdx, j, FLAT, false, 1, i);
            flatCharged = true;
          }
        }
      }
      if (resS > 0) {
        ctx.reservation = expired ? 2 : 1;
        for (let j = 0; j < els.length; j++)
          ct.matchedReservation[j] = restrictionsHold(els[j].restrictions, ctx) ? 1 : 0;
        const j = pick(ct, ct.matchedReservation, TIME, expired);
        if (j >= 0) last.resTime = add(tIdx, j, TIME, true, resS * frac, i);
        if (!reservationFlatCharged) {
          const jf = pick(ct, ct.matchedReservation, FLAT, expired);
          if (jf >= 0) {
            add(tIdx, jf, FLAT, true, 1, i);
            reservationFlatCharged = true;
          }
        }
      }
    }
    // A period split at a boundary counts as split only where its parts went to different rows.
    if (bounds.length > 2 && markSplit(touched, i)) counts.split++;
    cumulative += energy;
  }

  // step_size, once per session per group (see the header).
  const stepExtraMicros = new Map<Row, number>();
  const roundGroup = (group: Row[], lastRow: Row | null, scale: number, unit: string): void => {
    if (!lastRow || group.length === 0) return;
    const total = group.reduce((sum, r) => sum + r.amount, 0) * scale;
    const snapped = Math.round(total * 1e6) / 1e6;
    const step = lastRow.component.stepSize;
    let blocks = snapped / step;
    if (Math.abs(blocks - Math.round(blocks)) < 1e-9) blocks = Math.round(blocks);
    const extra = Math.ceil(blocks) * step - snapped;
    if (extra <= 1e-9) return;
    lastRow.amount += extra / scale;
    lastRow.stepNote = `step_size ${step} ${unit}: the session's total ${fmt(snapped)} ${unit} is billed as ${fmt(snapped + extra)} ${unit}; the extra ${fmt(extra)} ${unit} is billed here, with the last component used.`;
    stepExtraMicros.set(lastRow, extra / scale);
  };
  const of = (dim: number, reservation: boolean): Row[] =>
    order.filter((r) => r.dim === dim && r.reservation === reservation);
  roundGroup(of(ENERGY, false), last.energy, 1000, 'Wh');
  const parking = of(PARKING, false);
  if (parking.some((r) => r.amount > 0)) roundGroup(parking, last.park, 1, 's');
  else roundGroup(of(TIME, false), last.time, 1, 's');
  roundGroup(of(TIME, true), last.resTime, 1, 's');

  // Costs, taxes, price limits.
  const components: CostComponent[] = [];
  // Row amounts in micros, parallel to `components`: totals are summed from these, never from the output.
  const micros: { excl: number | null; incl: number | null }[] = [];
  const stepMicros = { excl: 0, incl: 0 };
  const subtotals = compiled.map(() => ({ excl: 0 as number | null, incl: 0 as number | null, any: false }));
  for (const row of order) {
    const tariff = tariffs[row.tariff];
    const unitVolume = row.dim === ENERGY ? row.amount : row.dim === FLAT ? 1 : row.amount / 3600;
    const gross = toMicros(row.component.price * unitVolume);
    const { excl, incl, taxNote } = applyTax(gross, row.component.vat, tariff);
    const extra = stepExtraMicros.get(row);
    if (extra !== undefined) {
      const extraVolume = row.dim === ENERGY ? extra : extra / 3600;
      const extraCost = applyTax(toMicros(row.component.price * extraVolume), row.component.vat, tariff);
      stepMicros.excl += extraCost.excl ?? 0;
      stepMicros.incl += extraCost.incl ?? 0;
    }
    const sub = subtotals[row.tariff];
    sub.any = true;
    sub.excl = sub.excl === null || excl === null ? null : sub.excl + excl;
    sub.incl = sub.incl === null || incl === null ? null : sub.incl + incl;
    const rowNotes: string[] = [];
    if (row.stepNote) rowNotes.push(row.stepNote);
    if (row.splitPeriods > 0)
      rowNotes.push(
        `${row.splitPeriods} period(s) crossed a restriction boundary and are billed here only in part, pro rata by time.`,
      );
    if (taxNote) rowNotes.push(taxNote);
    if (row.reservation) rowNotes.push('Reservation.');
    components.push({
      type: DIMS[row.dim],
      tariffId: tariff.id,
      element: row.element,
      reservation: row.reservation,
      volume: Number(unitVolume.toFixed(9)),
      unit: (row.dim === ENERGY ? 'kWh' : row.dim === FLAT ? 'session' : 'h') as CostUnit,
      price: row.component.price,
      vat: row.component.vat,
      costExclVat: excl === null ? null : fromMicros(excl),
      costInclVat: incl === null ? null : fromMicros(incl),
      periods: row.ranges,
      notes: rowNotes,
    });
    micros.push({ excl, incl });
  }
  subtotals.forEach((sub, k) => {
    if (!sub.any) return;
    const limit = priceLimit(tariffs[k], sub.excl, sub.incl);
    if (limit) {
      components.push(limit.row);
      micros.push({ excl: limit.excl, incl: limit.incl });
    }
  });

  let totalExcl: number | null = 0;
  let totalIncl: number | null = 0;
  for (const m of micros) {
    totalExcl = totalExcl === null || m.excl === null ? null : totalExcl + m.excl;
    totalIncl = totalIncl === null || m.incl === null ? null : totalIncl + m.incl;
  }

  if (tariffs.length === 0) notes.push('No tariff: nothing could be priced.');
  if (counts.split)
    notes.push(
      `${counts.split} period(s) crossed a restriction boundary and were split there, their volumes shared pro rata by time.`,
    );
  if (counts.derived)
    notes.push(
      `${counts.derived} period(s) state no TIME or PARKING_TIME: their duration counts as charging time when they have energy, as parking when their ENERGY is 0.`,
    );
  if (counts.unknownCurrent)
    notes.push(
      `${counts.unknownCurrent} period(s) state no current: min/max current restrictions do not hold for them.`,
    );
  if (counts.negative)
    notes.push(`${counts.negative} period(s) have negative volumes: they are billed as 0.`);
  if (counts.unknownTariff)
    notes.push(
      `${counts.unknownTariff} period(s) name a tariff_id not among the tariffs: they are priced by the tariff valid at their start.`,
    );
  if (counts.noStart) notes.push(`${counts.noStart} period(s) have no start time and are not priced.`);
  if (tariffs.some((t) => t.version === 'ocpi-2.1.1'))
    notes.push('OCPI 2.1.1 tariffs state prices excl. VAT and no VAT rate: incl. VAT equals excl. VAT here.');

  return {
    currency,
    totalExclVat: totalExcl === null ? null : fromMicros(totalExcl),
    totalInclVat: totalIncl === null ? null : fromMicros(totalIncl),
    components,
    notes,
    stepRoundingExclVat: fromMicros(stepMicros.excl),
    stepRoundingInclVat: fromMicros(stepMicros.incl),
    timeZoneUnknown: anyClock && !clock.valid,
  };
}

/** Excl./incl. VAT micros of a row by the tariff's tax rule; null where the tariff does not say. */
function applyTax(
  gross: number,
  vat: number | null,
  tariff: Tariff,
): { excl: number | null; incl: number | null; taxNote: string | null } {
  if (tariff.taxIncluded === 'YES') {
    if (vat === null)
      return {
        excl: null,
        incl: gross,
        taxNote: 'Prices include taxes at a rate the tariff does not state: excl. VAT is unknown.',
      };
    return { excl: Math.round(gross / (1 + vat / 100)), incl: gross, taxNote: null };
  }
  if (tariff.taxIncluded === 'N/A')
    return { excl: gross, incl: gross, taxNote: 'No taxes apply to this tariff.' };
  if (vat === null) {
    if (tariff.taxIncluded === 'NO')
      return {
        excl: gross,
        incl: null,
        taxNote: 'Taxes are added on top at rates the tariff does not state: incl. VAT is unknown.',
      };
    return {
      excl: gross,
      incl: gross,
      taxNote: tariff.version === 'ocpi-2.1.1' ? null : 'No vat: no VAT applies.',
    };
  }
  return { excl: gross, incl: gross + Math.round((gross * vat) / 100), taxNote: null };
}

/** The min_price / max_price correction of one tariff's subtotal, as a row; null when none applies. */
function priceLimit(
  tariff: Tariff,
  excl: number | null,
  incl: number | null,
): { row: CostComponent; excl: number | null; incl: number | null } | null {
  for (const [kind, limit] of [
    ['MIN_PRICE', tariff.minPrice],
    ['MAX_PRICE', tariff.maxPrice],
  ] as const) {
    if (!limit) continue;
    const clamp = (value: number, bound: number): number =>
      kind === 'MIN_PRICE' ? Math.max(value, bound) : Math.min(value, bound);
    const newExcl = excl === null || limit.exclVat === null ? excl : clamp(excl, toMicros(limit.exclVat));
    let newIncl = incl;
    if (incl !== null && limit.inclVat !== null) newIncl = clamp(incl, toMicros(limit.inclVat));
    else if (incl !== null && excl !== null && newExcl !== null && newExcl !== excl)
      newIncl = excl === 0 ? newExcl : Math.round((incl * newExcl) / excl);
    const dExcl = newExcl === null || excl === null ? null : newExcl - excl;
    const dIncl = newIncl === null || incl === null ? null : newIncl - incl;
    if (!dExcl && !dIncl) continue;
    const word = kind === 'MIN_PRICE' ? 'minimum' : 'maximum';
    const shown = [
      limit.exclVat !== null ? `${limit.exclVat} excl. VAT` : null,
      limit.inclVat !== null ? `${limit.inclVat} incl. VAT` : null,
    ]
      .filter(Boolean)
      .join(', ');
    const row: CostComponent = {
      type: kind,
      tariffId: tariff.id,
      element: null,
      reservation: false,
      volume: 1,
      unit: 'session',
      price: fromMicros(dExcl ?? dIncl ?? 0),
      vat: null,
      costExclVat: dExcl === null ? null : fromMicros(dExcl),
      costInclVat: dIncl === null ? null : fromMicros(dIncl),
      periods: [],
      notes: [
        `The tariff's ${word} price (${shown}) corrects the subtotal${limit.inclVat === null && dIncl ? '; incl. VAT is scaled by the same factor' : ''}.`,
      ],
    };
    return { row, excl: dExcl, incl: dIncl };
  }
  return null;
}

/**
 * Instants where a restriction may change its truth: local midnights and each start/end time of day,
 * DST changes, the duration thresholds, and tariff validity boundaries.
 */
function boundaryInstants(
  compiled: CompiledTariff[],
  clock: ZoneClock,
  anyClock: boolean,
  sessionStart: number,
  spanStart: number,
  spanEnd: number,
): number[] {
  if (!Number.isFinite(spanStart) || !Number.isFinite(spanEnd)) return [];
  const out: number[] = [];
  const minutes = new Set<number>([0]);
  for (const { tariff } of compiled) {
    for (const el of tariff.elements) {
      const r = el.restrictions;
      if (!r) continue;
      if (r.startTime !== null) minutes.add(r.startTime);
      if (r.endTime !== null) minutes.add(r.endTime);
      if (r.minDuration !== null) out.push(sessionStart + r.minDuration * 1000);
      if (r.maxDuration !== null) out.push(sessionStart + r.maxDuration * 1000);
    }
    if (tariff.startDateTime !== null) out.push(tariff.startDateTime);
    if (tariff.endDateTime !== null) out.push(tariff.endDateTime);
  }
  if (anyClock) {
    const firstDay = Math.floor((spanStart + clock.offsetAt(spanStart)) / DAY) - 1;
    const lastDay = Math.min(Math.floor((spanEnd + clock.offsetAt(spanEnd)) / DAY) + 1, firstDay + 800);
    for (let day = firstDay; day <= lastDay; day++)
      for (const m of minutes) out.push(clock.instantOf(day * DAY + m * 60_000));
    out.push(...clock.transitionsBetween(spanStart, spanEnd));
  }
  const sorted = out.filter((t) => t > spanStart - DAY && t < spanEnd + DAY).sort((a, b) => a - b);
  return sorted.filter((t, i) => i === 0 || t !== sorted[i - 1]);
}

function lowerBound(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const fmt = (n: number): string => String(Number(n.toFixed(3)));

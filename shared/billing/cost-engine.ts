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
 * - A period with a `tariff_id` is priced by that tariff; otherwise by the first tariff valid at its start
 *   (REGULAR or untyped before AD_HOC_PAYMENT / PROFILE_* ones), the first one when none is valid.
 *
 * Cost per period (`pricePeriods`, for the timeline): each row's cost is shared among the periods that
 * contributed to its volume, pro rata by volume, with cumulative rounding to the micro so the shares add
 * up to the row exactly. Step-size rounding is attributed to the last period of its dimension (the one
 * whose slice was billed last, where the row takes the extra volume); a tariff's minimum-price top-up to the
 * last period that tariff priced, its maximum-price cut off its periods from the last one back (none below
 * 0, so the cumulative cost never falls). The periods' costs therefore sum to the engine's total exactly.
 */
import type { PeriodTable } from '../session/types';
import { fromMicros, toMicros } from './money';
import { dimensionColumn } from './period-columns';
import {
  type RestrictionContext,
  restrictionsHold,
  usesClock,
  usesCurrent,
  usesPerPeriodValues,
} from './restrictions';
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

/**
 * One breakdown row while the walk accumulates it. A class with every field set in the constructor, in
 * its final representation (amount a double, stepNote a string), so 200,000 updates never change its shape.
 */
class Row {
  /** kWh (ENERGY), seconds (TIME, PARKING_TIME) or 1 (FLAT). */
  amount = Number.NaN;
  ranges: [number, number][] = [];
  splitPeriods = 0;
  lastSplit = -1;
  /** Empty until step rounding explains itself here. */
  stepNote = '';
  /** With per-period output: the periods that added to `amount`, ascending, and how much each added. */
  byPeriod: number[] = [];
  byPeriodAmount: number[] = [];

  constructor(
    readonly tariff: number,
    readonly element: number,
    readonly dim: number,
    readonly reservation: boolean,
    readonly component: PriceComponent,
  ) {
    this.amount = 0;
  }
}

/** Marks the rows of one dimension that a split period `i` reached more than one of; true when any. */
function markSplit(touched: Row[], count: number, i: number): boolean {
  let any = false;
  for (let a = 0; a < count; a++) {
    const row = touched[a];
    if (row.lastSplit === i || row.dim === FLAT) continue;
    let other = false;
    for (let b = 0; b < count && !other; b++)
      other = touched[b] !== row && touched[b].dim === row.dim && touched[b].reservation === row.reservation;
    if (other) {
      row.splitPeriods++;
      row.lastSplit = i;
      any = true;
    }
  }
  return any;
}

/** The row of each step group's chronologically last slice (undefined: none billed). */
interface LastRows {
  energy: Row | undefined;
  time: Row | undefined;
  park: Row | undefined;
  resTime: Row | undefined;
}

interface WalkCounts {
  split: number;
  derived: number;
  noStart: number;
  negative: number;
  unknownTariff: number;
  unknownCurrent: number;
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

/** The dimensions in the order `PeriodCosts.element` holds them. */
export const PERIOD_DIMENSIONS = DIMS;

/**
 * What each period contributed to the engine's total (see the header for the rule), and which tariff
 * element priced it per dimension.
 */
export interface PeriodCosts {
  /** Per period, its share of the total excl. VAT in millionths of the currency unit (exact integers); all
   *  NaN when the total excl. VAT is unknown. */
  exclVatMicros: Float64Array;
  inclVatMicros: Float64Array;
  /** Per period, the index in `tariffs` of the tariff that priced it; -1 when nothing was billed. */
  tariff: Int32Array;
  /** Per dimension of PERIOD_DIMENSIONS, per period: the element that priced most of its volume, -1 none. */
  element: Int32Array[];
  /** The attribution rule, in words, for the breakdown. */
  rule: string;
}

export const PERIOD_COST_RULE =
  "Cost per period: each row's cost is shared among its periods pro rata by volume (to the micro, so they add up to the row); step-size rounding goes to the last period of its dimension; a minimum price's top-up to the last period of its tariff, a maximum price's cut off its last periods (the cost stops growing at the maximum).";

const finite = (v: number | undefined): boolean => v !== undefined && !Number.isNaN(v);
const orNaN = (col: Float64Array | undefined, i: number): number => (col === undefined ? NaN : col[i]);
const firstOf = (a: number, b: number): number => (Number.isNaN(a) ? b : a);

export function priceSession(input: PricingInput): CostResult {
  return price(input, false).cost;
}

/** The engine's price (as priceSession) and what each period contributed to it. */
export function pricePeriods(input: PricingInput): { cost: CostResult; periods: PeriodCosts } {
  const { cost, periods } = price(input, true);
  return { cost, periods: periods! };
}

function price(input: PricingInput, perPeriod: boolean): { cost: CostResult; periods: PeriodCosts | null } {
  const { periods: table, tariffs } = input;
  const currency = input.currency ?? tariffs.find((t) => t.currency)?.currency ?? null;
  const notes: string[] = [
    'Money: computed in millionths of the currency unit; each row is price × billed volume, rounded half-up to 0.000001 once; totals are sums of rows. Nothing is rounded to cents (OCPI leaves that to law and contract).',
  ];
  const compiled = tariffs.map(compile);
  const clock = new ZoneClock(input.timeZone);
  const anyClock = tariffs.some((t) => t.elements.some((e) => usesClock(e.restrictions)));
  const anyCurrent = tariffs.some((t) => t.elements.some((e) => usesCurrent(e.restrictions)));
  const anyPerPeriod = tariffs.some((t) => t.elements.some((e) => usesPerPeriodValues(e.restrictions)));
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
  // Without a period tariff_id: the first tariff valid at the instant, a REGULAR (or untyped) one before
  // AD_HOC_PAYMENT and PROFILE_* tariffs, which only apply to sessions that chose them; else the first.
  const tariffAt = (t: number): number => {
    let fallback = -1;
    for (let k = 0; k < tariffs.length; k++) {
      const tf = tariffs[k];
      const valid =
        (tf.startDateTime === null || t >= tf.startDateTime) &&
        (tf.endDateTime === null || t < tf.endDateTime);
      if (!valid) continue;
      if (tf.type === null || tf.type === 'REGULAR') return k;
      if (fallback < 0) fallback = k;
    }
    return fallback >= 0 ? fallback : 0;
  };

  // Per period (only when asked): the tariff and, per dimension, the element with the largest share.
  const periodTariffs = new Int32Array(perPeriod ? n : 0).fill(-1);
  const periodElements = DIMS.map(() => new Int32Array(perPeriod ? n : 0).fill(-1));
  const elementShare = DIMS.map(() => new Float64Array(perPeriod ? n : 0));

  // The walk is its own function: V8 optimizes its loop apart from the one-off work around it.
  const { order, last, counts } = ((): { order: Row[]; last: LastRows; counts: WalkCounts } => {
    const rows = new Map<number, Row>();
    const order: Row[] = [];
    const last: LastRows = { energy: undefined, time: undefined, park: undefined, resTime: undefined };
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
    // Scratch arrays with a count (resetting a JS array's length is a runtime call per period).
    let bounds = new Float64Array(16);
    let boundKwh = new Float64Array(16);
    let nb = 0;
    const pushBound = (value: number, kwh: number): void => {
      if (nb === bounds.length) {
        const grown = new Float64Array(nb * 2);
        grown.set(bounds);
        bounds = grown;
        const grownKwh = new Float64Array(nb * 2);
        grownKwh.set(boundKwh);
        boundKwh = grownKwh;
      }
      bounds[nb] = value;
      boundKwh[nb++] = kwh;
    };
    const evaluate = (
      ct: CompiledTariff,
      a: number,
      energyAt: number,
      reservation: 0 | 1 | 2,
      into: Uint8Array,
    ): void => {
      if (anyClock) {
        const local = a + clock.offsetAt(a);
        ctx.day = Math.floor(local / DAY);
        ctx.msOfDay = local - ctx.day * DAY;
      }
      ctx.elapsedS = (a - sessionStart) / 1000;
      ctx.energyKwh = energyAt;
      ctx.reservation = reservation;
      const els = ct.tariff.elements;
      for (let j = 0; j < els.length; j++) into[j] = restrictionsHold(els[j].restrictions, ctx) ? 1 : 0;
    };
    const picks = new Int32Array(4);
    let segKey = -1;
    let segTariff = -1;
    let band = 0;
    const touched: Row[] = [];
    let touchedCount = 0;
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
        row = new Row(tIdx, element, dim, reservation, compiled[tIdx].components[element][dim]!);
        rows.set(key, row);
        order.push(row);
      }
      row.amount += amount;
      if (perPeriod) {
        const k = row.byPeriod.length - 1;
        if (k >= 0 && row.byPeriod[k] === i) row.byPeriodAmount[k] += amount;
        else {
          row.byPeriod.push(i);
          row.byPeriodAmount.push(amount);
        }
        periodTariffs[i] = tIdx;
        if (!reservation && amount > elementShare[dim][i]) {
          elementShare[dim][i] = amount;
          periodElements[dim][i] = element;
        }
      }
      const r = row.ranges[row.ranges.length - 1];
      if (r !== undefined && (r[1] === i || r[1] === i - 1)) r[1] = i;
      else row.ranges.push([i, i]);
      touched[touchedCount++] = row;
      return row;
    };

    // The slices of one period: its own function, so the walk compiles (and re-compiles) quickly.
    const priceSlices = (
      i: number,
      s: number,
      span: number,
      energy: number,
      chargeS: number,
      parkS: number,
      resS: number,
      periodTariff: number,
    ): void => {
      let ci = cutPtr;

      for (let k = 0; k + 1 < nb; k++) {
        const a = bounds[k];
        const frac = span > 0 ? (bounds[k + 1] - a) / span : 1;
        if (span > 0 && frac <= 0) continue;
        const energyAt = Number.isNaN(boundKwh[k])
          ? cumulative + (span > 0 ? (energy * (a - s)) / span : 0)
          : boundKwh[k];
        // The segment between two boundaries: clock, date, duration and validity restrictions are constant in it.
        while (ci < cuts.length && cuts[ci] <= a) ci++;
        while (ci > 0 && cuts[ci - 1] > a) ci--;
        while (band < kwhThresholds.length && kwhThresholds[band] <= energyAt) band++;
        while (band > 0 && kwhThresholds[band - 1] > energyAt) band--;
        const segment = ci * 1024 + band;
        const tIdx = periodTariff >= 0 ? periodTariff : segment === segKey ? segTariff : tariffAt(a);
        const ct = compiled[tIdx];

        const sliceEnergy = energy * frac;
        const sliceCharge = chargeS * frac;
        const slicePark = parkS * frac;
        if (sliceEnergy > 0 || sliceCharge > 0 || slicePark > 0 || (!flatCharged && resS === 0)) {
          // Only power and current restrictions change inside a segment; without them the picks are reused.
          if (anyPerPeriod || segment !== segKey || tIdx !== segTariff) {
            evaluate(ct, a, energyAt, 0, ct.matched);
            for (let d = 0; d < 4; d++) picks[d] = pick(ct, ct.matched, d, false);
            segKey = segment;
            segTariff = tIdx;
          }
          if (sliceEnergy > 0 && picks[ENERGY] >= 0)
            last.energy = add(tIdx, picks[ENERGY], ENERGY, false, sliceEnergy, i);
          if (sliceCharge > 0 && picks[TIME] >= 0)
            last.time = add(tIdx, picks[TIME], TIME, false, sliceCharge, i);
          if (slicePark > 0 && picks[PARKING] >= 0)
            last.park = add(tIdx, picks[PARKING], PARKING, false, slicePark, i);
          if (!flatCharged && picks[FLAT] >= 0) {
            add(tIdx, picks[FLAT], FLAT, false, 1, i);
            flatCharged = true;
          }
        }
        if (resS > 0) {
          evaluate(ct, a, energyAt, expired ? 2 : 1, ct.matchedReservation);
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
        parkS = p > 0 ? p * 3600 : 0;
        resS = rv > 0 ? rv * 3600 : 0;
        if (finite(t)) chargeS = t > 0 ? t * 3600 : 0;
        else if (energy > 0 && e > s) {
          // PARKING_TIME (or RESERVATION_TIME) stated without TIME: the rest of a period with energy is charging.
          const rest = (e - s) / 1000 - parkS - resS;
          chargeS = rest >= 1 ? rest : 0;
          counts.derived++;
        }
        if (t < 0 || p < 0 || rv < 0) counts.negative++;
      } else {
        const d = e > s ? (e - s) / 1000 : 0;
        if (energyCol !== undefined && energyRaw <= 0) parkS = d;
        else chargeS = d;
        counts.derived++;
      }
      const avgKw = chargeS > 0 ? energy / (chargeS / 3600) : 0;
      const power = orNaN(powerCol, i);
      ctx.powerForMin = firstOf(power, firstOf(orNaN(minPowerCol, i), avgKw));
      ctx.powerForMax = firstOf(power, firstOf(orNaN(maxPowerCol, i), avgKw));
      const current = orNaN(currentCol, i);
      const minCurrent = orNaN(minCurrentCol, i);
      const maxCurrent = orNaN(maxCurrentCol, i);
      ctx.currentForMin = firstOf(current, firstOf(minCurrent, maxCurrent));
      ctx.currentForMax = firstOf(current, firstOf(maxCurrent, minCurrent));
      if (anyCurrent && Number.isNaN(ctx.currentForMin)) counts.unknownCurrent++;

      // Slice bounds: the period's start, every boundary inside it, its end; a kWh boundary carries its
      // threshold exactly (pro rata arithmetic could land a hair below it and miss a min_kwh).
      const span = e > s ? e - s : 0;
      nb = 0;
      pushBound(s, NaN);
      if (span > 0) {
        if (cutPtr > 0 && cuts[cutPtr - 1] > s) cutPtr = lowerBound(cuts, s); // periods out of order
        while (cutPtr < cuts.length && cuts[cutPtr] <= s) cutPtr++;
        let c = cutPtr;
        let kk = 0;
        // Merge the (sorted) time cuts inside the period with the (sorted) kWh crossings.
        for (;;) {
          while (kk < kwhThresholds.length && !(energy > 0 && kwhThresholds[kk] > cumulative)) kk++;
          const kwhAt =
            kk < kwhThresholds.length && kwhThresholds[kk] < cumulative + energy
              ? s + ((kwhThresholds[kk] - cumulative) / energy) * span
              : Infinity;
          const cutAt = c < cuts.length && cuts[c] < e ? cuts[c] : Infinity;
          if (kwhAt === Infinity && cutAt === Infinity) break;
          if (cutAt <= kwhAt) {
            pushBound(cutAt, NaN);
            c++;
          } else {
            pushBound(kwhAt, kwhThresholds[kk]);
            kk++;
          }
        }
      }
      pushBound(span > 0 ? e : s, NaN);
      touchedCount = 0;
      const tariffId = table.tariffIds?.[i] ?? null;
      let periodTariff = -1;
      if (tariffId !== null) {
        periodTariff = tariffIndex.get(tariffId) ?? -1;
        if (periodTariff < 0) counts.unknownTariff++;
      }
      if (compiled.length === 0) continue;
      priceSlices(i, s, span, energy, chargeS, parkS, resS, periodTariff);
      // A period split at a boundary counts as split only where its parts went to different rows.
      if (nb > 2 && markSplit(touched, touchedCount, i)) counts.split++;
      cumulative += energy;
    }
    return { order, last, counts };
  })();

  // step_size, once per session per group (see the header).
  const stepExtraMicros = new Map<Row, number>();
  const roundGroup = (group: Row[], lastRow: Row | undefined, scale: number, unit: string): void => {
    if (!lastRow || group.length === 0) return;
    const total = group.reduce((sum, r) => sum + r.amount, 0) * scale;
    const snapped = Math.round(total * 1e6) / 1e6;
    const step = lastRow.component.stepSize;
    let blocks = snapped / step;
    if (Math.abs(blocks - Math.round(blocks)) < 1e-9) blocks = Math.round(blocks);
    const extra = Math.ceil(blocks) * step - snapped;
    if (extra <= 1e-9) return;
    lastRow.amount += extra / scale;
    // Per period: the extra belongs to the last period of the dimension, the row's last contributor.
    if (lastRow.byPeriodAmount.length)
      lastRow.byPeriodAmount[lastRow.byPeriodAmount.length - 1] += extra / scale;
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
  // Per period: each row's micros with the periods they are shared among.
  const shares: { excl: number | null; incl: number | null; periods: number[]; amounts: number[] }[] = [];
  const limits: { tariff: number; excl: number | null; incl: number | null }[] = [];
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
    if (perPeriod) shares.push({ excl, incl, periods: row.byPeriod, amounts: row.byPeriodAmount });
  }
  subtotals.forEach((sub, k) => {
    if (!sub.any) return;
    const limit = priceLimit(tariffs[k], sub.excl, sub.incl);
    if (limit) {
      components.push(limit.row);
      micros.push({ excl: limit.excl, incl: limit.incl });
      if (perPeriod) limits.push({ tariff: k, excl: limit.excl, incl: limit.incl });
    }
  });

  let totalExcl: number | null = 0;
  let totalIncl: number | null = 0;
  for (const m of micros) {
    totalExcl = totalExcl === null || m.excl === null ? null : totalExcl + m.excl;
    totalIncl = totalIncl === null || m.incl === null ? null : totalIncl + m.incl;
  }

  if (tariffs.length === 0) notes.push('No tariff: nothing could be priced.');
  if (
    energyCol === undefined &&
    tariffs.some((t) => t.elements.some((e) => e.components.some((c) => c.type === 'ENERGY')))
  )
    notes.push('The periods carry no ENERGY volumes: the tariff’s energy price could not be applied.');
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

  const cost: CostResult = {
    currency,
    totalExclVat: totalExcl === null ? null : fromMicros(totalExcl),
    totalInclVat: totalIncl === null ? null : fromMicros(totalIncl),
    components,
    notes,
    stepRoundingExclVat: fromMicros(stepMicros.excl),
    stepRoundingInclVat: fromMicros(stepMicros.incl),
    timeZoneUnknown: anyClock && !clock.valid,
  };
  if (!perPeriod) return { cost, periods: null };
  cost.notes.push(PERIOD_COST_RULE);
  const exclVatMicros = new Float64Array(n).fill(totalExcl === null ? Number.NaN : 0);
  const inclVatMicros = new Float64Array(n).fill(totalIncl === null ? Number.NaN : 0);
  for (const share of shares) {
    if (totalExcl !== null && share.excl !== null)
      spread(share.excl, share.periods, share.amounts, exclVatMicros);
    if (totalIncl !== null && share.incl !== null)
      spread(share.incl, share.periods, share.amounts, inclVatMicros);
  }
  for (const limit of limits) {
    if (totalExcl !== null && limit.excl) correct(limit.excl, limit.tariff, periodTariffs, exclVatMicros);
    if (totalIncl !== null && limit.incl) correct(limit.incl, limit.tariff, periodTariffs, inclVatMicros);
  }
  return {
    cost,
    periods: {
      exclVatMicros,
      inclVatMicros,
      tariff: periodTariffs,
      element: periodElements,
      rule: PERIOD_COST_RULE,
    },
  };
}

/**
 * A tariff's price-limit correction per period: a minimum price's top-up goes to the last period the tariff
 * priced; a maximum price's cut is taken off its periods from the last one back, each down to 0 at most, so
 * the cumulative cost stops growing where it reached the maximum and never falls.
 */
function correct(micros: number, tariff: number, periodTariffs: Int32Array, into: Float64Array): void {
  let left = micros;
  for (let i = periodTariffs.length - 1; i >= 0 && left !== 0; i--) {
    if (periodTariffs[i] !== tariff) continue;
    if (left > 0) {
      into[i] += left;
      return;
    }
    const cut = Math.max(left, -into[i]);
    into[i] += cut;
    left -= cut;
  }
  // A tariff that lost its every period to another (both priced parts of one period): the last period.
  if (left !== 0 && into.length > 0) into[into.length - 1] += left;
}

/**
 * Adds `micros` to `into` over `periods` pro rata by `amounts`, rounding the running total (not each share),
 * so the shares are integers that add up to `micros` exactly.
 */
function spread(micros: number, periods: number[], amounts: number[], into: Float64Array): void {
  if (periods.length === 0) return;
  let total = 0;
  for (const a of amounts) total += a;
  let done = 0;
  let sum = 0;
  for (let k = 0; k < periods.length; k++) {
    sum += amounts[k];
    // With no volume to weigh by, the last period takes it all.
    const lastOne = k === periods.length - 1;
    const upTo = lastOne ? micros : total > 0 ? Math.round((micros * sum) / total) : 0;
    into[periods[k]] += upTo - done;
    done = upTo;
  }
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

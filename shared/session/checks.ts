/**
 * Triage checks: what a support engineer should look at first. Each finding says what is wrong,
 * why it matters and, where it concerns periods, which ones (so the timeline can zoom there).
 */
import type { Check, NormalizedSession } from './types';
import type { LocationFacts } from './location';
import type { PeriodFacts } from './periods';
import { KNOWN_STATUSES } from './vocabulary';
import { countryContains } from '../geo/country-lookup';
import { compareEnergy } from './energy-tolerance';
import { IMPLAUSIBLE_KW, type WhEvidence } from './energy-unit';
import { powerAbove } from './periods';
import { siteCountry, swappedBackPosition } from '../geo/probable-position';

/** Tolerated excess over the connector maximum: metering and rounding noise. */
const POWER_MARGIN = 1.1;
/** A gap must exceed this many usual spacings, and this many seconds, to be reported. */
const GAP_FACTOR = 10;
const GAP_MIN_S = 300;
const GAP_SAMPLE = 65_536;
/** EVSE coordinates this far from the location's are probably wrong. */
const EVSE_FAR_M = 2000;

/** Everything the checks need beyond the normalized session. */
export interface ReaderFacts {
  periods: PeriodFacts;
  location: LocationFacts;
  /** Why the volumes look like Wh (./energy-unit), null when they do not. */
  wh: WhEvidence | null;
}

const fmt = (n: number, digits = 3): string => Number(n.toFixed(digits)).toString();

export function runChecks(s: NormalizedSession, facts: ReaderFacts): Check[] {
  const checks: Check[] = [];
  const wh = facts.wh;
  if (wh) checks.push(energyUnitCheck(s, wh));
  // A COMPLETED session reporting 0 kWh over periods with energy is wrong whatever the volumes' unit.
  const zeroKwh = s.kwh === 0 && s.status === 'COMPLETED' && (s.energyRounding.sum ?? 0) > 0;
  if (!wh || zeroKwh) checkEnergyMismatch(s, checks);
  checkTimes(s, checks);
  checkPeriodOrder(s, checks);
  checkPeriodsInsideSession(s, checks);
  checkGaps(s, checks);
  // With the volumes' unit in doubt the period power is too: the unit check is the finding, not the power.
  if (!wh) checkConnectorPower(s, checks);
  checkNegative(facts, checks);
  checkCoordinates(s, facts, checks);
  return checks;
}

function energyUnitCheck(s: NormalizedSession, wh: WhEvidence): Check {
  const reading =
    s.volumeUnit === 'Wh'
      ? 'They are read as Wh: period energy and power are shown ÷ 1000 (read "as sent" to see the raw figures).'
      : 'Shown as sent: power and energy figures from periods are 1000× too high.';
  const evidence =
    wh.by === 'ratio'
      ? `Period ENERGY sums to ${fmt(wh.figure * (s.kwh ?? 0))} against kwh ${fmt(s.kwh ?? 0)} (${fmt(wh.figure, 0)}×)`
      : `Period energy as sent implies up to ${fmt(wh.figure, 0)} kW, above ${wh.limitKw !== null && wh.limitKw < IMPLAUSIBLE_KW ? `100× the connector's maximum (${fmt(wh.limitKw, 0)} kW)` : `${IMPLAUSIBLE_KW} kW, which no charger delivers`}`;
  return {
    code: 'ENERGY_UNIT_SUSPECT',
    severity: 'error',
    message: `${evidence}: the volumes look like Wh, not kWh. ${reading}`,
    periods: wh.periods,
  };
}

function checkEnergyMismatch(s: NormalizedSession, out: Check[]): void {
  const e = compareEnergy(s.kwh, s.energyRounding);
  if (e === null || e.agree) return;
  out.push({
    code: 'ENERGY_MISMATCH',
    severity: 'error',
    message:
      e.reported === 0
        ? `The session reports 0 kWh${s.status === 'COMPLETED' ? ' although it is COMPLETED' : ''}, but its periods hold ${fmt(e.summed, 4)} kWh${s.volumeUnit === 'Wh' ? ' (read as Wh)' : ''}: its kwh was never filled in or was reset.`
        : `Period ENERGY sums to ${fmt(e.summed, 4)} kWh but the session reports ${fmt(e.reported, 4)} kWh (off by ${fmt(e.diff, 4)}; rounding of ${e.volumes} volume(s) explains at most ${fmt(e.tolerance, 4)}).`,
    periods: [0, s.periods.count - 1],
  });
}

function checkTimes(s: NormalizedSession, out: Check[]): void {
  if (s.startedAt !== null && s.endedAt !== null && s.endedAt < s.startedAt) {
    out.push({
      code: 'END_BEFORE_START',
      severity: 'error',
      message: `The session ends (${new Date(s.endedAt).toISOString()}) before it starts (${new Date(s.startedAt).toISOString()}).`,
    });
  }
  if (s.startedAt !== null && s.lastUpdated !== null && s.lastUpdated < s.startedAt) {
    out.push({
      code: 'UPDATED_BEFORE_START',
      severity: 'warning',
      message: `The session was last updated (${new Date(s.lastUpdated).toISOString()}) before it started (${new Date(s.startedAt).toISOString()}): one of the two times is wrong.`,
    });
  } else if (s.endedAt !== null && s.lastUpdated !== null && s.lastUpdated < s.endedAt) {
    out.push({
      code: 'UPDATED_BEFORE_END',
      severity: 'warning',
      message: `The session was last updated (${new Date(s.lastUpdated).toISOString()}) before it ended (${new Date(s.endedAt).toISOString()}): the end was set without an update, or one of the two times is wrong.`,
    });
  }
  const energy = Math.max(s.kwh ?? 0, s.energyRounding.sum ?? 0);
  if (s.startedAt !== null && s.endedAt === s.startedAt && energy > 0) {
    out.push({
      code: 'ENERGY_WITHOUT_DURATION',
      severity: 'error',
      message: `The session delivered ${fmt(energy)} kWh but starts and ends at the same instant (${new Date(s.startedAt).toISOString()}): energy takes time, so a time is wrong.`,
    });
  }
  if (s.status === 'COMPLETED' && s.endedAt === null) {
    out.push({
      code: 'COMPLETED_WITHOUT_END',
      severity: 'warning',
      message: 'The session is COMPLETED but has no end time: duration and the last period cannot be known.',
    });
  }
  if (s.status === 'ACTIVE' && s.endedAt !== null) {
    out.push({
      code: 'ACTIVE_WITH_END',
      severity: 'warning',
      message: 'The session is ACTIVE but already has an end time: the status or the end is stale.',
    });
  }
  if (s.status !== null && !KNOWN_STATUSES.includes(s.status)) {
    const near = KNOWN_STATUSES.find((k) => k.startsWith(s.status!.slice(0, 4).toUpperCase()));
    out.push({
      code: 'UNKNOWN_STATUS',
      severity: 'warning',
      message: `Status "${s.status}" is not an OCPI session status${near ? ` (did the sender mean ${near}?)` : ''}; clients may reject it.`,
    });
  }
  if (s.periods.count === 0 && s.status !== 'PENDING' && s.status !== 'RESERVATION') {
    out.push({
      code: 'NO_CHARGING_PERIODS',
      severity: 'info',
      message: 'The session has no charging periods: there is no timeline to show.',
    });
  }
}

function checkPeriodOrder(s: NormalizedSession, out: Check[]): void {
  const start = s.periods.start;
  let first = -1;
  let last = -1;
  let count = 0;
  for (let i = 1; i < start.length; i++) {
    if (start[i] < start[i - 1]) {
      if (first < 0) first = i - 1;
      last = i;
      count++;
    }
  }
  if (first < 0) return;
  out.push({
    code: 'PERIODS_OUT_OF_ORDER',
    severity: 'error',
    message: `${count} period(s) start before the one listed ahead of them (first at period ${first + 1}): durations and power derived from them are wrong.`,
    periods: [first, last],
  });
}

function checkPeriodsInsideSession(s: NormalizedSession, out: Check[]): void {
  const lower = s.startedAt;
  const upper = s.endedAt ?? s.lastUpdated;
  if (lower === null && upper === null) return;
  const { first, last, count } = rangeOutside(s.periods.start, lower ?? -Infinity, upper ?? Infinity);
  if (first < 0) return;
  const bound = s.endedAt !== null ? 'end' : 'last update';
  out.push({
    code: 'PERIOD_OUTSIDE_SESSION',
    severity: 'warning',
    message: `${count} period(s) start outside the session (before its start or after its ${bound}), first at period ${first + 1} (${new Date(s.periods.start[first]).toISOString()}).`,
    periods: [first, last],
  });
}

function checkGaps(s: NormalizedSession, out: Check[]): void {
  const start = s.periods.start;
  // The usual spacing from at most GAP_SAMPLE evenly spread spacings: exact for shorter sessions, and no
  // session-sized scratch column for long ones (see the memory note in ./periods).
  const stride = Math.max(1, Math.ceil((start.length - 1) / GAP_SAMPLE));
  const spacings = new Float64Array(Math.ceil(Math.max(0, start.length - 1) / stride));
  let m = 0;
  for (let i = 1; i < start.length; i += stride) {
    const d = start[i] - start[i - 1];
    if (d > 0) spacings[m++] = d;
  }
  if (m < 3) return;
  const median = medianOf(spacings.subarray(0, m));
  const limit = Math.max(median * GAP_FACTOR, GAP_MIN_S * 1000);
  let worst = -1;
  let worstGap = 0;
  let count = 0;
  for (let i = 1; i < start.length; i++) {
    const d = start[i] - start[i - 1];
    if (d > limit) {
      count++;
      if (d > worstGap) {
        worstGap = d;
        worst = i - 1;
      }
    }
  }
  if (worst < 0) return;
  out.push({
    code: 'PERIOD_GAP',
    severity: 'warning',
    message: `${count} gap(s) in the periods much longer than the usual ${fmt(median / 1000, 0)} s spacing; the longest is ${formatDuration(worstGap)} after period ${worst + 1}. Meter values may be missing.`,
    periods: [worst, worst + 1],
  });
}

function checkConnectorPower(s: NormalizedSession, out: Check[]): void {
  const max = s.connector?.maxPowerKw;
  if (max === null || max === undefined || max <= 0) return;
  const source = s.connector?.maxPowerSource === 'declared' ? 'declared' : 'from voltage × amperage × phases';
  const p = s.periods;
  const limit = max * POWER_MARGIN;
  if (p.count === 0) {
    // No periods: the session's own kwh over its duration is the only power figure there is.
    const hours = s.startedAt !== null && s.endedAt !== null ? (s.endedAt - s.startedAt) / 3_600_000 : 0;
    if (s.kwh === null || !(hours > 0) || s.kwh / hours <= limit) return;
    out.push({
      code: 'POWER_ABOVE_CONNECTOR_MAX',
      severity: 'error',
      message: `The session's ${fmt(s.kwh)} kWh in ${formatDuration(hours * 3_600_000)} average ${fmt(s.kwh / hours, 2)} kW, above the connector's maximum of ${fmt(max, 2)} kW (${source}): the energy, the times or the connector data is wrong.`,
    });
    return;
  }
  const { first, last, count, max: peak } = powerAbove(p, p.dimensions.get('POWER'), limit);
  if (first < 0) return;
  out.push({
    code: 'POWER_ABOVE_CONNECTOR_MAX',
    severity: 'error',
    message: `${count} period(s) average up to ${fmt(peak, 2)} kW, above the connector's maximum of ${fmt(max, 2)} kW (${source}): the energy or the connector data is wrong.`,
    periods: [first, last],
  });
}

function checkNegative(facts: ReaderFacts, out: Check[]): void {
  const neg = facts.periods.negative;
  if (!neg) return;
  out.push(
    neg.disallowed
      ? {
          code: 'NEGATIVE_VOLUME',
          severity: 'error',
          message: `${neg.count} dimension volume(s) are negative (e.g. ${neg.example}); only ENERGY, POWER and CURRENT may be (OCPI 2.2.1), other volumes are amounts and cannot be below zero.`,
          periods: [neg.first, neg.last],
        }
      : {
          code: 'NEGATIVE_VOLUME',
          severity: 'warning',
          message: `${neg.count} ENERGY, POWER or CURRENT volume(s) are negative (e.g. ${neg.example}): OCPI 2.2.1 allows this for energy fed back to the grid; check that it was.`,
          periods: [neg.first, neg.last],
        },
  );
}

function checkCoordinates(s: NormalizedSession, facts: ReaderFacts, out: Check[]): void {
  for (const problem of facts.location.coordinateProblems) {
    out.push({
      code: 'INVALID_COORDINATES',
      severity: 'error',
      message: `Coordinates at ${problem.path}: ${problem.problem}. The map cannot place this point.`,
    });
  }
  const loc = s.location;
  if (!loc?.coordinates) return;
  const { latitude, longitude } = loc.coordinates;
  if (latitude === 0 && longitude === 0) {
    out.push({
      code: 'COORDINATES_SUSPECT',
      severity: 'warning',
      message:
        'The location is at 0°, 0° (in the Atlantic off Africa): the coordinates were probably never set.',
    });
    return;
  }
  const country = siteCountry(s);
  if (country) {
    const inside = countryContains(country, latitude, longitude);
    if (inside === false) {
      const swapped = swappedBackPosition(s) !== null;
      out.push({
        code: 'COORDINATES_SUSPECT',
        severity: 'warning',
        message: swapped
          ? `The location (${latitude}, ${longitude}) is outside ${country}, but (${longitude}, ${latitude}) is inside: latitude and longitude look swapped.`
          : `The location (${latitude}, ${longitude}) is outside its country ${country}.`,
      });
    }
  }
  for (const evse of loc.evses) {
    if (!evse.coordinates) continue;
    const meters = distanceMeters(loc.coordinates, evse.coordinates);
    if (meters > EVSE_FAR_M) {
      out.push({
        code: 'COORDINATES_SUSPECT',
        severity: 'warning',
        message: `EVSE ${evse.uid ?? evse.evseId ?? '?'} is ${fmt(meters / 1000, 1)} km from its location: one of the two positions is wrong.`,
      });
    }
  }
}

/**
 * Where `values` lie outside [lo, hi] (NaN never does). Bounds, not a predicate callback: a callback per
 * element boxed every double it was passed (measured: 40 MB of garbage per check at 800,000 periods).
 */
function rangeOutside(
  values: Float64Array,
  lo: number,
  hi: number,
): { first: number; last: number; count: number; max: number } {
  let first = -1;
  let last = -1;
  let count = 0;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v < lo || v > hi) {
      if (first < 0) first = i;
      last = i;
      count++;
      if (v > max) max = v;
    }
  }
  return { first, last, count, max };
}

/** Median by quickselect: linear time, and it may reorder `values` (a scratch array). */
function medianOf(values: Float64Array): number {
  const k = values.length >> 1;
  const upper = select(values, k);
  return values.length % 2 ? upper : (upper + select(values, k - 1)) / 2;
}

function select(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k];
  }
  return a[k];
}

function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 120) return `${s} s`;
  if (s < 7200) return `${Math.round(s / 60)} min`;
  if (s < 172800) return `${fmt(s / 3600, 1)} h`;
  return `${fmt(s / 86400, 1)} days`;
}

/** Great-circle distance (haversine), good to a few metres at these scales. */
export function distanceMeters(
  a: { latitude: number; longitude: number },
  b: { latitude: number; longitude: number },
): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.min(1, Math.sqrt(h)));
}

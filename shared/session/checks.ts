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
import { siteCountry, swappedBackPosition } from '../geo/probable-position';

/** Ratio band in which period energy is taken to be Wh reported as kWh. */
const WH_RATIO_MIN = 800;
const WH_RATIO_MAX = 1250;
/** No connector in service delivers this much; a period "power" above it means the unit is wrong. */
const IMPLAUSIBLE_KW = 1000;
/** Tolerated excess over the connector maximum: metering and rounding noise. */
const POWER_MARGIN = 1.1;
/** A gap must exceed this many usual spacings, and this many seconds, to be reported. */
const GAP_FACTOR = 10;
const GAP_MIN_S = 300;
/** EVSE coordinates this far from the location's are probably wrong. */
const EVSE_FAR_M = 2000;

/** Everything the checks need beyond the normalized session. */
export interface ReaderFacts {
  periods: PeriodFacts;
  location: LocationFacts;
}

const fmt = (n: number, digits = 3): string => Number(n.toFixed(digits)).toString();

export function runChecks(s: NormalizedSession, facts: ReaderFacts): Check[] {
  const checks: Check[] = [];
  const unitSuspect = checkEnergyUnits(s, facts, checks);
  if (!unitSuspect) checkEnergyMismatch(s, checks);
  checkTimes(s, checks);
  checkPeriodOrder(s, checks);
  checkPeriodsInsideSession(s, checks);
  checkGaps(s, checks);
  if (!unitSuspect) checkConnectorPower(s, checks);
  checkNegative(facts, checks);
  checkCoordinates(s, facts, checks);
  return checks;
}

function checkEnergyUnits(s: NormalizedSession, facts: ReaderFacts, out: Check[]): boolean {
  const sum = facts.periods.energySum;
  if (sum === null || sum <= 0) return false;
  if (s.kwh !== null && s.kwh > 0) {
    const ratio = sum / s.kwh;
    if (ratio >= WH_RATIO_MIN && ratio <= WH_RATIO_MAX) {
      out.push({
        code: 'ENERGY_UNIT_SUSPECT',
        severity: 'error',
        message: `Period ENERGY sums to ${fmt(sum)} against kwh ${fmt(s.kwh)} (${fmt(ratio, 0)}×): the volumes look like Wh, not kWh. Power and energy figures from periods are 1000× too high.`,
        periods: [0, s.periods.count - 1],
      });
      return true;
    }
    return false;
  }
  // Without a usable kwh, an impossible power is the tell.
  const { first, last, max } = rangeWhere(s.periods.powerKw, (p) => p > IMPLAUSIBLE_KW);
  if (first >= 0) {
    out.push({
      code: 'ENERGY_UNIT_SUSPECT',
      severity: 'error',
      message: `Period energy implies ${fmt(max, 0)} kW, which no charger delivers: the volumes look like Wh, not kWh.`,
      periods: [first, last],
    });
    return true;
  }
  return false;
}

function checkEnergyMismatch(s: NormalizedSession, out: Check[]): void {
  const e = compareEnergy(s.kwh, s.energyRounding);
  if (e === null || e.agree) return;
  out.push({
    code: 'ENERGY_MISMATCH',
    severity: 'error',
    message: `Period ENERGY sums to ${fmt(e.summed, 4)} kWh but the session reports ${fmt(e.reported, 4)} kWh (off by ${fmt(e.diff, 4)}; rounding of ${e.volumes} volume(s) explains at most ${fmt(e.tolerance, 4)}).`,
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
  const { first, last, count } = rangeWhere(
    s.periods.start,
    (t) => (lower !== null && t < lower) || (upper !== null && t > upper),
  );
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
  const spacings = new Float64Array(Math.max(0, start.length - 1));
  let m = 0;
  for (let i = 1; i < start.length; i++) {
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
  const { first, last, count, max: peak } = rangeWhere(s.periods.powerKw, (p) => p > max * POWER_MARGIN);
  if (first < 0) return;
  out.push({
    code: 'POWER_ABOVE_CONNECTOR_MAX',
    severity: 'error',
    message: `${count} period(s) average up to ${fmt(peak, 2)} kW, above the connector's maximum of ${fmt(max, 2)} kW (${s.connector?.maxPowerSource === 'declared' ? 'declared' : 'from voltage × amperage × phases'}): the energy or the connector data is wrong.`,
    periods: [first, last],
  });
}

function checkNegative(facts: ReaderFacts, out: Check[]): void {
  const neg = facts.periods.negative;
  if (!neg) return;
  out.push({
    code: 'NEGATIVE_VOLUME',
    severity: 'error',
    message: `${neg.count} dimension volume(s) are negative (e.g. ${neg.example}); volumes are amounts and cannot be below zero.`,
    periods: [neg.first, neg.last],
  });
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

function rangeWhere(
  values: Float64Array,
  test: (v: number) => boolean,
): { first: number; last: number; count: number; max: number } {
  let first = -1;
  let last = -1;
  let count = 0;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isNaN(v) && test(v)) {
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

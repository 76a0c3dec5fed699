/**
 * Whether a tariff element's restrictions all hold (a logical AND) at one instant of a session.
 *
 * Rules the spec leaves open, decided here once:
 * - `end_time` 00:00 means the end of the day; `start_time` = `end_time` means the whole day.
 * - A window that wraps past midnight (`end_time` < `start_time`, e.g. 20:00–15:00) belongs to the day it
 *   starts on: `day_of_week` is checked against that day, so a MONDAY–FRIDAY 20:00–15:00 window covers
 *   Saturday 08:00 (Friday's night) but not Monday 08:00 (Sunday's night).
 * - Current or power the period does not state (and cannot be derived) fails min/max current and power.
 */
import type { ReservationRestriction, TariffRestrictions } from './types';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** What the restrictions look at, for one slice of a charging period (at its start). */
export interface RestrictionContext {
  /** Local time: ms since local midnight, local day (days since 1970-01-01). */
  msOfDay: number;
  day: number;
  /** Seconds since the session started. */
  elapsedS: number;
  /** Energy consumed in the session before this instant (kWh). */
  energyKwh: number;
  /** Power (kW) and current (A) to test min_* and max_* against; NaN when unknown. */
  powerForMin: number;
  powerForMax: number;
  currentForMin: number;
  currentForMax: number;
  /** 0: not a reservation; 1: reservation time; 2: reservation time of a reservation that expired unused. */
  reservation: 0 | 1 | 2;
}

/** Monday = 0 … Sunday = 6; 1970-01-01 was a Thursday. */
export const weekdayOf = (day: number): number => (((day + 3) % 7) + 7) % 7;

/** True when all restrictions hold. `null` restrictions always hold (outside reservations). */
export function restrictionsHold(r: TariffRestrictions | null, c: RestrictionContext): boolean {
  if (r === null) return c.reservation === 0;
  if (!reservationHolds(r.reservation, c.reservation)) return false;
  let windowDay = c.day;
  if (r.startTime !== null || r.endTime !== null) {
    const start = (r.startTime ?? 0) * MINUTE_MS;
    const end = r.endTime === null || r.endTime === 0 ? DAY_MS : r.endTime * MINUTE_MS;
    const t = c.msOfDay;
    if (start < end) {
      if (t < start || t >= end) return false;
    } else if (start > end) {
      if (t < end) windowDay = c.day - 1;
      else if (t < start) return false;
    }
  }
  if (r.dayOfWeek.length > 0 && !r.dayOfWeek.includes(weekdayOf(windowDay))) return false;
  if (r.startDate !== null && c.day < r.startDate) return false;
  if (r.endDate !== null && c.day >= r.endDate) return false;
  if (r.minKwh !== null && !(c.energyKwh >= r.minKwh)) return false;
  if (r.maxKwh !== null && !(c.energyKwh < r.maxKwh)) return false;
  if (r.minDuration !== null && !(c.elapsedS >= r.minDuration)) return false;
  if (r.maxDuration !== null && !(c.elapsedS < r.maxDuration)) return false;
  if (r.minPower !== null && !(c.powerForMin >= r.minPower)) return false;
  if (r.maxPower !== null && !(c.powerForMax < r.maxPower)) return false;
  if (r.minCurrent !== null && !(c.currentForMin >= r.minCurrent)) return false;
  if (r.maxCurrent !== null && !(c.currentForMax < r.maxCurrent)) return false;
  return true;
}

function reservationHolds(wanted: ReservationRestriction | null, actual: 0 | 1 | 2): boolean {
  if (wanted === null) return actual === 0;
  if (wanted === 'RESERVATION') return actual > 0;
  return actual === 2;
}

/** Restrictions whose truth can change with the wall clock (times, dates, days). */
export const usesClock = (r: TariffRestrictions | null): boolean =>
  r !== null &&
  (r.startTime !== null ||
    r.endTime !== null ||
    r.startDate !== null ||
    r.endDate !== null ||
    r.dayOfWeek.length > 0);

/** Restrictions that need a period's current or power. */
export const usesCurrent = (r: TariffRestrictions | null): boolean =>
  r !== null && (r.minCurrent !== null || r.maxCurrent !== null);

/** Restrictions on values that change from period to period (power, current) rather than at boundaries. */
export const usesPerPeriodValues = (r: TariffRestrictions | null): boolean =>
  r !== null &&
  (r.minCurrent !== null || r.maxCurrent !== null || r.minPower !== null || r.maxPower !== null);

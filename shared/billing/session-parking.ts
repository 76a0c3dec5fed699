/**
 * How long a session parked, from its periods, by the cost engine's stated rule (shared/billing/cost-engine.ts):
 * a period that states TIME or PARKING_TIME parks its PARKING_TIME volume; one that states neither parks its
 * whole duration when its ENERGY is 0 (charging had ended), and charges otherwise (or with no ENERGY volume).
 * The Billing view shows it and CDR_PARKING_MISMATCH compares the CDR's total_parking_time with it.
 */
import type { NormalizedSession } from '../session/types';
import { dimensionColumn } from './period-columns';

export interface SessionParking {
  hours: number;
  /** First and last period that parked; null when none did. */
  periods: [number, number] | null;
  /**
   * Hours of the period before the first derived parking period: charging may have stopped anywhere in it,
   * so a CDR's parking may be longer by up to this much. 0 when the parking was stated.
   */
  boundaryHours: number;
  /** Whether any period stated its time split (TIME or PARKING_TIME) rather than leaving it derived. */
  stated: boolean;
}

/** The session's parking time, or null when its periods say nothing about it (no ENERGY, TIME or PARKING_TIME). */
export function sessionParking(session: Pick<NormalizedSession, 'periods'>): SessionParking | null {
  const p = session.periods;
  const parking = dimensionColumn(p, 'PARKING_TIME');
  const time = dimensionColumn(p, 'TIME');
  let seconds = 0;
  let first = -1;
  let last = -1;
  let stated = false;
  let evidence = false;
  for (let i = 0; i < p.count; i++) {
    const parked = parking !== undefined && !Number.isNaN(parking[i]) ? parking[i] : NaN;
    const split = !Number.isNaN(parked) || (time !== undefined && !Number.isNaN(time[i]));
    let s = 0;
    if (split) {
      stated = true;
      evidence = true;
      s = Number.isNaN(parked) ? 0 : parked * 3600;
    } else if (!Number.isNaN(p.energyKwh[i])) {
      evidence = true;
      s = p.energyKwh[i] === 0 && p.durationS[i] > 0 ? p.durationS[i] : 0;
    }
    if (s > 0) {
      seconds += s;
      if (first < 0) first = i;
      last = i;
    }
  }
  if (!evidence) return null;
  const derivedBoundary = !stated && first > 0 ? p.durationS[first - 1] / 3600 : 0;
  return {
    hours: seconds / 3600,
    periods: first >= 0 ? [first, last] : null,
    boundaryHours: derivedBoundary,
    stated,
  };
}

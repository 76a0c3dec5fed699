/**
 * Which listed CDR belongs to a session. OCPI 2.2+ CDRs name their `session_id`; 2.1.1 CDRs do not, so there
 * a CDR is scored on what both carry: the token (auth id), the site (location and EVSE) and the start and
 * stop times. The score is shown with the match, so a support engineer can judge a weak one.
 */
import type { NormalizedSession } from '../session/types';
import type { Cdr } from './types';

/**
 * Start/stop times this close count as the same: a CDR's times are the session's, give or take a meter read.
 * Sessions at one EVSE follow each other minutes apart, so the slack is kept small and ties go to the closer.
 */
export const TIME_SLACK_MS = 60_000;
/** Below this a 2.1.1 candidate is not taken at all. */
export const MIN_SCORE = 6;

const WEIGHTS = { auth: 3, location: 2, evse: 1, start: 2, stop: 2 } as const;
export const MAX_SCORE = Object.values(WEIGHTS).reduce((a, b) => a + b, 0);

export interface CdrMatchScore {
  score: number;
  max: number;
  /** What agreed, in words ("auth id", "start within 1 min", …). */
  agreed: string[];
  /** |Δstart| + |Δstop| in ms (Infinity when a time is missing): breaks ties between equal scores. */
  distanceMs: number;
}

const sameText = (a: string | null, b: string | null): boolean => a !== null && b !== null && a === b;
const near = (a: number | null, b: number | null): boolean =>
  a !== null && b !== null && Math.abs(a - b) <= TIME_SLACK_MS;

export function scoreCdrMatch(session: NormalizedSession, cdr: Cdr): CdrMatchScore {
  const agreed: string[] = [];
  let score = 0;
  const take = (ok: boolean, weight: number, what: string): void => {
    if (!ok) return;
    score += weight;
    agreed.push(what);
  };
  take(sameText(session.auth.id, cdr.auth.id), WEIGHTS.auth, 'auth id');
  take(
    sameText(session.ids.locationId ?? session.location?.id ?? null, cdr.location?.id ?? null),
    WEIGHTS.location,
    'location',
  );
  take(sameText(session.ids.evseUid ?? session.evse?.uid ?? null, cdr.evseUid), WEIGHTS.evse, 'EVSE');
  take(near(session.startedAt, cdr.startedAt), WEIGHTS.start, 'start within 1 min');
  take(near(session.endedAt, cdr.endedAt), WEIGHTS.stop, 'stop within 1 min');
  return {
    score,
    max: MAX_SCORE,
    agreed,
    distanceMs: gap(session.startedAt, cdr.startedAt) + gap(session.endedAt, cdr.endedAt),
  };
}

const gap = (a: number | null, b: number | null): number =>
  a === null || b === null ? Infinity : Math.abs(a - b);

/** Whether `a` is a better match than `b`: a higher score, or the same score and closer times. */
export function betterMatch(a: CdrMatchScore, b: CdrMatchScore | null): boolean {
  return b === null || a.score > b.score || (a.score === b.score && a.distanceMs < b.distanceMs);
}

/** The 2.2+ rule: the CDR's `session_id` is the session's id. */
export const namesSession = (sessionId: string, raw: unknown): boolean =>
  raw !== null && typeof raw === 'object' && (raw as { session_id?: unknown }).session_id === sessionId;

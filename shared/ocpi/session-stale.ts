/**
 * `SESSION_STALE`: an ACTIVE session whose `last_updated` is older than M minutes when it was fetched. The
 * CPO has stopped pushing updates (or the charger went offline), so what the app shows may be out of date.
 * Kept beside the OCPI code rather than in shared/session/checks.ts: it needs the fetch time, which a file
 * read has not.
 */
import type { Check, NormalizedSession } from '../session/types';

export const DEFAULT_STALE_MINUTES = 15;

export function sessionStaleCheck(
  session: Pick<NormalizedSession, 'status' | 'lastUpdated'>,
  fetchedAt: number,
  minutes = DEFAULT_STALE_MINUTES,
): Check | null {
  if (session.status !== 'ACTIVE' || session.lastUpdated === null) return null;
  const ageMs = fetchedAt - session.lastUpdated;
  if (ageMs <= minutes * 60_000) return null;
  const age = Math.floor(ageMs / 60_000);
  return {
    code: 'SESSION_STALE',
    severity: 'warning',
    message: `The session is ACTIVE but was last updated ${age} minutes before it was fetched (more than ${minutes}): the CPO may have stopped sending updates, so energy and status may be out of date.`,
  };
}

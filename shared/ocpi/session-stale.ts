/**
 * `SESSION_STALE`: an ACTIVE session whose `last_updated` is older than M minutes when it was fetched. The
 * CPO has stopped pushing updates (or the charger went offline), so what the app shows may be out of date.
 * Kept beside the OCPI code rather than in shared/session/checks.ts: it needs the fetch time, which a file
 * read has not.
 */
import { STALE_MINUTES } from '../domain/settings-follow';
import type { Check, NormalizedSession } from '../session/types';

export function sessionStaleCheck(
  session: Pick<NormalizedSession, 'status' | 'lastUpdated'>,
  fetchedAt: number,
  minutes = STALE_MINUTES.default,
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

/**
 * A fetched session's checks with SESSION_STALE decided again for `minutes` (the user's setting) at its
 * fetch time: whatever a loader decided with the default gives way to it.
 */
export function withStaleCheck(
  checks: readonly Check[],
  session: Pick<NormalizedSession, 'status' | 'lastUpdated'>,
  fetchedAt: number,
  minutes: number,
): Check[] {
  const stale = sessionStaleCheck(session, fetchedAt, minutes);
  return [...checks.filter((c) => c.code !== 'SESSION_STALE'), ...(stale ? [stale] : [])];
}

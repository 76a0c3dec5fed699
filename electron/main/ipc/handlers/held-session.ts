/** The session a channel names by its key, or the one message for a key main no longer holds. */
import { appError, type Result } from '../../../../shared/domain/errors';
import type { LoadedSession } from '../../../../shared/domain/loaded-session';

export function heldSession(
  registry: { get(key: string): LoadedSession | undefined },
  key: string,
  /** What to do once it is back, e.g. "then attach the file". */
  then: string,
): Result<LoadedSession> {
  const loaded = registry.get(key);
  return loaded
    ? { ok: true, value: loaded }
    : {
        ok: false,
        error: appError(
          'not-found',
          'That session is no longer held by the app.',
          `Open it again from Recent, or fetch it again${then ? `, ${then}` : ''}.`,
        ),
      };
}

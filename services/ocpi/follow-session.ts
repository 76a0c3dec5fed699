/**
 * One live-follow tick: the followed session again (shared/ocpi/follow.ts decides how). The app's Follow
 * control runs a tick every N seconds (the setting) and stops when the session is no longer ACTIVE or
 * PENDING. Each tick is its own user action: its own correlation id.
 */
import { randomUUID } from 'node:crypto';
import type { Result } from '../../shared/domain/errors';
import { followRequest, pickFollowed } from '../../shared/ocpi/follow';
import type { InterfaceChoice } from '../../shared/ocpi/interfaces';
import { rawLastUpdated } from '../../shared/ocpi/session-rows';
import { envelopeData } from '../../shared/ocpi/versions';
import type { OcpiConnection } from './ocpi-connection';
import { listSessions } from './session-lister';

export interface FollowTarget {
  via: InterfaceChoice;
  id: string;
  /** `CC/PARTY/ID` or the bare id, as rawSessionKey gives it. */
  key: string;
}

export interface FollowTick {
  /** The session as the server has it now; undefined when a Sender list no longer holds it. */
  session: unknown;
  lastSeen: number | null;
}

export async function followOnce(
  conn: OcpiConnection,
  target: FollowTarget,
  lastSeen: number | null,
  signal?: AbortSignal,
): Promise<Result<FollowTick>> {
  const correlationId = randomUUID();
  const request = followRequest(target.via, target.id, lastSeen);
  if (request.kind === 'get') {
    const got = await conn.get(request.url, { module: 'sessions', correlationId, signal });
    if (!got.ok) return got;
    const session = envelopeData(got.value.json);
    return { ok: true, value: { session, lastSeen: rawLastUpdated(session) ?? lastSeen } };
  }
  const listed = await listSessions(conn, {
    url: request.url,
    dateFrom: request.dateFrom,
    dateTo: null,
    correlationId,
    signal,
    stopAt: (raw) => pickFollowed([raw], target.key, target.id) !== undefined,
  });
  if (listed.failure && listed.match === undefined) return { ok: false, error: listed.failure.error };
  const session = listed.match;
  return {
    ok: true,
    value: { session, lastSeen: session === undefined ? lastSeen : (rawLastUpdated(session) ?? lastSeen) },
  };
}

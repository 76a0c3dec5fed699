/**
 * Live follow: every N seconds, the followed session again (shared/ocpi/follow.ts decides how), until it is
 * no longer ACTIVE or PENDING, or the signal aborts. Each tick is its own user action: its own correlation id.
 */
import { randomUUID } from 'node:crypto';
import { sleep } from '../http/http-client';
import type { AppError, Result } from '../../shared/domain/errors';
import { followRequest, isFollowable, pickFollowed } from '../../shared/ocpi/follow';
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

export interface FollowOptions {
  intervalMs: number;
  lastSeen: number | null;
  signal: AbortSignal;
  onUpdate: (session: unknown) => void;
  onError: (error: AppError) => void;
}

/** Runs until the session stops being followable or `signal` aborts; resolves then. */
export async function follow(conn: OcpiConnection, target: FollowTarget, opts: FollowOptions): Promise<void> {
  let lastSeen = opts.lastSeen;
  while (!opts.signal.aborted) {
    if (!(await sleep(opts.intervalMs, opts.signal))) return;
    const tick = await followOnce(conn, target, lastSeen, opts.signal);
    if (opts.signal.aborted) return;
    if (!tick.ok) {
      opts.onError(tick.error);
      continue;
    }
    lastSeen = tick.value.lastSeen;
    if (tick.value.session === undefined) continue;
    opts.onUpdate(tick.value.session);
    const status = (tick.value.session as { status?: unknown } | null)?.status;
    if (!isFollowable(typeof status === 'string' ? status : null)) return;
  }
}

/**
 * One session by id. On a Receiver interface: `GET {sessions}/{cc}/{party}/{id}`. On a Sender, which has no
 * GET by id (and is never asked for `{sessions}/{id}`): list around the time hint, the last 24 h first,
 * then wider ×2 up to 31 days, stopping at the first match.
 */
import { appError, type Result } from '../../shared/domain/errors';
import type { FetchMeta } from '../../shared/domain/loaded-session';
import {
  byIdInterface,
  type InterfaceChoice,
  type PartyRef,
  receiverObjectUrl,
} from '../../shared/ocpi/interfaces';
import { searchSlices, type TimeWindow } from '../../shared/ocpi/search-window';
import type { SessionRef } from '../../shared/ocpi/session-ref';
import { rawSessionKey } from '../../shared/ocpi/session-rows';
import { envelopeData, type Endpoint } from '../../shared/ocpi/versions';
import type { OcpiConnection } from './ocpi-connection';
import { listSessions } from './session-lister';

export interface FindRequest {
  endpoints: readonly Endpoint[];
  ref: SessionRef;
  /** The profile's party, when the id does not carry one. */
  profileParty: PartyRef | null;
  /** The time hint (epoch ms); null: the last 24 h first. */
  around: number | null;
  now?: number;
  limit?: number;
  correlationId: string;
  signal?: AbortSignal;
  onProgress?: (progress: FindProgress) => void;
}

export interface FindProgress {
  /** The span searched so far. */
  searched: TimeWindow;
  /** Sessions listed so far. */
  sessions: number;
}

export interface FoundSession {
  /** The Session object. */
  session: unknown;
  /** A document `summary` reads: the response body (Receiver) or the Session itself (Sender). */
  text: string;
  via: InterfaceChoice;
  /** The request that returned it. */
  meta: FetchMeta;
  /** Sender only: the span listed and how many sessions it held. */
  searched: TimeWindow | null;
  sessionsScanned: number;
}

export async function findSession(conn: OcpiConnection, req: FindRequest): Promise<Result<FoundSession>> {
  const party = req.ref.party ?? req.profileParty;
  const choice = byIdInterface(req.endpoints, 'sessions', party);
  if (!choice.ok) return choice;
  const via = choice.value;
  if (via.kind === 'receiver') {
    const got = await conn.get(receiverObjectUrl(via.url, via, req.ref.id), {
      module: 'sessions',
      resource: 'session',
      correlationId: req.correlationId,
      signal: req.signal,
    });
    if (!got.ok) return got;
    return {
      ok: true,
      value: {
        session: envelopeData(got.value.json),
        text: got.value.text,
        via,
        meta: got.value.meta,
        searched: null,
        sessionsScanned: 0,
      },
    };
  }

  const wanted = party ? `${party.countryCode}/${party.partyId}/${req.ref.id}` : null;
  const matches = (raw: unknown): boolean => {
    const key = rawSessionKey(raw);
    return key !== null && (key === wanted || (raw as { id?: unknown }).id === req.ref.id);
  };
  let searched: TimeWindow | null = null;
  let scanned = 0;
  for (const slice of searchSlices(req.around, req.now ?? Date.now())) {
    const listed = await listSessions(conn, {
      url: via.url,
      dateFrom: slice.from,
      dateTo: slice.to,
      limit: req.limit,
      correlationId: req.correlationId,
      signal: req.signal,
      stopAt: matches,
      onPage: (p) => req.onProgress?.({ searched: span(searched, slice), sessions: scanned + p.sessions }),
    });
    scanned += listed.rows.length;
    if (listed.failure) {
      const done = searched ? ` (searched ${describe(searched)} before)` : '';
      return {
        ok: false,
        error: { ...listed.failure.error, message: `${listed.failure.error.message}${done}` },
      };
    }
    searched = span(searched, slice);
    req.onProgress?.({ searched, sessions: scanned });
    if (listed.match !== undefined)
      return {
        ok: true,
        value: {
          session: listed.match,
          text: JSON.stringify(listed.match),
          via,
          meta: conn.requests[conn.requests.length - 1],
          searched,
          sessionsScanned: scanned,
        },
      };
  }
  return {
    ok: false,
    error: appError(
      'not-found',
      `Session ${req.ref.id} is not among the ${scanned} sessions last updated ${searched ? describe(searched) : ''} on ${via.url}.`,
      'A CPO’s Sender interface can only list: give a time near when the session was last updated (--around), or check the id and the environment.',
    ),
  };
}

const span = (a: TimeWindow | null, b: TimeWindow): TimeWindow =>
  a ? { from: Math.min(a.from, b.from), to: Math.max(a.to, b.to) } : b;

export const describe = (w: TimeWindow): string =>
  `${new Date(w.from).toISOString()} – ${new Date(w.to).toISOString()}`;

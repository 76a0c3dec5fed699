/**
 * One listed session as the search table and `ocpi-inspect list` show it: read by the same reader as a
 * fetched session (so its check codes are the inspector's), plus the identity used to de-duplicate pages.
 */
import { parseIsoDate } from '../session/iso-date';
import { readSession } from '../session/read-session';
import type { CheckCode } from '../session/types';
import type { TimeWindow } from './search-window';
import { sessionStaleCheck } from './session-stale';

export interface SessionRow {
  /** `country_code/party_id/id` when the session has them, else its id: unique across pages. */
  key: string;
  id: string | null;
  countryCode: string | null;
  partyId: string | null;
  status: string | null;
  startedAt: number | null;
  endedAt: number | null;
  kwh: number | null;
  lastUpdated: number | null;
  locationId: string | null;
  evseUid: string | null;
  authId: string | null;
  contractId: string | null;
  anomalies: CheckCode[];
  /** The session object as the server sent it. */
  raw: unknown;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** The de-duplication key of a raw listed session (cheap: no full read). */
export function rawSessionKey(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  const id = str(r.id);
  if (id === null) return null;
  const cc = str(r.country_code);
  const party = str(r.party_id);
  return cc && party ? `${cc.toUpperCase()}/${party.toUpperCase()}/${id}` : id;
}

/**
 * Reads one listed session; null when it is not a session at all. With `fetchedAt` (epoch ms) the
 * fetch-time check SESSION_STALE runs too, with the user's threshold when given.
 */
export function toSessionRow(raw: unknown, fetchedAt?: number, staleMinutes?: number): SessionRow | null {
  const read = readSession(raw);
  if (!read.ok) return null;
  const s = read.session;
  const stale = fetchedAt === undefined ? null : sessionStaleCheck(s, fetchedAt, staleMinutes);
  const anomalies = read.checks.map((c) => c.code);
  if (stale) anomalies.push(stale.code);
  return {
    key: rawSessionKey(raw) ?? s.ids.id ?? '',
    id: s.ids.id,
    countryCode: s.ids.countryCode,
    partyId: s.ids.partyId,
    status: s.status,
    startedAt: s.startedAt,
    endedAt: s.endedAt,
    kwh: s.kwh,
    lastUpdated: s.lastUpdated,
    locationId: s.ids.locationId ?? s.location?.id ?? null,
    evseUid: s.ids.evseUid ?? s.evse?.uid ?? null,
    authId: s.auth.id,
    contractId: s.auth.contractId,
    anomalies,
    raw,
  };
}

/** `date_from` inclusive, `date_to` exclusive, on last_updated: what a conformant server returns. */
export const inWindow = (row: Pick<SessionRow, 'lastUpdated'>, window: TimeWindow): boolean =>
  row.lastUpdated !== null && row.lastUpdated >= window.from && row.lastUpdated < window.to;

/** A raw listed session's `last_updated` in epoch ms, or null. */
export function rawLastUpdated(raw: unknown): number | null {
  const v = (raw as { last_updated?: unknown } | null)?.last_updated;
  if (typeof v !== 'string') return null;
  const ms = parseIsoDate(v);
  return Number.isNaN(ms) ? null : ms;
}

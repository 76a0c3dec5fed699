/**
 * Session search over an OCPI Sessions Sender interface, as the renderer and main exchange it: the filters,
 * the rows (the listed sessions read by the reader, without their raw JSON, which stays in main), the
 * progress and the end of a search.
 */
import type { FetchMeta } from './loaded-session';
import type { SessionRow } from '../ocpi/session-rows';

export interface SearchFilters {
  profileId: string;
  /** The `last_updated` window: `date_from` (inclusive) and `date_to` (exclusive), ISO-8601 UTC. */
  from: string;
  to: string;
  /** A session status (ACTIVE, COMPLETED …) or null for any. */
  status: string | null;
  /** Matched, case-insensitively, against id, auth id, contract id, location id and EVSE uid; '' for any. */
  text: string;
}

/** A listed session as the search table shows it. */
export type SearchRow = Omit<SessionRow, 'raw'>;

export interface SearchRowsEvent {
  searchId: string;
  rows: SearchRow[];
}

export interface SearchProgressEvent {
  searchId: string;
  pages: number;
  /** Sessions listed (before the status and text filters). */
  listed: number;
  /** Rows sent so far (after the filters). */
  matched: number;
  totalCount: number | null;
  /** The latest last_updated read so far (epoch ms). */
  reachedLastUpdated: number | null;
}

export interface SearchDoneEvent {
  searchId: string;
  pages: number;
  listed: number;
  matched: number;
  totalCount: number | null;
  firstTotalCount: number | null;
  serverLimit: number | null;
  /** X-Total-Count drift and paging notes, as the spec's rules decided them. */
  notes: string[];
  /** The search stopped on a failed page, or a cancel: the rows read are kept. */
  failure: { message: string; hint: string; missing: { from: number | null; to: number | null } } | null;
  cancelled: boolean;
  /** Every request the search made (discovery and pages), with its ids. */
  requests: FetchMeta[];
}

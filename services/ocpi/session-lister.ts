/**
 * Lists sessions on a Sender interface: `GET {sessions}?date_from&date_to&limit`, then the `Link` header's
 * next page until there is none (never a computed offset), with `X-Total-Count` and `X-Limit` reported and
 * their drift handled per the spec (shared/ocpi/paging.ts). Rows are de-duplicated across pages and kept to
 * the window (`date_from` inclusive, `date_to` exclusive on last_updated). A page that fails, or a cancel,
 * keeps the rows already read and says which part of the window is missing.
 */
import { appError, type AppError } from '../../shared/domain/errors';
import { afterPage, initialPaging, readPageHeaders } from '../../shared/ocpi/paging';
import type { TimeWindow } from '../../shared/ocpi/search-window';
import { rawLastUpdated, rawSessionKey } from '../../shared/ocpi/session-rows';
import { envelopeData } from '../../shared/ocpi/versions';
import type { OcpiConnection } from './ocpi-connection';

export const DEFAULT_PAGE_LIMIT = 100;

export interface ListRequest {
  /** The Sender endpoint of the module listed. */
  url: string;
  /** Which module's list (routing headers, messages); default `sessions`. CDRs and Tariffs page alike. */
  module?: 'sessions' | 'cdrs' | 'tariffs';
  /** `date_from` (inclusive); null: not sent. */
  dateFrom: number | null;
  /** `date_to` (exclusive); null: not sent. */
  dateTo: number | null;
  limit?: number;
  correlationId: string;
  signal?: AbortSignal;
  onPage?: (progress: ListProgress) => void;
  /** The new rows of each page, as soon as it is read (while the next page is being fetched). */
  onRows?: (rows: unknown[]) => void;
  /** Stop after the page holding a row this accepts (find by id). */
  stopAt?: (raw: unknown) => boolean;
}

export interface ListProgress {
  pages: number;
  sessions: number;
  totalCount: number | null;
  serverLimit: number | null;
  /** The latest last_updated read so far (epoch ms). */
  reachedLastUpdated: number | null;
}

export interface ListFailure {
  error: AppError;
  /** The part of the window not read. */
  missing: { from: number | null; to: number | null };
  /** The page that failed, to try again from. */
  resumeUrl: string;
}

export interface ListResult {
  rows: unknown[];
  pages: number;
  /** X-Total-Count of the last page (null when the server sent none). */
  totalCount: number | null;
  firstTotalCount: number | null;
  serverLimit: number | null;
  /** Drift and paging notes for the user. */
  notes: string[];
  possiblyMissed: number;
  /** Rows a non-conformant server sent outside the window (dropped). */
  outsideWindow: number;
  /** The row `stopAt` accepted. */
  match: unknown;
  failure: ListFailure | null;
}

export function firstPageUrl(req: Pick<ListRequest, 'url' | 'dateFrom' | 'dateTo' | 'limit'>): string {
  const u = new URL(req.url);
  if (req.dateFrom !== null) u.searchParams.set('date_from', isoSeconds(req.dateFrom));
  if (req.dateTo !== null) u.searchParams.set('date_to', isoSeconds(req.dateTo));
  u.searchParams.set('limit', String(req.limit ?? DEFAULT_PAGE_LIMIT));
  return u.href;
}

/** OCPI DateTime: UTC, seconds (fractions kept only when present). */
const isoSeconds = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');

export async function listSessions(conn: OcpiConnection, req: ListRequest): Promise<ListResult> {
  const module = req.module ?? 'sessions';
  const state = initialPaging();
  const seen = new Set<string>();
  const rows: unknown[] = [];
  let outsideWindow = 0;
  let reached: number | null = null;
  let ordered = true;
  let match: unknown;
  const window: TimeWindow = { from: req.dateFrom ?? -Infinity, to: req.dateTo ?? Infinity };
  const result = (failure: ListFailure | null): ListResult => ({
    rows,
    pages: state.pages,
    totalCount: state.lastTotal,
    firstTotalCount: state.firstTotal,
    serverLimit: state.serverLimit,
    notes: state.notes,
    possiblyMissed: state.possiblyMissed,
    outsideWindow,
    match,
    failure,
  });

  const get = (pageUrl: string) =>
    conn.get(pageUrl, { module, correlationId: req.correlationId, signal: req.signal });
  let url = firstPageUrl(req);
  let pending = get(url);
  for (;;) {
    const page = await pending;
    if (!page.ok) {
      // Pages come oldest last_updated first (the spec's advice); if they did, what is missing starts where reading stopped.
      const from = ordered && reached !== null ? reached : req.dateFrom;
      return result({ error: page.error, missing: { from, to: req.dateTo }, resumeUrl: url });
    }
    const data = envelopeData(page.value.json);
    if (!Array.isArray(data)) {
      const from = ordered && reached !== null ? reached : req.dateFrom;
      return result({
        error: appError(
          'not-a-session',
          `Page ${state.pages + 1} of the ${module} list is not a list of ${module}.`,
          `Check that the endpoint is a ${module} Sender interface, or report it to the party.`,
          { status: page.value.meta.status },
        ),
        missing: { from, to: req.dateTo },
        resumeUrl: url,
      });
    }
    const list = data;
    const fresh: unknown[] = [];
    for (const raw of list) {
      const at = rawLastUpdated(raw);
      if (at === null || at < window.from || at >= window.to) {
        outsideWindow++;
        continue;
      }
      const key = rawSessionKey(raw);
      if (key !== null) {
        if (seen.has(key)) continue;
        seen.add(key);
      }
      if (reached !== null && at < reached) ordered = false;
      reached = reached === null ? at : Math.max(reached, at);
      fresh.push(raw);
      if (match === undefined && req.stopAt?.(raw)) match = raw;
    }
    for (const raw of fresh) rows.push(raw);
    const decision = afterPage(state, readPageHeaders(url, page.value.headers));
    const more = match === undefined && decision.kind !== 'done';
    // The next page is asked for before this one is handed on, so the caller's work on it (the reader's
    // checks, the table) overlaps the server's time.
    if (more) {
      url = decision.url;
      pending = get(url);
    }
    req.onRows?.(fresh);
    req.onPage?.({
      pages: state.pages,
      sessions: rows.length,
      totalCount: state.lastTotal,
      serverLimit: state.serverLimit,
      reachedLastUpdated: reached,
    });
    if (!more) return result(null);
  }
}

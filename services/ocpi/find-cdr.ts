/**
 * The CDR of a session, and the tariffs it needs, through the discovered CDRs and Tariffs Sender interfaces.
 * A CPO sends the CDR after the session, so its `last_updated` is listed from the session's end onwards: the
 * first day after it, then wider ×2 up to 31 days, following `Link`. OCPI 2.2+ CDRs are matched on
 * `session_id`; 2.1.1 CDRs, which carry none, on a score (shared/billing/cdr-match.ts), the best over the
 * whole window.
 */
import {
  betterMatch,
  MIN_SCORE,
  namesSession,
  scoreCdrMatch,
  type CdrMatchScore,
} from '../../shared/billing/cdr-match';
import { readCdr } from '../../shared/billing/read-cdr';
import { readTariffs } from '../../shared/billing/read-tariff';
import type { CdrMatch, CdrSearchProgress, CdrSearchReport } from '../../shared/billing/cdr-search';
import type { CdrSearch } from '../../shared/billing/reconcile';
import type { Tariff } from '../../shared/billing/types';
import { appError, type Result } from '../../shared/domain/errors';
import { listInterface } from '../../shared/ocpi/interfaces';
import { searchSlices, type TimeWindow } from '../../shared/ocpi/search-window';
import type { Endpoint } from '../../shared/ocpi/versions';
import type { NormalizedSession } from '../../shared/session/types';
import type { OcpiConnection } from './ocpi-connection';
import { listSessions } from './session-lister';

const DAY_MS = 24 * 3_600_000;

export interface FindCdrRequest {
  endpoints: readonly Endpoint[];
  session: NormalizedSession;
  /** Epoch ms to search after when the session has no end (default: its last_updated, else its start). */
  around?: number | null;
  now?: number;
  limit?: number;
  correlationId: string;
  signal?: AbortSignal;
  /** After each page: the window listed so far and the CDRs read. */
  onProgress?: (p: { searched: TimeWindow; cdrs: number }) => void;
}

export interface FoundCdr {
  /** The CDR object as listed, and as text `summary` and `reconcile` read. */
  cdr: unknown;
  text: string;
  match: CdrMatch;
  cdrsScanned: number;
}

export interface CdrSearchResult {
  found: FoundCdr | null;
  /** What was searched, for CDR_MISSING (shared/billing/reconcile.ts). */
  search: CdrSearch;
  /** CDRs listed in all. */
  cdrsScanned: number;
}

export async function findCdr(conn: OcpiConnection, req: FindCdrRequest): Promise<Result<CdrSearchResult>> {
  const endpoint = listInterface(req.endpoints, 'cdrs');
  if (!endpoint.ok) return endpoint;
  const s = req.session;
  const sessionId = s.ids.id ?? s.ids.sessionId;
  const byId = s.shape !== 'ocpi-2.1.1' && sessionId !== null;
  const anchor = req.around ?? s.endedAt ?? s.lastUpdated ?? s.startedAt;
  if (anchor === null)
    return {
      ok: false,
      error: appError(
        'invalid-argument',
        'The session has no time to search its CDR around.',
        'Give a time with --around.',
      ),
    };
  const now = req.now ?? Date.now();
  // Centred half a day after the end, the first window is [end, end + 1 day]; widening also looks a little before.
  const slices = searchSlices(anchor + DAY_MS / 2, now);
  const searched: TimeWindow[] = [];
  let scanned = 0;
  let best: { raw: unknown; score: CdrMatchScore } | null = null;
  for (const slice of slices) {
    if (slice.from > now) continue;
    const listed = await listSessions(conn, {
      module: 'cdrs',
      url: endpoint.value,
      dateFrom: slice.from,
      dateTo: slice.to,
      limit: req.limit,
      correlationId: req.correlationId,
      signal: req.signal,
      onPage: (p) => req.onProgress?.({ searched: span([...searched, slice]), cdrs: scanned + p.sessions }),
      stopAt: byId ? (raw) => namesSession(sessionId as string, raw) : (raw) => perfect(raw, s),
    });
    scanned += listed.rows.length;
    if (listed.failure) return { ok: false, error: listed.failure.error };
    searched.push(slice);
    if (byId && listed.match !== undefined)
      return found(listed.match, { by: 'session_id' }, scanned, searched, now);
    if (!byId) {
      for (const raw of listed.rows) {
        const read = readCdr(raw);
        if (!read.ok) continue;
        const score = scoreCdrMatch(s, read.cdr);
        if (score.score >= MIN_SCORE && betterMatch(score, best?.score ?? null)) best = { raw, score };
      }
      if (best) return found(best.raw, { by: 'score', score: best.score }, scanned, searched, now);
    }
  }
  return { ok: true, value: { found: null, search: { now, searched, found: false }, cdrsScanned: scanned } };
}

function perfect(raw: unknown, session: NormalizedSession): boolean {
  const read = readCdr(raw);
  if (!read.ok) return false;
  const score = scoreCdrMatch(session, read.cdr);
  return score.score === score.max && score.distanceMs === 0;
}

function found(
  raw: unknown,
  match: FoundCdr['match'],
  scanned: number,
  searched: TimeWindow[],
  now: number,
): Result<CdrSearchResult> {
  return {
    ok: true,
    value: {
      found: { cdr: raw, text: JSON.stringify(raw), match, cdrsScanned: scanned },
      search: { now, searched, found: true },
      cdrsScanned: scanned,
    },
  };
}

const span = (windows: TimeWindow[]): TimeWindow => ({
  from: Math.min(...windows.map((w) => w.from)),
  to: Math.max(...windows.map((w) => w.to)),
});

/**
 * The tariffs with these ids from the Tariffs Sender list (it has no GET by id): every page, since a tariff's
 * last_updated says nothing about when it was used.
 */
export async function fetchTariffs(
  conn: OcpiConnection,
  endpoints: readonly Endpoint[],
  ids: readonly string[],
  correlationId: string,
  signal?: AbortSignal,
): Promise<Result<{ tariffs: Tariff[]; raw: unknown[]; missing: string[] }>> {
  const endpoint = listInterface(endpoints, 'tariffs');
  if (!endpoint.ok) return endpoint;
  const wanted = new Set(ids);
  const listed = await listSessions(conn, {
    module: 'tariffs',
    url: endpoint.value,
    dateFrom: null,
    dateTo: null,
    correlationId,
    signal,
  });
  if (listed.failure) return { ok: false, error: listed.failure.error };
  const raw = listed.rows.filter((r) => wanted.has(String((r as { id?: unknown }).id)));
  const read = readTariffs(raw);
  const tariffs = read.ok ? read.tariffs : [];
  const have = new Set(tariffs.map((t) => t.id));
  return { ok: true, value: { tariffs, raw, missing: ids.filter((id) => !have.has(id)) } };
}

export interface FoundBilling {
  /** The CDR and tariffs found, as the "files" the attach rule takes (shared/billing/attach.ts). */
  files: { fileName: string; text: string }[];
  report: CdrSearchReport;
}

export interface FindBillingRequest {
  endpoints: readonly Endpoint[];
  session: NormalizedSession;
  profileName: string;
  correlationId: string;
  now?: number;
  signal?: AbortSignal;
  onProgress?: (p: CdrSearchProgress) => void;
}

const distinct = (ids: Iterable<string | null>): string[] =>
  [...new Set(ids)].filter((id): id is string => id !== null && id !== '');

/**
 * A session's CDR, then the tariffs it needs: the CDR's own when it carries them, else (OCPI's rule) from the
 * Tariffs module by the tariff ids on the CDR's periods, the session's periods and its connector. A failed CDR
 * search is the error; tariffs that cannot be had are a note beside what was found.
 */
export async function findBilling(
  conn: OcpiConnection,
  req: FindBillingRequest,
): Promise<Result<FoundBilling>> {
  const now = req.now ?? Date.now();
  const searched = await findCdr(conn, {
    endpoints: req.endpoints,
    session: req.session,
    correlationId: req.correlationId,
    now,
    signal: req.signal,
    onProgress: (p) => req.onProgress?.({ phase: 'cdrs', ...p }),
  });
  if (!searched.ok) return searched;
  const { found, search, cdrsScanned } = searched.value;
  const read = found ? readCdr(found.cdr) : null;
  const cdr = read?.ok ? read.cdr : null;
  const files: FoundBilling['files'] = [];
  if (found) files.push({ fileName: `${cdr?.id ?? 'cdr'}.json`, text: found.text });
  const notes: string[] = [];
  let asked: string[] = [];
  let missing: string[] = [];
  if (!cdr || cdr.tariffs.length === 0) {
    asked = distinct([
      ...(cdr?.periods.tariffIds ?? []),
      ...(req.session.periods.tariffIds ?? []),
      ...(req.session.connector?.tariffIds ?? []),
    ]);
    if (asked.length > 0) {
      req.onProgress?.({ phase: 'tariffs', ids: asked });
      const tariffs = await fetchTariffs(conn, req.endpoints, asked, req.correlationId, req.signal);
      if (!tariffs.ok) {
        if (tariffs.error.kind === 'cancelled') return tariffs;
        notes.push(`The tariffs (${asked.join(', ')}) could not be fetched: ${tariffs.error.message}`);
        missing = asked;
      } else {
        missing = tariffs.value.missing;
        if (tariffs.value.raw.length > 0)
          files.push({
            fileName: `tariffs-${tariffs.value.tariffs.map((t) => t.id ?? '?').join('-')}.json`,
            text: JSON.stringify(tariffs.value.raw),
          });
      }
    }
  }
  return {
    ok: true,
    value: {
      files,
      report: {
        ...search,
        profileName: req.profileName,
        match: found ? found.match : null,
        cdrsScanned,
        tariffsAsked: asked,
        tariffsMissing: missing,
        notes,
        correlationId: req.correlationId,
      },
    },
  };
}

/**
 * What a search for a session's CDR on an OCPI CDRs Sender interface found, kept with the session's billing:
 * the windows listed (CDR_MISSING reads them, shared/billing/reconcile.ts) and how the CDR was matched, in
 * words the Billing tab and the CLI show.
 */
import type { LoadedSession } from '../domain/loaded-session';
import type { CdrMatchScore } from './cdr-match';
import type { CdrSearch } from './reconcile';

export type CdrMatch = { by: 'session_id' } | { by: 'score'; score: CdrMatchScore };

export interface CdrSearchReport extends CdrSearch {
  /** The profile searched. */
  profileName: string;
  /** How the CDR was matched; null when none was found. */
  match: CdrMatch | null;
  cdrsScanned: number;
  /** Tariff ids asked of the Tariffs module, and those it did not list. */
  tariffsAsked: string[];
  tariffsMissing: string[];
  /** What went wrong short of failing the search (e.g. the Tariffs module refused). */
  notes: string[];
  correlationId: string;
}

/** `matched on session_id`, or `matched by score 10/10: auth id, location, …`. */
export const matchText = (match: CdrMatch): string =>
  match.by === 'session_id'
    ? 'matched on session_id'
    : `matched by score ${match.score.score}/${match.score.max}: ${match.score.agreed.join(', ')}`;

/** What a running CDR search has done so far: the window listed and CDRs read, then the tariffs asked. */
export type CdrSearchProgress =
  | { phase: 'cdrs'; searched: { from: number; to: number }; cdrs: number }
  | { phase: 'tariffs'; ids: string[] };

/** The `billing:progress` event. */
export type FindCdrProgress = { requestId: string } & CdrSearchProgress;

/**
 * The profile a held session's CDR can be searched on: the one it was fetched (or first kept) from, when that
 * profile speaks OCPI (the Demo profile's in-process CPO included). Null for a CDR opened alone.
 */
export function cdrSearchProfile<P extends { name: string; ocpi?: unknown }>(
  loaded: Pick<LoadedSession, 'subject' | 'source'>,
  profiles: readonly P[],
): P | null {
  const name = loaded.source.profileName;
  if (loaded.subject === 'cdr' || name === null) return null;
  return profiles.find((p) => p.name === name && p.ocpi) ?? null;
}

/** False when the profile's last discovery found no CDRs module (an eMSP-only token, say); true when unknown. */
export const mayListCdrs = (profile: {
  ocpi?: { discovered?: { endpoints: readonly { identifier: string }[] } };
}): boolean => profile.ocpi?.discovered?.endpoints.some((e) => e.identifier === 'cdrs') ?? true;

/**
 * Whether a session just fetched has its CDR searched at once, without a click: when it is cheap and likely to
 * answer. That is a COMPLETED session (a CPO sends the CDR after the end) fetched over OCPI 2.2+, where the
 * CDR names its session_id and the list stops at the first match, starting the day after the end. A 2.1.1
 * session is matched by score over every CDR of up to 31 days, and waits for the user's click.
 */
export const findsCdrAtOnce = (loaded: Pick<LoadedSession, 'source' | 'session' | 'billing'>): boolean =>
  loaded.source.kind === 'fetch' &&
  loaded.session.status === 'COMPLETED' &&
  loaded.session.shape !== 'ocpi-2.1.1' &&
  (loaded.session.ids.id ?? loaded.session.ids.sessionId) !== null &&
  !loaded.billing?.cdr;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const strings = (v: unknown): string[] =>
  Array.isArray(v) ? (v as unknown[]).filter((s): s is string => typeof s === 'string') : [];

function readMatch(v: unknown): CdrMatch | null | undefined {
  if (v === null) return null;
  if (!isRecord(v)) return undefined;
  if (v.by === 'session_id') return { by: 'session_id' };
  const s = v.score;
  if (v.by !== 'score' || !isRecord(s) || !finite(s.score) || !finite(s.max)) return undefined;
  // JSON has no Infinity: a missing time's distance was written as null.
  const distanceMs = finite(s.distanceMs) ? s.distanceMs : Number.POSITIVE_INFINITY;
  return { by: 'score', score: { score: s.score, max: s.max, agreed: strings(s.agreed), distanceMs } };
}

/**
 * A CDR search as a bundle carries it (format 1.2), field by field: a hand-edited bundle gets no odd types
 * into CDR_MISSING. Null when the shape is not one.
 */
export function readCdrSearchReport(v: unknown): CdrSearchReport | null {
  if (!isRecord(v) || !finite(v.now) || typeof v.found !== 'boolean' || !Array.isArray(v.searched))
    return null;
  const searched = (v.searched as unknown[]).filter(
    (w): w is { from: number; to: number } => isRecord(w) && finite(w.from) && finite(w.to),
  );
  const match = readMatch(v.match);
  if (match === undefined || typeof v.profileName !== 'string') return null;
  return {
    now: v.now,
    searched: searched.map(({ from, to }) => ({ from, to })),
    found: v.found,
    ...(finite(v.afterHours) ? { afterHours: v.afterHours } : {}),
    profileName: v.profileName,
    match,
    cdrsScanned: finite(v.cdrsScanned) ? v.cdrsScanned : 0,
    tariffsAsked: strings(v.tariffsAsked),
    tariffsMissing: strings(v.tariffsMissing),
    notes: strings(v.notes),
    correlationId: typeof v.correlationId === 'string' ? v.correlationId : '',
  };
}

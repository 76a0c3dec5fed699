import type { BillingAttachment } from '../billing/attach';
import type { Check, NormalizedSession, ReaderWarning } from '../session/types';
import type { ApiFlavour } from './profile';

/** What was recorded about one GET: never the token, never a secret in the URL. */
export interface FetchMeta {
  url: string;
  method: 'GET';
  status: number;
  durationMs: number;
  bytes: number;
  fetchedAt: string;
  requestId: string;
  correlationId: string;
  /** Ids the server echoed back, when it did. */
  responseRequestId: string | null;
  responseCorrelationId: string | null;
  attempts: number;
}

export interface SessionSource {
  kind: 'fetch' | 'file' | 'history' | 'demo';
  profileName: string | null;
  flavour: ApiFlavour | null;
  /** For files: the file name only. */
  fileName: string | null;
  fetch: FetchMeta | null;
  /** The Location GET made for OCPI 2.2+ sessions, when one was made. */
  locationFetch: FetchMeta | null;
  /**
   * Every GET the fetch made, in order, with its ids: OCPI discovery and search pages too. Absent for
   * files and for bundles written before it existed.
   */
  requests?: FetchMeta[];
}

/** One session as the renderer receives it: the reader's output plus the raw text exactly as received. */
export interface LoadedSession {
  /** Key main keeps the session under, for exports. */
  key: string;
  source: SessionSource;
  session: NormalizedSession;
  warnings: ReaderWarning[];
  checks: Check[];
  /** The raw response body (or file content) exactly as received. */
  rawText: string;
  /** The Location response body for OCPI 2.2+ sessions, when fetched. */
  rawLocationText: string | null;
  /**
   * 'cdr' when a CDR was opened alone: `session` then holds the CDR's own facts and `checks` is empty
   * (shared/billing/cdr-alone.ts). Absent or 'session' otherwise.
   */
  subject?: 'session' | 'cdr';
  /** The CDR and tariffs attached to this session, with their prices and checks (shared/billing/attach.ts). */
  billing?: BillingAttachment;
}

export interface FetchProgress {
  requestId: string;
  bytes: number;
  elapsedMs: number;
  phase: 'session' | 'location';
}

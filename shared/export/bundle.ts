/**
 * The session bundle (`.ocpi-session.json`): one fetched or opened session as a file another engineer can
 * open offline. It keeps the raw response exactly as received, so opening it re-runs the same reader and
 * gives the same derived data and checks. It never holds a token.
 */
import { type BillingTexts, billingTextsOf } from '../billing/attach';
import type { CdrSearchReport } from '../billing/cdr-search';
import type { LoadedSession, SessionSource } from '../domain/loaded-session';
import type { Check, ReaderWarning } from '../session/types';
import { redactLoaded } from './redact';

export const BUNDLE_FORMAT = 'ocpi-session-bundle';
/**
 * Major.minor: a newer major cannot be read by this app; a newer minor only adds fields.
 * 1.1 adds `raw.cdr` and `raw.tariffs` (the attached billing files); 1.0 bundles have neither. 1.2 adds
 * `cdrSearch`, the last search for the session's CDR.
 */
export const BUNDLE_VERSION = '1.2';
export const BUNDLE_EXTENSION = '.ocpi-session.json';

export interface SessionBundle {
  format: typeof BUNDLE_FORMAT;
  formatVersion: string;
  appVersion: string;
  exportedAt: string;
  /** True when account identifiers were replaced by `REDACTED-n` placeholders. */
  redacted: boolean;
  source: BundleSource;
  raw: {
    /** The session response body exactly as received (redacted values aside). */
    response: string;
    /** The separately fetched Location body (OCPI 2.2+), when there was one. */
    location: string | null;
    /** The attached CDR and tariff files as received (redacted values aside), when any is attached. */
    cdr?: BillingTexts['cdr'];
    tariffs?: BillingTexts['tariffs'];
  };
  /** The last search for the session's CDR, when one ran (1.2): CDR_MISSING is judged on it again. */
  cdrSearch?: CdrSearchReport;
  warnings: ReaderWarning[];
  checks: Check[];
}

export type BundleSource = Pick<
  SessionSource,
  'profileName' | 'flavour' | 'fetch' | 'locationFetch' | 'requests'
> & {
  kind: SessionSource['kind'];
  fileName: string | null;
};

export interface BundleOptions {
  appVersion: string;
  redact: boolean;
  exportedAt?: Date;
}

function buildBundle(loaded: LoadedSession, opts: BundleOptions): SessionBundle {
  const data = opts.redact ? redactLoaded(loaded) : loaded;
  const { source } = data;
  return {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_VERSION,
    appVersion: opts.appVersion,
    exportedAt: (opts.exportedAt ?? new Date()).toISOString(),
    redacted: opts.redact,
    source: {
      kind: source.kind,
      profileName: source.profileName,
      flavour: source.flavour,
      fileName: source.fileName,
      fetch: source.fetch,
      locationFetch: source.locationFetch,
      ...(source.requests ? { requests: source.requests } : {}),
    },
    raw: {
      response: data.rawText,
      location: data.rawLocationText,
      ...(data.billing ? billingTextsOf(data.billing) : {}),
    },
    // What a CDR search found (or did not: CDR_MISSING rests on it), since 1.2.
    ...(data.billing?.cdrSearch ? { cdrSearch: data.billing.cdrSearch } : {}),
    warnings: data.warnings,
    checks: data.checks,
  };
}

/** The bundle as file text; `format` comes first so a glance at the file (or its first bytes) says what it is. */
export function createBundle(loaded: LoadedSession, opts: BundleOptions): string {
  return JSON.stringify(buildBundle(loaded, opts), null, 2) + '\n';
}

/** A file name for the save dialog: the session id when known, made safe for every file system. */
export function suggestedFileName(loaded: LoadedSession, extension: string): string {
  const id = loaded.session.ids.id ?? loaded.session.ids.sessionId ?? 'session';
  const safe = id.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80) || 'session';
  return `${safe}${extension}`;
}

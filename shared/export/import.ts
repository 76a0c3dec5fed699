/**
 * Opening a file: a session bundle, a raw response envelope or a bare OCPI session, all read through the
 * same session reader, so a bundle opens with exactly the derived data and checks it was exported with.
 */
import { appError, type AppError, type Result } from '../domain/errors';
import type { LoadedSession, SessionSource } from '../domain/loaded-session';
import { billingKindOf, billingKindOfText, type BillingTexts, computeBilling } from '../billing/attach';
import { openCdrAlone } from '../billing/cdr-alone';
import { type CdrSearchReport, readCdrSearchReport } from '../billing/cdr-search';
import { API_FLAVOURS, type ApiFlavour } from '../domain/profile';
import { parseJsonText } from '../session/json-text';
import { locationUnavailable } from '../session/location-unavailable';
import { type ReadOptions, readSession } from '../session/read-session';
import { foreignFormat, readerErrorToAppError } from '../session/reader-app-error';
import type { ReadResult } from '../session/types';
import { BUNDLE_FORMAT, BUNDLE_VERSION, type BundleSource } from './bundle';
import { MAX_SESSION_FILE_BYTES, tooLargeError } from '../input/limits';

export type ImportedSession = Omit<LoadedSession, 'key'>;

export function readSessionFile(text: string, fileNameOrPath: string): Result<ImportedSession> {
  // The file name only: a path would leak the user's folders into exports and messages.
  const fileName = fileNameOrPath.split(/[\\/]/).pop() || 'file';
  // Characters, not bytes, but a string this long is at least this many bytes of UTF-8.
  if (text.length > MAX_SESSION_FILE_BYTES) return { ok: false, error: tooLargeError(text.length, fileName) };
  const parsed = parseJsonText(text);
  if (!parsed.ok)
    return { ok: false, error: readerErrorToAppError(parsed.error, { kind: 'file', fileName }) };
  const value = parsed.value;
  if (!isBundleLike(value))
    // A CDR alone opens as a CDR (shared/billing/cdr-alone), not as a session full of nulls.
    return billingKindOf(value) === 'cdr'
      ? openCdrAlone(text, fileName, fileSource(fileName, null))
      : readRaw(value, text, null, fileSource(fileName, null), fileName);
  const bundle = unpackBundle(value, fileName);
  if (!bundle.ok) return bundle;
  const source = fileSource(fileName, bundle.source);
  const read =
    billingKindOfText(bundle.response) === 'cdr'
      ? openCdrAlone(bundle.response, fileName, source)
      : readRaw(bundle.response, bundle.response, bundle.location, source, fileName, bundle.locationFinding);
  return withBundleBilling(read, bundle.billing, bundle.cdrSearch);
}

/**
 * A bundle's attached CDR and tariffs (format 1.1) and its last CDR search (1.2), computed again from their
 * raw text like the session: CDR_MISSING is judged on the search as when it ran.
 */
function withBundleBilling(
  read: Result<ImportedSession>,
  texts: BillingTexts | null,
  cdrSearch: CdrSearchReport | null,
): Result<ImportedSession> {
  if (!read.ok || (texts === null && cdrSearch === null)) return read;
  const billing = computeBilling(
    read.value.subject === 'cdr' ? null : read.value.session,
    texts ?? { cdr: null, tariffs: [] },
    cdrSearch ?? undefined,
  );
  return billing.ok ? { ok: true, value: { ...read.value, billing: billing.value } } : billing;
}

/**
 * The reader's result for anything the app opens, bundles included (re-read from their raw response):
 * what `ocpi-inspect summary` reads, so a bundle summarizes exactly like the response it came from.
 */
export function readSessionOrBundle(text: string, options: Pick<ReadOptions, 'volumes'> = {}): ReadResult {
  const parsed = parseJsonText(text);
  return parsed.ok ? readParsedSessionOrBundle(parsed.value, text, options) : readSession(text, options);
}

/** The same, for a caller that already parsed `text` (a 20 MB response is not parsed twice). */
export function readParsedSessionOrBundle(
  value: unknown,
  text: string,
  options: Pick<ReadOptions, 'volumes'> = {},
): ReadResult {
  if (!isBundleLike(value)) return readSession(value, { ...options, text });
  const bundle = unpackBundle(value, 'The input');
  if (!bundle.ok) return { ok: false, error: { kind: 'unsupported-bundle', message: bundle.error.message } };
  return readSession(
    bundle.response,
    bundle.location === null ? options : { ...options, location: bundle.location },
  );
}

function isBundleLike(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'format' in value;
}

function fileSource(fileName: string, bundle: BundleSource | null): SessionSource {
  return {
    kind: 'file',
    fileName,
    profileName: bundle?.profileName ?? null,
    flavour: bundle?.flavour ?? null,
    fetch: bundle?.fetch ?? null,
    locationFetch: bundle?.locationFetch ?? null,
    ...(bundle?.requests ? { requests: bundle.requests } : {}),
  };
}

type UnpackedBundle =
  | {
      ok: true;
      response: string;
      location: string | null;
      source: BundleSource | null;
      /** The message of its LOCATION_UNAVAILABLE finding, if it was exported with one. */
      locationFinding: string | null;
      /** Its attached CDR and tariff files (1.1); null when it has none. */
      billing: BillingTexts | null;
      cdrSearch: CdrSearchReport | null;
    }
  | { ok: false; error: AppError };

const MAX_FINDING_CHARS = 2000;

/** The exported LOCATION_UNAVAILABLE message, checked field by field (a bundle may be hand-edited). */
function readLocationFinding(checks: unknown): string | null {
  if (!Array.isArray(checks)) return null;
  for (const check of checks as unknown[]) {
    if (!isRecord(check) || check.code !== 'LOCATION_UNAVAILABLE') continue;
    const message = check.message;
    return typeof message === 'string' && message.length <= MAX_FINDING_CHARS ? message : null;
  }
  return null;
}

function unpackBundle(value: Record<string, unknown>, fileName: string): UnpackedBundle {
  if (value.format !== BUNDLE_FORMAT) {
    const name = typeof value.format === 'string' ? `"${value.format.slice(0, 60)}"` : 'an unknown format';
    return {
      ok: false,
      error: foreignFormat(fileName, `it is ${name}, not a session bundle or an OCPI session`),
    };
  }
  const version = typeof value.formatVersion === 'string' ? /^(\d+)\.(\d+)$/.exec(value.formatVersion) : null;
  if (!version) return { ok: false, error: foreignFormat(fileName, 'the bundle has no valid formatVersion') };
  const supportedMajor = Number(BUNDLE_VERSION.split('.')[0]);
  if (Number(version[1]) > supportedMajor)
    return {
      ok: false,
      error: appError(
        'file-newer-version',
        `${fileName} is a session bundle of format version ${value.formatVersion}; this app reads version ${supportedMajor}.x.`,
        'Update Session Inspector, or ask the sender for a raw response export.',
      ),
    };
  const raw = value.raw;
  const response = isRecord(raw) ? raw.response : undefined;
  const location = isRecord(raw) ? raw.location : undefined;
  if (
    typeof response !== 'string' ||
    !(location === null || location === undefined || typeof location === 'string')
  )
    return { ok: false, error: foreignFormat(fileName, 'the bundle has no raw response text') };
  return {
    ok: true,
    response,
    location: location ?? null,
    source: readBundleSource(value.source),
    locationFinding: readLocationFinding(value.checks),
    billing: isRecord(raw) ? readBillingTexts(raw) : null,
    cdrSearch: readCdrSearchReport(value.cdrSearch),
  };
}

const namedText = (v: unknown): { fileName: string; text: string } | null =>
  isRecord(v) && typeof v.fileName === 'string' && typeof v.text === 'string'
    ? { fileName: v.fileName, text: v.text }
    : null;

/** `raw.cdr` and `raw.tariffs`, field by field; entries of the wrong shape are left out. */
function readBillingTexts(raw: Record<string, unknown>): BillingTexts | null {
  const cdr = namedText(raw.cdr);
  const tariffs = Array.isArray(raw.tariffs)
    ? (raw.tariffs as unknown[])
        .map(namedText)
        .filter((t): t is { fileName: string; text: string } => t !== null)
    : [];
  return cdr || tariffs.length ? { cdr, tariffs } : null;
}

function readRaw(
  value: unknown,
  rawText: string,
  rawLocationText: string | null,
  source: SessionSource,
  fileName: string,
  locationFinding: string | null = null,
): Result<ImportedSession> {
  const read = readSession(value, {
    text: rawText,
    ...(rawLocationText === null ? {} : { location: rawLocationText }),
  });
  if (!read.ok) return { ok: false, error: readerErrorToAppError(read.error, { kind: 'file', fileName }) };
  // The loader's finding about a failed Location GET is not derived from the raw text: it is carried over.
  const missing = locationFinding === null ? null : locationUnavailable(locationFinding);
  return {
    ok: true,
    value: {
      source,
      session: read.session,
      warnings: missing ? [missing.warning, ...read.warnings] : read.warnings,
      checks: missing ? [...read.checks, missing.check] : read.checks,
      rawText,
      rawLocationText,
    },
  };
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const stringOrNull = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** The bundle's source block, field by field: a hand-edited bundle must not smuggle odd types into the app. */
function readBundleSource(value: unknown): BundleSource | null {
  if (!isRecord(value)) return null;
  const flavour = value.flavour;
  return {
    kind: 'file',
    profileName: stringOrNull(value.profileName),
    flavour: API_FLAVOURS.includes(flavour as ApiFlavour) ? (flavour as ApiFlavour) : null,
    fileName: stringOrNull(value.fileName),
    fetch: readFetchMeta(value.fetch),
    locationFetch: readFetchMeta(value.locationFetch),
    ...(Array.isArray(value.requests)
      ? { requests: value.requests.map(readFetchMeta).filter((m) => m !== null) }
      : {}),
  };
}

function readFetchMeta(value: unknown): SessionSource['fetch'] {
  if (!isRecord(value) || typeof value.url !== 'string') return null;
  const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
  return {
    url: value.url,
    method: 'GET',
    status: num(value.status),
    durationMs: num(value.durationMs),
    bytes: num(value.bytes),
    fetchedAt: stringOrNull(value.fetchedAt) ?? '',
    requestId: stringOrNull(value.requestId) ?? '',
    correlationId: stringOrNull(value.correlationId) ?? '',
    responseRequestId: stringOrNull(value.responseRequestId),
    responseCorrelationId: stringOrNull(value.responseCorrelationId),
    attempts: num(value.attempts),
  };
}

/**
 * What every session fetch shares, vendor gateway or OCPI: the Location GET when the session names its
 * Location only by id (OCPI 2.2+), a failed one kept as a warning rather than losing the session, then the
 * reader and the LoadedSession. The loaders differ only in how they find the session and the Location URL.
 */
import { randomUUID } from 'node:crypto';
import type { Result } from '../../shared/domain/errors';
import type { FetchMeta, LoadedSession, SessionSource } from '../../shared/domain/loaded-session';
import { checkSessionId } from '../../shared/ipc/validate';
import { openEnvelope } from '../../shared/session/envelope';
import { locationUnavailable } from '../../shared/session/location-unavailable';
import { readSession } from '../../shared/session/read-session';
import { readerErrorToAppError } from '../../shared/session/reader-app-error';
import type { Check, ReaderWarning } from '../../shared/session/types';

/** One GET's body as the client returned it. */
export interface FetchedBody {
  text: string;
  json: unknown;
  meta: FetchMeta;
}

export interface LocationOutcome {
  location: FetchedBody | null;
  warnings: ReaderWarning[];
  checks: Check[];
}

/** The `location_id` of a session (envelope or bare) that does not embed its Location, else null. */
export function separateLocationId(body: unknown): string | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  // The envelope is opened by the one rule (shared/session/envelope) the reader applies after this.
  const opened = openEnvelope(body as Record<string, unknown>, 'session');
  if (!opened.ok) return null;
  const { data } = opened;
  if (data.location && typeof data.location === 'object') return null;
  return typeof data.location_id === 'string' && data.location_id !== '' ? data.location_id : null;
}

/**
 * Fetches the Location a session names by id, through `get` (the flavour's URL rule). Only cancellation
 * fails the whole load; anything else leaves the session with LOCATION_UNAVAILABLE.
 */
export async function fetchSeparateLocation(
  sessionBody: unknown,
  get: (locationId: string) => Promise<Result<FetchedBody>>,
): Promise<Result<LocationOutcome>> {
  const outcome: LocationOutcome = { location: null, warnings: [], checks: [] };
  const unavailable = (message: string): Result<LocationOutcome> => {
    const { warning, check } = locationUnavailable(message);
    outcome.warnings.push(warning);
    outcome.checks.push(check);
    return { ok: true, value: outcome };
  };
  const locationId = separateLocationId(sessionBody);
  if (locationId === null) return { ok: true, value: outcome };
  // The id comes from the server: a `..` would send the token-bearing GET to a parent path.
  const safe = checkSessionId(locationId, 'Location id');
  if (!safe.ok)
    return unavailable(
      `The Location was not fetched: ${safe.error.message.replace(/\.$/, '')}; the map and EVSE details are missing.`,
    );
  const got = await get(safe.value);
  if (got.ok) return { ok: true, value: { ...outcome, location: got.value } };
  if (got.error.kind === 'cancelled') return got;
  return unavailable(
    `The Location ${safe.value} could not be fetched (${got.error.message}); the map and EVSE details are missing.`,
  );
}

export interface AssembleInput {
  /** What the reader reads: the envelope or the bare Session. */
  body: unknown;
  /** The session response exactly as received. */
  session: FetchedBody;
  location: LocationOutcome;
  source: Pick<SessionSource, 'kind' | 'profileName' | 'flavour'>;
  /** Every GET the fetch made, in order. */
  requests: FetchMeta[];
}

export function assembleLoadedSession(input: AssembleInput): Result<LoadedSession> {
  const { session, location } = input;
  // The text too: kwh's written decimals decide the rounding tolerance on every path (fetch, file, bundle).
  const read = readSession(input.body, {
    text: session.text,
    ...(location.location ? { location: location.location.json } : {}),
  });
  if (!read.ok)
    return {
      ok: false,
      error: readerErrorToAppError(read.error, {
        kind: 'response',
        status: session.meta.status,
        requestId: session.meta.requestId,
      }),
    };
  return {
    ok: true,
    value: {
      key: `fetch:${randomUUID()}`,
      source: {
        ...input.source,
        fileName: null,
        fetch: session.meta,
        locationFetch: location.location?.meta ?? null,
        requests: input.requests,
      },
      session: read.session,
      warnings: [...location.warnings, ...read.warnings],
      checks: [...read.checks, ...location.checks],
      rawText: session.text,
      rawLocationText: location.location?.text ?? null,
    },
  };
}

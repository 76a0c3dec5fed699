/**
 * Fetch → read → LoadedSession. OCPI 2.2+ sessions name their Location only by id, so the loader also
 * GETs the Location for the map and the EVSE panel; when that fails the session still shows, with a warning.
 */
import { randomUUID } from 'node:crypto';
import type { Result } from '../../shared/domain/errors';
import type { FetchMeta, FetchProgress, LoadedSession } from '../../shared/domain/loaded-session';
import type { Profile } from '../../shared/domain/profile';
import { checkSessionId } from '../../shared/ipc/validate';
import type { Check, ReaderWarning } from '../../shared/session/types';
import { openEnvelope } from '../../shared/session/envelope';
import { locationUnavailable } from '../../shared/session/location-unavailable';
import { readSession } from '../../shared/session/read-session';
import { readerErrorToAppError } from '../../shared/session/reader-app-error';
import { authHeader } from '../http/auth-header';
import { httpGet, type ClientConfig } from '../http/http-client';
import { loadOcpiSession } from '../ocpi/ocpi-session-loader';

export interface LoadRequest {
  profile: Profile;
  sessionId: string;
  /** Null for the Demo profile, which needs none. */
  token: string | null;
  /** OCPI Sender search: list around this time (epoch ms) first; absent: the last 24 h. */
  around?: number;
  signal?: AbortSignal;
  onProgress?: (progress: Omit<FetchProgress, 'requestId'>) => void;
}

export const sessionUrl = (baseUrl: string, id: string): string =>
  `${baseUrl}/sessions/${encodeURIComponent(id)}`;
export const locationUrl = (baseUrl: string, id: string): string =>
  `${baseUrl}/locations/${encodeURIComponent(id)}`;

/** The `location_id` of a session that does not embed its Location (OCPI 2.2+), else null. */
export function separateLocationId(body: unknown): string | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  // The envelope is opened by the one rule (shared/session/envelope) the reader applies after this.
  const opened = openEnvelope(body as Record<string, unknown>, 'session');
  if (!opened.ok) return null;
  const { data } = opened;
  if (data.location && typeof data.location === 'object') return null;
  return typeof data.location_id === 'string' && data.location_id !== '' ? data.location_id : null;
}

export async function loadSession(req: LoadRequest, client: ClientConfig): Promise<Result<LoadedSession>> {
  const { profile } = req;
  // A profile with OCPI settings discovers its endpoints: a CPO's Sender has no {sessions}/{id}.
  if (profile.ocpi && !profile.demo) return loadOcpiSession(req, profile.ocpi, client);
  const common = {
    auth: req.token === null ? null : authHeader(profile.auth, req.token, profile.base64Token),
    timeouts: profile.timeouts,
    maxBytes: profile.maxBytes,
    signal: req.signal,
  };
  const fetched = await httpGet(
    {
      ...common,
      url: sessionUrl(profile.baseUrl, req.sessionId),
      resource: 'session',
      onProgress: (bytes, elapsedMs) => req.onProgress?.({ bytes, elapsedMs, phase: 'session' }),
    },
    client,
  );
  if (!fetched.ok) return fetched;

  const extraWarnings: ReaderWarning[] = [];
  const extraChecks: Check[] = [];
  const unavailable = (message: string): void => {
    const { warning, check } = locationUnavailable(message);
    extraWarnings.push(warning);
    extraChecks.push(check);
  };
  let location: { text: string; json: unknown; meta: FetchMeta } | null = null;
  const locationId = separateLocationId(fetched.value.json);
  // The id comes from the server: a `..` would send the token-bearing GET to a parent path.
  const safeLocationId = locationId === null ? null : checkSessionId(locationId, 'Location id');
  if (safeLocationId && !safeLocationId.ok)
    unavailable(
      `The Location was not fetched: ${safeLocationId.error.message.replace(/\.$/, '')}; the map and EVSE details are missing.`,
    );
  else if (safeLocationId) {
    const got = await httpGet(
      {
        ...common,
        url: locationUrl(profile.baseUrl, safeLocationId.value),
        resource: 'Location',
        onProgress: (bytes, elapsedMs) => req.onProgress?.({ bytes, elapsedMs, phase: 'location' }),
      },
      client,
    );
    if (got.ok) location = got.value;
    else if (got.error.kind === 'cancelled') return got;
    else
      unavailable(
        `The Location ${safeLocationId.value} could not be fetched (${got.error.message}); the map and EVSE details are missing.`,
      );
  }

  // The text too: kwh's written decimals decide the rounding tolerance on every path (fetch, file, bundle).
  const read = readSession(fetched.value.json, {
    text: fetched.value.text,
    ...(location ? { location: location.json } : {}),
  });
  if (!read.ok)
    return {
      ok: false,
      error: readerErrorToAppError(read.error, {
        kind: 'response',
        status: fetched.value.meta.status,
        requestId: fetched.value.meta.requestId,
      }),
    };
  return {
    ok: true,
    value: {
      key: `fetch:${randomUUID()}`,
      source: {
        kind: profile.demo ? 'demo' : 'fetch',
        profileName: profile.name,
        flavour: profile.flavour,
        fileName: null,
        fetch: fetched.value.meta,
        locationFetch: location?.meta ?? null,
      },
      session: read.session,
      warnings: [...extraWarnings, ...read.warnings],
      checks: [...read.checks, ...extraChecks],
      rawText: fetched.value.text,
      rawLocationText: location?.text ?? null,
    },
  };
}

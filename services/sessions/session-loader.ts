/**
 * Fetch → read → LoadedSession. OCPI 2.2+ sessions name their Location only by id, so the loader also
 * GETs the Location for the map and the EVSE panel; when that fails the session still shows, with a warning.
 */
import { randomUUID } from 'node:crypto';
import { appError, type AppError, type Result } from '../../shared/domain/errors';
import type { FetchMeta, FetchProgress, LoadedSession } from '../../shared/domain/loaded-session';
import type { Profile } from '../../shared/domain/profile';
import type { ReaderError, ReaderWarning } from '../../shared/session/types';
import { readSession } from '../../shared/session/read-session';
import { authHeader } from '../http/auth-header';
import { httpGet, type ClientConfig } from '../http/http-client';

export interface LoadRequest {
  profile: Profile;
  sessionId: string;
  /** Null for the Demo profile, which needs none. */
  token: string | null;
  signal?: AbortSignal;
  onProgress?: (progress: Omit<FetchProgress, 'requestId'>) => void;
}

export const sessionUrl = (baseUrl: string, id: string): string =>
  `${baseUrl}/sessions/${encodeURIComponent(id)}`;
export const locationUrl = (baseUrl: string, id: string): string =>
  `${baseUrl}/locations/${encodeURIComponent(id)}`;

/** The `location_id` of a session that does not embed its Location (OCPI 2.2+), else null. */
export function separateLocationId(body: unknown): string | null {
  const envelope = body as { data?: unknown } | null;
  const data = (
    envelope && typeof envelope === 'object' && 'data' in envelope ? envelope.data : body
  ) as Record<string, unknown> | null;
  if (!data || typeof data !== 'object' || (data.location && typeof data.location === 'object')) return null;
  return typeof data.location_id === 'string' && data.location_id !== '' ? data.location_id : null;
}

export async function loadSession(req: LoadRequest, client: ClientConfig): Promise<Result<LoadedSession>> {
  const { profile } = req;
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
      onProgress: (bytes, elapsedMs) => req.onProgress?.({ bytes, elapsedMs, phase: 'session' }),
    },
    client,
  );
  if (!fetched.ok) return fetched;

  const extraWarnings: ReaderWarning[] = [];
  let location: { text: string; json: unknown; meta: FetchMeta } | null = null;
  const locationId = separateLocationId(fetched.value.json);
  if (locationId !== null) {
    const got = await httpGet(
      {
        ...common,
        url: locationUrl(profile.baseUrl, locationId),
        onProgress: (bytes, elapsedMs) => req.onProgress?.({ bytes, elapsedMs, phase: 'location' }),
      },
      client,
    );
    if (got.ok) location = got.value;
    else if (got.error.kind === 'cancelled') return got;
    else
      extraWarnings.push({
        path: 'data.location_id',
        message: `The Location ${locationId} could not be fetched (${got.error.message}); the map and EVSE details are missing.`,
      });
  }

  const read = readSession(fetched.value.json, location ? { location: location.json } : {});
  if (!read.ok) return { ok: false, error: readerError(read.error, fetched.value.meta.status) };
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
      checks: read.checks,
      rawText: fetched.value.text,
      rawLocationText: location?.text ?? null,
    },
  };
}

/** A body the client accepted as JSON that the reader cannot use. */
function readerError(error: ReaderError, status: number): AppError {
  const extra = { status, ...(error.statusCode === undefined ? {} : { ocpiStatus: error.statusCode }) };
  switch (error.kind) {
    case 'not-json':
      return appError('invalid-json', error.message, 'Report it with the request id.', extra);
    case 'envelope-status':
      return appError(
        'envelope-status',
        error.message,
        'The server reported an error in the OCPI envelope.',
        extra,
      );
    case 'envelope-no-data':
      return appError(
        'envelope-no-data',
        error.message,
        'The server answered without a session: check the id.',
        extra,
      );
    default:
      return appError(
        'not-a-session',
        error.message,
        'Check the profile’s API flavour and base URL: this endpoint does not return sessions.',
        extra,
      );
  }
}

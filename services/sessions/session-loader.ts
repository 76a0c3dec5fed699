/**
 * Fetch → read → LoadedSession. OCPI 2.2+ sessions name their Location only by id, so the loader also
 * GETs the Location for the map and the EVSE panel; when that fails the session still shows, with a warning.
 */
import { randomUUID } from 'node:crypto';
import type { Result } from '../../shared/domain/errors';
import type { FetchProgress, LoadedSession } from '../../shared/domain/loaded-session';
import type { Profile } from '../../shared/domain/profile';
import { authHeader } from '../http/auth-header';
import { httpGet, type ClientConfig } from '../http/http-client';
import { loadOcpiSession } from '../ocpi/ocpi-session-loader';
import { assembleLoadedSession, fetchSeparateLocation } from './assemble-loaded';

export interface LoadRequest {
  profile: Profile;
  sessionId: string;
  /** Null for the Demo profile, which needs none. */
  token: string | null;
  /** OCPI Sender search: list around this time (epoch ms) first; absent: the last 24 h. */
  around?: number;
  /** SESSION_STALE after this many minutes without an update (the user's setting); absent: the default. */
  staleMinutes?: number;
  signal?: AbortSignal;
  onProgress?: (progress: Omit<FetchProgress, 'requestId'>) => void;
}

export const sessionUrl = (baseUrl: string, id: string): string =>
  `${baseUrl}/sessions/${encodeURIComponent(id)}`;
export const locationUrl = (baseUrl: string, id: string): string =>
  `${baseUrl}/locations/${encodeURIComponent(id)}`;

export async function loadSession(req: LoadRequest, client: ClientConfig): Promise<Result<LoadedSession>> {
  const { profile } = req;
  // A profile with OCPI settings discovers its endpoints: a CPO's Sender has no {sessions}/{id}.
  if (profile.ocpi && !profile.demo) return loadOcpiSession(req, profile.ocpi, client);
  const common = {
    auth: req.token === null ? null : authHeader(profile.auth, req.token, profile.base64Token),
    timeouts: profile.timeouts,
    maxBytes: profile.maxBytes,
    signal: req.signal,
    // The session and its Location are one user action: one correlation id.
    correlationId: randomUUID(),
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

  const located = await fetchSeparateLocation(fetched.value.json, (id) =>
    httpGet(
      {
        ...common,
        url: locationUrl(profile.baseUrl, id),
        resource: 'Location',
        onProgress: (bytes, elapsedMs) => req.onProgress?.({ bytes, elapsedMs, phase: 'location' }),
      },
      client,
    ),
  );
  if (!located.ok) return located;
  const location = located.value;
  return assembleLoadedSession({
    body: fetched.value.json,
    session: fetched.value,
    location,
    source: { kind: profile.demo ? 'demo' : 'fetch', profileName: profile.name, flavour: profile.flavour },
    requests: [fetched.value.meta, ...(location.location ? [location.location.meta] : [])],
  });
}

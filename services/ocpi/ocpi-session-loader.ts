/**
 * Fetch by id for a profile with OCPI settings, as the inspector needs it (a LoadedSession): discovery,
 * then the session by the interface rules (a Receiver GET by country, party and id; on a Sender a search
 * from the last 24 h back, widening up to 31 days; never `{sessions}/{id}`), then its Location through the
 * discovered locations endpoint. A Location that cannot be had leaves the session with a warning, as for
 * the vendor flavour; an ACTIVE session not updated lately gets SESSION_STALE.
 */
import { randomUUID } from 'node:crypto';
import type { Result } from '../../shared/domain/errors';
import type { LoadedSession } from '../../shared/domain/loaded-session';
import type { OcpiProfileSettings } from '../../shared/ocpi/profile-settings';
import { parseSessionRef } from '../../shared/ocpi/session-ref';
import { sessionStaleCheck } from '../../shared/ocpi/session-stale';
import { checkSessionId } from '../../shared/ipc/validate';
import { locationUnavailable } from '../../shared/session/location-unavailable';
import { readSession } from '../../shared/session/read-session';
import { readerErrorToAppError } from '../../shared/session/reader-app-error';
import type { Check, ReaderWarning } from '../../shared/session/types';
import type { ClientConfig } from '../http/http-client';
import type { LoadRequest } from '../sessions/session-loader';
import { discover } from './discovery';
import { fetchLocation } from './fetch-location';
import { findSession } from './find-session';
import { OcpiConnection, type OcpiResponse, profileConnectionOptions } from './ocpi-connection';

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

export async function loadOcpiSession(
  req: LoadRequest,
  ocpi: OcpiProfileSettings,
  client: ClientConfig,
): Promise<Result<LoadedSession>> {
  const { profile } = req;
  const ref = parseSessionRef(req.sessionId);
  if (!ref.ok) return ref;
  const conn = new OcpiConnection(profileConnectionOptions(profile, ocpi, req.token, client));
  // One user action, one correlation id, for every request it takes.
  const correlationId = randomUUID();
  const found = await discover(conn, ocpi.versionsUrl, {
    fixedVersion: ocpi.version,
    correlationId,
    signal: req.signal,
  });
  if (!found.ok) return found;
  const { endpoints } = found.value;
  const session = await findSession(conn, {
    endpoints,
    ref: ref.value,
    profileParty:
      ocpi.countryCode && ocpi.partyId ? { countryCode: ocpi.countryCode, partyId: ocpi.partyId } : null,
    around: req.around ?? null,
    correlationId,
    signal: req.signal,
  });
  if (!session.ok) return session;
  const fetchedAt = Date.now();

  const extraWarnings: ReaderWarning[] = [];
  const extraChecks: Check[] = [];
  const unavailable = (message: string): void => {
    const { warning, check } = locationUnavailable(message);
    extraWarnings.push(warning);
    extraChecks.push(check);
  };
  const raw = session.value.session as Record<string, unknown> | null;
  let location: OcpiResponse | null = null;
  const locationId = raw && typeof raw.location !== 'object' ? str(raw.location_id) : null;
  if (locationId !== null) {
    // The id comes from the server: checked like a session id before it goes into a token-bearing URL.
    const safe = checkSessionId(locationId, 'Location id');
    const cc = str(raw?.country_code);
    const party = str(raw?.party_id);
    if (!safe.ok) unavailable(`The Location was not fetched: ${safe.error.message}`);
    else {
      const got = await fetchLocation(
        conn,
        endpoints,
        safe.value,
        cc && party ? { countryCode: cc, partyId: party } : null,
        {
          correlationId,
          signal: req.signal,
        },
      );
      if (got.ok) location = got.value;
      else if (got.error.kind === 'cancelled') return got;
      else
        unavailable(
          `The Location ${safe.value} could not be fetched (${got.error.message}); the map and EVSE details are missing.`,
        );
    }
  }

  const read = readSession(session.value.session, {
    text: session.value.text,
    ...(location ? { location: location.json } : {}),
  });
  if (!read.ok)
    return {
      ok: false,
      error: readerErrorToAppError(read.error, {
        kind: 'response',
        status: session.value.meta.status,
        requestId: session.value.meta.requestId,
      }),
    };
  const stale = sessionStaleCheck(read.session, fetchedAt);
  return {
    ok: true,
    value: {
      key: `fetch:${randomUUID()}`,
      source: {
        kind: 'fetch',
        profileName: profile.name,
        flavour: profile.flavour,
        fileName: null,
        fetch: session.value.meta,
        locationFetch: location?.meta ?? null,
      },
      session: read.session,
      warnings: [...extraWarnings, ...read.warnings],
      checks: [...read.checks, ...extraChecks, ...(stale ? [stale] : [])],
      rawText: session.value.text,
      rawLocationText: location?.text ?? null,
    },
  };
}

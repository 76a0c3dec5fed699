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
import type { ClientConfig } from '../http/http-client';
import { assembleLoadedSession, fetchSeparateLocation } from '../sessions/assemble-loaded';
import type { LoadRequest } from '../sessions/session-loader';
import { discover } from './discovery';
import { fetchLocation } from './fetch-location';
import { findSession } from './find-session';
import { OcpiConnection, profileConnectionOptions } from './ocpi-connection';

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
  const raw = session.value.session as Record<string, unknown> | null;
  const cc = str(raw?.country_code);
  const party = str(raw?.party_id);
  const located = await fetchSeparateLocation(session.value.session, (id) =>
    fetchLocation(conn, endpoints, id, cc && party ? { countryCode: cc, partyId: party } : null, {
      correlationId,
      signal: req.signal,
    }),
  );
  if (!located.ok) return located;
  const loaded = assembleLoadedSession({
    body: session.value.session,
    session: { text: session.value.text, json: session.value.session, meta: session.value.meta },
    location: located.value,
    source: { kind: 'fetch', profileName: profile.name, flavour: profile.flavour },
    requests: [...conn.requests],
  });
  if (!loaded.ok) return loaded;
  const stale = sessionStaleCheck(loaded.value.session, fetchedAt, req.staleMinutes);
  if (stale) loaded.value.checks.push(stale);
  return loaded;
}

/**
 * Settings → Test connection for an OCPI profile: discovery plus one `limit=1` list call on the Sessions
 * Sender, reported step by step with what works and what to change.
 */
import { randomUUID } from 'node:crypto';
import type { AppError } from '../../shared/domain/errors';
import { listInterface } from '../../shared/ocpi/interfaces';
import type { OcpiProfileSettings } from '../../shared/ocpi/profile-settings';
import type { Endpoint } from '../../shared/ocpi/versions';
import type { ClientConfig } from '../http/http-client';
import type { Profile } from '../../shared/domain/profile';
import { discover, type Discovery } from './discovery';
import { OcpiConnection, profileConnectionOptions } from './ocpi-connection';
import { listSessions } from './session-lister';

export interface ConnectionStep {
  name: 'discovery' | 'sessions-list';
  ok: boolean;
  /** What worked, or what failed and what to change. */
  message: string;
  error?: AppError;
}

export interface ConnectionReport {
  ok: boolean;
  steps: ConnectionStep[];
  /** Discovery's result, to keep on the profile (endpoints, and a token form a fallback found). */
  discovery: Discovery | null;
  correlationId: string;
}

const describeEndpoints = (endpoints: readonly Endpoint[]): string =>
  endpoints.map((e) => (e.role ? `${e.identifier} (${e.role})` : e.identifier)).join(', ');

export async function testConnection(
  profile: Profile,
  ocpi: OcpiProfileSettings,
  token: string | null,
  client: ClientConfig,
  signal?: AbortSignal,
): Promise<ConnectionReport> {
  const correlationId = randomUUID();
  const conn = new OcpiConnection(profileConnectionOptions(profile, ocpi, token, client));
  const steps: ConnectionStep[] = [];
  const found = await discover(conn, ocpi.versionsUrl, { fixedVersion: ocpi.version, correlationId, signal });
  if (!found.ok) {
    steps.push({
      name: 'discovery',
      ok: false,
      message: `${found.error.message} ${found.error.hint}`,
      error: found.error,
    });
    return { ok: false, steps, discovery: null, correlationId };
  }
  const d = found.value;
  const form = d.tokenForm === 'base64' ? 'Base64-encoded' : 'plain';
  steps.push({
    name: 'discovery',
    ok: true,
    message:
      `OCPI ${d.version}: ${describeEndpoints(d.endpoints)}. The token works ${form}` +
      (d.tokenFormFallback ? ' (the other form was refused: this profile now remembers it).' : '.'),
  });
  const url = listInterface(d.endpoints, 'sessions');
  if (!url.ok) {
    steps.push({
      name: 'sessions-list',
      ok: false,
      message: `${url.error.message} ${url.error.hint}`,
      error: url.error,
    });
    return { ok: false, steps, discovery: d, correlationId };
  }
  const listed = await listSessions(conn, {
    url: url.value,
    dateFrom: null,
    dateTo: null,
    limit: 1,
    correlationId,
    signal,
    stopAt: () => true,
  });
  if (listed.failure) {
    const { error } = listed.failure;
    steps.push({ name: 'sessions-list', ok: false, message: `${error.message} ${error.hint}`, error });
    return { ok: false, steps, discovery: d, correlationId };
  }
  const total = listed.totalCount === null ? 'no X-Total-Count' : `X-Total-Count ${listed.totalCount}`;
  const limit = listed.serverLimit === null ? 'no X-Limit' : `X-Limit ${listed.serverLimit}`;
  steps.push({
    name: 'sessions-list',
    ok: true,
    message: `The Sessions Sender lists (${total}, ${limit}); sessions are found by listing around a time, never by GET {sessions}/{id}.`,
  });
  return { ok: true, steps, discovery: d, correlationId };
}

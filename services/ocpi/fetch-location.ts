/**
 * The Location of a session through the discovered locations endpoint, by the same interface rules as
 * sessions: a Receiver by `{cc}/{party}/{id}` when the party is known, else the Sender's `{locations}/{id}`.
 */
import type { Result } from '../../shared/domain/errors';
import {
  byIdInterface,
  type PartyRef,
  receiverObjectUrl,
  senderObjectUrl,
} from '../../shared/ocpi/interfaces';
import type { Endpoint } from '../../shared/ocpi/versions';
import type { OcpiConnection, OcpiResponse } from './ocpi-connection';

export async function fetchLocation(
  conn: OcpiConnection,
  endpoints: readonly Endpoint[],
  locationId: string,
  party: PartyRef | null,
  opts: { correlationId: string; signal?: AbortSignal },
): Promise<Result<OcpiResponse>> {
  const choice = byIdInterface(endpoints, 'locations', party);
  if (!choice.ok) return choice;
  const url =
    choice.value.kind === 'receiver'
      ? receiverObjectUrl(choice.value.url, choice.value, locationId)
      : senderObjectUrl(choice.value.url, locationId);
  return conn.get(url, {
    module: 'locations',
    resource: 'Location',
    correlationId: opts.correlationId,
    signal: opts.signal,
  });
}

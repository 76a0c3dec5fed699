/**
 * OCPI 2.2+ message routing headers. Hubs route functional-module requests on the receiving and sending
 * party; configuration modules (versions, credentials, hubclientinfo) are never routed, so these headers are
 * never sent there (transport_and_format, Message Routing Headers). 2.1.1 has no routing headers.
 */
import { isRoleVersion } from './versions';

export interface HubParties {
  toCountryCode?: string;
  toPartyId?: string;
  fromCountryCode?: string;
  fromPartyId?: string;
}

/** The modules that are not routed; `versions` also stands for the versions list and version details. */
const CONFIGURATION_MODULES = new Set(['versions', 'credentials', 'hubclientinfo']);

export function routingHeaders(
  hub: HubParties | undefined,
  module: string,
  version: string | null,
): Record<string, string> {
  const headers: Record<string, string> = {};
  if (!hub || version === null || !isRoleVersion(version) || CONFIGURATION_MODULES.has(module))
    return headers;
  if (hub.toPartyId) headers['ocpi-to-party-id'] = hub.toPartyId;
  if (hub.toCountryCode) headers['ocpi-to-country-code'] = hub.toCountryCode;
  if (hub.fromPartyId) headers['ocpi-from-party-id'] = hub.fromPartyId;
  if (hub.fromCountryCode) headers['ocpi-from-country-code'] = hub.fromCountryCode;
  return headers;
}

/**
 * The one label set. Ids: "Session id" is OCPI's `id` (the object id every OCPI URL uses); "Vendor session
 * id" is the vendor gateway's own `session_id`. A session's headline id is its Session id, else its Vendor
 * session id. Party is always `CC*PARTY` (country code, then party id), as OCPI writes it inside EVSE ids.
 */
export const LABELS = {
  sessionId: 'Session id',
  vendorSessionId: 'Vendor session id',
  party: 'Party',
  cpoId: 'CPO id',
  locationId: 'Location id',
  evseUid: 'EVSE uid',
  connectorId: 'Connector id',
  status: 'Status',
  format: 'Format',
  start: 'Start',
  end: 'End',
  lastUpdated: 'Last updated',
  duration: 'Duration',
  zone: 'Times in',
  energy: 'Energy',
  cost: 'Cost',
  auth: 'Auth',
  authId: 'Auth id',
  contractId: 'Contract id',
  meter: 'Meter',
  site: 'Site',
  evse: 'EVSE used',
  source: 'Source',
} as const;

export type IdKey =
  'sessionId' | 'vendorSessionId' | 'party' | 'cpoId' | 'locationId' | 'evseUid' | 'connectorId';

/** OCPI enumerations the reader knows; anything else is kept as given and warned about. */

export const KNOWN_STATUSES: readonly string[] = ['ACTIVE', 'COMPLETED', 'INVALID', 'PENDING', 'RESERVATION'];

export const KNOWN_AUTH_METHODS: readonly string[] = ['AUTH_REQUEST', 'COMMAND', 'WHITELIST'];

/** 2.1.1 and 2.2+ CDR dimension types together. */
export const KNOWN_DIMENSIONS: ReadonlySet<string> = new Set([
  'CURRENT',
  'ENERGY',
  'ENERGY_EXPORT',
  'ENERGY_IMPORT',
  'FLAT',
  'MAX_CURRENT',
  'MIN_CURRENT',
  'MAX_POWER',
  'MIN_POWER',
  'PARKING_TIME',
  'POWER',
  'RESERVATION_TIME',
  'STATE_OF_CHARGE',
  'TIME',
]);

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

/** The dimensions measured in kWh: the ones a Wh-as-kWh payload sends 1000× too high. */
export const ENERGY_DIMENSIONS: ReadonlySet<string> = new Set(['ENERGY', 'ENERGY_EXPORT', 'ENERGY_IMPORT']);

/** OCPI 2.2.1 allows these below zero: energy fed back to the grid. */
export const SIGNED_DIMENSIONS: ReadonlySet<string> = new Set(['CURRENT', 'ENERGY', 'POWER']);

/** The upper-case spelling of `value` when that, and not `value`, is a known enum value (`energy` → `ENERGY`). */
export function canonicalEnum(value: string, known: ReadonlySet<string> | readonly string[]): string | null {
  const upper = value.toUpperCase();
  if (upper === value) return null;
  const has = 'has' in known ? known.has(upper) : known.includes(upper);
  return has ? upper : null;
}

/** Names for a start time that are not OCPI's, seen in real payloads (MongoDB seeds, other schemas). */
export const START_ALIASES: readonly string[] = [
  'startDateTime',
  'start_time',
  'startTime',
  'started_at',
  'startedAt',
];

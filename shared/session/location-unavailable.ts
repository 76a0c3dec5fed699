/**
 * An OCPI 2.2+ session names its Location only by id; when that Location could not be had, the session
 * still shows, with this finding (a warning in Checks) and a reader warning at `location_id`. Built here
 * so a fetch and a reopened bundle say it the same way.
 */
import type { Check, ReaderWarning } from './types';

export function locationUnavailable(
  message: string,
  path = 'data.location_id',
): { warning: ReaderWarning; check: Check } {
  return {
    warning: { path, message },
    check: { code: 'LOCATION_UNAVAILABLE', severity: 'warning', message },
  };
}

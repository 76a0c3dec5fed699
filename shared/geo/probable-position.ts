/**
 * Swapped coordinates: a site whose (latitude, longitude) lies outside its country while (longitude,
 * latitude) lies inside was sent the wrong way round. The COORDINATES_SUSPECT check and the map's
 * "probable position" marker both ask here.
 */
import type { Coordinates, NormalizedSession } from '../session/types';
import { countryContains } from './country-lookup';

/** The country the site's coordinates are checked against: the Location's, else the session's party. */
export function siteCountry(s: NormalizedSession): string | null {
  const loc = s.location;
  return loc?.country ?? loc?.countryCode ?? s.ids.countryCode;
}

/** The site's position swapped back, when the swap is what puts it inside its country; else null. */
export function swappedBackPosition(s: NormalizedSession): Coordinates | null {
  const c = s.location?.coordinates;
  const country = siteCountry(s);
  if (!c || !country) return null;
  if (countryContains(country, c.latitude, c.longitude) !== false) return null;
  if (countryContains(country, c.longitude, c.latitude) !== true) return null;
  return { latitude: c.longitude, longitude: c.latitude };
}

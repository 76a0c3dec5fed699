/** Which points go on the map: the site, plus each EVSE whose own coordinates differ from it. */
import type { Check, Coordinates, NormalizedSession } from '../../../../shared/session/types';

export interface MapPoint {
  kind: 'location' | 'evse';
  coordinates: Coordinates;
  title: string;
  lines: string[];
  used: boolean;
}

export function validCoordinates(c: Coordinates | null): c is Coordinates {
  return (
    c !== null &&
    Number.isFinite(c.latitude) &&
    Number.isFinite(c.longitude) &&
    Math.abs(c.latitude) <= 90 &&
    Math.abs(c.longitude) <= 180
  );
}

/** ~1 m: closer EVSE coordinates are the site's own and would hide its marker. */
const SAME_POINT_DEGREES = 1e-5;

export function mapPoints(s: NormalizedSession): MapPoint[] {
  const site = s.location;
  const points: MapPoint[] = [];
  const siteCoords = site?.coordinates ?? null;
  if (site && validCoordinates(siteCoords)) {
    points.push({
      kind: 'location',
      coordinates: siteCoords,
      title: site.name ?? site.id ?? 'Location',
      lines: [
        [site.address, site.postalCode, site.city].filter(Boolean).join(', '),
        `${siteCoords.latitude}, ${siteCoords.longitude}`,
        site.operatorName ? `Operator: ${site.operatorName}` : '',
      ].filter(Boolean),
      used: false,
    });
  }
  for (const evse of site?.evses ?? []) {
    const c = evse.coordinates;
    if (!validCoordinates(c)) continue;
    if (
      validCoordinates(siteCoords) &&
      Math.abs(c.latitude - siteCoords.latitude) < SAME_POINT_DEGREES &&
      Math.abs(c.longitude - siteCoords.longitude) < SAME_POINT_DEGREES
    )
      continue;
    points.push({
      kind: 'evse',
      coordinates: c,
      title: `EVSE ${evse.evseId ?? evse.uid ?? ''}`.trim(),
      lines: [`Status: ${evse.status ?? 'unknown'}`, `${c.latitude}, ${c.longitude}`],
      used: s.evse !== null && evse.uid === s.evse.uid,
    });
  }
  return points;
}

export function coordinateChecks(checks: Check[]): Check[] {
  return checks.filter((c) => c.code === 'INVALID_COORDINATES' || c.code === 'COORDINATES_SUSPECT');
}

/**
 * Which points go on a map: the site, each EVSE whose own coordinates differ from it, and, when the
 * site's latitude and longitude look swapped, its probable position (swapped back).
 */
import type { Check, Coordinates, NormalizedSession } from '../session/types';
import { swappedBackPosition } from '../geo/probable-position';
import { visibleText } from './visible-text';

export type MapPointKind = 'location' | 'evse-used' | 'evse' | 'probable';

export interface MapPoint {
  kind: MapPointKind;
  coordinates: Coordinates;
  title: string;
  lines: string[];
}

/** The legend a map shows for the kinds of point it draws, in drawing order. */
export const MAP_LEGEND: Record<MapPointKind, string> = {
  location: 'Site (as sent)',
  'evse-used': 'EVSE used',
  evse: 'Other EVSE',
  probable: 'Probable site position (latitude and longitude swapped)',
};

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

const position = (c: Coordinates): string => `${c.latitude}, ${c.longitude}`;

export function mapPoints(s: NormalizedSession): MapPoint[] {
  const site = s.location;
  const points: MapPoint[] = [];
  const siteCoords = site?.coordinates ?? null;
  if (site && validCoordinates(siteCoords)) {
    points.push({
      kind: 'location',
      coordinates: siteCoords,
      title: visibleText(site.name ?? site.id ?? 'Location'),
      lines: [
        [site.address, site.postalCode, site.city].filter(Boolean).join(', '),
        position(siteCoords),
        site.operatorName ? `Operator: ${site.operatorName}` : '',
      ]
        .filter(Boolean)
        .map(visibleText),
    });
    const probable = swappedBackPosition(s);
    if (probable)
      points.push({
        kind: 'probable',
        coordinates: probable,
        title: 'Probable position',
        lines: [`${position(probable)}: the site's coordinates read the other way round`],
      });
  }
  (site?.evses ?? []).forEach((evse, i) => {
    const c = evse.coordinates;
    if (!validCoordinates(c)) return;
    if (
      validCoordinates(siteCoords) &&
      Math.abs(c.latitude - siteCoords.latitude) < SAME_POINT_DEGREES &&
      Math.abs(c.longitude - siteCoords.longitude) < SAME_POINT_DEGREES
    )
      return;
    points.push({
      kind: s.evseMatch?.evseIndex === i ? 'evse-used' : 'evse',
      coordinates: c,
      title: visibleText(`EVSE ${evse.evseId ?? evse.uid ?? ''}`.trim()),
      lines: [`Status: ${evse.status ?? 'unknown'}`, position(c)].map(visibleText),
    });
  });
  return points;
}

/** The checks about coordinates: the map lists them, and each can be shown on the map. */
export function isCoordinateCheck(c: Check): boolean {
  return c.code === 'INVALID_COORDINATES' || c.code === 'COORDINATES_SUSPECT';
}

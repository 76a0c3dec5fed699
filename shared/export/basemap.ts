/**
 * The basemap the HTML report draws its mini map on: Natural Earth 1:50m country outlines (world-atlas, the
 * same data the in-app map uses offline), flattened to rings of lon/lat pairs with their bounding boxes so a
 * report can keep only the outlines near the site.
 */
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { unwrapRing } from '../geo/unwrap-antimeridian';

export interface BasemapRing {
  /** lon, lat, lon, lat, …; continuous, so a ring crossing the antimeridian runs past ±180. */
  coords: Float64Array;
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

export interface Basemap {
  rings: BasemapRing[];
}

export function basemapFromTopology(topology: Topology): Basemap {
  const countries = feature(topology, topology.objects.countries as GeometryCollection);
  const rings: BasemapRing[] = [];
  for (const country of countries.features) {
    const g = country.geometry;
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
    for (const polygon of polygons) for (const ring of polygon) rings.push(toRing(ring));
  }
  return { rings };
}

function toRing(points: number[][]): BasemapRing {
  // Continuous across the antimeridian (past ±180), so no line is drawn across the map.
  const ring = unwrapRing(points);
  const coords = new Float64Array(ring.length * 2);
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  ring.forEach(([lon, lat], i) => {
    coords[2 * i] = lon;
    coords[2 * i + 1] = lat;
    minLon = Math.min(minLon, lon);
    maxLon = Math.max(maxLon, lon);
    minLat = Math.min(minLat, lat);
    maxLat = Math.max(maxLat, lat);
  });
  return { coords, minLon, minLat, maxLon, maxLat };
}

let cached: Promise<Basemap> | undefined;

/** Loads (once) the bundled basemap; bundlers inline the JSON, so this works offline and packaged. */
export function loadBasemap(): Promise<Basemap> {
  cached ??= import('world-atlas/countries-50m.json').then((m) =>
    basemapFromTopology(m.default as unknown as Topology),
  );
  return cached;
}

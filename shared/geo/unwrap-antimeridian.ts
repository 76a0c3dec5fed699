/**
 * Natural Earth rings that cross the antimeridian jump from +180 to −180 between two points; Leaflet
 * would draw that jump as a line across the whole map. Shifting longitudes by ±360 where a ring jumps
 * keeps each ring continuous (it then extends past ±180, which Leaflet and the report's SVG map draw correctly).
 */
type Position = number[];

export function unwrapRing(ring: Position[]): Position[] {
  const out: Position[] = [];
  let offset = 0;
  for (let i = 0; i < ring.length; i++) {
    const [lon, lat] = ring[i];
    if (i > 0) {
      const step = lon - ring[i - 1][0];
      if (step > 180) offset -= 360;
      else if (step < -180) offset += 360;
    }
    out.push([lon + offset, lat]);
  }
  return out;
}

export function unwrapGeometry(geometry: GeoJSON.Geometry | null): GeoJSON.Geometry | null {
  if (!geometry) return geometry;
  if (geometry.type === 'Polygon') return { ...geometry, coordinates: geometry.coordinates.map(unwrapRing) };
  if (geometry.type === 'MultiPolygon') {
    return { ...geometry, coordinates: geometry.coordinates.map((polygon) => polygon.map(unwrapRing)) };
  }
  return geometry;
}

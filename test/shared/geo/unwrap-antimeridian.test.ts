import { describe, expect, it } from 'vitest';
import { unwrapGeometry, unwrapRing } from '../../../shared/geo/unwrap-antimeridian';

describe('unwrapRing', () => {
  it('keeps a ring that crosses the antimeridian continuous', () => {
    const ring = [
      [179, 65],
      [-179, 65],
      [-179, 66],
      [179, 66],
      [179, 65],
    ];
    expect(unwrapRing(ring)).toEqual([
      [179, 65],
      [181, 65],
      [181, 66],
      [179, 66],
      [179, 65],
    ]);
  });

  it('leaves ordinary rings alone', () => {
    const ring = [
      [3, 50],
      [4, 50],
      [4, 51],
      [3, 50],
    ];
    expect(unwrapRing(ring)).toEqual(ring);
  });
});

describe('unwrapGeometry', () => {
  it('unwraps every ring of a MultiPolygon and passes other geometries through', () => {
    const multi: GeoJSON.MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [-179.5, 10],
            [179.5, 10],
            [179.5, 11],
            [-179.5, 10],
          ],
        ],
      ],
    };
    const out = unwrapGeometry(multi) as GeoJSON.MultiPolygon;
    expect(out.coordinates[0][0].map((p) => p[0])).toEqual([-179.5, -180.5, -180.5, -179.5]);
    const point: GeoJSON.Point = { type: 'Point', coordinates: [1, 2] };
    expect(unwrapGeometry(point)).toBe(point);
    expect(unwrapGeometry(null)).toBeNull();
  });
});

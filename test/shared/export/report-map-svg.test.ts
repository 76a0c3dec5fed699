// @vitest-environment jsdom
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { basemapFromTopology, loadBasemap } from '../../../shared/export/basemap';
import { mapSvg } from '../../../shared/export/report-map-svg';
import type { MapPoint } from '../../../shared/present/map-points';

const site = (latitude: number, longitude: number): MapPoint[] => [
  { kind: 'location', coordinates: { latitude, longitude }, title: 'site', lines: [] },
];

/** Every point of every land path, in SVG pixels. */
function points(svg: string): [number, number][][] {
  const doc = new DOMParser().parseFromString(`<body>${svg}</body>`, 'text/html');
  return Array.from(doc.querySelectorAll('.land path')).map((p) =>
    Array.from((p.getAttribute('d') ?? '').matchAll(/[ML](-?[\d.]+) (-?[\d.]+)/g), (m) => [
      Number(m[1]),
      Number(m[2]),
    ]),
  );
}

/** A one-polygon topology (no arc quantization), for exact coordinates. */
const square = (ring: [number, number][]): Topology =>
  ({
    type: 'Topology',
    arcs: [ring],
    objects: { countries: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', arcs: [[0]] }] } },
  }) as unknown as Topology;

describe('the report mini map', () => {
  it('draws only the outlines around the site, with the site at the centre', async () => {
    const basemap = await loadBasemap();
    const svg = mapSvg(site(51.05, 3.73), basemap, 'Gent');
    const rings = points(svg);
    expect(rings.length).toBeGreaterThan(0);
    expect(rings.length).toBeLessThan(basemap.rings.length / 10);
    expect(svg).toContain('cx="240.0" cy="160.0"');
    expect(svg.length).toBeLessThan(200_000);
  });

  it('draws a ring that crosses the antimeridian without a line across the map', () => {
    const basemap = basemapFromTopology(
      square([
        [178, -17],
        [-178, -17],
        [-178, -19],
        [178, -19],
        [178, -17],
      ]),
    );
    expect(basemap.rings[0]).toMatchObject({ minLon: 178, maxLon: 182 });
    for (const longitude of [179, -179]) {
      const [ring] = points(mapSvg(site(-18, longitude), basemap, 'Fiji'));
      const xs = ring.map(([x]) => x);
      expect(Math.max(...xs) - Math.min(...xs)).toBeLessThan(300);
    }
  });

  it('marks the probable position of swapped coordinates, with a legend', async () => {
    const basemap = await loadBasemap();
    const svg = mapSvg(
      [
        ...site(51.05, 3.73),
        {
          kind: 'probable',
          coordinates: { latitude: 51.2, longitude: 3.5 },
          title: 'p',
          lines: ['51.2, 3.5: x'],
        },
      ],
      basemap,
      'Gent',
    );
    expect(svg).toContain('class="probable"');
    expect(svg).toContain('Probable site position');
    expect(mapSvg(site(51.05, 3.73), basemap, 'Gent')).not.toContain('probable');
  });

  it('says so when there are no usable coordinates', () => {
    expect(mapSvg([], { rings: [] }, 'x')).toContain('No map');
    expect(mapSvg(site(NaN, 3), { rings: [] }, 'x')).toContain('No map');
  });
});

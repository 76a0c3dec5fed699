/**
 * The report's mini map: the site's surroundings (a few hundred kilometres) drawn from the bundled basemap
 * as inline SVG, with the site marked. Equirectangular, scaled by cos(latitude) so shapes look right at the
 * site; outlines far from the window are left out so the SVG stays a few kilobytes.
 */
import { MAP_LEGEND, type MapPoint, validCoordinates } from '../present/map-points';
import type { Basemap } from './basemap';
import { escapeHtml } from './html-escape';

const WIDTH = 480;
const HEIGHT = 320;
/** Half the window's height in degrees of latitude: about 330 km each way. */
const HALF_LAT = 3;

/** The site (and its probable position, when its coordinates look swapped) from the presenter's map points. */
export function mapSvg(points: MapPoint[], basemap: Basemap, label: string): string {
  const sitePoint = points.find((p) => p.kind === 'location');
  if (!sitePoint || !validCoordinates(sitePoint.coordinates))
    return `<p class="muted">No map: the location has no usable coordinates.</p>`;
  const site = sitePoint.coordinates;
  const probable = points.find((p) => p.kind === 'probable');
  const lat0 = Math.max(-85, Math.min(85, site.latitude));
  const lon0 = site.longitude;
  const kx = Math.cos((lat0 * Math.PI) / 180);
  const scale = HEIGHT / (2 * HALF_LAT);
  const halfLon = WIDTH / 2 / (scale * kx);
  const px = (lon: number): number => WIDTH / 2 + (lon - lon0) * kx * scale;
  const py = (lat: number): number => HEIGHT / 2 - (lat - lat0) * scale;
  // Rings are drawn whole: the SVG viewport clips them, so only rings touching the window are kept.
  const margin = 1;
  const paths: string[] = [];
  for (const ring of basemap.rings) {
    // A ring near the antimeridian may lie a turn of the globe away from the site's longitude.
    for (const shift of [-360, 0, 360]) {
      if (
        ring.maxLon + shift < lon0 - halfLon - margin ||
        ring.minLon + shift > lon0 + halfLon + margin ||
        ring.maxLat < lat0 - HALF_LAT - margin ||
        ring.minLat > lat0 + HALF_LAT + margin
      )
        continue;
      let d = '';
      for (let i = 0; i < ring.coords.length; i += 2)
        d += `${i === 0 ? 'M' : 'L'}${px(ring.coords[i] + shift).toFixed(1)} ${py(ring.coords[i + 1]).toFixed(1)}`;
      paths.push(`<path d="${d}Z"/>`);
    }
  }
  const cx = px(site.longitude).toFixed(1);
  const cy = py(site.latitude).toFixed(1);
  // The swapped-back position is usually far away: shown only when it falls inside the window.
  const inWindow = (x: number, y: number): boolean => x >= 0 && x <= WIDTH && y >= 0 && y <= HEIGHT;
  const probableAt = probable
    ? { x: px(probable.coordinates.longitude), y: py(probable.coordinates.latitude) }
    : null;
  const drawn = probableAt !== null && inWindow(probableAt.x, probableAt.y);
  const probableMark = drawn
    ? `<circle cx="${probableAt.x.toFixed(1)}" cy="${probableAt.y.toFixed(1)}" r="5" class="probable"/>`
    : '';
  // The legend on a backing box, one line per kind; the probable position says where it is when off the map.
  const legend = probable
    ? `<rect x="4" y="4" width="${WIDTH - 8}" height="34" class="legend-box"/>
<text x="10" y="17" class="credit">● ${escapeHtml(MAP_LEGEND.location)}</text>
<text x="10" y="31" class="credit">○ ${escapeHtml(MAP_LEGEND.probable)}${drawn ? '' : `, off this map: ${escapeHtml(`${probable.coordinates.latitude}, ${probable.coordinates.longitude}`)}`}</text>`
    : '';
  return `<svg class="map" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-labelledby="map-title">
<title id="map-title">Map of the site: ${escapeHtml(label)} at ${site.latitude}, ${site.longitude}</title>
<rect width="${WIDTH}" height="${HEIGHT}" class="sea"/>
<g class="land">${paths.join('')}</g>
<circle cx="${cx}" cy="${cy}" r="9" class="halo"/><circle cx="${cx}" cy="${cy}" r="4.5" class="site"/>${probableMark}${legend}
<text x="6" y="${HEIGHT - 6}" class="credit">Natural Earth 1:50m · ±${HALF_LAT}° latitude</text>
</svg>`;
}

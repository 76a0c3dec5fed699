/** The Leaflet map; loaded lazily so Leaflet and the Natural Earth basemap stay out of the initial bundle. */
import { useEffect, useRef, useState } from 'react';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countriesText from 'world-atlas/countries-50m.json?raw';
import type { MapPoint } from '../../../../shared/present/map-points';
import { unwrapGeometry } from '../../../../shared/geo/unwrap-antimeridian';
import { useMapFocus } from './map-focus';
import { markerFor } from './markers';

let basemap: GeoJSON.FeatureCollection | null = null;

/** Country level: the zoom the offline basemap is useful at. */
const OFFLINE_ZOOM = 6;

/** Natural Earth 1:50m countries, parsed once per app run. */
function offlineBasemap(): GeoJSON.FeatureCollection {
  if (!basemap) {
    const topology = JSON.parse(countriesText) as Topology<{ countries: GeometryCollection }>;
    const countries = feature(topology, topology.objects.countries);
    basemap = {
      ...countries,
      features: countries.features.map((f) => ({
        ...f,
        geometry: unwrapGeometry(f.geometry) as GeoJSON.Geometry,
      })),
    };
  }
  return basemap;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Leaflet renders attributions as HTML, so only our own fixed text and an escaped host go in. */
function tileAttribution(tileUrl: string): string {
  if (/openstreetmap\.org/i.test(tileUrl)) {
    return '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors';
  }
  const host = tileUrl.replace(/^[a-z]+:\/\//i, '').split('/')[0];
  return `Tiles: ${escapeHtml(host)}`;
}

export default function MapView({
  points,
  tileUrl,
  dark,
}: {
  points: MapPoint[];
  tileUrl: string;
  dark: boolean;
}) {
  const host = useRef<HTMLDivElement>(null);
  const frame = useRef<(() => void) | null>(null);
  const [tilesFailed, setTilesFailed] = useState(false);
  const focus = useMapFocus((s) => s.nonce);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    setTilesFailed(false);
    const map = L.map(el, { worldCopyJump: true, zoomSnap: 0.5 });
    map.attributionControl.setPrefix(false);
    // Under the tiles: with no network the countries still show where the site is.
    map.createPane('basemap').style.zIndex = '150';
    L.geoJSON(offlineBasemap(), {
      pane: 'basemap',
      interactive: false,
      style: {
        color: dark ? '#5b6778' : '#9aa5b4',
        weight: 0.8,
        fillColor: dark ? '#2a313b' : '#eef0e6',
        fillOpacity: 1,
      },
      attribution: 'Basemap: Natural Earth',
    }).addTo(map);
    const tiles = L.tileLayer(tileUrl, { attribution: tileAttribution(tileUrl), maxZoom: 19 });
    let zoomedOut = false;
    tiles.on('tileerror', () => {
      setTilesFailed(true);
      // Street-level zoom on a bare basemap shows nothing; zoom out once so the borders place the site.
      if (!zoomedOut && map.getZoom() > OFFLINE_ZOOM) map.setZoom(OFFLINE_ZOOM);
      zoomedOut = true;
    });
    tiles.addTo(map);

    const latLngs: L.LatLngExpression[] = [];
    for (const point of points) {
      latLngs.push([point.coordinates.latitude, point.coordinates.longitude]);
      markerFor(point).addTo(map);
    }
    const fit = (): void => {
      if (latLngs.length > 1) map.fitBounds(L.latLngBounds(latLngs), { padding: [40, 40], maxZoom: 18 });
      else if (latLngs.length === 1) map.setView(latLngs[0], 16);
      else map.setView([20, 0], 2);
    };
    fit();
    frame.current = fit;
    const resize = new ResizeObserver(() => map.invalidateSize());
    resize.observe(el);
    return () => {
      frame.current = null;
      resize.disconnect();
      map.remove();
    };
  }, [points, tileUrl, dark]);

  // "Show on map" from a check: frame every point again, whatever the user panned to.
  useEffect(() => {
    if (focus > 0) frame.current?.();
  }, [focus]);

  return (
    <>
      <div ref={host} className="map-view" data-testid="map-view" />
      {points.length === 0 && (
        <p className="map-panel__notice" role="status">
          The session has no usable coordinates; showing the world.
        </p>
      )}
      {tilesFailed && (
        <p className="map-panel__notice map-panel__notice--tiles" role="status" data-testid="tiles-offline">
          Map tiles unreachable: showing the offline basemap.
        </p>
      )}
    </>
  );
}

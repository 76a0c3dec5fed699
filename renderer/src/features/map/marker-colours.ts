/** Marker fill per kind of map point: the markers and the legend use these (no Leaflet here, so the legend stays out of the map chunk). */
import type { MapPointKind } from '../../../../shared/present/map-points';

export const MARKER_COLOURS: Record<MapPointKind, string> = {
  location: '#d6336c',
  'evse-used': '#f08c00',
  evse: '#1c7ed6',
  probable: '#7048e8',
};

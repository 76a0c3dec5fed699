/**
 * The map's markers. Leaflet sets a string tooltip or popup as innerHTML, so every label here is a DOM
 * node whose text is set with textContent: a session string never becomes markup.
 */
import L from 'leaflet';
import type { MapPoint } from '../../../../shared/present/map-points';
import { MARKER_COLOURS } from './marker-colours';

/** A node holding `text` as text, never parsed. */
export function textNode(text: string, tag: 'div' | 'strong' | 'span' = 'span'): HTMLElement {
  const el = document.createElement(tag);
  el.textContent = text;
  return el;
}

function popupContent(point: MapPoint): HTMLElement {
  const box = document.createElement('div');
  box.append(textNode(point.title, 'strong'));
  for (const line of point.lines) box.append(textNode(line, 'div'));
  return box;
}

export function markerFor(point: MapPoint): L.CircleMarker {
  const probable = point.kind === 'probable';
  return L.circleMarker([point.coordinates.latitude, point.coordinates.longitude], {
    radius: point.kind === 'location' || probable ? 9 : 6,
    color: probable ? MARKER_COLOURS.probable : '#ffffff',
    weight: 2,
    dashArray: probable ? '4 3' : undefined,
    fillColor: MARKER_COLOURS[point.kind],
    fillOpacity: probable ? 0.25 : 1,
  })
    .bindPopup(popupContent(point))
    .bindTooltip(textNode(point.title));
}

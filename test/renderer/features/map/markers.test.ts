// @vitest-environment jsdom
/**
 * Issue 9, item 1: Leaflet sets a string tooltip or popup as innerHTML. Every marker label must be a text
 * node: open every tooltip and popup of a hostile session and no element may come from the data.
 */
import L from 'leaflet';
import { afterEach, describe, expect, it } from 'vitest';
import { mapPoints } from '../../../../shared/present/map-points';
import { markerFor } from '../../../../renderer/src/features/map/markers';
import { loadedFrom } from '../../fixtures';

const HOSTILE = '<img src=x onerror="window.__pwned=1"><style>body{display:none}</style><b>fake</b>';

const session = {
  id: 's1',
  start_date_time: '2024-05-01T10:00:00Z',
  kwh: 1,
  status: 'COMPLETED',
  evse_uid: HOSTILE,
  location: {
    id: 'L1',
    name: HOSTILE,
    address: HOSTILE,
    city: 'Gent',
    country: 'BEL',
    coordinates: { latitude: '51.05', longitude: '3.72' },
    operator: { name: HOSTILE },
    evses: [
      {
        uid: HOSTILE,
        evse_id: HOSTILE,
        status: HOSTILE,
        coordinates: { latitude: '51.06', longitude: '3.73' },
        connectors: [],
      },
    ],
  },
};

let map: L.Map | null = null;
afterEach(() => {
  map?.remove();
  map = null;
  document.body.replaceChildren();
});

describe('map markers', () => {
  it('open every tooltip and popup of a hostile session as text, creating no element from the data', () => {
    const host = document.createElement('div');
    host.style.width = '400px';
    host.style.height = '300px';
    document.body.append(host);
    map = L.map(host).setView([51.05, 3.72], 14);
    const points = mapPoints(loadedFrom(session).session);
    expect(points.length).toBe(2);
    for (const point of points) {
      const marker = markerFor(point).addTo(map);
      marker.openTooltip();
      expect(marker.getTooltip()?.getElement()?.textContent).toContain('<img src=x');
      marker.openPopup();
      expect(marker.getPopup()?.getElement()?.textContent).toContain('<img src=x');
    }
    expect(document.querySelectorAll('img, style, b').length).toBe(0);
    expect(document.querySelectorAll('[onerror]').length).toBe(0);
    expect(document.body.textContent).toContain('<style>');
  });
});

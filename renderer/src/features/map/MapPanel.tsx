import { lazy, Suspense, useMemo } from 'react';
import type { LoadedSession } from '../../../../shared/domain/loaded-session';
import { MAP_LEGEND, type MapPointKind } from '../../../../shared/present/map-points';
import { presentSession } from '../../../../shared/present/present-session';
import { useAppStore } from '../../store/app-store';
import { useDarkScheme } from '../../app/use-dark-scheme';
import { MARKER_COLOURS } from './marker-colours';
import './map.css';

const MapView = lazy(() => import('./MapView'));

export function MapPanel({ loaded }: { loaded: LoadedSession }) {
  const tileUrl = useAppStore((s) => s.settings.tileUrl);
  const dark = useDarkScheme();
  const p = useMemo(() => presentSession(loaded), [loaded]);
  const warnings = p.checks.filter((c) => c.onMap);
  const kinds = [...new Set(p.map.map((point) => point.kind))] as MapPointKind[];
  return (
    <section className="panel map-panel" aria-label="Map" data-testid="map-panel">
      <div className="map-panel__frame">
        <Suspense fallback={<div className="map-panel__loading">Loading map…</div>}>
          <MapView points={p.map} tileUrl={tileUrl} dark={dark} />
        </Suspense>
        {kinds.length > 0 && (
          <ul className="map-panel__legend" aria-label="Marker colours" data-testid="map-legend">
            {kinds.map((kind) => (
              <li key={kind}>
                <span
                  className={`map-panel__swatch map-panel__swatch--${kind}`}
                  style={{ background: MARKER_COLOURS[kind] }}
                  aria-hidden="true"
                />
                {MAP_LEGEND[kind]}
              </li>
            ))}
          </ul>
        )}
        {warnings.length > 0 && (
          <ul className="map-panel__warnings" aria-label="Coordinate warnings" data-testid="map-warnings">
            {warnings.map((c, i) => (
              <li key={i} className={`check--${c.severity}`}>
                <strong>{c.code}</strong> {c.message}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

import { lazy, Suspense } from 'react';
import type { LoadedSession } from '../../../../shared/domain/loaded-session';
import { useAppStore } from '../../store/app-store';
import { useDarkScheme } from '../../app/use-dark-scheme';
import { coordinateChecks } from './map-points';
import './map.css';

const MapView = lazy(() => import('./MapView'));

export function MapPanel({ loaded }: { loaded: LoadedSession }) {
  const tileUrl = useAppStore((s) => s.settings.tileUrl);
  const dark = useDarkScheme();
  const warnings = coordinateChecks(loaded.checks);
  return (
    <section className="panel map-panel" aria-label="Map" data-testid="map-panel">
      <div className="map-panel__frame">
        <Suspense fallback={<div className="map-panel__loading">Loading map…</div>}>
          <MapView session={loaded.session} tileUrl={tileUrl} dark={dark} />
        </Suspense>
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

import { lazy, Suspense } from 'react';
import type { LoadedSession } from '../../../../shared/domain/loaded-session';
import { useAppStore } from '../../store/app-store';
import { resolveZone } from '../details/format';
import { useDarkScheme } from '../../app/use-dark-scheme';
import { PeriodTableView } from './PeriodTableView';
import './timeline.css';

const TimelineChart = lazy(() => import('./TimelineChart'));

export function TimelinePanel({ loaded }: { loaded: LoadedSession }) {
  const periods = loaded.session.periods;
  const display = useAppStore((s) => s.settings.timeZone);
  const focus = useAppStore((s) => s.timelineFocus);
  const dark = useDarkScheme();
  const zone = resolveZone(display, loaded.session.location?.timeZone ?? null);
  if (periods.count === 0) {
    return (
      <section className="panel timeline" aria-label="Timeline" data-testid="timeline-panel">
        <p className="muted">This session has no charging periods to chart.</p>
      </section>
    );
  }
  return (
    <section className="panel timeline" aria-label="Timeline" data-testid="timeline-panel">
      <p className="timeline__hint muted">
        Drag to zoom · double-click to reset · shaded: parking · times in {zone.label}
        {zone.note && ` (${zone.note})`}
      </p>
      <Suspense fallback={<div className="timeline-chart timeline-chart--loading">Loading chart…</div>}>
        <TimelineChart periods={periods} zone={zone.zone} focus={focus} dark={dark} />
      </Suspense>
      <PeriodTableView periods={periods} zone={zone.zone} />
    </section>
  );
}

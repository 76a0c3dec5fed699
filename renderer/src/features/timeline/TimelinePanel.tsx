import { lazy, Suspense, useMemo } from 'react';
import { timelineCost } from '../../../../shared/billing/timeline-cost';
import type { LoadedSession } from '../../../../shared/domain/loaded-session';
import { useAppStore } from '../../store/app-store';
import { resolveZone } from '../../format/format';
import { useDarkScheme } from '../../app/use-dark-scheme';
import { PeriodTableView } from './PeriodTableView';
import './timeline.css';

type ChartComponent = (typeof import('./TimelineChart'))['default'];
let loadedChart: ChartComponent | null = null;

/** The chart's code (uPlot included); App fetches it while idle so the first session paints sooner. */
export const loadTimelineChart = () =>
  import('./TimelineChart').then((module) => {
    loadedChart = module.default;
    return module;
  });
const LazyChart = lazy(loadTimelineChart);

export function TimelinePanel({ loaded }: { loaded: LoadedSession }) {
  const periods = loaded.session.periods;
  const display = useAppStore((s) => s.settings.timeZone);
  const focus = useAppStore((s) => s.timelineFocus);
  const dark = useDarkScheme();
  const zone = resolveZone(display, loaded.session.location?.timeZone ?? null);
  // Priced again here by the one engine, per period (the attachment carries totals only).
  const cost = useMemo(
    () => (loaded.billing ? timelineCost(loaded.session, loaded.billing) : null),
    [loaded.session, loaded.billing],
  );
  // Once the code is here, render it directly: even an already-loaded lazy() suspends once, and React
  // holds a Suspense reveal back for up to 300 ms.
  const Chart = loadedChart ?? LazyChart;
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
        Drag to zoom · double-click to reset · keys on the chart: + − zoom, ← → pan, 0 reset · shaded: parking
        {cost && ' · bands: tariff elements'} · times in {zone.label}
        {zone.note && ` (${zone.note})`}
      </p>
      <Suspense fallback={<div className="timeline-chart timeline-chart--loading">Loading chart…</div>}>
        <Chart
          session={loaded.session}
          zone={zone.zone}
          zoneLabel={zone.label}
          focus={focus}
          dark={dark}
          cost={cost}
        />
      </Suspense>
      {cost && (
        <p className="timeline__hint muted" data-testid="timeline-cost-rule">
          {cost.label}: {cost.rule}
        </p>
      )}
      <PeriodTableView periods={periods} zone={zone.zone} />
    </section>
  );
}

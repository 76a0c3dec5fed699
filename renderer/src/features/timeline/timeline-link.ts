/**
 * What the chart shares with the rest of the UI without living in React state: the hovered period (for
 * the table), the first period in view (to scroll the table), and the chart's view (zoom and hidden
 * series) so that coming back to the tab, and the PNG export from any tab, show what was last on screen.
 */
import { create } from 'zustand';
import type { PeriodTable } from '../../../../shared/session/types';

export interface ChartView {
  /** The periods this view is about: a view of another session does not apply. */
  periods: PeriodTable;
  /** x range in seconds, or null for the whole session. */
  range: [number, number] | null;
  /** Labels of the series switched off in the legend. */
  hidden: string[];
}

export interface TimelineLink {
  /** Period index under the chart cursor. */
  hovered: number | null;
  /** Period index under the pointer in the table: the chart moves its cursor there. */
  pointed: number | null;
  /** First period index in the zoomed range, bumped on every zoom. */
  firstInView: { index: number; nonce: number } | null;
  view: ChartView | null;
}

export const useTimelineLink = create<TimelineLink>()(() => ({
  hovered: null,
  pointed: null,
  firstInView: null,
  view: null,
}));

/** The last view of these periods, or the default one (whole session, per-period energy off). */
export function viewFor(periods: PeriodTable): ChartView {
  const view = useTimelineLink.getState().view;
  return view && view.periods === periods ? view : { periods, range: null, hidden: ['Energy (period)'] };
}

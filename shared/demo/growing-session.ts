/**
 * One ACTIVE session that grows: the n-th version has `GROWING_BASE_PERIODS + n` charging periods, the kWh
 * they sum to and a `last_updated` 30 s later per period. Deterministic (derived from the step, not the
 * clock), so live-follow tests can say exactly what a tick must show. Served by the local OCPI server's
 * `growing-session` scenario (shared/demo/ocpi-cpo.ts), one step per sessions request.
 */
import { generateSession, type GeneratedShape } from './generate-session';

export const GROWING_SESSION_ID = 'GROW-1';
export const GROWING_BASE_PERIODS = 4;
/** Periods of the generated curve before its parking tail: the most a growing session reaches. */
const CHARGING_PERIODS = 1800;
const PERIOD_MS = 30_000;

type Row = Record<string, unknown>;

const energyOf = (period: unknown): number => {
  const dims = (period as { dimensions?: { type?: unknown; volume?: unknown }[] }).dimensions ?? [];
  return dims.reduce(
    (sum, d) => sum + (d.type === 'ENERGY' && typeof d.volume === 'number' ? d.volume : 0),
    0,
  );
};

/** The session at each step, for one OCPI shape, starting at `startedAt` (epoch ms). */
export function growingSession(
  shape: Exclude<GeneratedShape, 'vendor'>,
  startedAt: number,
): (step: number) => Row {
  const full = generateSession({
    // 2,000 periods: the curve charges for 1,800 of them, so every prefix used here is charging.
    periods: CHARGING_PERIODS / 0.9,
    shape,
    id: GROWING_SESSION_ID,
    seed: 4242,
    startedAt: new Date(startedAt).toISOString(),
  }).body.data as Row;
  const periods = full.charging_periods as unknown[];
  const { end_date_time: _e, end_datetime: _e1, total_cost: _c, ...rest } = full;
  return (step) => {
    const n = Math.min(CHARGING_PERIODS, GROWING_BASE_PERIODS + Math.max(0, Math.floor(step)));
    const shown = periods.slice(0, n);
    const kwh = Number(shown.reduce((sum: number, p) => sum + energyOf(p), 0).toFixed(3));
    return {
      ...rest,
      status: 'ACTIVE',
      kwh,
      charging_periods: shown,
      last_updated: new Date(startedAt + n * PERIOD_MS + 1000).toISOString(),
    };
  };
}

/**
 * Many sessions for listing: the local OCPI server's Sender interface, the Demo CPO and the list benchmark.
 * Built from the same generator as single sessions, spread over time (one every `spacingMinutes`), a few
 * ACTIVE ones and a few with a kWh that disagrees with the periods, so the search table has findings.
 */
import { generateSession, type GeneratedShape } from './generate-session';

export interface DatasetOptions {
  count: number;
  shape: Exclude<GeneratedShape, 'vendor'>;
  /** ISO start of the first session; default 2024-05-01T00:00:00Z. */
  startAt?: string;
  spacingMinutes?: number;
}

export const DATASET_START = '2024-05-01T00:00:00Z';
export const DEFAULT_SPACING_MINUTES = 4;

/** `S000001`, `S000002`, …: the id of the n-th (0-based) listed session. */
export const datasetSessionId = (index: number): string => `S${String(index + 1).padStart(6, '0')}`;

/** The bare OCPI Session objects, in last_updated order. */
export function sessionDataset(opts: DatasetOptions): Record<string, unknown>[] {
  const start = Date.parse(opts.startAt ?? DATASET_START);
  const spacing = (opts.spacingMinutes ?? DEFAULT_SPACING_MINUTES) * 60_000;
  const out: Record<string, unknown>[] = new Array(opts.count);
  for (let i = 0; i < opts.count; i++) {
    const id = datasetSessionId(i);
    const g = generateSession({
      periods: 6 + (i % 7),
      shape: opts.shape,
      id,
      seed: i + 1,
      startedAt: new Date(start + i * spacing).toISOString(),
    });
    const data = g.body.data as Record<string, unknown>;
    if (i % 20 === 7) {
      data.status = 'ACTIVE';
      delete data[opts.shape === 'ocpi-2.1.1' ? 'end_datetime' : 'end_date_time'];
    }
    if (i % 37 === 5) data.kwh = Number(((data.kwh as number) * 1.5).toFixed(3));
    out[i] = data;
  }
  return out;
}

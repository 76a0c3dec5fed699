/**
 * What the chart shares with the rest of the UI without living in React state: the hovered period (for
 * the table), the first period in view (to scroll the table), and a way to get the chart as a PNG.
 */
import { create } from 'zustand';

export interface TimelineLink {
  /** Period index under the chart cursor. */
  hovered: number | null;
  /** Period index under the pointer in the table: the chart moves its cursor there. */
  pointed: number | null;
  /** First period index in the zoomed range, bumped on every zoom. */
  firstInView: { index: number; nonce: number } | null;
}

export const useTimelineLink = create<TimelineLink>()(() => ({
  hovered: null,
  pointed: null,
  firstInView: null,
}));

let pngSource: (() => Promise<Uint8Array | null>) | null = null;

export function registerChartPng(source: (() => Promise<Uint8Array | null>) | null): void {
  pngSource = source;
}

/** The chart as PNG bytes, or null when no chart is on screen. */
export async function chartPng(): Promise<Uint8Array | null> {
  return pngSource ? pngSource() : null;
}

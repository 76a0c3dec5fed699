/**
 * Where to look for one session on a Sender, which can only list by `last_updated`: first 24 h around the
 * time hint (or the last 24 h), then wider ×2 each time up to 31 days, listing only the part not yet searched.
 */

export interface TimeWindow {
  /** Epoch ms, inclusive (`date_from`). */
  from: number;
  /** Epoch ms, exclusive (`date_to`). */
  to: number;
}

const HOUR = 3_600_000;
export const FIRST_WINDOW_MS = 24 * HOUR;
export const MAX_WINDOW_MS = 31 * 24 * HOUR;

/**
 * The successively wider windows: centred on `hint`, or ending at `now` when there is none (last_updated is
 * never in the future, so there the window grows backwards only).
 */
export function widenedWindows(hint: number | null, now: number): TimeWindow[] {
  const out: TimeWindow[] = [];
  for (let span = FIRST_WINDOW_MS; ; span *= 2) {
    const width = Math.min(span, MAX_WINDOW_MS);
    out.push(
      hint === null ? { from: now - width, to: now } : { from: hint - width / 2, to: hint + width / 2 },
    );
    if (width === MAX_WINDOW_MS) return out;
  }
}

/**
 * The parts of `wider` outside `inner`, each non-empty: the later part first, since a session's last_updated
 * is at or after its start (the usual hint).
 */
export function newSlices(inner: TimeWindow, wider: TimeWindow): TimeWindow[] {
  const out: TimeWindow[] = [];
  if (wider.to > inner.to) out.push({ from: inner.to, to: wider.to });
  if (wider.from < inner.from) out.push({ from: wider.from, to: inner.from });
  return out;
}

/** Every slice to list, in order: the first window, then each widening's new parts. */
export function searchSlices(hint: number | null, now: number): TimeWindow[] {
  const windows = widenedWindows(hint, now);
  const slices = [windows[0]];
  for (let i = 1; i < windows.length; i++) slices.push(...newSlices(windows[i - 1], windows[i]));
  return slices;
}

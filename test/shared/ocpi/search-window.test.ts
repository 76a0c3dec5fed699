import { describe, expect, it } from 'vitest';
import { MAX_WINDOW_MS, newSlices, searchSlices, widenedWindows } from '../../../shared/ocpi/search-window';

const H = 3_600_000;

describe('search window', () => {
  it('starts with 24 h around the hint and doubles up to 31 days', () => {
    const hint = Date.parse('2024-10-05T18:00:00Z');
    const w = widenedWindows(hint, hint + 100 * 24 * H);
    expect(w.map((x) => (x.to - x.from) / H)).toEqual([24, 48, 96, 192, 384, 744]);
    expect(w[0]).toEqual({ from: hint - 12 * H, to: hint + 12 * H });
    expect(w.at(-1)!.to - w.at(-1)!.from).toBe(MAX_WINDOW_MS);
  });

  it('without a hint looks back from now', () => {
    const now = Date.parse('2024-10-05T18:00:00Z');
    expect(widenedWindows(null, now)[1]).toEqual({ from: now - 48 * H, to: now });
  });

  it('lists each moment once: the slices tile the widest window without overlap', () => {
    const hint = Date.parse('2024-10-05T18:00:00Z');
    const slices = searchSlices(hint, hint);
    const sorted = [...slices].sort((a, b) => a.from - b.from);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i].from).toBe(sorted[i - 1].to);
    expect(sorted[0].from).toBe(hint - MAX_WINDOW_MS / 2);
    expect(sorted.at(-1)!.to).toBe(hint + MAX_WINDOW_MS / 2);
    expect(slices[1]).toEqual({ from: hint + 12 * H, to: hint + 24 * H });
    expect(newSlices({ from: 0, to: 10 }, { from: 0, to: 10 })).toEqual([]);
  });
});

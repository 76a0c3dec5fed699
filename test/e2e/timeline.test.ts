/**
 * The timeline says what the data says, checked on the chart's own scales and data (not on pixels): each
 * period is a flat step over [start, end), cumulative energy reaches a period's total at its end, the x
 * axis spans the whole session, a lone value shows, the keyboard zooms, pans and resets, the legend's
 * toggles are buttons, and the PNG export (from any tab) is more than the bare canvas.
 */
import { describe, expect, it } from 'vitest';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { LoadedSession } from '../../shared/domain/loaded-session';
import { decodeIpc } from '../../tools/web-harness/codec';
import type { Harness } from '../../tools/web-harness/harness';
import { screenshot, useE2E } from './harness/fixture';
import { chartState, openFileInUi, openTab, waitForTimelineChart } from './harness/ui';

const FIXTURES = join(new URL('.', import.meta.url).pathname, 'fixtures');
const e2e = useE2E();

function lastOpened(harness: Harness): LoadedSession {
  const record = harness.ipcLog.findLast((entry) => entry.channel === 'session:open-dialog');
  if (!record) throw new Error('no file was opened');
  const result = decodeIpc(record.resultText) as { ok: boolean; value: LoadedSession };
  if (!result.ok) throw new Error(`open failed: ${record.resultText.slice(0, 300)}`);
  return result.value;
}

/** The drawn value at time t: uPlot joins the points with straight lines, so interpolate as it does. */
function drawnAt(xs: (number | null)[], ys: (number | null)[], t: number): number | null {
  for (let i = 0; i + 1 < xs.length; i++) {
    const a = xs[i] as number;
    const b = xs[i + 1] as number;
    if (t > a && t < b) {
      const ya = ys[i];
      const yb = ys[i + 1];
      if (ya === null || yb === null) return null;
      return ya + ((yb - ya) * (t - a)) / (b - a);
    }
  }
  return null;
}

describe('the timeline', () => {
  it('draws steps over each period and spans the whole session, trailing parking included', async () => {
    const { page, errors } = await e2e.open();
    await openFileInUi(page, e2e.harness, join(FIXTURES, 'short-finished.json'));
    await waitForTimelineChart(page);
    const { session } = lastOpened(e2e.harness);
    const chart = await chartState(page);

    // The axis runs from the session's start to its end: 40 minutes after the last period's start.
    expect(chart.xMin).toBe(session.startedAt! / 1000);
    expect(chart.xMax).toBe(session.endedAt! / 1000);
    expect(chart.xMax - session.periods.start[2] / 1000).toBe(40 * 60);

    const [xs, power, cumulative] = chart.data;
    const p = session.periods;
    for (let i = 0; i < p.count; i++) {
      const start = p.start[i] / 1000;
      const end = p.end[i] / 1000;
      for (const f of [0.1, 0.5, 0.9]) {
        const t = start + (end - start) * f;
        // Power: the period's own value all the way across, not a slope towards the next one.
        const expected = Number.isNaN(p.powerKw[i]) ? null : p.powerKw[i];
        if (expected === null) expect(drawnAt(xs, power, t)).toBeNull();
        else expect(drawnAt(xs, power, t)).toBeCloseTo(expected, 9);
      }
      // Cumulative energy: the total before the period at its start, the total with it at its end.
      expect(drawnAt(xs, cumulative, end - 1e-6)).toBeCloseTo(p.cumulativeKwh[i], 5);
      expect(drawnAt(xs, cumulative, start + 1e-6)).toBeCloseTo(
        p.cumulativeKwh[i] - (p.energyKwh[i] || 0),
        5,
      );
    }
    // The 13 kWh of the 40-minute second period do not show at its start.
    expect(drawnAt(xs, cumulative, p.start[1] / 1000 + 1)).toBeLessThan(2);
    await screenshot(page, 'timeline-short-finished-light');
    expect(errors).toEqual([]);
  });

  it('shows a series with a single value', async () => {
    const { page } = await e2e.open();
    await openFileInUi(page, e2e.harness, join(FIXTURES, 'one-period.json'));
    await waitForTimelineChart(page);
    const chart = await chartState(page);
    const [xs, power] = chart.data;
    expect(chart.xMax - chart.xMin).toBe(3600);
    // 7.4 kWh over one hour: 7.4 kW held from the start to the end of the session.
    expect(drawnAt(xs, power, chart.xMin + 1800)).toBeCloseTo(7.4, 9);
    expect(chart.series.find((s) => s.label.startsWith('Power'))?.show).toBe(true);
  });

  it('zooms, pans and resets from the keyboard, and toggles series with legend buttons', async () => {
    const { page } = await e2e.open();
    await openFileInUi(page, e2e.harness, join(FIXTURES, 'short-finished.json'));
    await waitForTimelineChart(page);
    const full = await chartState(page);
    const width = full.xMax - full.xMin;

    await page.getByTestId('timeline-plot').focus();
    await page.keyboard.press('+');
    const zoomed = await chartState(page);
    expect(zoomed.xMax - zoomed.xMin).toBeCloseTo(width / 2, 6);
    expect((zoomed.xMin + zoomed.xMax) / 2).toBeCloseTo((full.xMin + full.xMax) / 2, 6);

    await page.keyboard.press('ArrowRight');
    const panned = await chartState(page);
    expect(panned.xMin - zoomed.xMin).toBeCloseTo(width / 8, 6);

    await page.keyboard.press('-');
    await page.keyboard.press('-');
    const out = await chartState(page);
    expect([out.xMin, out.xMax]).toEqual([full.xMin, full.xMax]);

    await page.keyboard.press('+');
    await page.keyboard.press('0');
    const reset = await chartState(page);
    expect([reset.xMin, reset.xMax]).toEqual([full.xMin, full.xMax]);

    const power = page.getByRole('button', { name: 'Power (kW)' });
    expect(await power.getAttribute('aria-pressed')).toBe('true');
    await power.focus();
    await page.keyboard.press('Enter');
    expect(await power.getAttribute('aria-pressed')).toBe('false');
    expect((await chartState(page)).series.find((s) => s.label === 'Power (kW)')?.show).toBe(false);
    // A series switched off has no line computed (nulls); switched on, its line is there at once.
    const values = (state: Awaited<ReturnType<typeof chartState>>, label: string) =>
      state.data[1 + state.series.findIndex((s) => s.label === label)].filter((v) => v !== null);
    expect(values(await chartState(page), 'Energy (period) (kWh)')).toEqual([]);
    await page.getByRole('button', { name: 'Energy (period) (kWh)' }).click();
    const shown = await chartState(page);
    expect(shown.series.find((s) => s.label === 'Energy (period) (kWh)')?.show).toBe(true);
    expect(values(shown, 'Energy (period) (kWh)').length).toBeGreaterThan(0);
    expect(values(shown, 'Power (kW)')).toEqual([]);
  });

  it('exports the chart as a PNG from another tab, with room for its title and legend, focus kept', async () => {
    const { harness } = e2e;
    const { page, errors } = await e2e.open();
    await openFileInUi(page, harness, join(FIXTURES, 'short-finished.json'));
    await openTab(page, 'Raw');
    const asked = harness.dialogs.asked.length;
    const exportButton = page.getByRole('button', { name: /^Export/ });
    await exportButton.click();
    await page.getByRole('menuitem', { name: 'Chart as PNG' }).click();
    await expect.poll(() => harness.dialogs.asked.length).toBeGreaterThan(asked);
    const question = harness.dialogs.asked[asked];
    if (question.kind !== 'save') throw new Error(`expected a Save dialog, got ${question.kind}`);
    const path = join(harness.exportDir, question.suggestedName);
    await expect
      .poll(() =>
        stat(path).then(
          (s) => s.size,
          () => 0,
        ),
      )
      .toBeGreaterThan(0);
    const png = await readFile(path);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    const widthPx = png.readUInt32BE(16);
    const heightPx = png.readUInt32BE(20);
    // 1200 × (64 title + 420 chart + 40 legend) CSS pixels at the page's pixel ratio.
    expect(heightPx / widthPx).toBeCloseTo(524 / 1200, 3);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''))
      .toMatch(/^Export/);
    expect(errors).toEqual([]);
  });
});

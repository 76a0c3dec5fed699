/**
 * A session with billing (the Demo's `demo-billing`): the timeline draws the cumulative cost by the engine's
 * per-period output, ending at the Billing tab's session total, with a band per tariff element named in a
 * legend and in the tooltip; the PNG export carries both. Screenshots at 800–1440 px, light and dark.
 */
import { describe, expect, it } from 'vitest';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type uPlot from 'uplot';
import { demoSession } from '../../shared/demo/catalog';
import { withDemoBilling } from '../../shared/demo/demo-billing';
import { loadedFrom } from '../fixtures/export';
import { BAND_TINTS } from '../../renderer/src/features/timeline/plot';
import { screenshot, useE2E } from './harness/fixture';
import { chartState, fetchSessionInUi, openTab, waitForSession, waitForTimelineChart } from './harness/ui';

const e2e = useE2E();
const ID = 'demo-billing';

/** The Billing tab's session cost of the demo session, computed here the way the app attaches it. */
function expectedTotal(): { total: number; currency: string } {
  const g = demoSession(ID);
  if (!g) throw new Error(ID);
  const location = g.location ? JSON.stringify({ status_code: 1000, data: g.location }) : null;
  const loaded = withDemoBilling(loadedFrom(JSON.stringify(g.body), location), ID);
  if (!loaded.ok || !loaded.value.billing?.sessionCost) throw new Error('no billing');
  const cost = loaded.value.billing.sessionCost;
  return { total: cost.totalInclVat!, currency: cost.currency! };
}

async function openTimeline(page: Page): Promise<void> {
  await fetchSessionInUi(page, ID);
  await waitForSession(page);
  await openTab(page, 'Timeline');
  await waitForTimelineChart(page);
}

/** The canvas colour (r, g, b, a) in the band strip at the middle of each band's span on screen. */
function stripColours(page: Page): Promise<number[][]> {
  return page.locator('[data-testid="timeline-plot"]').evaluate((el) => {
    const plot = (el as HTMLElement & { timelinePlot?: uPlot }).timelinePlot;
    if (!plot) throw new Error('no plot');
    // The strip is 6 CSS px along the top of the plotting area; read 2 px into it.
    const y = Math.round(plot.bbox.top + 2 * devicePixelRatio);
    const left = plot.bbox.left;
    const width = plot.bbox.width;
    // Walk the strip pixel by pixel; runs of one colour at least 8 px long are bands (grid lines and
    // series lines that cross the strip are shorter), one colour per legend entry in order.
    const seen: number[][] = [];
    let run: number[] | null = null;
    let length = 0;
    const close = (): void => {
      const last = seen[seen.length - 1];
      const same = (a: number[], b: number[]) =>
        Math.abs(a[0] - b[0]) + Math.abs(a[1] - b[1]) + Math.abs(a[2] - b[2]) <= 30;
      if (run && length >= 8 && run[3] >= 100 && (!last || !same(last, run))) seen.push(run);
    };
    const row = plot.ctx.getImageData(Math.round(left), y, Math.round(width), 1).data;
    for (let x = 0; x < row.length / 4; x++) {
      const px = [row[4 * x], row[4 * x + 1], row[4 * x + 2], row[4 * x + 3]];
      if (run && Math.abs(run[0] - px[0]) + Math.abs(run[1] - px[1]) + Math.abs(run[2] - px[2]) <= 30) {
        length++;
        continue;
      }
      close();
      run = px;
      length = 1;
    }
    close();
    return seen;
  });
}

describe('the timeline of a session with billing', () => {
  it('draws the cumulative cost to the session total and shades each tariff element, named in words', async () => {
    const { page, errors } = await e2e.open({ width: 1440, height: 1000 });
    await openTimeline(page);
    const { total, currency } = expectedTotal();
    const label = `Cost (${currency}, incl. VAT)`;

    const chart = await chartState(page);
    const index = chart.series.findIndex((s) => s.label === label);
    expect(index).toBeGreaterThanOrEqual(0);
    expect(chart.series[index].show).toBe(true);
    const costs = chart.data[index + 1].filter((v): v is number => v !== null);
    for (let i = 1; i < costs.length; i++) expect(costs[i]).toBeGreaterThanOrEqual(costs[i - 1]);
    expect(costs[0]).toBe(0);
    expect(costs[costs.length - 1]).toBe(total);

    // The legend button, the y axis title and the bands legend.
    expect(await page.getByRole('button', { name: label }).getAttribute('aria-pressed')).toBe('true');
    const bands = await page.getByTestId('timeline-bands').locator('li').allInnerTexts();
    expect(bands).toEqual([
      'Tariff DC-FAST element 1: €0.59/kWh below 20 kWh',
      'Tariff DC-FAST element 2: €0.49/kWh',
      'Tariff DC-FAST element 3: parking €6/h in 15-minute blocks',
    ]);
    expect(await page.getByTestId('timeline-panel').innerText()).toContain('bands: tariff elements');
    expect(await page.getByTestId('timeline-cost-rule').innerText()).toMatch(
      /step-size rounding goes to the last period/,
    );

    // Each band's strip is drawn in its legend tint, in order (a series line along the top may cover it).
    const tints = (await stripColours(page))
      .map(([r, g, b]) =>
        BAND_TINTS.findIndex(([tr, tg, tb]) => Math.abs(r - tr) + Math.abs(g - tg) + Math.abs(b - tb) < 6),
      )
      .filter((k) => k >= 0)
      .filter((k, i, all) => k !== all[i - 1]);
    expect(tints).toEqual([0, 1, 2]);

    // The tooltip names the element of the period under the cursor.
    const over = page.locator('[data-testid="timeline-panel"] .u-over');
    const box = await over.boundingBox();
    if (!box) throw new Error('no plotting area');
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
    const tip = page.getByRole('tooltip');
    await tip.waitFor();
    expect(await tip.innerText()).toMatch(/Cost: €[\d.]+ incl\. VAT/);
    expect(await tip.innerText()).toMatch(/Tariff DC-FAST element \d: /);
    await page.mouse.move(0, 0);
    await screenshot(page, 'timeline-cost-1440-light-full');

    // The cost line toggles like any series.
    await page.getByRole('button', { name: label }).click();
    expect((await chartState(page)).series[index].show).toBe(false);
    expect(errors).toEqual([]);
  });

  it('exports the chart as a PNG with the cost line and a line per band under the legend', async () => {
    const { harness } = e2e;
    const { page, errors } = await e2e.open({ width: 1280 });
    await openTimeline(page);
    const asked = harness.dialogs.asked.length;
    await page.getByRole('button', { name: /^Export/ }).click();
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
    // 1200 × (64 title + 420 chart + 40 legend + 3 × 20 band lines) CSS pixels.
    expect(png.readUInt32BE(20) / png.readUInt32BE(16)).toBeCloseTo(584 / 1200, 3);
    expect(errors).toEqual([]);
  });

  describe.each(['light', 'dark'] as const)('in %s', (colorScheme) => {
    it.each([800, 1024, 1280, 1440])('fits %i px', async (width) => {
      const { page, errors } = await e2e.open({ colorScheme, width, height: 1000 });
      await openTimeline(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      // Narrow windows stack the panels: bring the chart and its bands into view.
      await page.getByTestId('timeline-bands').scrollIntoViewIfNeeded();
      await screenshot(page, `timeline-cost-${width}-${colorScheme}`);
      expect(errors).toEqual([]);
    });
  });
});

/** A 200,000-period session: the timeline renders, drag-to-zoom narrows it, double-click resets it. */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, useE2E } from './harness/fixture';
import { fetchSessionInUi, openTab, waitForSession, waitForTimelineChart } from './harness/ui';

const LONG_SESSION = 'demo-long';

const e2e = useE2E();

/** The smallest row index the virtualized period table currently renders (1 = the header). */
function firstRenderedRow(page: Page): Promise<number> {
  return page
    .locator('[data-testid="period-table"] [role="row"][aria-rowindex]')
    .evaluateAll((rows) =>
      Math.min(...rows.map((row) => Number(row.getAttribute('aria-rowindex'))).filter((i) => i > 1)),
    );
}

describe('a 200,000-period session', () => {
  it('renders its timeline, zooms on a drag and resets on a double-click', async () => {
    const { page, errors } = await e2e.open({ width: 1600, height: 1000 });
    await fetchSessionInUi(page, LONG_SESSION);
    await waitForSession(page, 60_000);
    await openTab(page, 'Timeline');
    await waitForTimelineChart(page, 60_000);

    await page.getByRole('table', { name: 'Charging periods (200,000)' }).waitFor();
    expect(await firstRenderedRow(page)).toBe(2);

    const over = page.locator('[data-testid="timeline-panel"] .u-over');
    const box = await over.boundingBox();
    if (!box) throw new Error('the chart has no plotting area');
    const chart = page.locator('[data-testid="timeline-panel"] .uplot');
    const before = await chart.screenshot();

    // Drag across the middle fifth of the plot.
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width * 0.4, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.5, y, { steps: 5 });
    await page.mouse.move(box.x + box.width * 0.6, y, { steps: 5 });
    await page.mouse.up();

    // The table follows the zoom to its first period, far into the session; the chart is redrawn.
    await expect.poll(() => firstRenderedRow(page)).toBeGreaterThan(40_000);
    expect((await chart.screenshot()).equals(before)).toBe(false);
    await screenshot(page, 'timeline-200k-zoomed');

    await over.dblclick({ position: { x: box.width / 2, y: box.height / 2 } });
    await expect.poll(() => firstRenderedRow(page)).toBe(2);
    expect(errors).toEqual([]);
  });
});

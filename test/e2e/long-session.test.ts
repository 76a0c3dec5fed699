/**
 * A 200,000-period session: the timeline renders, drag-to-zoom narrows it, double-click resets it, and the
 * period table (its scroll scaled) reaches its last period; a 2,000,000-period one's table does too.
 */
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { screenshot, useE2E } from './harness/fixture';
import { chooseProfile, fetchSessionInUi, openTab, waitForSession, waitForTimelineChart } from './harness/ui';
import { mockProfileInput, saveProfile, vendorBaseUrl } from '../../tools/web-harness/mock-profiles';

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

  it('scrolls its period table to the last period, by the keyboard and by the wheel', async () => {
    const { page, errors } = await e2e.open({ width: 1280, height: 900 });
    await fetchSessionInUi(page, LONG_SESSION);
    await waitForSession(page, 60_000);
    await openTab(page, 'Timeline');
    await waitForTimelineChart(page, 60_000);
    await page.getByRole('table', { name: 'Charging periods (200,000)' }).waitFor();

    const scroller = page.getByRole('region', { name: 'Periods table, scrollable' });
    // 200,000 rows of 24 px would be a 4.8M px spacer: it is capped, the scroll scaled.
    expect(await scroller.evaluate((el) => el.scrollHeight)).toBeLessThan(1_100_000);

    await scroller.focus();
    await page.keyboard.press('End');
    const last = page.locator('[data-testid="period-table"] [role="row"][aria-rowindex="200001"]');
    await last.waitFor();
    expect(await last.getByRole('cell').first().textContent()).toBe('200000');
    await expectRowInView(scroller, last);
    // The last row ends at the bottom of the scroller: nothing past it.
    const [rowBox, scrollerBox] = await Promise.all([last.boundingBox(), scroller.boundingBox()]);
    if (!rowBox || !scrollerBox) throw new Error('the table is not laid out');
    const scrollbar = await scroller.evaluate((el) => (el as HTMLElement).offsetHeight - el.clientHeight);
    expect(rowBox.y + rowBox.height).toBeCloseTo(scrollerBox.y + scrollerBox.height - scrollbar, 0);
    await screenshot(page, 'timeline-200k-table-end');

    // Keys and the wheel move by rows, not by the dozens of rows one scaled pixel is worth.
    await page.keyboard.press('ArrowUp');
    await expect.poll(async () => (await last.boundingBox())?.y).toBeCloseTo(rowBox.y + 40, 0);
    await page.keyboard.press('Home');
    await expect.poll(() => firstRenderedRow(page)).toBe(2);
    await scroller.hover();
    await page.mouse.wheel(0, 240);
    const row11 = page.locator('[data-testid="period-table"] [role="row"][aria-rowindex="12"]');
    await expectRowInView(scroller, row11);
    expect(await firstRenderedRow(page)).toBeLessThan(20);
    expect(errors).toEqual([]);
  });
});

describe('a 2,000,000-period session from the local OCPI server', () => {
  it('scrolls its period table to the last period (its rows would be 48M px, more than Chromium lays out)', async () => {
    const { harness } = e2e;
    const profile = await saveProfile(harness, {
      ...mockProfileInput('Long', vendorBaseUrl(harness.mock.baseUrl)),
      timeouts: { connectMs: 5_000, totalMs: 120_000 },
      maxBytes: 1024 * 1024 * 1024,
    });
    await harness.invoke('token:set', { profileId: profile.id, token: harness.mock.token, memoryOnly: true });
    const { page, errors } = await e2e.open({ width: 1280, height: 900 });
    await chooseProfile(page, profile.name);
    await fetchSessionInUi(page, 'gen-2000000');
    await waitForSession(page, 120_000);
    await openTab(page, 'Timeline');
    await waitForTimelineChart(page, 60_000);
    await page.getByRole('table', { name: 'Charging periods (2,000,000)' }).waitFor();

    const scroller = page.getByRole('region', { name: 'Periods table, scrollable' });
    await scroller.focus();
    await page.keyboard.press('End');
    const last = page.locator('[data-testid="period-table"] [role="row"][aria-rowindex="2000001"]');
    await last.waitFor();
    expect(await last.getByRole('cell').first().textContent()).toBe('2000000');
    await expectRowInView(scroller, last);
    expect(errors).toEqual([]);
  }, 240_000);
});

/** The row is laid out inside the scroller's box, below its sticky header. */
async function expectRowInView(scroller: Locator, row: Locator): Promise<void> {
  await expect
    .poll(async () => {
      const [r, s] = await Promise.all([row.boundingBox(), scroller.boundingBox()]);
      return !!r && !!s && r.y >= s.y + 24 - 0.5 && r.y + r.height <= s.y + s.height + 0.5;
    })
    .toBe(true);
}

/**
 * Wh sent as kWh: the Demo session with period energy in Wh is shown ÷ 1000 under a banner that says so,
 * and its toggle shows the volumes as sent, in Details, on the chart and in the table, and back.
 */
import { describe, expect, it } from 'vitest';
import { screenshot, useE2E } from './harness/fixture';
import { chartState, fetchSessionInUi, waitForSession, waitForTimelineChart } from './harness/ui';

const e2e = useE2E();

const maxOf = (values: (number | null)[]): number =>
  Math.max(...values.filter((v): v is number => v !== null));

describe('volumes that look like Wh', () => {
  it('are shown as kWh ÷ 1000 under a banner whose toggle shows them as sent', async () => {
    const { page, errors } = await e2e.open();
    await fetchSessionInUi(page, 'demo-wh-units');
    await waitForSession(page);
    await waitForTimelineChart(page);
    const banner = page.getByTestId('wh-banner');
    expect(await banner.innerText()).toMatch(/read as Wh/);
    expect(await page.getByTestId('checks-panel').innerText()).toContain('ENERGY_UNIT_SUSPECT');
    const read = await chartState(page);
    const readMax = maxOf(read.data[1]);
    // A 2.2.1 DC demo session: tens of kW, not tens of thousands.
    expect(readMax).toBeGreaterThan(5);
    expect(readMax).toBeLessThan(400);
    const firstEnergyCell = (): Promise<string> =>
      page
        .locator('[data-testid="period-table"] [role="row"][aria-rowindex="2"] [role="cell"]')
        .nth(4)
        .innerText();
    const readCell = Number(await firstEnergyCell());
    await screenshot(page, 'wh-banner-light');

    await banner.getByRole('button', { name: 'Show values as sent' }).click();
    await expect.poll(() => banner.innerText()).toMatch(/Volumes as sent/);
    await waitForTimelineChart(page);
    const sent = await chartState(page);
    expect(maxOf(sent.data[1]) / readMax).toBeCloseTo(1000, 6);
    expect(Number(await firstEnergyCell()) / readCell).toBeCloseTo(1000, 3);
    expect(await page.getByTestId('details-panel').innerText()).toMatch(/max \d{4,}/);

    await banner.getByRole('button', { name: 'Show as kWh (÷ 1000)' }).click();
    await expect.poll(() => banner.innerText()).toMatch(/read as Wh/);
    await waitForTimelineChart(page);
    expect(maxOf((await chartState(page)).data[1])).toBeCloseTo(readMax, 9);
    expect(errors).toEqual([]);
  });

  it('is not shown for a session in kWh', async () => {
    const { page } = await e2e.open();
    await fetchSessionInUi(page, 'demo-ocpi-221-dc');
    await waitForSession(page);
    expect(await page.getByTestId('wh-banner').count()).toBe(0);
  });
});

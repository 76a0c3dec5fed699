/**
 * First run and the main views: the Demo profile works out of the box, every panel shows data, each view
 * is screenshotted in light and dark (test-output/screenshots/) and has no serious or critical axe finding.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousAxeViolations } from './harness/axe';
import { screenshot, useE2E } from './harness/fixture';
import {
  fetchSessionInUi,
  openTab,
  waitForError,
  waitForMap,
  waitForSession,
  waitForTimelineChart,
} from './harness/ui';
import type { TabName } from './harness/ui';

/** A demo session with a Location, several EVSEs, periods and checks. */
const DEMO_SESSION = 'demo-ocpi-221-dc';

const e2e = useE2E();

const VIEWS: { tab: TabName; file: string; ready(page: Page): Promise<void> }[] = [
  { tab: 'Timeline', file: 'timeline', ready: (page) => waitForTimelineChart(page) },
  { tab: 'Map', file: 'map', ready: waitForMap },
  { tab: 'EVSE / connectors', file: 'evse', ready: (page) => page.getByTestId('evse-panel').waitFor() },
  { tab: 'Raw', file: 'raw', ready: (page) => page.getByTestId('raw-panel').waitFor() },
];

describe('first run', () => {
  it('starts on the Demo profile and shows every panel of a fetched demo session with data', async () => {
    const { page, errors, dialogs } = await e2e.open();
    await page.locator('#profile-select option').first().waitFor({ state: 'attached' });
    expect(
      await page.locator('#profile-select').evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.text),
    ).toMatch(/demo/i);

    await fetchSessionInUi(page, DEMO_SESSION);
    await waitForSession(page);

    const details = await page.getByTestId('details-panel').innerText();
    expect(details).toContain(DEMO_SESSION);
    expect(details).toMatch(/kWh/);
    expect(await page.getByTestId('checks-panel').innerText()).toMatch(/Checks/);

    await openTab(page, 'Timeline');
    await waitForTimelineChart(page);
    expect(await page.locator('[data-testid="timeline-panel"] [role="row"]').count()).toBeGreaterThan(2);

    await openTab(page, 'Map');
    await waitForMap(page);

    await openTab(page, 'EVSE / connectors');
    const evse = await page.getByTestId('evse-panel').innerText();
    expect(evse).toMatch(/kW/);

    await openTab(page, 'Raw');
    expect(await page.getByTestId('raw-panel').innerText()).toMatch(/\{|data/);

    expect(errors).toEqual([]);
    expect(dialogs).toEqual([]);
  });
});

describe.each(['light', 'dark'] as const)('main views in %s', (colorScheme) => {
  it('are screenshotted and have no serious or critical accessibility violations', async () => {
    const { page } = await e2e.open({ colorScheme });
    const findings: Record<string, unknown> = {};
    const check = async (name: string): Promise<void> => {
      await screenshot(page, `${name}-${colorScheme}`);
      const violations = await seriousAxeViolations(page);
      if (violations.length > 0) findings[name] = violations;
    };

    await page.getByRole('heading', { name: 'Inspect a charging session' }).waitFor();
    await check('start');

    await fetchSessionInUi(page, DEMO_SESSION);
    await waitForSession(page);
    for (const view of VIEWS) {
      await openTab(page, view.tab);
      await view.ready(page);
      await check(view.file);
    }

    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('dialog', { name: 'Settings' }).waitFor();
    await check('settings');
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();

    await fetchSessionInUi(page, 'no-such-demo-session');
    await waitForError(page);
    await check('error');

    expect(findings).toEqual({});
  });
});

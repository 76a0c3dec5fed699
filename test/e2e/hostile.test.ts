/**
 * A session whose strings carry HTML and script payloads: every view shows them as text, no element the
 * payload describes is created, no dialog opens and no script runs.
 */
import { describe, expect, it } from 'vitest';
import { screenshot, useE2E } from './harness/fixture';
import {
  fetchSessionInUi,
  markerPopupTexts,
  openTab,
  waitForMap,
  waitForSession,
  waitForTimelineChart,
} from './harness/ui';

const HOSTILE_SESSION = 'demo-hostile';

const e2e = useE2E();

describe('a session carrying HTML/script payloads', () => {
  it('shows them as text in every view and runs none of them', async () => {
    const { page, dialogs, errors } = await e2e.open();
    const scriptsBefore = await page.locator('script').count();
    await fetchSessionInUi(page, HOSTILE_SESSION);
    await waitForSession(page);

    await openTab(page, 'Timeline');
    await waitForTimelineChart(page);
    await openTab(page, 'EVSE / connectors');
    await page.getByTestId('evse-panel').waitFor();
    expect(await page.locator('main').innerText()).toMatch(/<(img|script)\b/i);

    await openTab(page, 'Map');
    await waitForMap(page);
    const popups = await markerPopupTexts(page);
    expect(popups.some((text) => /<(img|script)\b/i.test(text))).toBe(true);
    await screenshot(page, 'hostile-map-popup');

    await openTab(page, 'Raw');
    await page.getByTestId('raw-panel').waitFor();
    await screenshot(page, 'hostile-raw');

    const injected = await page.evaluate(() => ({
      // What the payloads would create if any of them were parsed as HTML.
      elements: document.querySelectorAll(
        'main img:not(.leaflet-tile), main script, main iframe, main svg script, [onerror], [onload]',
      ).length,
      // The operator website is `javascript:alert(1)`: it must never become a link.
      scriptLinks: document.querySelectorAll('a[href^="javascript:" i]').length,
    }));
    expect(injected).toEqual({ elements: 0, scriptLinks: 0 });
    expect(await page.locator('script').count()).toBe(scriptsBefore);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });
});

/**
 * The map as the presenter draws it, in Chromium: swapped coordinates get a probable-position marker and a
 * legend, "Show on map" opens the map, and on a hostile session every tooltip and popup, hovered and
 * opened, holds only text: no element came from the data.
 */
import { describe, expect, it } from 'vitest';
import { screenshot, useE2E } from './harness/fixture';
import { fetchSessionInUi, openTab, waitForMap, waitForSession } from './harness/ui';

const e2e = useE2E();

describe('the map from the presenter', () => {
  it('marks the probable position of swapped coordinates, with a legend, and Show on map opens it', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page, errors } = await e2e.open({ colorScheme, width: 1280 });
      await fetchSessionInUi(page, 'demo-211-swapped-coords');
      await waitForSession(page);
      await page.getByRole('button', { name: 'Show on map' }).first().click();
      await waitForMap(page);
      const legend = await page.getByTestId('map-legend').innerText();
      expect(legend).toContain('Site (as sent)');
      expect(legend).toContain('Probable site position');
      expect(
        await page.locator('.leaflet-overlay-pane path.leaflet-interactive').count(),
      ).toBeGreaterThanOrEqual(2);
      await screenshot(page, `map-swapped-${colorScheme}`);
      expect(errors).toEqual([]);
    }
  });

  it('hovers every marker and opens every tooltip and popup of a hostile session as text only', async () => {
    const { page, dialogs, errors } = await e2e.open();
    await fetchSessionInUi(page, 'demo-hostile');
    await waitForSession(page);
    await openTab(page, 'Map');
    await waitForMap(page);
    const markers = page.locator('.leaflet-overlay-pane path.leaflet-interactive');
    const count = await markers.count();
    expect(count).toBeGreaterThan(0);
    const tooltips: string[] = [];
    const popups: string[] = [];
    for (let i = 0; i < count; i++) {
      await markers.nth(i).dispatchEvent('mouseover');
      tooltips.push(...(await page.locator('.leaflet-tooltip').allTextContents()));
      await markers.nth(i).dispatchEvent('click');
      popups.push(...(await page.locator('.leaflet-popup-content').allTextContents()));
    }
    expect(tooltips.some((t) => /<(img|script)\b/i.test(t))).toBe(true);
    expect(popups.length).toBeGreaterThan(0);
    const injected = await page.evaluate(
      () =>
        document.querySelectorAll(
          '.leaflet-tooltip *:not(span), .leaflet-popup-content img, .leaflet-popup-content script, .leaflet-popup-content style, .leaflet-tooltip img, [onerror], [onload]',
        ).length,
    );
    expect(injected).toBe(0);
    await screenshot(page, 'hostile-map-tooltip');
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });
});

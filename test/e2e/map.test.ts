/** With the tile host unreachable the map still shows the bundled basemap, the site marker and a notice. */
import { describe, expect, it } from 'vitest';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { screenshot, useE2E } from './harness/fixture';
import { fetchSessionInUi, openTab, waitForMap, waitForSession } from './harness/ui';
import { closedPort } from '../../tools/web-harness/mock-profiles';

const DEMO_SESSION = 'demo-ocpi-221-dc';

const e2e = useE2E();

// A 1×1 PNG: Leaflet stretches it to a tile.
const TILE_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** Types a tile URL in Settings and saves it; resolves once main has stored it. */
async function setTileUrlInUi(page: Page, tileUrl: string): Promise<void> {
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByLabel('Tile URL template').fill(tileUrl);
  // The window's CSP names the tile host, so saving a new one reloads the window to apply it.
  const reloaded = page.waitForEvent('load');
  await settings.getByRole('button', { name: 'Save tile server' }).click();
  await reloaded;
  // Saved by main, not just typed.
  await expect
    .poll(async () => {
      const saved = await e2e.harness.invoke('settings:get', undefined);
      return saved.ok ? saved.value.tileUrl : saved.error.message;
    })
    .toBe(tileUrl);
}

/** A tile server on 127.0.0.1 answering every tile with the same small PNG, counting requests. */
async function startTileServer(): Promise<{ url: string; requests: string[]; close(): Promise<void> }> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    requests.push(request.url ?? '');
    response.writeHead(200, { 'content-type': 'image/png' }).end(TILE_PNG);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/{z}/{x}/{y}.png`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('map with the tile host unreachable', () => {
  it('shows the offline basemap, the marker and says the tiles are unreachable', async () => {
    const { page, errors } = await e2e.open();
    const tileUrl = `http://127.0.0.1:${await closedPort()}/{z}/{x}/{y}.png`;
    const failedTiles: string[] = [];
    page.on('requestfailed', (request) => {
      if (request.url().startsWith(tileUrl.slice(0, tileUrl.indexOf('{')))) {
        failedTiles.push(request.failure()?.errorText ?? 'unknown');
      }
    });

    await setTileUrlInUi(page, tileUrl);

    await fetchSessionInUi(page, DEMO_SESSION);
    await waitForSession(page);
    await openTab(page, 'Map');

    await page.getByTestId('tiles-offline').waitFor();
    await waitForMap(page);
    expect(failedTiles.length).toBeGreaterThan(0);
    expect(new Set(failedTiles)).toEqual(new Set(['net::ERR_CONNECTION_REFUSED']));
    const view = await page.getByTestId('map-view').boundingBox();
    const countries = await page.locator('.leaflet-basemap-pane path').count();
    expect(countries).toBeGreaterThan(0);
    const marker = await page.locator('.leaflet-overlay-pane path.leaflet-interactive').first().boundingBox();
    if (!view || !marker) throw new Error('map or marker not laid out');
    // The marker is inside the visible map, not off-screen.
    expect(marker.x).toBeGreaterThanOrEqual(view.x);
    expect(marker.x + marker.width).toBeLessThanOrEqual(view.x + view.width);
    expect(marker.y).toBeGreaterThanOrEqual(view.y);
    expect(marker.y + marker.height).toBeLessThanOrEqual(view.y + view.height);
    expect(await page.locator('.leaflet-control-attribution').innerText()).toMatch(/Natural Earth/);
    await screenshot(page, 'map-offline-light');
    expect(errors).toEqual([]);
  });
});

describe('map with a tile server set in Settings', () => {
  it('loads its tiles after the window reloads itself, with no restart', async () => {
    const tiles = await startTileServer();
    try {
      const { page, errors } = await e2e.open();
      await setTileUrlInUi(page, tiles.url);
      await fetchSessionInUi(page, DEMO_SESSION);
      await waitForSession(page);
      await openTab(page, 'Map');
      await page.locator('img.leaflet-tile-loaded').first().waitFor();
      expect(tiles.requests.length).toBeGreaterThan(0);
      expect(await page.getByTestId('tiles-offline').count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await tiles.close();
    }
  });
});

describe('map of a session with swapped coordinates', () => {
  it('shows the coordinate warnings on the map', async () => {
    const { page, errors } = await e2e.open();
    await fetchSessionInUi(page, 'demo-211-swapped-coords');
    await waitForSession(page);
    await openTab(page, 'Map');
    await waitForMap(page);
    const warnings = page.getByTestId('map-warnings');
    expect(await warnings.innerText()).toMatch(/swapp|latitude|longitude|country/i);
    expect(await warnings.getByRole('listitem').count()).toBeGreaterThan(0);
    await screenshot(page, 'map-swapped-coordinates-light');
    expect(errors).toEqual([]);
  });
});

describe('changing the tile server while a session is shown', () => {
  it('reloads the window and shows the same session again', async () => {
    const tiles = await startTileServer();
    try {
      const { page, errors } = await e2e.open();
      await fetchSessionInUi(page, DEMO_SESSION);
      await waitForSession(page);
      await setTileUrlInUi(page, tiles.url);
      await waitForSession(page);
      await page.locator('img.leaflet-tile-loaded').first().waitFor();
      expect(tiles.requests.length).toBeGreaterThan(0);
      expect(errors).toEqual([]);
    } finally {
      await tiles.close();
    }
  });
});

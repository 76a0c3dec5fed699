/**
 * First run and explanations: the start page lists the demo sessions and fetches one in a click, a Demo
 * 404 lists the valid ids, and the Raw tab searches, copies, expands and collapses both the session and
 * the Location response.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_SESSIONS } from '../../shared/demo/catalog';
import { screenshot, useE2E } from './harness/fixture';
import { fetchSessionInUi, openTab, waitForError, waitForSession } from './harness/ui';

const e2e = useE2E();

describe('demo sessions', () => {
  it('are listed on the start page and one click fetches one', async () => {
    const { page } = await e2e.open();
    const list = page.getByTestId('demo-sessions');
    for (const { id } of DEMO_SESSIONS) await list.getByRole('button', { name: id, exact: true }).waitFor();
    await list.getByRole('button', { name: 'demo-ocpi-230', exact: true }).click();
    await waitForSession(page);
    expect(await page.getByTestId('details-panel').innerText()).toContain('demo-ocpi-230');
    expect(await page.locator('#session-id-input').inputValue()).toBe('demo-ocpi-230');
  });

  it('a Demo 404 lists the valid ids, each a click away', async () => {
    const { page } = await e2e.open();
    // With a session on screen (the start page lists the ids itself).
    await fetchSessionInUi(page, 'demo-hostile');
    await waitForSession(page);
    await fetchSessionInUi(page, 'demo-typo');
    const error = await waitForError(page);
    expect(error.kind).toBe('not-found');
    const banner = page.getByTestId('error-banner');
    for (const { id } of DEMO_SESSIONS) expect(error.text).toContain(id);
    await screenshot(page, 'error-demo-404-light');
    await banner.getByRole('button', { name: 'demo-vendor-ac', exact: true }).click();
    await expect.poll(() => page.getByTestId('details-panel').innerText()).toContain('demo-vendor-ac');
  });
});

describe('the Raw tab', () => {
  it('searches, copies, expands and collapses the session and its Location side by side', async () => {
    const { page, context, errors } = await e2e.open({ width: 1600 });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: e2e.harness.url });
    await fetchSessionInUi(page, 'demo-ocpi-221-dc');
    await waitForSession(page);
    await openTab(page, 'Raw');
    const session = page.getByRole('region', { name: 'Session response' });
    const location = page.getByRole('region', { name: 'Location response' });
    await session.waitFor();
    await location.waitFor();
    const [a, b] = [await session.boundingBox(), await location.boundingBox()];
    expect(b!.x).toBeGreaterThan(a!.x + a!.width - 1);

    // Search: the first match opens its way and is marked; Enter again goes to the next one.
    const search = session.getByRole('searchbox', { name: 'Search the session response' });
    await search.fill('PARKING_TIME');
    await search.press('Enter');
    await expect.poll(() => session.getByRole('status').innerText()).toMatch(/^1 of \d+/);
    const flashed = (): Promise<string | null> =>
      session.locator('.is-flash').first().getAttribute('data-path');
    await expect.poll(flashed).toMatch(/PARKING_TIME|dimensions/);
    const first = await flashed();
    expect(first).toMatch(/charging_periods\[\d+\]\.dimensions\[\d+\]\.type$/);
    await search.press('Enter');
    await expect.poll(() => session.getByRole('status').innerText()).toMatch(/^2 of /);
    await expect.poll(flashed).not.toBe(first);

    await location.getByRole('button', { name: 'Copy JSON' }).click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(JSON.parse(copied)).toHaveProperty('data.evses');

    const openToggles = (): Promise<number> => location.locator('.json-toggle[aria-expanded="true"]').count();
    expect(await openToggles()).toBe(1);
    await location.getByRole('button', { name: 'Expand all' }).click();
    expect(await openToggles()).toBeGreaterThan(10);
    expect(await location.locator('.json-toggle[aria-expanded="false"]').count()).toBe(0);
    await screenshot(page, 'raw-expanded-light');
    await location.getByRole('button', { name: 'Collapse all' }).click();
    expect(await openToggles()).toBe(0);
    expect(errors).toEqual([]);
  });
});

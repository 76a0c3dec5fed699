/**
 * Every GET of a fetch is listed in Details with the ids a partner's support asks for: for an OCPI fetch
 * that is discovery too, the ids are the ones the server received, and each copies.
 */
import { describe, expect, it } from 'vitest';
import { datasetSessionId } from '../../shared/demo/session-dataset';
import { screenshot, useE2E } from './harness/fixture';
import { saveOcpiProfile } from './harness/ocpi-profile';
import { chooseProfile, fetchSessionInUi, waitForSession } from './harness/ui';

const e2e = useE2E();

describe('the requests of a fetch', () => {
  it.each(['light', 'dark'] as const)(
    'lists discovery, session and Location GETs with the ids sent, each copyable (%s)',
    async (colorScheme) => {
      const { harness } = e2e;
      const profile = await saveOcpiProfile(harness, `Receiver ${colorScheme}`, harness.ocpi.token, {
        countryCode: 'NL',
        partyId: 'SIN',
      });
      const { page, context, errors } = await e2e.open({ colorScheme, width: 1280 });
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: harness.url });
      await chooseProfile(page, profile.name);
      const before = harness.ocpi.requests.length;
      await fetchSessionInUi(page, datasetSessionId(7));
      await waitForSession(page);

      const sent = harness.ocpi.requests.slice(before).map((r) => r.headers['x-request-id']);
      const list = page.getByTestId('fetch-requests');
      expect(await list.locator('summary').innerText()).toBe(`${sent.length} requests`);
      const correlation = harness.ocpi.requests[before].headers['x-correlation-id'];
      expect(await list.innerText()).toContain(`correlation id ${correlation}`);
      await list.locator('summary').click();
      const items = list.locator('li');
      expect(await items.count()).toBe(sent.length);
      for (let i = 0; i < sent.length; i++)
        expect(await items.nth(i).locator('code').first().innerText()).toBe(sent[i]);
      expect(await items.first().innerText()).toContain(harness.ocpi.versionsUrl(''));
      expect(await items.last().innerText()).toMatch(/locations\/NL\/SIN\//);

      await items.nth(1).getByRole('button', { name: 'Copy request id' }).click();
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(sent[1]);
      await screenshot(page, `details-requests-${colorScheme}`);
      expect(errors).toEqual([]);
    },
  );

  it('lists every GET of a search (discovery and each page) under one correlation id', async () => {
    const { harness } = e2e;
    const profile = await saveOcpiProfile(harness, 'Search requests', harness.ocpi.token);
    await harness.invoke('settings:update', { activeProfileId: profile.id });
    const { page, errors } = await e2e.open({ width: 1280 });
    const before = harness.ocpi.requests.length;
    await page.getByRole('button', { name: 'Search', exact: true }).first().click();
    const view = page.getByRole('region', { name: 'Search sessions' });
    await view.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByTestId('search-progress').filter({ hasText: 'Done' }).waitFor({ timeout: 20_000 });

    const sent = harness.ocpi.requests.slice(before);
    const list = page.getByTestId('search-requests');
    expect(await list.locator('summary').innerText()).toBe(`${sent.length} requests`);
    expect(await list.innerText()).toContain(`correlation id ${sent[0].headers['x-correlation-id']}`);
    // Built when opened: 12 pages and discovery are rows only once asked for.
    expect(await list.locator('li').count()).toBe(0);
    await list.locator('summary').click();
    expect(await list.locator('li code').evaluateAll((codes) => codes.map((c) => c.textContent))).toEqual(
      expect.arrayContaining(sent.map((r) => r.headers['x-request-id'])),
    );
    expect(await list.locator('li').count()).toBe(sent.length);
    expect(errors).toEqual([]);
  });
});

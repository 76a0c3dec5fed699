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
});

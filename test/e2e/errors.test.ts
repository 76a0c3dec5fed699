/** The 401, 404 and offline paths end in the app's error banner: message, hint and the next step to take. */
import { describe, expect, it } from 'vitest';
import { screenshot, useE2E } from './harness/fixture';
import {
  closedPort,
  MOCK_SESSION,
  mockProfileInput,
  saveProfile,
  vendorBaseUrl,
} from '../../tools/web-harness/mock-profiles';
import { chooseProfile, fetchSessionInUi, waitForError } from './harness/ui';

const e2e = useE2E();

describe('fetch failures', () => {
  it('401: a wrong token says so and offers to set the token', async () => {
    const { harness } = e2e;
    const profile = await saveProfile(
      harness,
      mockProfileInput('Wrong token', vendorBaseUrl(harness.mock.baseUrl)),
    );
    const set = await harness.invoke('token:set', {
      profileId: profile.id,
      token: 'not-the-token',
      memoryOnly: true,
    });
    expect(set.ok).toBe(true);
    const { page } = await e2e.open();
    await chooseProfile(page, profile.name);
    await fetchSessionInUi(page, MOCK_SESSION);

    const error = await waitForError(page);
    expect(error.kind).toBe('unauthorized');
    expect(error.text).toMatch(/HTTP 401/);
    await screenshot(page, 'error-401-light');
    await page.getByRole('button', { name: 'Set token' }).click();
    await page.getByRole('dialog', { name: `Token for ${profile.name}` }).waitFor();
  });

  it('404: an unknown session says so and points at the environment', async () => {
    const { harness } = e2e;
    const profile = await saveProfile(
      harness,
      mockProfileInput('Right token', vendorBaseUrl(harness.mock.baseUrl)),
    );
    await harness.invoke('token:set', { profileId: profile.id, token: harness.mock.token, memoryOnly: true });
    const { page } = await e2e.open();
    await chooseProfile(page, profile.name);
    await fetchSessionInUi(page, 'no-such-session');

    const error = await waitForError(page);
    expect(error.kind).toBe('not-found');
    expect(error.text).toMatch(/HTTP 404/);
    expect(error.text).toContain(profile.baseUrl);
    await screenshot(page, 'error-404-light');
    await page.getByRole('button', { name: 'Check the environment' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('profile-select');
  });

  it('offline: an unreachable server says so and offers to open an exported file', async () => {
    const { harness } = e2e;
    const origin = `http://127.0.0.1:${await closedPort()}`;
    const profile = await saveProfile(harness, mockProfileInput('Unreachable', vendorBaseUrl(origin)));
    await harness.invoke('token:set', { profileId: profile.id, token: 'any', memoryOnly: true });
    const { page } = await e2e.open();
    await chooseProfile(page, profile.name);
    await fetchSessionInUi(page, MOCK_SESSION);

    const error = await waitForError(page);
    expect(error.kind).toBe('offline');
    await screenshot(page, 'error-offline-light');
    const asked = harness.dialogs.asked.length;
    await page.getByRole('button', { name: 'Open an exported file' }).click();
    await expect.poll(() => harness.dialogs.asked.slice(asked)).toEqual([{ kind: 'open' }]);
  });
});

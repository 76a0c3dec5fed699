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

describe('errors that lead somewhere', () => {
  it('a 500 shows the server message, the request id with a copy button, and Retry fetches again', async () => {
    const { harness } = e2e;
    const profile = await saveProfile(
      harness,
      mockProfileInput('Failing', vendorBaseUrl(harness.mock.baseUrl)),
    );
    await harness.invoke('token:set', { profileId: profile.id, token: harness.mock.token, memoryOnly: true });
    const { page, context } = await e2e.open();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: harness.url });
    await chooseProfile(page, profile.name);
    await fetchSessionInUi(page, 'fault-500');

    const error = await waitForError(page);
    expect(error.text).toContain('NullReferenceException');
    expect(error.text).not.toContain('"status_code"');
    const requestId = await page.getByTestId('error-request-id').innerText();
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    await page.getByRole('button', { name: 'Copy request id' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(requestId);
    await screenshot(page, 'error-500-retry-light');

    const fetches = harness.ipcLog.filter((entry) => entry.channel === 'session:fetch').length;
    await page.getByRole('button', { name: 'Retry' }).click();
    await expect
      .poll(() => harness.ipcLog.filter((entry) => entry.channel === 'session:fetch').length)
      .toBe(fetches + 1);
    await waitForError(page);
    await expect.poll(() => page.getByTestId('error-request-id').innerText()).not.toBe(requestId);
  });

  it('offers Retry for offline but not for a 404', async () => {
    const { harness } = e2e;
    const origin = `http://127.0.0.1:${await closedPort()}`;
    const offline = await saveProfile(harness, mockProfileInput('Gone away', vendorBaseUrl(origin)));
    await harness.invoke('token:set', { profileId: offline.id, token: 'any', memoryOnly: true });
    const online = await saveProfile(harness, mockProfileInput('Here', vendorBaseUrl(harness.mock.baseUrl)));
    await harness.invoke('token:set', { profileId: online.id, token: harness.mock.token, memoryOnly: true });
    const { page } = await e2e.open();
    await chooseProfile(page, offline.name);
    await fetchSessionInUi(page, MOCK_SESSION);
    expect((await waitForError(page)).kind).toBe('offline');
    await page.getByRole('button', { name: 'Retry' }).waitFor();

    await chooseProfile(page, online.name);
    await fetchSessionInUi(page, 'no-such-session');
    await expect.poll(async () => (await waitForError(page)).kind).toBe('not-found');
    expect(await page.getByRole('button', { name: 'Retry' }).count()).toBe(0);
    expect(await page.getByTestId('error-request-id').innerText()).toMatch(/^[0-9a-f-]{36}$/);
  });
});

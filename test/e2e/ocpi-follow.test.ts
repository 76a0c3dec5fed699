/**
 * Live follow in Chromium against the spec-conformant local OCPI server: an ACTIVE session fetched by
 * CC/PARTY/ID offers Follow, every N seconds as Settings says (the control shows it); each tick re-GETs it
 * on the Receiver interface (the conformant server's sessions do not change, so every tick says
 * "no change"), and the session stays shown.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEFAULT_MAX_BYTES } from '../../shared/domain/profile';
import type { Harness } from '../../tools/web-harness/harness';
import { screenshot, useE2E } from './harness/fixture';

const e2e = useE2E();

async function followProfile(harness: Harness, name: string, versionsUrl: string): Promise<string> {
  const saved = await harness.invoke('profiles:save', {
    name,
    baseUrl: harness.ocpi.baseUrl,
    flavour: 'ocpi-2.2.1',
    auth: { kind: 'token' },
    base64Token: false,
    timeouts: { connectMs: 3_000, totalMs: 15_000 },
    maxBytes: DEFAULT_MAX_BYTES,
    ocpi: { versionsUrl },
  });
  if (!saved.ok) throw new Error(saved.error.message);
  await harness.invoke('token:set', {
    profileId: saved.value.id,
    token: harness.ocpi.token,
    memoryOnly: true,
  });
  await harness.invoke('settings:update', { activeProfileId: saved.value.id });
  return saved.value.id;
}

async function fetchInUi(page: Page, id: string, heading: string): Promise<void> {
  await page.getByLabel('Session id or URL').fill(id);
  await page.getByRole('button', { name: 'Fetch' }).click();
  await page.getByRole('heading', { name: heading }).waitFor({ timeout: 20_000 });
}

/** Sets the follow interval in Settings as a user does; a bad value first, to see its message. */
async function setIntervalInSettings(page: Page, seconds: string, shot?: string): Promise<void> {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const field = page.getByLabel('Follow re-fetches every (seconds)');
  await field.fill('2');
  await page.getByTestId('follow-settings').getByRole('button', { name: 'Save' }).click();
  await page
    .getByRole('alert')
    .filter({ hasText: 'The follow interval must be a whole number of seconds from 5 to 3600; 2 is not.' })
    .waitFor();
  if (shot) {
    await page.getByTestId('follow-settings').scrollIntoViewIfNeeded();
    await screenshot(page, shot);
  }
  await field.fill(seconds);
  await page.getByTestId('follow-settings').getByRole('button', { name: 'Save' }).click();
  await page.getByTestId('follow-settings').getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
  await page.keyboard.press('Escape');
}

describe('follow', () => {
  it('re-fetches an ACTIVE session on its Receiver interface every N seconds, N set in Settings', async () => {
    const { harness } = e2e;
    await followProfile(harness, 'CPO follow', harness.ocpi.versionsUrl(''));
    const { page, errors } = await e2e.open({ width: 1280 });
    await setIntervalInSettings(page, '5');
    await fetchInUi(page, 'NL/SIN/S000008', 'Session S000008');
    const follow = page.getByTestId('follow');
    expect(await follow.getByTestId('follow-interval').innerText()).toMatch(/^every 5 s/);
    const before = harness.ocpi.requests.filter((r) =>
      r.path.endsWith('/receiver/sessions/NL/SIN/S000008'),
    ).length;
    const started = Date.now();
    await follow.getByLabel('Follow', { exact: true }).check();
    await follow.getByRole('status').filter({ hasText: 'no change' }).waitFor({ timeout: 15_000 });
    // The first tick comes one interval after the toggle, not before.
    expect(Date.now() - started).toBeGreaterThanOrEqual(4_500);
    const after = harness.ocpi.requests.filter((r) =>
      r.path.endsWith('/receiver/sessions/NL/SIN/S000008'),
    ).length;
    expect(after).toBe(before + 1);
    await screenshot(page, 'follow-1280-light');
    await follow.getByLabel('Follow', { exact: true }).uncheck();
    expect(errors).toEqual([]);
  });

  it('screenshots: the Follow control and Settings → Live follow at every width, light and dark', async () => {
    const { harness } = e2e;
    await followProfile(harness, 'CPO follow shots', harness.ocpi.versionsUrl(''));
    for (const colorScheme of ['light', 'dark'] as const)
      for (const width of [800, 1024, 1280, 1440]) {
        const { page, errors } = await e2e.open({ width, colorScheme });
        await setIntervalInSettings(page, '30', `settings-follow-${width}-${colorScheme}`);
        await fetchInUi(page, 'NL/SIN/S000008', 'Session S000008');
        const follow = page.getByTestId('follow');
        expect(await follow.getByTestId('follow-interval').innerText()).toMatch(/^every 30 s/);
        await follow.scrollIntoViewIfNeeded();
        await screenshot(page, `follow-control-${width}-${colorScheme}`);
        expect(errors).toEqual([]);
        await page.context().close();
      }
  });
});

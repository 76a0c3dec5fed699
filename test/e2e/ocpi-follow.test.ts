/**
 * Live follow in Chromium against the spec-conformant local OCPI server: an ACTIVE session fetched by
 * CC/PARTY/ID offers Follow, every N seconds as Settings says (the control shows it); each tick re-GETs it
 * on the Receiver interface (the conformant server's sessions do not change, so every tick says
 * "no change"), and the session stays shown. In the `growing-session` scenario GROW-1 gains a period on
 * every request: followed on its Receiver (GET by id) and on an OCPI 2.1.1 Sender (list from the last
 * last_updated seen), Details show the new kWh and period count and the timeline extends, its zoom kept.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEFAULT_MAX_BYTES } from '../../shared/domain/profile';
import type { Harness } from '../../tools/web-harness/harness';
import { screenshot, useE2E } from './harness/fixture';
import { chartState, waitForTimelineChart } from './harness/ui';

const e2e = useE2E();

async function followProfile(
  harness: Harness,
  name: string,
  versionsUrl: string,
  version?: '2.1.1' | '2.2.1',
): Promise<string> {
  const saved = await harness.invoke('profiles:save', {
    name,
    baseUrl: harness.ocpi.baseUrl,
    flavour: version === '2.1.1' ? 'ocpi-2.1.1' : 'ocpi-2.2.1',
    auth: { kind: 'token' },
    base64Token: false,
    timeouts: { connectMs: 3_000, totalMs: 15_000 },
    maxBytes: DEFAULT_MAX_BYTES,
    ocpi: { versionsUrl, ...(version ? { version } : {}) },
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
  // The profile the test made active, once the page has read the settings.
  await page.waitForFunction(
    () =>
      document.querySelector<HTMLSelectElement>('#profile-select')?.selectedOptions[0]?.text !==
      'Demo (bundled sessions)',
  );
  await page.getByLabel('Session id or URL').fill(id);
  await page.getByRole('button', { name: 'Fetch' }).click();
  await page.getByRole('heading', { name: heading }).waitFor({ timeout: 20_000 });
}

/** Sets the follow interval in Settings as a user does; a bad value first, to see its message. */
async function setIntervalInSettings(page: Page, seconds: string, shot?: string): Promise<void> {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const field = page.getByLabel('Follow re-fetches every (seconds)');
  await field.fill('2');
  await page.getByTestId('follow-settings').getByRole('button', { name: 'Save follow settings' }).click();
  await page
    .getByRole('alert')
    .filter({ hasText: 'The follow interval must be a whole number of seconds from 5 to 3600; 2 is not.' })
    .waitFor();
  if (shot) {
    await page.getByTestId('follow-settings').scrollIntoViewIfNeeded();
    await screenshot(page, shot);
  }
  await field.fill(seconds);
  await page.getByTestId('follow-settings').getByRole('button', { name: 'Save follow settings' }).click();
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

  /** Details' energy line: `X kWh reported, Y kWh summed over N period(s)`. */
  async function energy(page: Page): Promise<{ kwh: number; periods: number }> {
    const text = await page.getByTestId('details-panel').innerText();
    const m = /([\d.,]+) kWh reported, [\d.,]+ kWh summed over ([\d,]+) period\(s\)/.exec(text);
    if (!m) throw new Error(`no energy line in Details: ${text.slice(0, 400)}`);
    return { kwh: Number(m[1].replace(/,/g, '')), periods: Number(m[2].replace(/,/g, '')) };
  }

  it.each([
    { role: 'Receiver', version: '2.2.1', id: 'NL/SIN/GROW-1' },
    { role: 'Sender', version: '2.1.1', id: 'GROW-1' },
  ] as const)(
    'on a $role the followed session grows: Details kWh and periods, the timeline extends, the zoom stays',
    async ({ role, version, id }) => {
      const { harness } = e2e;
      await followProfile(harness, `Growing ${role}`, harness.ocpi.versionsUrl('growing-session'), version);
      await harness.invoke('settings:update', { followSeconds: 5 });
      const { page, errors } = await e2e.open({ width: 1280 });
      await fetchInUi(page, id, 'Session GROW-1');
      await waitForTimelineChart(page);
      const first = await energy(page);

      const wholeBefore = await chartState(page);
      // Zoom into the middle half of the chart before following.
      await page.getByTestId('timeline-plot').focus();
      await page.keyboard.press('+');
      const zoomed = await chartState(page);
      expect(zoomed.xMax - zoomed.xMin).toBeCloseTo((wholeBefore.xMax - wholeBefore.xMin) / 2, 6);

      const sent = harness.ocpi.requests.length;
      const follow = page.getByTestId('follow');
      expect(await follow.getByTestId('follow-interval').innerText()).toMatch(/^every 5 s/);
      await follow.getByLabel('Follow', { exact: true }).check();
      // Two ticks, each one period more: the period table says so.
      await page
        .getByRole('table', { name: `Charging periods (${first.periods + 2})` })
        .waitFor({ timeout: 20_000 });
      await follow.getByLabel('Follow', { exact: true }).uncheck();
      const grown = await energy(page);
      expect(grown.periods).toBe(first.periods + 2);
      expect(grown.kwh).toBeGreaterThan(first.kwh);
      expect(await follow.getByRole('status').innerText()).toMatch(/updated/);

      // The chart shows the same window as before the ticks …
      const after = await chartState(page);
      expect(after.xMin).toBe(zoomed.xMin);
      expect(after.xMax).toBe(zoomed.xMax);
      await screenshot(page, `follow-growing-${role.toLowerCase()}-1280-light`);
      // … and, reset, the whole session: two 30-s periods longer.
      await page.getByTestId('timeline-plot').focus();
      await page.keyboard.press('0');
      const wholeAfter = await chartState(page);
      expect(wholeAfter.xMin).toBe(wholeBefore.xMin);
      expect(wholeAfter.xMax - wholeBefore.xMax).toBe(60);

      const ticks = harness.ocpi.requests.slice(sent).filter((r) => r.path.includes('/sessions'));
      expect(ticks).toHaveLength(2);
      if (role === 'Receiver')
        expect(
          ticks.every((r) => r.path.endsWith('/growing-session/ocpi/2.2.1/receiver/sessions/NL/SIN/GROW-1')),
        ).toBe(true);
      else {
        // Each list starts at the last last_updated seen: the second tick's date_from is 30 s after the first's.
        const froms = ticks.map((r) =>
          Date.parse(new URL(r.path, 'http://x').searchParams.get('date_from') ?? ''),
        );
        expect(
          ticks.every((r) => new URL(r.path, 'http://x').pathname === '/growing-session/ocpi/2.1.1/sessions'),
        ).toBe(true);
        expect(froms[1] - froms[0]).toBe(30_000);
      }
      expect(errors).toEqual([]);
    },
  );
});

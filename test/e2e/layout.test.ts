/**
 * The toolbar at 800, 1024, 1280 and 1440 px: no sideways scroll, Fetch on screen and overlapped by
 * nothing (bounding boxes), the session field usable, and a fetch in progress does not change the bar's
 * height. Then every view at each width, light and dark, into test-output/screenshots/.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, useE2E } from './harness/fixture';
import { mockProfileInput, saveProfile, vendorBaseUrl } from '../../tools/web-harness/mock-profiles';
import {
  chooseProfile,
  fetchSessionInUi,
  openTab,
  waitForError,
  waitForMap,
  waitForSession,
  waitForTimelineChart,
} from './harness/ui';
import type { TabName } from './harness/ui';

const WIDTHS = [800, 1024, 1280, 1440] as const;
const DEMO_SESSION = 'demo-ocpi-221-dc';
const e2e = useE2E();

interface Box {
  name: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The toolbar's controls that show, with their boxes, and the page's scroll and viewport widths. */
async function toolbar(
  page: Page,
): Promise<{ boxes: Box[]; scrollWidth: number; viewport: number; height: number }> {
  return page.evaluate(() => {
    const bar = document.querySelector('header.topbar');
    if (!bar) throw new Error('no toolbar');
    const controls = [...bar.querySelectorAll<HTMLElement>('button, input, select, .badge')].filter(
      (el) => el.getClientRects().length > 0 && !el.closest('[role="menu"]'),
    );
    return {
      boxes: controls.map((el) => {
        const r = el.getBoundingClientRect();
        const name = el.id || el.textContent?.trim() || el.tagName;
        return { name, left: r.left, top: r.top, right: r.right, bottom: r.bottom };
      }),
      scrollWidth: document.documentElement.scrollWidth,
      viewport: document.documentElement.clientWidth,
      height: bar.getBoundingClientRect().height,
    };
  });
}

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
}

function expectTidy(bar: Awaited<ReturnType<typeof toolbar>>, submit: string): void {
  expect(bar.scrollWidth).toBeLessThanOrEqual(bar.viewport);
  const button = bar.boxes.find((b) => b.name === submit);
  if (!button) throw new Error(`no ${submit} button among ${bar.boxes.map((b) => b.name).join(', ')}`);
  expect(button.left).toBeGreaterThanOrEqual(0);
  expect(button.right).toBeLessThanOrEqual(bar.viewport);
  for (const box of bar.boxes) {
    expect(box.right, `${box.name} goes past the right edge`).toBeLessThanOrEqual(bar.viewport);
    expect(box.left, `${box.name} goes past the left edge`).toBeGreaterThanOrEqual(0);
  }
  for (let i = 0; i < bar.boxes.length; i++)
    for (let j = i + 1; j < bar.boxes.length; j++)
      expect(overlaps(bar.boxes[i], bar.boxes[j]), `${bar.boxes[i].name} overlaps ${bar.boxes[j].name}`).toBe(
        false,
      );
  const field = bar.boxes.find((b) => b.name === 'session-id-input');
  expect((field?.right ?? 0) - (field?.left ?? 0)).toBeGreaterThanOrEqual(120);
}

describe.each(WIDTHS)('the toolbar at %i px', (width) => {
  it('fits: no sideways scroll, Fetch visible and not overlapped, same height while fetching', async () => {
    const { harness } = e2e;
    const profile = await saveProfile(
      harness,
      mockProfileInput(`Slow server ${width}`, vendorBaseUrl(harness.mock.baseUrl)),
    );
    await harness.invoke('token:set', { profileId: profile.id, token: harness.mock.token, memoryOnly: true });
    const { page } = await e2e.open({ width, height: 800 });
    await page.getByRole('heading', { name: 'Inspect a charging session' }).waitFor();
    const idle = await toolbar(page);
    expectTidy(idle, 'Fetch');

    await chooseProfile(page, profile.name);
    await page
      .locator('#session-id-input')
      .fill('https://cpo.example.com/ocpi/2.2.1/sessions/fault-slow-drip');
    const withParsed = await toolbar(page);
    expectTidy(withParsed, 'Fetch');
    await fetchSessionInUi(page, 'fault-slow-drip');
    await page.getByTestId('fetch-progress').waitFor();
    const busy = await toolbar(page);
    expectTidy(busy, 'Cancel');
    expect(busy.height).toBe(idle.height);
    await screenshot(page, `toolbar-fetching-${width}`);
    await page.locator('#session-id-input').press('Escape');
  });
});

const VIEWS: { tab: TabName; file: string; ready(page: Page): Promise<void> }[] = [
  { tab: 'Timeline', file: 'timeline', ready: (page) => waitForTimelineChart(page) },
  { tab: 'Map', file: 'map', ready: waitForMap },
  { tab: 'EVSE / connectors', file: 'evse', ready: (page) => page.getByTestId('evse-panel').waitFor() },
  { tab: 'Raw', file: 'raw', ready: (page) => page.getByTestId('raw-panel').waitFor() },
];

describe.each(['light', 'dark'] as const)('every view in %s', (colorScheme) => {
  it.each(WIDTHS)('at %i px is screenshotted and does not scroll sideways', async (width) => {
    const { page, errors } = await e2e.open({ colorScheme, width, height: 900 });
    const noSideways = async (): Promise<void> =>
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
      ).toBeLessThanOrEqual(0);
    await page.getByRole('heading', { name: 'Inspect a charging session' }).waitFor();
    // The toolbar tests above leave another profile active.
    const profiles = await e2e.harness.invoke('profiles:list', undefined);
    const demo = profiles.ok ? profiles.value.profiles.find((p) => p.demo) : undefined;
    if (!demo) throw new Error('no Demo profile');
    await chooseProfile(page, demo.name);
    await screenshot(page, `start-${width}-${colorScheme}`);
    await noSideways();
    await fetchSessionInUi(page, DEMO_SESSION);
    await waitForSession(page);
    for (const view of VIEWS) {
      await openTab(page, view.tab);
      await view.ready(page);
      await screenshot(page, `${view.file}-${width}-${colorScheme}`);
      await noSideways();
    }
    await fetchSessionInUi(page, 'no-such-demo-session');
    await waitForError(page);
    await screenshot(page, `error-${width}-${colorScheme}`);
    await noSideways();
    expect(errors).toEqual([]);
  });
});

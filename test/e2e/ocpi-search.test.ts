/**
 * Search in Chromium against the spec-conformant local OCPI server: pages stream in with X-Total-Count,
 * "only with findings" narrows the table, the columns sort, a row opens in the inspector (found by the
 * usual fetch, its Location too), and the view at 800–1440 px in light and dark.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEFAULT_MAX_BYTES, type Profile } from '../../shared/domain/profile';
import { screenshot, useE2E } from './harness/fixture';

const e2e = useE2E();

async function ocpiProfile(name: string): Promise<Profile> {
  const { harness } = e2e;
  const saved = await harness.invoke('profiles:save', {
    name,
    baseUrl: harness.ocpi.baseUrl,
    flavour: 'ocpi-2.2.1',
    auth: { kind: 'token' },
    base64Token: false,
    timeouts: { connectMs: 3_000, totalMs: 15_000 },
    maxBytes: DEFAULT_MAX_BYTES,
    ocpi: { versionsUrl: harness.ocpi.versionsUrl('') },
  });
  if (!saved.ok) throw new Error(saved.error.message);
  await harness.invoke('token:set', {
    profileId: saved.value.id,
    token: harness.ocpi.token,
    memoryOnly: true,
  });
  await harness.invoke('settings:update', { activeProfileId: saved.value.id });
  return saved.value;
}

async function searchAll(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Search', exact: true }).first().click();
  const view = page.getByRole('region', { name: 'Search sessions' });
  await view.getByRole('button', { name: 'Search', exact: true }).click();
  await page.getByTestId('search-progress').filter({ hasText: 'Done' }).waitFor({ timeout: 20_000 });
  // Rows past a frame's budget get their cells a frame or two later (useRowBudget).
  await expect
    .poll(() =>
      bodyRows(page)
        .filter({ hasNot: page.getByRole('cell') })
        .count(),
    )
    .toBe(0);
}

const bodyRows = (page: Page) => page.locator('.search-table__row--body');

describe('search', () => {
  it('streams every page, shows X-Total-Count, filters to findings, sorts, and opens a row in the inspector', async () => {
    await ocpiProfile('CPO search');
    const { page, errors } = await e2e.open({ width: 1280 });
    await searchAll(page);
    const progress = await page.getByTestId('search-progress').innerText();
    // 600 sessions over the last 20 hours, 50 a page; the default window is the last 24 h.
    expect(progress).toContain('600 sessions listed');
    expect(progress).toContain('X-Total-Count 600');
    expect(progress).toContain('12 pages');
    const table = page.getByRole('table', { name: /Sessions found/ });
    expect(await table.getAttribute('aria-label')).toBe('Sessions found (600)');
    // Virtualized: far fewer rows in the DOM than found.
    expect(await bodyRows(page).count()).toBeLessThan(80);

    await page.getByLabel('Only with findings').check();
    const label = (await table.getAttribute('aria-label')) ?? '';
    const withFindings = Number(/\((\d+)\)/.exec(label)?.[1]);
    expect(withFindings).toBeGreaterThan(0);
    expect(withFindings).toBeLessThan(600);
    const checks = await bodyRows(page).locator('[role=cell]:last-child').allInnerTexts();
    expect(checks.every((c) => c.trim() !== '')).toBe(true);
    await page.getByLabel('Only with findings').uncheck();

    await page.getByRole('button', { name: 'Id', exact: true }).click();
    await page.getByRole('button', { name: 'Id', exact: true }).click();
    const firstId = await bodyRows(page).first().locator('[role=cell]').first().innerText();
    expect(firstId).toBe('S000600');

    await bodyRows(page).first().click();
    await page.getByRole('heading', { name: 'Session S000600' }).waitFor({ timeout: 20_000 });
    const sessionFetch = e2e.harness.ocpi.requests.filter((r) => r.path.includes('/sessions'));
    // Found by the Receiver GET (the row names its party) — never {sessions}/{id} on the Sender.
    expect(sessionFetch.some((r) => /\/receiver\/sessions\/NL\/SIN\/S000600$/.test(r.path))).toBe(true);
    expect(sessionFetch.every((r) => !/\/sender\/sessions\/[^?]/.test(r.path))).toBe(true);
    expect(errors).toEqual([]);
  });

  it('the top bar time hint is passed to the fetch: a Sender search lists around it first', async () => {
    await ocpiProfile('CPO hint');
    const { page, errors } = await e2e.open({ width: 1280 });
    const before = e2e.harness.ocpi.requests.length;
    // S000300 was last updated about 10 hours ago (600 sessions, 2 minutes apart, ending now).
    const hint = new Date(Date.now() - 10 * 3_600_000);
    const local = new Date(hint.getTime() - hint.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    await page.getByLabel('Around (last updated, local time)').fill(local);
    await page.getByLabel('Session id or URL').fill('S000300');
    await page.getByRole('button', { name: 'Fetch' }).click();
    await page.getByRole('heading', { name: 'Session S000300' }).waitFor({ timeout: 20_000 });
    const lists = e2e.harness.ocpi.requests
      .slice(before)
      .filter((r) => /\/sender\/sessions\?/.test(r.path) && r.path.includes('date_from'));
    const from = Date.parse(new URL(lists[0].path, 'http://x').searchParams.get('date_from') ?? '');
    // The first window is the 24 h centred on the hint (to the minute typed), not the last 24 h from now.
    expect(Math.abs(from - (hint.getTime() - 12 * 3_600_000))).toBeLessThan(60_000);
    expect(errors).toEqual([]);
  });

  for (const colorScheme of ['light', 'dark'] as const)
    for (const width of [800, 1024, 1280, 1440])
      it(`looks right at ${width} px (${colorScheme})`, async () => {
        const { page, errors } = await e2e.open({ width, colorScheme, height: 800 });
        await searchAll(page);
        await screenshot(page, `search-${width}-${colorScheme}`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        expect(errors).toEqual([]);
      });
});

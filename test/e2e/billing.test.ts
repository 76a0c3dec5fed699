/**
 * The Billing tab: open a session file, attach its CDR and a tariff through the (scripted) Open dialog, read
 * the side-by-side comparison, the breakdown rows and the billing checks, follow a check to the timeline;
 * a CDR opened alone opens as a CDR; Find CDR on the local OCPI server (found, beside the session) and on the
 * Demo profile (none: CDR_MISSING). Screenshots at 800–1440 px, light and dark.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { agreeingCdr, agreeingSession } from '../fixtures/billing/cdrs';
import { agreeingTariff } from '../fixtures/billing/tariffs';
import { screenshot, useE2E } from './harness/fixture';
import { saveOcpiProfile } from './harness/ocpi-profile';
import { chooseProfile, fetchSessionInUi, openFileInUi, waitForSession } from './harness/ui';

const e2e = useE2E();
let dir: string;
const paths = { session: '', cdr: '', tariff: '' };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'e2e-billing-'));
  paths.session = join(dir, 'session.json');
  paths.cdr = join(dir, 'cdr.json');
  paths.tariff = join(dir, 'tariff.json');
  await writeFile(paths.session, JSON.stringify(agreeingSession()));
  // Bills 5 kWh more than the session and its periods, and a total the engine does not reach.
  await writeFile(
    paths.cdr,
    JSON.stringify(agreeingCdr([], { total_energy: 15, total_cost: { excl_vat: 5, incl_vat: 6.05 } })),
  );
  await writeFile(paths.tariff, JSON.stringify({ status_code: 1000, data: [agreeingTariff()] }));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function attach(page: Page, path: string): Promise<void> {
  e2e.harness.dialogs.openPaths.push(path);
  const before = e2e.harness.ipcLog.filter((r) => r.channel === 'billing:attach-file').length;
  await page.getByRole('button', { name: 'Attach CDR or tariff…' }).click();
  await expect
    .poll(() => e2e.harness.ipcLog.filter((r) => r.channel === 'billing:attach-file').length)
    .toBeGreaterThan(before);
}

async function sessionWithBilling(page: Page): Promise<void> {
  await openFileInUi(page, e2e.harness, paths.session);
  await page.getByRole('tab', { name: /^Billing/ }).click();
  await expect
    .poll(() => page.getByTestId('billing-panel').innerText())
    .toContain('No CDR or tariff attached');
  await attach(page, paths.cdr);
  await page.getByTestId('billing-comparison').waitFor();
  await attach(page, paths.tariff);
  await page.getByTestId('billing-breakdown').waitFor();
}

describe('Billing tab', () => {
  it('shows the session beside its CDR, the tariff in words, the breakdown and the billing checks', async () => {
    const { page, errors } = await e2e.open({ width: 1440 });
    await sessionWithBilling(page);

    const rows = await page
      .getByTestId('billing-breakdown')
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
      );
    expect(rows.map((r) => r.slice(0, 9))).toEqual([
      ['ENERGY', 'T1', '1', '10', 'kWh', '€0.25', '21%', '€2.50', '€3.03'],
      ['PARKING_TIME', 'T1', '1', '0.25', 'h', '€6.00', '21%', '€1.50', '€1.82'],
    ]);
    expect(await page.getByTestId('billing-total').innerText()).toMatch(
      /€4\.00 excl\. VAT, €4\.84 incl\. VAT/,
    );
    expect(await page.getByTestId('billing-tariffs').innerText()).toContain('T1: €0.25/kWh');

    const energy = page.getByTestId('billing-comparison').locator('tr', { hasText: 'Energy (kWh)' });
    expect(await energy.innerText()).toMatch(/10\s+15\s+✗ differs \(CDR_ENERGY_MISMATCH\)/);
    const start = page.getByTestId('billing-comparison').locator('tr', { hasText: 'Start' });
    expect(await start.innerText()).toContain('✓ agrees');

    const checks = await page.getByTestId('billing-checks').innerText();
    expect(checks).toContain('CDR_COST_MISMATCH');
    expect(checks).toContain('CDR_TOTALS_INCONSISTENT');
    const fired = await page.getByTestId('billing-checks').locator('li').count();
    expect(fired).toBe(4);
    expect(await page.getByRole('tab', { name: /^Billing/ }).innerText()).toMatch(
      new RegExp(`Billing\\s*${fired}`),
    );

    // The check about the session's periods leads to the timeline.
    await page
      .getByTestId('billing-checks')
      .getByRole('button', { name: /Show periods 1–3 on the timeline/ })
      .click();
    await expect
      .poll(() => page.getByRole('tab', { name: 'Timeline' }).getAttribute('aria-selected'))
      .toBe('true');

    await page.getByRole('tab', { name: /^Billing/ }).click();
    await page.getByRole('button', { name: 'Detach' }).click();
    await expect
      .poll(() => page.getByTestId('billing-panel').innerText())
      .toContain('No CDR or tariff attached');
    expect(errors).toEqual([]);
  });

  it('a demo session with billing comes with its CDR and tariffs attached', async () => {
    const { page, errors } = await e2e.open({ width: 1440 });
    await fetchSessionInUi(page, 'demo-billing-disputed');
    await waitForSession(page);
    await page.getByRole('tab', { name: /^Billing/ }).click();
    const checks = await page.getByTestId('billing-checks').innerText();
    expect(checks).toContain('CDR_COST_MISMATCH');
    expect(checks).toContain('CDR_ENERGY_MISMATCH');
    const dimensions = await page
      .getByTestId('billing-breakdown')
      .locator('tbody tr td:first-child')
      .allInnerTexts();
    expect(dimensions).toContain('ENERGY');
    expect(await page.getByTestId('billing-tariffs').innerText()).toContain('DC-FAST');
    await page.getByTestId('billing-checks').scrollIntoViewIfNeeded();
    await screenshot(page, 'billing-demo-disputed-1440-light');
    expect(errors).toEqual([]);
  });

  it('opens a CDR alone as a CDR, on its Billing tab', async () => {
    const { page, errors } = await e2e.open({ width: 1280 });
    e2e.harness.dialogs.openPaths.push(paths.cdr);
    await page.getByRole('button', { name: 'Open file', exact: true }).first().click();
    await page.getByTestId('cdr-notice').waitFor();
    expect(await page.getByTestId('details-panel').count()).toBe(0);
    expect(await page.getByTestId('cdr-notice').innerText()).toContain('No session: this is a CDR');
    expect(await page.getByRole('tab', { name: /^Billing/ }).getAttribute('aria-selected')).toBe('true');
    expect(await page.getByTestId('billing-checks').innerText()).toContain('CDR_ENERGY_MISMATCH');
    await screenshot(page, 'billing-cdr-alone-1280-light');
    expect(errors).toEqual([]);
  });

  describe.each(['light', 'dark'] as const)('in %s', (colorScheme) => {
    it.each([800, 1024, 1280, 1440])('fits %i px', async (width) => {
      const { page, errors } = await e2e.open({ colorScheme, width, height: 1000 });
      await sessionWithBilling(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.getByTestId('billing-checks').scrollIntoViewIfNeeded();
      await screenshot(page, `billing-${width}-${colorScheme}`);
      expect(errors).toEqual([]);
    });
  });
});

describe('Find CDR through the discovered OCPI endpoints', () => {
  let profileName = '';
  beforeAll(async () => {
    profileName = (
      await saveOcpiProfile(e2e.harness, 'Lab OCPI', e2e.harness.ocpi.token, { version: '2.2.1' })
    ).name;
  });

  /** A COMPLETED 2.2.1 session of the local server, by CC/PARTY/ID: its CDR is searched at once. */
  async function fetchedWithCdr(page: Page): Promise<void> {
    await chooseProfile(page, profileName);
    await fetchSessionInUi(page, 'NL/SIN/S000100');
    await waitForSession(page);
    await page.getByRole('tab', { name: /^Billing/ }).click();
    await page.getByTestId('cdr-search-result').waitFor({ timeout: 30_000 });
  }

  it('a fetched session finds its CDR: shown beside the session with the breakdown; Find CDR again', async () => {
    const { page, errors } = await e2e.open({ width: 1440 });
    await fetchedWithCdr(page);
    expect(await page.getByTestId('cdr-search-result').innerText()).toMatch(
      /CDR found on Lab OCPI, matched on session_id \(\d+ CDRs? listed\)/,
    );
    const compare = page.getByTestId('billing-comparison');
    expect(await compare.locator('tr', { hasText: 'CDR id' }).innerText()).toContain('CDR-S000100');
    expect(await compare.locator('tr', { hasText: 'Session id' }).innerText()).toMatch(
      /S000100\s+S000100\s+✓ agrees/,
    );
    expect(await compare.locator('tr', { hasText: 'Energy (kWh)' }).innerText()).toContain('✓ agrees');
    expect(await page.getByTestId('billing-breakdown').locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('billing-tariffs').innerText()).toContain('DC-FAST');

    const before = e2e.harness.ipcLog.filter((r) => r.channel === 'billing:find-cdr').length;
    expect(before).toBe(1);
    await page.getByTestId('find-cdr').click();
    await expect
      .poll(() => e2e.harness.ipcLog.filter((r) => r.channel === 'billing:find-cdr').length)
      .toBe(2);
    await page.getByTestId('cdr-search-result').waitFor();

    // Kept in Recent with its CDR: reopened from there (no network needed), the Billing tab shows it again.
    await page.getByRole('button', { name: /^Recent/ }).click();
    const row = page.getByTestId('recent-menu').locator('.recent-menu__row', { hasText: 'S000100' });
    await row.first().getByRole('menuitem').click();
    await waitForSession(page);
    await page.getByRole('tab', { name: /^Billing/ }).click();
    expect(
      await page.getByTestId('billing-comparison').locator('tr', { hasText: 'CDR id' }).innerText(),
    ).toContain('CDR-S000100');
    expect(await page.getByTestId('billing-breakdown').locator('tbody tr').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  it('the Demo profile: a session its CPO never billed gets CDR_MISSING from Find CDR', async () => {
    const { page, errors } = await e2e.open({ width: 1280 });
    await chooseProfile(page, 'Demo (bundled sessions)');
    await fetchSessionInUi(page, 'demo-billing-no-cdr');
    await waitForSession(page);
    await page.getByRole('tab', { name: /^Billing/ }).click();
    await page.getByTestId('find-cdr').click();
    await page.getByTestId('cdr-search-result').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('cdr-search-result').innerText()).toMatch(
      /No CDR for this session on Demo \(bundled sessions\): last_updated searched 2024-/,
    );
    expect(await page.getByTestId('billing-checks').innerText()).toMatch(/CDR_MISSING[\s\S]*more than 48 h/);
    await screenshot(page, 'billing-cdr-missing-1280-light');
    expect(errors).toEqual([]);
  });

  describe.each(['light', 'dark'] as const)('in %s', (colorScheme) => {
    it('fits 800 to 1440 px with the CDR found', async () => {
      const { page, errors } = await e2e.open({ colorScheme, width: 1440, height: 1000 });
      await fetchedWithCdr(page);
      for (const width of [800, 1024, 1280, 1440]) {
        await page.setViewportSize({ width, height: 1000 });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${width} px`).toBeLessThanOrEqual(0);
        await screenshot(page, `billing-find-cdr-${width}-${colorScheme}`);
      }
      expect(errors).toEqual([]);
    });
  });
});

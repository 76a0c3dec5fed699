/**
 * The top bar's flow in the browser: a slow fetch shows its progress and Esc cancels it; a pasted session
 * URL is reduced to its id; Ctrl+L focuses the id field and Ctrl+Shift+C copies the triage summary.
 */
import { describe, expect, it } from 'vitest';
import { useE2E } from './harness/fixture';
import { mockProfileInput, saveProfile, vendorBaseUrl } from '../../tools/web-harness/mock-profiles';
import { chooseProfile, fetchSessionInUi, waitForSession } from './harness/ui';

const e2e = useE2E();

describe('top bar flow', () => {
  it('shows a slow fetch in progress and cancels it on Esc', async () => {
    const { harness } = e2e;
    const profile = await saveProfile(
      harness,
      mockProfileInput('Slow server', vendorBaseUrl(harness.mock.baseUrl)),
    );
    await harness.invoke('token:set', { profileId: profile.id, token: harness.mock.token, memoryOnly: true });
    const { page, errors } = await e2e.open();
    await chooseProfile(page, profile.name);
    await fetchSessionInUi(page, 'fault-slow-drip');

    const progress = page.getByTestId('fetch-progress');
    await progress.waitFor();
    // The server drips a byte every 50 ms: the count shown grows while we watch.
    await expect
      .poll(async () => /Fetching session · \d+\.\d s · [1-9]/.test(await progress.innerText()))
      .toBe(true);

    await page.locator('#session-id-input').press('Escape');
    await progress.waitFor({ state: 'detached' });
    expect(await page.getByTestId('status-line').innerText()).toMatch(/cancelled/i);
    await expect.poll(() => harness.ipcLog.some((entry) => entry.channel === 'session:cancel')).toBe(true);
    const cancel = harness.ipcLog.find((entry) => entry.channel === 'session:cancel');
    expect(cancel?.resultText).toBe('{"ok":true,"value":true}');
    expect(await page.getByTestId('error-banner').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('takes the id from a pasted session URL', async () => {
    const { page } = await e2e.open();
    await fetchSessionInUi(page, 'https://gateway.example.invalid/ocpi/2.3.0/sessions/demo-ocpi-230?x=1');
    await waitForSession(page);
    expect(await page.getByTestId('details-panel').innerText()).toContain('demo-ocpi-230');
  });

  it('focuses the id field on Ctrl+L and copies the triage summary on Ctrl+Shift+C', async () => {
    const { page, context } = await e2e.open();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: e2e.harness.url });
    await fetchSessionInUi(page, 'demo-wh-units');
    await waitForSession(page);

    await page.getByTestId('details-panel').click();
    await page.keyboard.press('Control+l');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('session-id-input');

    await page.keyboard.press('Control+Shift+C');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('demo-wh-units');
    const summary = await page.evaluate(() => navigator.clipboard.readText());
    expect(summary).toMatch(/^#/m);
    expect(summary).toContain('kWh');
    // The Wh-units session fires its check, and the summary carries it.
    expect(summary).toContain('ENERGY_UNIT_SUSPECT');
  });
});

/**
 * The Settings dialog in Chromium: focus after each action stays in the dialog (Esc still closes it), Add
 * profile focuses Name, and moving a profile with a token to another origin says the token will be cleared
 * — then the new origin never receives it.
 */
import { describe, expect, it } from 'vitest';
import { screenshot, useE2E } from './harness/fixture';
import { mockProfileInput, saveProfile, vendorBaseUrl } from '../../tools/web-harness/mock-profiles';

const e2e = useE2E();

const focusedLabel = () =>
  document.activeElement?.getAttribute('aria-label') ??
  document.activeElement?.closest('label')?.querySelector('span')?.textContent ??
  document.activeElement?.textContent ??
  null;

describe('the Settings dialog', () => {
  it('keeps focus inside through Add, Save and Cancel, and Esc closes it', async () => {
    const { page, errors } = await e2e.open({ width: 1024 });
    await page.getByRole('button', { name: 'Settings' }).click();
    const settings = page.getByRole('dialog', { name: 'Settings' });
    await settings.getByRole('button', { name: 'Add profile' }).click();
    expect(await page.evaluate(focusedLabel)).toBe('Name');
    const form = settings.getByRole('form', { name: 'New profile' });
    await form.getByLabel('Name').fill('Focus test');
    await form.getByLabel('Base URL').fill(vendorBaseUrl(e2e.harness.mock.baseUrl));
    await form.getByRole('button', { name: 'Save profile' }).click();
    await form.waitFor({ state: 'detached' });
    expect(await page.evaluate(focusedLabel)).toBe('Add profile');
    await settings.getByRole('button', { name: 'Edit Focus test' }).click();
    await settings.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.evaluate(focusedLabel)).toBe('Edit Focus test');
    await page.keyboard.press('Escape');
    await settings.waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
  });

  it.each(['light', 'dark'] as const)(
    'warns before a token follows the profile to another origin (%s)',
    async (colorScheme) => {
      const { harness } = e2e;
      const profile = await saveProfile(
        harness,
        mockProfileInput(`Moving ${colorScheme}`, vendorBaseUrl(harness.mock.baseUrl)),
      );
      await harness.invoke('token:set', {
        profileId: profile.id,
        token: harness.mock.token,
        memoryOnly: true,
      });
      const { page } = await e2e.open({ colorScheme, width: 1024 });
      await page.getByRole('button', { name: 'Settings' }).click();
      const settings = page.getByRole('dialog', { name: 'Settings' });
      await settings.getByRole('button', { name: `Edit ${profile.name}` }).click();
      await settings.getByLabel('Base URL').fill('https://elsewhere.example/ocpi');
      const note = settings.getByTestId('token-origin-note');
      await note.waitFor();
      expect(await note.innerText()).toContain('https://elsewhere.example');
      await screenshot(page, `settings-token-origin-${colorScheme}`);
      await settings.getByRole('button', { name: 'Save profile' }).click();
      await expect
        .poll(async () => {
          const state = await harness.invoke('token:state', { profileId: profile.id });
          return state.ok ? state.value.status : state.error.kind;
        })
        .toBe('unset');
    },
  );
});

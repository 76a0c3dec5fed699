/**
 * A token set through the UI lands in the real keychain (read back here through keytar) and is then used
 * for a fetch, while the token string appears nowhere the renderer can see: not in the DOM, not in any IPC
 * result, not in local or session storage.
 */
import { describe, expect, it } from 'vitest';
import keytar from 'keytar';
import { KEYCHAIN_SERVICE } from '../../services/storage/token-store';
import { useE2E } from './harness/fixture';
import { MOCK_SESSION, vendorBaseUrl } from '../../tools/web-harness/mock-profiles';
import { chooseProfile, fetchSessionInUi, waitForSession } from './harness/ui';

const PROFILE_NAME = 'Local OCPI (e2e)';

const e2e = useE2E();

describe('setting a token through the UI', () => {
  it('stores it in the keychain, uses it, and never shows it to the renderer', async () => {
    const { harness } = e2e;
    const token = harness.mock.token;
    const { page, errors } = await e2e.open();

    // Add a profile for the local OCPI server, as a user would.
    await page.getByRole('button', { name: 'Settings' }).click();
    const settings = page.getByRole('dialog', { name: 'Settings' });
    await settings.getByRole('button', { name: 'Add profile' }).click();
    const form = settings.getByRole('form', { name: 'New profile' });
    await form.getByLabel('Name').fill(PROFILE_NAME);
    await form.getByLabel('Base URL').fill(vendorBaseUrl(harness.mock.baseUrl));
    await form.getByLabel('API flavour').selectOption('vendor');
    await form.getByRole('button', { name: 'Save profile' }).click();
    await settings.getByRole('button', { name: `Token for ${PROFILE_NAME}` }).click();

    const dialog = page.getByRole('dialog', { name: `Token for ${PROFILE_NAME}` });
    await dialog.getByLabel('Token', { exact: true }).fill(token);
    await dialog.getByRole('button', { name: 'Save token' }).click();
    await dialog.waitFor({ state: 'detached' });

    const profiles = await harness.invoke('profiles:list', undefined);
    const profile = profiles.ok ? profiles.value.profiles.find((p) => p.name === PROFILE_NAME) : undefined;
    if (!profile) throw new Error('the profile was not saved');
    expect(await keytar.getPassword(KEYCHAIN_SERVICE, profile.id)).toBe(token);

    if (await page.getByRole('dialog', { name: 'Settings' }).isVisible()) {
      await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
    }
    await chooseProfile(page, PROFILE_NAME);
    expect(await page.getByTestId('token-state').innerText()).toBe('Token set');
    await fetchSessionInUi(page, MOCK_SESSION);
    await waitForSession(page);
    // The local server saw the token: the fetch really used it.
    expect(harness.mock.requests.some((request) => JSON.stringify(request.headers).includes(token))).toBe(
      true,
    );

    const seen = await page.evaluate(() => ({
      dom: document.documentElement.outerHTML,
      inputs: [...document.querySelectorAll('input')].map((input) => input.value),
      storage: JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
    }));
    expect(seen.dom).not.toContain(token);
    expect(seen.inputs.join('\n')).not.toContain(token);
    expect(seen.storage).not.toContain(token);
    expect(harness.ipcLog.length).toBeGreaterThan(5);
    expect(harness.ipcLog.filter((record) => record.resultText.includes(token))).toEqual([]);
    expect(errors).toEqual([]);

    await keytar.deletePassword(KEYCHAIN_SERVICE, profile.id);
  });
});

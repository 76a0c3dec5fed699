/**
 * Settings → OCPI in Chromium against the spec-conformant local server: Test connection reports discovery
 * and the limit=1 list step by step and the discovered endpoints show with their roles; a refused token
 * says what to change.
 */
import { describe, expect, it } from 'vitest';
import type { Profile } from '../../shared/domain/profile';
import { screenshot, useE2E } from './harness/fixture';
import { saveOcpiProfile } from './harness/ocpi-profile';

const e2e = useE2E();

const ocpiProfile = (name: string, token: string): Promise<Profile> =>
  saveOcpiProfile(e2e.harness, name, token);

describe('OCPI settings', () => {
  it.each(['light', 'dark'] as const)(
    'Test connection reports each step and shows the discovered endpoints (%s)',
    async (colorScheme) => {
      const profile = await ocpiProfile(`CPO ${colorScheme}`, e2e.harness.ocpi.token);
      const { page, errors } = await e2e.open({ colorScheme, width: 1024 });
      await page.getByRole('button', { name: 'Settings' }).click();
      const settings = page.getByRole('dialog', { name: 'Settings' });
      await settings.getByRole('button', { name: `Edit ${profile.name}` }).click();
      await settings.getByRole('button', { name: 'Test connection' }).click();
      const steps = settings.getByTestId('connection-test');
      await steps.waitFor({ timeout: 15_000 });
      const text = await steps.innerText();
      expect(text).toContain('✓ Discovery');
      expect(text).toContain('OCPI 2.3.0');
      expect(text).toContain('✓ Sessions list (limit=1)');
      expect(text).toContain('X-Total-Count 600');
      const endpoints = settings.getByRole('table', { name: 'Discovered endpoints' });
      expect(await endpoints.innerText()).toMatch(/sessions\s+SENDER/);
      // What the test found is not an unsaved change.
      expect(await settings.getByText('save your changes first').count()).toBe(0);
      await screenshot(page, `settings-ocpi-test-${colorScheme}`);
      expect(errors).toEqual([]);
    },
  );

  it('a refused token fails discovery and says what to change', async () => {
    const profile = await ocpiProfile('CPO wrong token', 'not-the-token-1234');
    const { page, errors } = await e2e.open({ width: 1024 });
    await page.getByRole('button', { name: 'Settings' }).click();
    const settings = page.getByRole('dialog', { name: 'Settings' });
    await settings.getByRole('button', { name: `Edit ${profile.name}` }).click();
    await settings.getByRole('button', { name: 'Test connection' }).click();
    const steps = settings.getByTestId('connection-test');
    await steps.waitFor({ timeout: 15_000 });
    const text = await steps.innerText();
    expect(text).toContain('✗ Discovery');
    expect(text).toMatch(/token/i);
    expect(text).not.toContain('Sessions list');
    expect(errors).toEqual([]);
  });
});

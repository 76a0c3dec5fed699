/**
 * Live follow in Chromium against the spec-conformant local OCPI server: an ACTIVE session fetched by
 * CC/PARTY/ID offers Follow; each tick re-GETs it on the Receiver interface (the local server's sessions do
 * not change, so every tick says "no change"), and the session stays shown.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_BYTES } from '../../shared/domain/profile';
import { screenshot, useE2E } from './harness/fixture';

const e2e = useE2E();

describe('follow', () => {
  it('re-fetches an ACTIVE session on its Receiver interface every N seconds', async () => {
    const { harness } = e2e;
    const saved = await harness.invoke('profiles:save', {
      name: 'CPO follow',
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
    const { page, errors } = await e2e.open({ width: 1280 });
    await page.getByLabel('Session id or URL').fill('NL/SIN/S000008');
    await page.getByRole('button', { name: 'Fetch' }).click();
    await page.getByRole('heading', { name: 'Session S000008' }).waitFor({ timeout: 20_000 });
    const follow = page.getByTestId('follow');
    await follow.getByLabel('Follow interval in seconds').fill('5');
    const before = harness.ocpi.requests.filter((r) =>
      r.path.endsWith('/receiver/sessions/NL/SIN/S000008'),
    ).length;
    await follow.getByLabel('Follow', { exact: true }).check();
    await follow.getByRole('status').filter({ hasText: 'no change' }).waitFor({ timeout: 15_000 });
    const after = harness.ocpi.requests.filter((r) =>
      r.path.endsWith('/receiver/sessions/NL/SIN/S000008'),
    ).length;
    expect(after).toBe(before + 1);
    await screenshot(page, 'follow-1280-light');
    await follow.getByLabel('Follow', { exact: true }).uncheck();
    expect(errors).toEqual([]);
  });
});

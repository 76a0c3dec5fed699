/**
 * Recent keeps distinct sessions apart: three files that all hold session `101`, opened from three folders,
 * are three entries (identified by source and ids), each with its status, kWh and time; search narrows
 * them, and one click reopens the right one with no network.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { screenshot, useE2E } from './harness/fixture';
import { openFileInUi, waitForSession } from './harness/ui';

const e2e = useE2E();

function session101(kwh: number, status: string): string {
  return JSON.stringify({
    id: '101',
    start_datetime: '2024-05-02T08:00:00Z',
    end_datetime: '2024-05-02T09:00:00Z',
    kwh,
    auth_id: 'CARD-1',
    auth_method: 'WHITELIST',
    currency: 'EUR',
    status,
    charging_periods: [
      { start_datetime: '2024-05-02T08:00:00Z', dimensions: [{ type: 'ENERGY', volume: kwh }] },
    ],
    last_updated: '2024-05-02T09:00:00Z',
  });
}

describe('Recent', () => {
  it('keeps three same-id files from three folders apart, searchable, and reopens the one chosen', async () => {
    const { harness } = e2e;
    const { page, errors } = await e2e.open({ width: 1280 });
    const files = [
      ['site-a', 1.5, 'COMPLETED'],
      ['site-b', 2.75, 'INVALID'],
      ['site-c', 4.25, 'COMPLETED'],
    ] as const;
    for (const [folder, kwh, status] of files) {
      const dir = join(harness.userDataDir, 'files', folder);
      await mkdir(dir, { recursive: true });
      const path = join(dir, '101.json');
      await writeFile(path, session101(kwh, status));
      await openFileInUi(page, harness, path);
    }

    await page.getByRole('button', { name: /^Recent/ }).click();
    const menu = page.getByTestId('recent-menu');
    const rows = menu.locator('.recent-menu__row');
    await expect.poll(() => rows.count()).toBe(3);
    const texts = await rows.allTextContents();
    for (const kwh of ['1.5 kWh', '2.75 kWh', '4.25 kWh'])
      expect(
        texts.some((t) => t.includes(kwh)),
        kwh,
      ).toBe(true);
    expect(texts.filter((t) => t.includes('101'))).toHaveLength(3);
    expect(texts.some((t) => t.includes('INVALID'))).toBe(true);
    await screenshot(page, 'recent-three-same-id-light-1280');

    await page.getByRole('searchbox', { name: 'Search recent sessions' }).fill('INVALID');
    await expect.poll(() => rows.count()).toBe(1);
    await rows.first().getByRole('menuitem').click();
    await waitForSession(page);
    await expect.poll(() => page.getByTestId('details-panel').textContent()).toContain('2.75');
    expect(errors).toEqual([]);
  });
});

/**
 * Export through the UI, then open the file again through the UI: the session that comes back is the one
 * that left (the "export, re-open the file, and compare").
 */
import { describe, expect, it } from 'vitest';
import { readFile, stat } from 'node:fs/promises';
import type { LoadedSession } from '../../shared/domain/loaded-session';
import type { Page } from 'playwright-core';
import { decodeIpc } from '../../tools/web-harness/codec';
import { useE2E } from './harness/fixture';
import type { Harness } from '../../tools/web-harness/harness';
import { fetchSessionInUi, waitForSession } from './harness/ui';

const DEMO_SESSION = 'demo-ocpi-221-dc';

const e2e = useE2E();

/** The session the page received on the most recent call of a channel. */
function lastLoaded(harness: Harness, channel: 'session:fetch' | 'session:open-dialog'): LoadedSession {
  const record = harness.ipcLog.findLast((entry) => entry.channel === channel);
  if (!record) throw new Error(`no ${channel} call was made`);
  const result = decodeIpc(record.resultText) as { ok: boolean; value: LoadedSession };
  if (!result.ok) throw new Error(`${channel} failed: ${record.resultText.slice(0, 300)}`);
  return result.value;
}

/** The Details panel as label → text, without the Source row (a file, not a fetch, the second time). */
async function detailRows(page: Page): Promise<Record<string, string>> {
  const rows = await page
    .getByTestId('details-panel')
    .locator('dt')
    .evaluateAll((terms) =>
      terms.map((dt) => [dt.textContent ?? '', dt.nextElementSibling?.textContent ?? '']),
    );
  const byLabel = Object.fromEntries(rows);
  expect(Object.keys(byLabel).length).toBeGreaterThan(8);
  delete byLabel.Source;
  return byLabel;
}

describe('export and re-open through the UI', () => {
  it('re-opens an exported bundle as the same session', async () => {
    const { harness } = e2e;
    const { page, errors } = await e2e.open();
    await fetchSessionInUi(page, DEMO_SESSION);
    await waitForSession(page);
    const fetched = lastLoaded(harness, 'session:fetch');
    const detailsBefore = await detailRows(page);

    const asked = harness.dialogs.asked.length;
    await page.getByRole('button', { name: /^Export/ }).click();
    await page.getByRole('menuitem', { name: /^Bundle \(/ }).click();
    await expect.poll(() => harness.dialogs.asked.length).toBeGreaterThan(asked);
    const question = harness.dialogs.asked[asked];
    if (question.kind !== 'save') throw new Error(`expected a Save dialog, got ${question.kind}`);
    const path = `${harness.exportDir}/${question.suggestedName}`;
    await expect
      .poll(() =>
        stat(path).then(
          (s) => s.size,
          () => 0,
        ),
      )
      .toBeGreaterThan(0);
    expect(JSON.parse(await readFile(path, 'utf8'))).toBeTypeOf('object');

    harness.dialogs.openPaths.push(path);
    await page.getByRole('button', { name: 'Open file', exact: true }).click();
    await expect
      .poll(() => harness.ipcLog.some((entry) => entry.channel === 'session:open-dialog'))
      .toBe(true);
    await waitForSession(page);
    const reopened = lastLoaded(harness, 'session:open-dialog');

    expect(reopened.session).toEqual(fetched.session);
    expect(reopened.checks).toEqual(fetched.checks);
    expect(reopened.rawText).toBe(fetched.rawText);
    expect(await detailRows(page)).toEqual(detailsBefore);
    expect(errors).toEqual([]);
  });
});

/**
 * The window's CSP is strict (`style-src 'self'`: no inline styles from markup) and the app still works
 * under it: every view of a real session and the Settings dialog raise no CSP violation.
 */
import { expect, it } from 'vitest';
import { useE2E } from './harness/fixture';
import { fetchSessionInUi, openTab, waitForMap, waitForSession, waitForTimelineChart } from './harness/ui';

const e2e = useE2E();

it('serves the page with style-src self only, and no view violates it', async () => {
  const response = await fetch(e2e.harness.url);
  const csp = response.headers.get('content-security-policy') ?? '';
  expect(csp.split('; ')).toContain("style-src 'self'");
  expect(csp).not.toContain('unsafe-inline');

  const { page, context, errors } = await e2e.open();
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`),
    );
  });
  await page.reload();
  await fetchSessionInUi(page, 'demo-ocpi-221-dc');
  await waitForSession(page);
  await waitForTimelineChart(page);
  await openTab(page, 'Map');
  await waitForMap(page);
  await page.locator('.leaflet-interactive').last().hover();
  await openTab(page, 'EVSE / connectors');
  await openTab(page, 'Raw');
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('dialog', { name: 'Settings' }).waitFor();
  const violations = await page.evaluate(
    () => (window as unknown as { cspViolations: string[] }).cspViolations,
  );
  expect(violations).toEqual([]);
  expect(errors).toEqual([]);
});

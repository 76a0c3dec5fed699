/** axe-core in the page: loaded from the harness server (the CSP allows same-origin scripts only), run over the whole document. */
import type { Page } from 'playwright-core';
import type { AxeResults, Result } from 'axe-core';
import { AXE_URL } from '../../../tools/web-harness/server';

/** A serious or critical violation, reduced to what a failure message needs. */
export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** Serious and critical violations on the page as it is now (the only ones the E2E tests fail on). */
export async function seriousAxeViolations(page: Page): Promise<AxeFinding[]> {
  const hasAxe = await page.evaluate(() => 'axe' in window);
  if (!hasAxe) await page.addScriptTag({ url: AXE_URL });
  const results = await page.evaluate(() =>
    (window as unknown as { axe: { run(): Promise<AxeResults> } }).axe.run(),
  );
  return results.violations
    .filter((violation: Result) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation: Result) => ({
      id: violation.id,
      impact: violation.impact ?? 'unknown',
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
}

/** What a user does in the inspector, as the E2E tests do it: through labels, roles and test ids. */
import type { Harness } from '../../../tools/web-harness/harness';
import type { Page } from 'playwright-core';
import type uPlot from 'uplot';

export type TabName = 'Timeline' | 'Map' | 'EVSE / connectors' | 'Raw';

/** Picks a profile by its visible name in the top bar. */
export async function chooseProfile(page: Page, name: string): Promise<void> {
  const select = page.locator('#profile-select');
  const [id] = await select.selectOption({ label: name });
  // The select is controlled by the store: once it shows the choice, the app has switched profiles.
  await page.waitForFunction(
    (wanted) => document.querySelector<HTMLSelectElement>('#profile-select')?.value === wanted,
    id,
  );
}

/** Types an id in the session field and presses Enter, as a user would. */
export async function fetchSessionInUi(page: Page, sessionId: string): Promise<void> {
  const field = page.locator('#session-id-input');
  await field.fill(sessionId);
  await field.press('Enter');
}

/** Waits until a session is on screen (its Details panel), failing early with the error banner's text. */
export async function waitForSession(page: Page, timeout = 30_000): Promise<void> {
  const details = page.getByTestId('details-panel');
  const error = page.getByTestId('error-banner');
  await details.or(error).first().waitFor({ timeout });
  if (await error.isVisible()) throw new Error(`the app showed an error: ${await error.innerText()}`);
}

/** Waits for the error banner and returns its kind and text. */
export async function waitForError(
  page: Page,
  timeout = 30_000,
): Promise<{ kind: string | null; text: string }> {
  const banner = page.getByTestId('error-banner');
  await banner.waitFor({ timeout });
  return { kind: await banner.getAttribute('data-kind'), text: await banner.innerText() };
}

export async function openTab(page: Page, name: TabName): Promise<void> {
  await page.getByRole('tab', { name }).click();
}

/** Resolves once the timeline canvas exists and a frame has been painted after it. */
export async function waitForTimelineChart(page: Page, timeout = 30_000): Promise<void> {
  await page.locator('[data-testid="timeline-panel"] canvas').first().waitFor({ timeout });
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
}

/** Resolves once the map draws at least one basemap country on screen and one marker. */
export async function waitForMap(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('.leaflet-basemap-pane path')].some(
        (path) => path.getBoundingClientRect().width > 0,
      ),
    undefined,
    { timeout },
  );
  await page.locator('.leaflet-overlay-pane path.leaflet-interactive').first().waitFor({ timeout });
}

/** Opens every marker's popup and returns the texts of the popups on the map. */
export async function markerPopupTexts(page: Page): Promise<string[]> {
  const markers = page.locator('.leaflet-overlay-pane path.leaflet-interactive');
  const count = await markers.count();
  // Markers may overlap on screen: click each one's own element, not whatever is on top at its centre.
  for (let i = 0; i < count; i++) await markers.nth(i).dispatchEvent('click');
  await page.locator('.leaflet-popup-content').first().waitFor();
  return page.locator('.leaflet-popup-content').allInnerTexts();
}

/** Opens a file through Open file, the harness's Open dialog answering with `path`. */
export async function openFileInUi(page: Page, harness: Harness, path: string): Promise<void> {
  harness.dialogs.openPaths.push(path);
  await page.getByRole('button', { name: 'Open file', exact: true }).first().click();
  await waitForSession(page);
}

/** What the timeline's uPlot holds: its x scale (seconds), the drawn data and which series show. */
export interface ChartState {
  xMin: number;
  xMax: number;
  data: (number | null)[][];
  series: { label: string; show: boolean }[];
}

export async function chartState(page: Page): Promise<ChartState> {
  return page.locator('[data-testid="timeline-plot"]').evaluate((el) => {
    const plot = (el as HTMLElement & { timelinePlot?: uPlot }).timelinePlot;
    if (!plot) throw new Error('the timeline has no plot');
    return {
      xMin: plot.scales.x.min ?? NaN,
      xMax: plot.scales.x.max ?? NaN,
      data: plot.data.map((column) => Array.from(column as ArrayLike<number | null>)),
      series: plot.series.slice(1).map((s) => ({ label: String(s.label), show: s.show !== false })),
    };
  });
}

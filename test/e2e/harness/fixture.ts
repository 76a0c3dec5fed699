/**
 * Per-test-file wiring: one harness and one Chromium for the file, a fresh browser context per page (its
 * own storage, colour scheme and viewport), requests to anything but 127.0.0.1 refused so no test depends
 * on the internet, and page dialogs and errors recorded instead of lost.
 */
import { afterAll, beforeAll } from 'vitest';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, newContext } from '../../../tools/web-harness/browser';
import { REPO_ROOT, startHarness } from '../../../tools/web-harness/harness';
import type { Harness } from '../../../tools/web-harness/harness';

export const SCREENSHOT_DIR = join(REPO_ROOT, 'test-output/screenshots');

export interface InspectorPage {
  page: Page;
  context: BrowserContext;
  /** Messages of alert/confirm/prompt dialogs the page opened (each dismissed at once). */
  dialogs: string[];
  /** Uncaught exceptions in the page. */
  errors: string[];
}

export interface E2E {
  readonly harness: Harness;
  readonly browser: Browser;
  /** A new page on the harness's URL, loaded. */
  open(options?: { colorScheme?: 'light' | 'dark'; width?: number; height?: number }): Promise<InspectorPage>;
}

export function useE2E(): E2E {
  let harness: Harness | null = null;
  let browser: Browser | null = null;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    harness = await startHarness();
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await harness?.close();
  });

  const e2e: E2E = {
    get harness() {
      if (!harness) throw new Error('harness not started');
      return harness;
    },
    get browser() {
      if (!browser) throw new Error('browser not launched');
      return browser;
    },
    async open(options = {}) {
      const context = await newContext(e2e.browser, {
        colorScheme: options.colorScheme ?? 'light',
        viewport: { width: options.width ?? 1440, height: options.height ?? 900 },
      });
      contexts.push(context);
      await context.route(
        (url) => url.hostname !== '127.0.0.1',
        (route) => route.abort('internetdisconnected'),
      );
      const page = await context.newPage();
      const opened: InspectorPage = { page, context, dialogs: [], errors: [] };
      page.on('dialog', (dialog) => {
        opened.dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      page.on('pageerror', (error) => opened.errors.push(error.message));
      await page.goto(e2e.harness.url);
      return opened;
    },
  };
  return e2e;
}

/** Writes `test-output/screenshots/<name>.png` (full page). */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

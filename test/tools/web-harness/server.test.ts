/**
 * The harness itself, in Chromium: the bridge defines `window.inspector` before the page's own module runs,
 * calls reach `invoke` with typed arrays intact both ways, and pushed events reach `on` listeners.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { IPC_CHANNELS } from '../../../shared/ipc/contract';
import { launchChromium } from '../../../tools/web-harness/browser';
import { injectBridge, startHarnessServer } from '../../../tools/web-harness/server';
import type { HarnessServer } from '../../../tools/web-harness/server';

const REPO_ROOT = new URL('../../..', import.meta.url).pathname;

// The page's own module checks the bridge at its first line, as the renderer's entry would.
const INDEX_HTML = `<!doctype html><html><head><title>t</title>
<script type="module">window.bridgeAtStart = typeof window.inspector;</script></head><body></body></html>`;

describe('harness server and page bridge', () => {
  let dir: string;
  let server: HarnessServer;
  let browser: Browser;
  const calls: { channel: string; args: unknown }[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'harness-server-'));
    await writeFile(join(dir, 'index.html'), INDEX_HTML);
    server = await startHarnessServer({
      rendererDir: dir,
      repoRoot: REPO_ROOT,
      invoke: async (channel, args) => {
        calls.push({ channel, args });
        return { ok: true, value: { echoed: args, column: new Float64Array([1, NaN, 3]) } };
      },
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('puts the bridge before the first script of <head>', () => {
    expect(injectBridge('<html><head lang="x"><script src="a.js"></script>')).toMatch(
      /<head lang="x">\s*<script type="module" src="\/__harness\/src\/tools\/web-harness\/page-bridge"><\/script><script src="a.js">/,
    );
  });

  it('exposes every channel and routes calls with typed arrays both ways', async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    expect(await page.evaluate(() => (window as unknown as { bridgeAtStart: string }).bridgeAtStart)).toBe(
      'object',
    );
    const keys = await page.evaluate(() =>
      Object.keys((window as unknown as { inspector: object }).inspector),
    );
    expect(keys.sort()).toEqual([...IPC_CHANNELS, 'on', 'pathForFile'].sort());

    const result = await page.evaluate(async () => {
      const api = (window as unknown as { inspector: Record<string, (args?: unknown) => Promise<unknown>> })
        .inspector;
      const reply = (await api['export:png']({ key: 'k', png: new Uint8Array([137, 80, 78, 71]) })) as {
        value: { column: Float64Array };
      };
      return {
        isFloat64: reply.value.column instanceof Float64Array,
        column: Array.from(reply.value.column),
        marks: performance.getEntriesByName('ipc:export:png').length,
      };
    });
    expect(result).toEqual({ isFloat64: true, column: [1, NaN, 3], marks: 1 });
    expect(calls.at(-1)).toEqual({
      channel: 'export:png',
      args: { key: 'k', png: new Uint8Array([137, 80, 78, 71]) },
    });
    await page.close();
  });

  it('delivers pushed events to listeners until they unsubscribe', async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.evaluate(() => {
      const w = window as unknown as {
        got: unknown[];
        inspector: { on(event: string, listener: (payload: unknown) => void): () => void };
      };
      w.got = [];
      w.inspector.on('session:progress', (payload) => w.got.push(payload));
    });
    // The stream connects asynchronously; emit until the page has seen one.
    const progress = { requestId: 'r1', bytes: 10, elapsedMs: 5, phase: 'session' as const };
    await expect
      .poll(async () => {
        server.emit('session:progress', progress);
        return page.evaluate(() => (window as unknown as { got: unknown[] }).got.length);
      })
      .toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as unknown as { got: unknown[] }).got[0])).toEqual(progress);
    await page.close();
  });

  it('refuses unknown channels and files outside the renderer folder', async () => {
    expect((await fetch(new URL('__ipc/nope', server.url), { method: 'POST', body: 'null' })).status).toBe(
      404,
    );
    expect((await fetch(new URL('__harness/src/electron/main/index', server.url))).status).toBe(404);
    expect((await fetch(new URL('assets/missing.js', server.url))).status).toBe(404);
  });
});

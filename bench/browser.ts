/**
 * Browser benchmark, in Debian's Chromium through the E2E harness (real handlers, the Demo profile's
 * 200,000-period session). Prints figures, asserts nothing:
 *  - first painted timeline (cold: first session in a fresh page, chart code loaded on demand; warm: the
 *    same session again): from the moment the LoadedSession lands in the page (the bridge's
 *    `ipc:session:fetch` mark, where Electron's invoke would resolve) to the start of the frame that paints
 *    the uPlot canvas, as a ratio to `JSON.parse` of the same response body in the same page. Target ≤ 1.0.
 *  - a zoom (a drag on the chart): the main-thread work it causes, the CPU time summed from a Chromium trace
 *    over every task until it settles (input, downsampling, redraw, the period table following, style, layout, paint),
 *    the longest of those tasks (scaling table: `longest`), and the time until the next frame is produced (which includes waiting for
 *    vsync). Target: work ≤ 16 ms.
 *  - the renderer's initial JS, gzipped (entry + static imports). Target ≤ 250 KB.
 * Needs `out/renderer` (`npx electron-vite build`) and a keyring (`bash scripts/with-keyring.sh`).
 * Run alone with `bash scripts/with-keyring.sh npx tsx bench/browser.ts` (`--scaling` for the table only,
 * `--sizes=200000,2000000` for some of its rows).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, newContext } from '../tools/web-harness/browser';
import { RENDERER_DIR, startHarness } from '../tools/web-harness/harness';
import { chooseProfile, fetchSessionInUi, waitForSession } from '../test/e2e/harness/ui';
import { mockProfileInput, vendorBaseUrl } from '../tools/web-harness/mock-profiles';
import { measureInitialJs } from './initial-js';
import { mb, median, ms } from './stats';

const LONG_SESSION = 'demo-long';
const PAINT_RUNS = 3;
const ZOOMS = 12;

/**
 * Runs in the page before the app: `armPaintProbe()` notes (as `timelinePaintedAt`) the start of the first
 * frame after a new chart canvas appears; armed once at load.
 */
function paintProbe(): void {
  const w = window as unknown as { timelinePaintedAt?: number; armPaintProbe(): void };
  const selector = '[data-testid="timeline-panel"] .uplot canvas';
  w.armPaintProbe = () => {
    delete w.timelinePaintedAt;
    const previous = document.querySelector(selector);
    const observer = new MutationObserver(() => {
      const canvas = document.querySelector(selector);
      if (!canvas || canvas === previous) return;
      observer.disconnect();
      // uPlot draws in a microtask after insertion, so the next frame is the one that shows the chart.
      requestAnimationFrame(() => (w.timelinePaintedAt = performance.now()));
    });
    observer.observe(document, { childList: true, subtree: true });
  };
  w.armPaintProbe();
}

/** From the latest session landing in the page to its timeline's first frame. */
async function paintMs(page: Page): Promise<number> {
  await page.waitForFunction(() => 'timelinePaintedAt' in window, undefined, { timeout: 120_000 });
  return page.evaluate(() => {
    const landed = performance.getEntriesByName('ipc:session:fetch').at(-1);
    if (!landed) throw new Error('the session never came through the bridge');
    return (window as unknown as { timelinePaintedAt: number }).timelinePaintedAt - landed.startTime;
  });
}

/** Median `JSON.parse` of the session's raw response body, in the page. */
async function parseMs(
  page: Page,
  profileId: string,
  sessionId = LONG_SESSION,
  runs = 7,
): Promise<{ ms: number; bytes: number }> {
  return page.evaluate(
    async ({ profileId, sessionId, runs }) => {
      const api = (window as unknown as { inspector: import('../shared/ipc/contract').InspectorApi })
        .inspector;
      const result = await api['session:fetch']({ requestId: 'bench-parse', profileId, sessionId });
      if (!result.ok) throw new Error(result.error.message);
      const text = result.value.rawText;
      const times: number[] = [];
      // One warm-up parse, then the median of the runs.
      JSON.parse(text);
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        JSON.parse(text);
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      return { ms: times[times.length >> 1], bytes: text.length };
    },
    { profileId, sessionId, runs },
  );
}

interface ZoomTimes {
  /**
   * Main-thread work per zoom, CPU time: every task it causes (input, chart, table following, style, layout,
   * paint).
   */
  work: number[];
  /** Per zoom, the longest of those tasks (CPU time): what delays a frame. */
  longest: number[];
  /** Input → the next frame produced, which includes waiting for vsync. */
  frame: number[];
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of the event, microseconds. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

/** A task of the renderer's main thread, as Chromium's `toplevel` trace category names it (by version). */
const TASK_NAMES = new Set(['ThreadControllerImpl::RunTask', 'RunTask']);

/** Records a Chromium trace (top-level tasks and user timing marks) around `run`. */
async function traced<T>(page: Page, run: () => Promise<T>): Promise<{ result: T; events: TraceEvent[] }> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.start', {
      categories: 'toplevel,blink.user_timing,__metadata',
      transferMode: 'ReportEvents',
    });
    const result = await run();
    await cdp.send('Tracing.end');
    await complete;
    return { result, events };
  } finally {
    await cdp.detach();
  }
}

/**
 * Zooms by dragging across the plot (synthetic mouse events, so no automation latency is counted), each
 * zoom (the drag's release, or a double-click that resets) marked `zoom-<i>` and left to settle (the table
 * follows the chart a frame later) before the next.
 */
export async function zoomTimes(page: Page, zoomCount = ZOOMS): Promise<ZoomTimes> {
  const { result: frame, events } = await traced(page, () =>
    page.evaluate(async (zooms) => {
      const over = document.querySelector<HTMLElement>('[data-testid="timeline-panel"] .u-over');
      if (!over) throw new Error('no chart');
      const rect = over.getBoundingClientRect();
      const y = rect.top + rect.height / 2;
      const mouse = (type: string, x: number, target: EventTarget): void => {
        // uPlot ignores a drag's mousemove without movement (a Chrome quirk it works around).
        target.dispatchEvent(
          new MouseEvent(type, { clientX: x, clientY: y, movementX: 1, button: 0, bubbles: true }),
        );
      };
      const nextFrameDone = (): Promise<void> =>
        new Promise((resolve) =>
          requestAnimationFrame(() => {
            // A task posted from rAF runs after that frame's style, layout and paint.
            const channel = new MessageChannel();
            channel.port1.onmessage = () => resolve();
            channel.port2.postMessage(null);
          }),
        );
      // Waiting by timer, not by frames: a frame the bench asks for (an rAF) would count as the zoom's work.
      // The table follows within two frames of the zoom; 200 ms leaves time for a loaded machine.
      const settle = (): Promise<unknown> => new Promise((resolve) => setTimeout(resolve, 200));
      const frame: number[] = [];
      await settle();
      for (let i = 0; i < zooms; i++) {
        // Alternate: zoom into a slice of the current view, then reset with a double-click.
        const from = rect.left + rect.width * (0.2 + 0.05 * (i % 4));
        const to = from + rect.width * 0.3;
        if (i % 2 === 0) {
          // The drag itself (the selection following the pointer) is frames of its own before the zoom:
          // the zoom is the release.
          mouse('mousedown', from, over);
          mouse('mousemove', (from + to) / 2, over);
          mouse('mousemove', to, over);
          await settle();
        }
        performance.mark(`zoom-${i}`);
        const t0 = performance.now();
        if (i % 2 === 0) mouse('mouseup', to, document);
        else mouse('dblclick', to, over);
        await nextFrameDone();
        frame.push(performance.now() - t0);
        await settle();
        performance.mark(`settled-${i}`);
      }
      return frame;
    }, zoomCount),
  );
  // The page's main thread is the one its marks were recorded on.
  const marked = (prefix: string): TraceEvent[] =>
    events.filter((e) => new RegExp(`^${prefix}-\\d+$`).test(e.name)).sort((a, b) => a.ts - b.ts);
  const marks = marked('zoom');
  const settled = marked('settled');
  if (marks.length !== zoomCount || settled.length !== zoomCount)
    throw new Error(
      `expected ${zoomCount} zoom and settled marks, got ${marks.length} and ${settled.length}`,
    );
  const { pid, tid } = marks[0];
  // Top-level tasks on that thread (a task run inside another is part of it), with their CPU time: on a
  // shared machine a task's wall time also counts the neighbours, its thread time only its own work.
  const tasks: { ts: number; end: number; cpu: number }[] = [];
  for (const e of events
    .filter((t) => t.pid === pid && t.tid === tid && t.ph === 'X' && TASK_NAMES.has(t.name))
    .sort((a, b) => a.ts - b.ts)) {
    const end = e.ts + (e.dur ?? 0);
    const last = tasks.at(-1);
    if (last && end <= last.end) continue;
    tasks.push({ ts: e.ts, end, cpu: e.tdur ?? e.dur ?? 0 });
  }
  const work: number[] = [];
  const longest: number[] = [];
  for (let i = 0; i < zoomCount; i++) {
    // The mark is taken inside the task that dispatches the input, so that task counts from the mark on
    // (its CPU time in proportion).
    const from = marks[i].ts;
    const to = settled[i].ts;
    let sum = 0;
    let max = 0;
    for (const t of tasks) {
      if (t.end <= from || t.ts >= to) continue;
      const wall = t.end - t.ts;
      const share = wall > 0 ? (Math.min(t.end, to) - Math.max(t.ts, from)) / wall : 1;
      const d = (t.cpu * share) / 1000;
      sum += d;
      max = Math.max(max, d);
    }
    work.push(sum);
    longest.push(max);
  }
  return { work, longest, frame };
}

export async function runBrowserBench(): Promise<void> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    console.log('browser: skipped, no built renderer in out/renderer (run `npx electron-vite build` first)');
    return;
  }
  const initial = await measureInitialJs(RENDERER_DIR);
  console.log('browser: renderer initial JS (entry + static imports, gzipped)');
  for (const file of initial.files)
    console.log(`  ${file.path.padEnd(40)} ${(file.gzipBytes / 1024).toFixed(1)} KB`);
  console.log(
    `  total                                    ${(initial.gzipBytes / 1024).toFixed(1)} KB   target ≤ 250 KB`,
  );

  const harness = await startHarness();
  const browser = await launchChromium();
  try {
    const profiles = await harness.invoke('profiles:list', undefined);
    const demo = profiles.ok ? profiles.value.profiles.find((profile) => profile.demo) : undefined;
    if (!demo) throw new Error('no Demo profile');
    const cold: number[] = [];
    const warm: number[] = [];
    let parse = { ms: NaN, bytes: 0 };
    let zooms: ZoomTimes = { work: [], longest: [], frame: [] };
    for (let run = 0; run < PAINT_RUNS; run++) {
      const context = await newContext(browser, { viewport: { width: 1600, height: 1000 } });
      await context.addInitScript(paintProbe);
      const page = await context.newPage();
      await page.goto(harness.url);
      // Cold: the first session of a fresh page, which also loads the chart's code.
      await fetchSessionInUi(page, LONG_SESSION);
      await waitForSession(page, 120_000);
      cold.push(await paintMs(page));
      // Warm: the same session fetched again in that page (a new key re-mounts the views).
      await page.evaluate(() => (window as unknown as { armPaintProbe(): void }).armPaintProbe());
      await page.locator('#session-id-input').press('Enter');
      warm.push(await paintMs(page));
      if (run === PAINT_RUNS - 1) {
        zooms = await zoomTimes(page);
        parse = await parseMs(page, demo.id);
      }
      await context.close();
    }
    const runs = (values: number[]): string => values.map((v) => v.toFixed(0)).join(', ');
    console.log(
      `browser: ${LONG_SESSION} (200,000 periods, ${(parse.bytes / 1024 / 1024).toFixed(1)} MB of JSON) in Chromium`,
    );
    console.log(`  JSON.parse in the page                       ${ms(parse.ms)}`);
    console.log(
      `  session in page → timeline painted, cold     ${ms(median(cold))} (runs: ${runs(cold)} ms)`,
    );
    console.log(
      `  session in page → timeline painted, warm     ${ms(median(warm))} (runs: ${runs(warm)} ms)`,
    );
    console.log(
      `  ratio paint / parse, cold · warm             ${(median(cold) / parse.ms).toFixed(2)} · ${(median(warm) / parse.ms).toFixed(2)}   target ≤ 1.0`,
    );
    console.log(
      `  zoom: main-thread work (median, max)         ${ms(median(zooms.work))}, ${ms(Math.max(...zooms.work))}   target ≤ 16 ms`,
    );
    console.log(
      `  zoom: longest task (median, max)             ${ms(median(zooms.longest))}, ${ms(Math.max(...zooms.longest))}`,
    );
    console.log(
      `  zoom: input → next frame produced            ${ms(median(zooms.frame))} (includes waiting for vsync)`,
    );
  } finally {
    await browser.close();
    await harness.close();
  }
  await runBrowserScaling();
}

/** Periods of the `gen-<n>` sessions the local OCPI server generates, for the scaling table. */
export const SCALING_SIZES = [12_500, 50_000, 200_000, 800_000, 2_000_000];

interface ScalingRow {
  periods: number;
  bytes: number;
  parseMs: number;
  paintMs: number;
  zoomWorkMs: number;
  /** The longest single task of a zoom (median over the zooms): what one frame waits for. */
  zoomTaskMs: number;
  heapBytes: number;
}

/** The renderer's JS heap after a full collection (CDP), plus typed-array backing stores when reported. */
async function heapBytes(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const usage = (await cdp.send('Runtime.getHeapUsage')) as {
      usedSize: number;
      backingStorageSize?: number;
    };
    return usage.usedSize + (usage.backingStorageSize ?? 0);
  } finally {
    await cdp.detach();
  }
}

/**
 * Session → painted timeline, zoom work and renderer heap at each size, one fresh page per size, the
 * session fetched from the local OCPI server (`gen-<n>`) through the real client. Heap is read after the
 * session is shown and before the parse timing (which holds a second copy of the body).
 */
export async function runBrowserScaling(sizes = SCALING_SIZES): Promise<void> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) return;
  const harness = await startHarness();
  const browser = await launchChromium();
  const rows: ScalingRow[] = [];
  try {
    const saved = await harness.invoke('profiles:save', {
      ...mockProfileInput('Bench', vendorBaseUrl(harness.mock.baseUrl)),
      timeouts: { connectMs: 5_000, totalMs: 600_000 },
      maxBytes: 1024 * 1024 * 1024,
    });
    if (!saved.ok) throw new Error(saved.error.message);
    const profile = saved.value;
    await harness.invoke('token:set', { profileId: profile.id, token: harness.mock.token, memoryOnly: true });
    for (const periods of sizes) {
      const context = await newContext(browser, { viewport: { width: 1600, height: 1000 } });
      try {
        await context.addInitScript(paintProbe);
        const page = await context.newPage();
        await page.goto(harness.url);
        await chooseProfile(page, profile.name);
        await fetchSessionInUi(page, `gen-${periods}`);
        await waitForSession(page, 600_000);
        const paint = await paintMs(page);
        const zooms = await zoomTimes(page, 10);
        const heap = await heapBytes(page);
        const parse = await parseMs(page, profile.id, `gen-${periods}`, periods >= 800_000 ? 3 : 5);
        rows.push({
          periods,
          bytes: parse.bytes,
          parseMs: parse.ms,
          paintMs: paint,
          zoomWorkMs: median(zooms.work),
          zoomTaskMs: median(zooms.longest),
          heapBytes: heap,
        });
      } catch (error) {
        console.log(
          `  gen-${periods}: failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
        );
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await harness.close();
  }
  console.log('browser: scaling, gen-<n> vendor sessions from the local OCPI server (targets at 2,000,000)');
  console.log(
    '  periods     JSON   parse   painted  ratio≤1.0  ns/period  zoom≤16ms  longest  heap      ×file≤4  B/period',
  );
  for (const r of rows) {
    console.log(
      `  ${r.periods.toLocaleString('en').padStart(9)}  ${mb(r.bytes).padStart(9)}  ${ms(r.parseMs).padStart(9)} ${ms(r.paintMs).padStart(9)}  ${(r.paintMs / r.parseMs).toFixed(2).padStart(9)}  ${((r.paintMs * 1e6) / r.periods).toFixed(0).padStart(9)}  ${ms(r.zoomWorkMs).padStart(9)} ${ms(r.zoomTaskMs).padStart(8)}  ${mb(r.heapBytes).padStart(9)} ${(r.heapBytes / r.bytes).toFixed(2).padStart(7)}  ${(r.heapBytes / r.periods).toFixed(0).padStart(8)}`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // `--sizes=200000,2000000` runs the scaling rows at those sizes only (implies --scaling).
  const sizes = process.argv
    .find((arg) => arg.startsWith('--sizes='))
    ?.slice('--sizes='.length)
    .split(',')
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
  const run =
    sizes?.length || process.argv.includes('--scaling')
      ? runBrowserScaling(sizes?.length ? sizes : SCALING_SIZES)
      : runBrowserBench();
  run.catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}

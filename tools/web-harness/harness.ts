/**
 * The browser harness: the built renderer served on 127.0.0.1 with `window.inspector` routed to the REAL
 * main-process services and IPC handlers (real reader, real GET client, real keychain), and the local OCPI
 * server started next to it. Only Electron itself is replaced: its IPC by HTTP, its dialogs by
 * `ScriptedDialogs`. Used by the E2E tests, the browser benchmark and `npm run preview:web`.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppServices } from '../../services/app-services';
import { createIpcHandlers } from '../../electron/main/ipc/handlers/index';
import { startMockOcpiServer } from '../mock-api/server';
import { type MockOcpiServer, startOcpiServer } from '../mock-api/ocpi-server';
import { buildCsp } from '../../electron/main/security';
import type { IpcArgs, IpcChannel, IpcResult } from '../../shared/ipc/contract';
import { encodeIpc } from './codec';
import { ScriptedDialogs } from './dialogs';
import { startHarnessServer } from './server';

export const REPO_ROOT = new URL('../..', import.meta.url).pathname;
export const RENDERER_DIR = join(REPO_ROOT, 'out/renderer');

/** One IPC round trip as the page saw it, encoded as it crossed the wire. */
export interface IpcRecord {
  channel: IpcChannel;
  resultText: string;
}

export interface Harness {
  /** Open this in a browser. */
  url: string;
  userDataDir: string;
  /** Where Save dialogs write when the test queued no path. */
  exportDir: string;
  mock: Awaited<ReturnType<typeof startMockOcpiServer>>;
  /** The spec-conformant OCPI CPO (Sender lists, Receiver GETs): sessions over the last 20 hours. */
  ocpi: MockOcpiServer;
  dialogs: ScriptedDialogs;
  /** Every IPC result returned to a page, in order. */
  ipcLog: IpcRecord[];
  /** Calls a real handler directly, for test setup (e.g. a profile pointing at the local OCPI server). */
  invoke<C extends IpcChannel>(channel: C, args: IpcArgs<C>): Promise<IpcResult<C>>;
  close(): Promise<void>;
}

export async function startHarness(options: { rendererDir?: string } = {}): Promise<Harness> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'inspector-e2e-'));
  const exportDir = join(userDataDir, 'exports');
  await mkdir(exportDir);
  const dialogs = new ScriptedDialogs(exportDir);
  const ipcLog: IpcRecord[] = [];
  const cleanups: (() => Promise<unknown>)[] = [() => rm(userDataDir, { recursive: true, force: true })];
  try {
    const mock = await startMockOcpiServer({ token: `e2e-${randomUUID()}` });
    cleanups.unshift(() => mock.close());
    const ocpi = await startOcpiServer({
      sessions: 600,
      maxPageSize: 50,
      startAt: new Date(Date.now() - 600 * 2 * 60_000).toISOString(),
      spacingMinutes: 2,
    });
    cleanups.unshift(() => ocpi.close());
    const services = await createAppServices({ userDataDir });
    let emitToPage: Parameters<typeof createIpcHandlers>[1]['emit'] = () => undefined;
    const handlers = createIpcHandlers(services, {
      emit: (event, payload) => emitToPage(event, payload),
      dialogs,
    });
    const server = await startHarnessServer({
      rendererDir: options.rendererDir ?? RENDERER_DIR,
      repoRoot: REPO_ROOT,
      // The same CSP header Electron sends with the page.
      documentHeaders: () => ({
        'content-security-policy': buildCsp({ tileUrl: services.settings.get().tileUrl }),
      }),
      invoke: async (channel, args) => {
        const result = await handlers[channel](args);
        ipcLog.push({ channel, resultText: encodeIpc(result) });
        return result;
      },
    });
    cleanups.unshift(() => server.close());
    emitToPage = server.emit;
    return {
      url: server.url,
      userDataDir,
      exportDir,
      mock,
      ocpi,
      dialogs,
      ipcLog,
      invoke: (channel, args) => handlers[channel](args) as Promise<IpcResult<typeof channel>>,
      close: () => runAll(cleanups),
    };
  } catch (error) {
    await runAll(cleanups);
    throw error;
  }
}

/** Runs every cleanup in order, even after a failure, then reports the first failure. */
async function runAll(cleanups: (() => Promise<unknown>)[]): Promise<void> {
  let firstFailure: unknown = null;
  for (const cleanup of cleanups) {
    await cleanup().catch((error: unknown) => {
      firstFailure ??= error;
    });
  }
  if (firstFailure !== null) throw firstFailure;
}

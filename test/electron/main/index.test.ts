/**
 * The Electron wiring, with Electron replaced by a recording fake: every contract channel is registered
 * behind the sender check, the window gets the hardened preferences and guards, the renderer's files
 * carry the CSP header, and tile requests carry the app's User-Agent.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '../../../shared/ipc/contract';

type Handler = (...args: unknown[]) => unknown;
const rec = vi.hoisted(() => ({
  ipc: new Map<string, Handler>(),
  webContents: { handlers: new Map<string, Handler>(), windowOpen: null as Handler | null },
  window: { options: null as Record<string, unknown> | null, url: '', contents: null as unknown },
  protocolHandler: null as Handler | null,
  headersReceived: null as Handler | null,
  beforeSendHeaders: null as Handler | null,
  permissionRequest: null as Handler | null,
  permissionCheck: null as Handler | null,
  loaded: null as null | (() => void),
  userData: '',
}));

vi.mock('electron', () => {
  const webContents = {
    on: (event: string, handler: Handler) => rec.webContents.handlers.set(event, handler),
    setWindowOpenHandler: (handler: Handler) => (rec.webContents.windowOpen = handler),
    send: () => undefined,
  };
  class BrowserWindow {
    webContents = webContents;
    constructor(options: Record<string, unknown>) {
      rec.window.options = options;
      rec.window.contents = this.webContents;
    }
    once(): void {}
    on(): void {}
    show(): void {}
    async loadURL(url: string): Promise<void> {
      rec.window.url = url;
      rec.loaded?.();
    }
  }
  return {
    app: {
      whenReady: () => Promise.resolve(),
      getPath: () => (rec.userData = mkdtempSync(join(tmpdir(), 'electron-main-'))),
      getVersion: () => '9.9.9',
      on: () => undefined,
      quit: () => undefined,
    },
    BrowserWindow,
    dialog: { showErrorBox: () => undefined },
    ipcMain: { handle: (channel: string, handler: Handler) => rec.ipc.set(channel, handler) },
    protocol: {
      registerSchemesAsPrivileged: () => undefined,
      handle: (_scheme: string, handler: Handler) => (rec.protocolHandler = handler),
    },
    session: {
      defaultSession: {
        webRequest: {
          onHeadersReceived: (h: Handler) => (rec.headersReceived = h),
          onBeforeSendHeaders: (h: Handler) => (rec.beforeSendHeaders = h),
        },
        setPermissionRequestHandler: (h: Handler) => (rec.permissionRequest = h),
        setPermissionCheckHandler: (h: Handler) => (rec.permissionCheck = h),
      },
    },
    shell: { openExternal: async () => undefined },
  };
});

beforeAll(async () => {
  const loaded = new Promise<void>((resolve) => (rec.loaded = resolve));
  await import('../../../electron/main/index');
  await loaded;
});
afterAll(() => rmSync(rec.userData, { recursive: true, force: true }));

describe('electron/main/index', () => {
  it('opens the app from app:// in a sandboxed, isolated window', () => {
    expect(rec.window.url).toBe('app://inspector/index.html');
    expect(rec.window.options?.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
  });

  it('registers every contract channel, answering only the app’s own window and frame', async () => {
    expect([...rec.ipc.keys()].sort()).toEqual([...IPC_CHANNELS].sort());
    const handler = rec.ipc.get('profiles:list') as Handler;
    const sender = rec.window.contents;
    const ours = await handler({ sender, senderFrame: { url: 'app://inspector/index.html' } }, undefined);
    expect(ours).toMatchObject({ ok: true });
    const foreignFrame = await handler(
      { sender, senderFrame: { url: 'https://evil.example.com/' } },
      undefined,
    );
    expect(foreignFrame).toMatchObject({ ok: false, error: { kind: 'forbidden-sender' } });
    const otherContents = await handler({ sender: {}, senderFrame: { url: 'app://inspector/' } }, undefined);
    expect(otherContents).toMatchObject({ ok: false, error: { kind: 'forbidden-sender' } });
    const log = readFileSync(join(rec.userData, 'main.log'), 'utf8');
    expect(log).toMatch(/INFO start \{"version":"9\.9\.9"/);
    expect(log).toMatch(/INFO ipc-forbidden-sender .*"frameUrl":"https:\/\/evil\.example\.com\/"/);
  });

  it('blocks navigation away from the app, window.open and permission requests', () => {
    const prevent = vi.fn();
    (rec.webContents.handlers.get('will-navigate') as Handler)(
      { preventDefault: prevent },
      'https://evil.example.com/',
    );
    expect(prevent).toHaveBeenCalled();
    const allowed = vi.fn();
    (rec.webContents.handlers.get('will-navigate') as Handler)(
      { preventDefault: allowed },
      'app://inspector/index.html',
    );
    expect(allowed).not.toHaveBeenCalled();
    expect((rec.webContents.windowOpen as Handler)({ url: 'https://x.example/' })).toEqual({
      action: 'deny',
    });
    const answer = vi.fn();
    (rec.permissionRequest as Handler)({}, 'geolocation', answer);
    expect(answer).toHaveBeenCalledWith(false);
    expect((rec.permissionCheck as Handler)()).toBe(false);
  });

  it('serves renderer files with the CSP header and nothing outside the renderer folder', async () => {
    const serve = rec.protocolHandler as (r: { url: string }) => Promise<Response>;
    expect((await serve({ url: 'app://inspector/../../package.json' })).status).toBe(404);
    expect((await serve({ url: 'app://inspector/%2e%2e/%2e%2e/package.json' })).status).toBe(404);
    const headers = vi.fn();
    (rec.headersReceived as Handler)(
      { url: 'app://inspector/index.html', resourceType: 'mainFrame', responseHeaders: {} },
      headers,
    );
    expect(headers.mock.calls[0][0].responseHeaders['Content-Security-Policy'][0]).toMatch(
      /script-src 'self'/,
    );
  });

  it('identifies the app to the tile server only', () => {
    const send = vi.fn();
    (rec.beforeSendHeaders as Handler)(
      { url: 'https://tile.openstreetmap.org/1/2/3.png', requestHeaders: {} },
      send,
    );
    expect(send.mock.calls[0][0].requestHeaders['User-Agent']).toMatch(/^SessionInspector\/9\.9\.9/);
    (rec.beforeSendHeaders as Handler)({ url: 'https://elsewhere.example/', requestHeaders: {} }, send);
    expect(send.mock.calls[1][0].requestHeaders['User-Agent']).toBeUndefined();
  });
});

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
  appHandlers: new Map<string, Handler>(),
  windowHandlers: new Map<string, Handler>(),
  sent: [] as { channel: string; payload: unknown }[],
  menu: null as unknown,
  clipboard: '',
  netRequests: 0,
  singleInstance: 0,
}));

vi.mock('electron', () => {
  const webContents = {
    on: (event: string, handler: Handler) => rec.webContents.handlers.set(event, handler),
    setWindowOpenHandler: (handler: Handler) => (rec.webContents.windowOpen = handler),
    send: (channel: string, payload: unknown) => rec.sent.push({ channel, payload }),
    reload: () => rec.sent.push({ channel: 'reload', payload: null }),
  };
  class BrowserWindow {
    webContents = webContents;
    constructor(options: Record<string, unknown>) {
      rec.window.options = options;
      rec.window.contents = this.webContents;
    }
    once(): void {}
    on(event: string, handler: Handler): void {
      rec.windowHandlers.set(event, handler);
    }
    show(): void {}
    maximize(): void {}
    isMaximized(): boolean {
      return false;
    }
    isMinimized(): boolean {
      return false;
    }
    restore(): void {}
    focus(): void {}
    getNormalBounds() {
      return { x: 40, y: 30, width: 1111, height: 777 };
    }
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
      getName: () => 'Session Inspector',
      isPackaged: true,
      on: (event: string, handler: Handler) => rec.appHandlers.set(event, handler),
      quit: () => undefined,
      requestSingleInstanceLock: () => (rec.singleInstance++, true),
      showAboutPanel: () => undefined,
    },
    Menu: {
      buildFromTemplate: (template: unknown) => template,
      setApplicationMenu: (menu: unknown) => (rec.menu = menu),
    },
    clipboard: { writeText: (text: string) => (rec.clipboard = text) },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    net: {
      request: () => (
        rec.netRequests++,
        { on: () => undefined, setHeader: () => undefined, end: () => undefined, abort: () => undefined }
      ),
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
    shell: { openExternal: async () => undefined, openPath: async () => '' },
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

  it('takes one instance; a second launch hands its .json files to the running window', () => {
    expect(rec.singleInstance).toBe(1);
    rec.sent.length = 0;
    (rec.appHandlers.get('second-instance') as Handler)(
      {},
      ['/opt/si/session-inspector', '--x', 'a.ocpi-session.json'],
      '/home/u',
    );
    expect(rec.sent).toEqual([
      { channel: 'app:open-path', payload: { path: '/home/u/a.ocpi-session.json' } },
    ]);
    const prevent = vi.fn();
    (rec.appHandlers.get('open-file') as Handler)(
      { preventDefault: prevent },
      '/Users/u/b.ocpi-session.json',
    );
    expect(prevent).toHaveBeenCalled();
    expect(rec.sent.at(-1)).toEqual({
      channel: 'app:open-path',
      payload: { path: '/Users/u/b.ocpi-session.json' },
    });
  });

  it('sets the native menu: its commands go to the renderer, reload keeps the session, diagnostics are copied', async () => {
    type Item = { id?: string; label?: string; role?: string; click?: () => void; submenu?: Item[] };
    const flat = (items: Item[]): Item[] => items.flatMap((i) => [i, ...(i.submenu ? flat(i.submenu) : [])]);
    const items = flat(rec.menu as Item[]);
    expect(items.some((i) => i.role === 'toggleDevTools')).toBe(false);
    rec.sent.length = 0;
    items.find((i) => i.id === 'command:export')?.click?.();
    items.find((i) => i.id === 'reload')?.click?.();
    expect(rec.sent).toEqual([
      { channel: 'app:command', payload: { command: 'export' } },
      { channel: 'reload', payload: null },
    ]);
    items.find((i) => i.id === 'copy-diagnostics')?.click?.();
    await vi.waitFor(() => expect(rec.clipboard).toContain('Session Inspector 9.9.9 diagnostics'));
    expect(rec.clipboard).toContain('Profile: Demo');
  });

  it('remembers the window bounds when it closes, and quits on close except on macOS', async () => {
    (rec.windowHandlers.get('close') as Handler)();
    await vi.waitFor(() =>
      expect(JSON.parse(readFileSync(join(rec.userData, 'window-state.json'), 'utf8'))).toEqual({
        x: 40,
        y: 30,
        width: 1111,
        height: 777,
        maximized: false,
      }),
    );
    expect(rec.appHandlers.has('window-all-closed')).toBe(true);
    expect(rec.appHandlers.has('activate')).toBe(true);
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

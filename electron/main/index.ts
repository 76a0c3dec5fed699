/**
 * Electron wiring only: the hardened window, the renderer served from app:// with a CSP header, the
 * navigation / window.open / permission guards, the tile User-Agent, one `ipcMain.handle` per contract
 * channel behind a sender check, the native menu, one instance (a second launch hands its files over), files
 * from the OS, the remembered window bounds, and HTTP through Chromium's network stack. All logic lives in
 * ../../services and ./ipc/handlers.
 */
import { arch, release } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  app,
  BrowserWindow,
  clipboard,
  dialog,
  ipcMain,
  Menu,
  net,
  protocol,
  screen,
  session,
  shell,
} from 'electron';
import type { AppCommand } from '../../shared/domain/shortcuts';
import { buildDiagnostics, readRecentLog } from '../../services/log/diagnostics';
import { WindowStateStore, fitToDisplays, MIN_WINDOW } from '../../services/storage/window-state';
import { filesFromArgv } from './launch-files';
import { buildMenuTemplate } from './menu';
import { createNetTransport } from './net-transport';
import { appError } from '../../shared/domain/errors';
import { IPC_CHANNELS } from '../../shared/ipc/contract';
import { createAppProtocolHandler } from './app-protocol';
import type { Dialogs } from './ipc/dialogs';
import { createIpcHandlers } from './ipc/handlers/index';
import { createAppServices } from '../../services/app-services';
import {
  APP_ORIGIN,
  APP_SCHEME,
  buildCsp,
  buildWebPreferences,
  isAllowedNavigation,
  isTileRequest,
  isTrustedSender,
  tileUserAgent,
} from './security';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const RENDERER_DIR = join(HERE, '../renderer');
const PRELOAD = join(HERE, '../preload/index.cjs');
const DEV_URL = process.env.ELECTRON_RENDERER_URL;
const APP_ORIGINS = [APP_ORIGIN, ...(DEV_URL ? [new URL(DEV_URL).origin] : [])];

protocol.registerSchemesAsPrivileged([
  {
    scheme: APP_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
  },
]);

function electronDialogs(win: () => BrowserWindow | null): Dialogs {
  return {
    async chooseOpenPath() {
      const w = win();
      const options = {
        properties: ['openFile' as const],
        filters: [{ name: 'Session JSON', extensions: ['json'] }],
      };
      const r = w ? await dialog.showOpenDialog(w, options) : await dialog.showOpenDialog(options);
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
    async chooseSavePath(suggestedName, filters) {
      const w = win();
      const options = { defaultPath: suggestedName, filters };
      const r = w ? await dialog.showSaveDialog(w, options) : await dialog.showSaveDialog(options);
      return r.canceled ? null : (r.filePath ?? null);
    },
    async confirm(message) {
      const options = {
        type: 'question' as const,
        buttons: ['Open', 'Cancel'],
        defaultId: 1,
        cancelId: 1,
        message,
      };
      const w = win();
      const r = w ? await dialog.showMessageBox(w, options) : await dialog.showMessageBox(options);
      return r.response === 0;
    },
  };
}

/** Files the OS asked us to open before the window could take them (macOS open-file comes early). */
const pendingFiles: string[] = [];
let openInWindow: ((path: string) => void) | null = null;
function openFile(path: string): void {
  if (openInWindow) openInWindow(path);
  else pendingFiles.push(path);
}
app.on('open-file', (event, path) => {
  event.preventDefault();
  openFile(path);
});

async function start(): Promise<void> {
  const userDataDir = app.getPath('userData');
  const services = await createAppServices({
    userDataDir,
    // Chromium's stack: the system proxy and PAC, the OS certificate store.
    transport: createNetTransport(net),
  });
  services.log.info('start', { version: app.getVersion(), electron: process.versions.electron });
  const csp = (): string => buildCsp({ tileUrl: services.settings.get().tileUrl });
  let win: BrowserWindow | null = null;

  // The renderer's files, with the CSP as a real header; nothing outside the renderer folder is served.
  protocol.handle(APP_SCHEME, createAppProtocolHandler({ rendererDir: RENDERER_DIR, csp }));

  const ses = session.defaultSession;
  // The dev server's pages get the same CSP header.
  ses.webRequest.onHeadersReceived((details, callback) => {
    const isApp = isAllowedNavigation(details.url, APP_ORIGINS) && details.resourceType === 'mainFrame';
    callback({
      responseHeaders: isApp
        ? { ...details.responseHeaders, 'Content-Security-Policy': [csp()] }
        : details.responseHeaders,
    });
  });
  ses.webRequest.onBeforeSendHeaders((details, callback) => {
    const headers = { ...details.requestHeaders };
    if (isTileRequest(details.url, services.settings.get().tileUrl))
      headers['User-Agent'] = tileUserAgent(app.getVersion());
    callback({ requestHeaders: headers });
  });
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);

  const handlers = createIpcHandlers(services, {
    emit: (event, payload) => win?.webContents.send(event, payload),
    dialogs: electronDialogs(() => win),
    openExternal: (url) => shell.openExternal(url),
  });
  for (const channel of IPC_CHANNELS) {
    ipcMain.handle(channel, (event, args: unknown) => {
      if (!win || event.sender !== win.webContents || !isTrustedSender(event.senderFrame?.url, APP_ORIGINS)) {
        services.log.info('ipc-forbidden-sender', { channel, frameUrl: event.senderFrame?.url ?? null });
        return {
          ok: false,
          error: appError(
            'forbidden-sender',
            'This request did not come from the app’s window.',
            'Nothing to do.',
          ),
        };
      }
      return handlers[channel](args);
    });
  }

  const windowState = WindowStateStore.at(userDataDir);
  const sendCommand = (command: AppCommand): void => win?.webContents.send('app:command', { command });
  const refreshMenu = async (): Promise<void> => {
    const recent = (await services.history.list().catch(() => null))?.entries ?? [];
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildMenuTemplate({
          platform: process.platform,
          isDev: !app.isPackaged,
          appName: app.getName(),
          recent: recent.map((e) => ({ id: e.id, label: [e.label, e.status].filter(Boolean).join(' · ') })),
          actions: {
            command: sendCommand,
            openRecent: (id) => win?.webContents.send('app:open-history', { id }),
            reload: () => win?.webContents.reload(),
            about: () => app.showAboutPanel(),
            openLogsFolder: () => void shell.openPath(userDataDir),
            copyDiagnostics: () => void copyDiagnostics(),
          },
        }),
      ),
    );
  };
  const copyDiagnostics = async (): Promise<void> => {
    const activeId = services.settings.get().activeProfileId;
    const active = activeId ? services.profiles.get(activeId) : undefined;
    clipboard.writeText(
      buildDiagnostics({
        app: `${app.getName()} ${app.getVersion()}`,
        versions: {
          electron: process.versions.electron,
          chrome: process.versions.chrome,
          node: process.versions.node,
        },
        os: { platform: process.platform, release: release(), arch: arch() },
        profile: active
          ? {
              name: active.name,
              flavour: active.flavour,
              baseUrl: active.baseUrl,
              versionsUrl: active.ocpi?.versionsUrl ?? null,
            }
          : null,
        logText: await readRecentLog(userDataDir),
      }),
    );
  };

  const createWindow = async (): Promise<BrowserWindow> => {
    const saved = fitToDisplays(
      await windowState.load(),
      screen.getAllDisplays().map((d) => d.workArea),
    );
    const w = new BrowserWindow({
      ...saved,
      minWidth: MIN_WINDOW.width,
      minHeight: MIN_WINDOW.height,
      title: 'Session Inspector',
      show: false,
      webPreferences: buildWebPreferences(PRELOAD),
    });
    if (saved.maximized) w.maximize();
    w.once('ready-to-show', () => w.show());
    // Bounds are kept when the window closes (normal bounds, so a maximized window restores sensibly).
    w.on('close', () => {
      const b = w.getNormalBounds();
      void windowState.save({ ...b, maximized: w.isMaximized() }).catch(() => undefined);
    });
    w.on('closed', () => {
      if (win === w) win = null;
    });
    hardenWindow(w);
    await w.loadURL(DEV_URL ?? `${APP_ORIGIN}/index.html`);
    return w;
  };
  openInWindow = (path) => {
    if (!win) return void pendingFiles.push(path);
    if (win.isMinimized()) win.restore();
    win.focus();
    win.webContents.send('app:open-path', { path });
  };
  app.on('second-instance', (_event, argv, cwd) => {
    for (const path of filesFromArgv(argv, cwd)) openFile(path);
    if (win && !filesFromArgv(argv, cwd).length) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });
  // macOS: the app stays open with no window; a click on the dock icon opens one again.
  app.on('activate', () => {
    if (!win) void createWindow().then((w) => (win = w));
  });

  await refreshMenu();
  pendingFiles.push(...filesFromArgv(process.argv, process.cwd()));
  win = await createWindow();
  win.webContents.on('did-finish-load', () => {
    for (const path of pendingFiles.splice(0)) openInWindow?.(path);
    void refreshMenu();
  });
}

function hardenWindow(win: BrowserWindow): void {
  win.webContents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url, APP_ORIGINS)) event.preventDefault();
  });
  win.webContents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url, APP_ORIGINS)) event.preventDefault();
  });
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
}

// One instance: a second launch (a double-clicked bundle) hands its files to the running window and quits.
if (!app.requestSingleInstanceLock()) app.quit();
app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
app
  .whenReady()
  .then(start)
  .catch((err: unknown) => {
    dialog.showErrorBox(
      'Session Inspector could not start',
      err instanceof Error ? err.message : String(err),
    );
    app.quit();
  });

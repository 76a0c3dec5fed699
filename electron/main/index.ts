/**
 * Electron wiring only: the hardened window, the renderer served from app:// with a CSP header, the
 * navigation / window.open / permission guards, the tile User-Agent, and one `ipcMain.handle` per contract
 * channel behind a sender check. All logic lives in ./services and ./ipc/handlers.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, protocol, session, shell } from 'electron';
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

async function start(): Promise<void> {
  const services = await createAppServices({ userDataDir: app.getPath('userData') });
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

  win = new BrowserWindow({
    width: 1400,
    height: 900,
    title: 'Session Inspector',
    show: false,
    webPreferences: buildWebPreferences(PRELOAD),
  });
  win.once('ready-to-show', () => win?.show());
  win.on('closed', () => {
    win = null;
  });
  win.webContents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url, APP_ORIGINS)) event.preventDefault();
  });
  win.webContents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url, APP_ORIGINS)) event.preventDefault();
  });
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  await win.loadURL(DEV_URL ?? `${APP_ORIGIN}/index.html`);
}

app.on('window-all-closed', () => app.quit());
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

/**
 * The native application menu, as a pure template: File (Open…, Recent, Export…, Quit), Edit (roles, so copy
 * and paste work on macOS), View (a reload that keeps the shown session, zoom; DevTools only in development),
 * Help (About, Open Logs Folder, Copy Diagnostics). Accelerators come from the same table as the renderer's
 * shortcuts; they are shown but not registered, so the key reaches the page once and the renderer's handler
 * runs it, exactly as a click on the item (which sends the command) does.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { acceleratorFor, SHORTCUTS, type AppCommand } from '../../shared/domain/shortcuts';

export interface MenuActions {
  command(command: AppCommand): void;
  openRecent(id: string): void;
  reload(): void;
  about(): void;
  openLogsFolder(): void;
  copyDiagnostics(): void;
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  isDev: boolean;
  appName: string;
  recent: readonly { id: string; label: string }[];
  actions: MenuActions;
}

const RECENT_IN_MENU = 10;

function commandItem(command: AppCommand, actions: MenuActions): MenuItemConstructorOptions {
  const shortcut = SHORTCUTS.find((s) => s.command === command);
  return {
    id: `command:${command}`,
    label: shortcut?.label ?? command,
    accelerator: acceleratorFor(command),
    registerAccelerator: false,
    click: () => actions.command(command),
  };
}

export function buildMenuTemplate(o: MenuOptions): MenuItemConstructorOptions[] {
  const mac = o.platform === 'darwin';
  const recent: MenuItemConstructorOptions[] = o.recent.length
    ? o.recent
        .slice(0, RECENT_IN_MENU)
        .map((r) => ({ label: r.label, click: () => o.actions.openRecent(r.id) }))
    : [{ label: 'No Recent Sessions', enabled: false }];
  const about: MenuItemConstructorOptions = { label: `About ${o.appName}`, click: () => o.actions.about() };

  const template: MenuItemConstructorOptions[] = [];
  if (mac) {
    template.push({
      label: o.appName,
      submenu: [
        about,
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  }
  template.push(
    {
      label: '&File',
      submenu: [
        commandItem('open-file', o.actions),
        { label: 'Open Recent', submenu: recent },
        { type: 'separator' },
        commandItem('export', o.actions),
        commandItem('copy-summary', o.actions),
        ...(mac ? [] : [{ type: 'separator' } as const, { role: 'quit' } as const]),
      ],
    },
    {
      label: '&Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: '&View',
      submenu: [
        commandItem('focus-id', o.actions),
        { type: 'separator' },
        // Not the 'reload' role: the renderer reloads and shows the same session again (session:get).
        { id: 'reload', label: 'Reload', accelerator: 'CmdOrCtrl+R', click: () => o.actions.reload() },
        ...(o.isDev ? [{ role: 'toggleDevTools' } as const] : []),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      label: '&Help',
      role: 'help',
      submenu: [
        ...(mac ? [] : [about, { type: 'separator' } as const]),
        { id: 'open-logs', label: 'Open Logs Folder', click: () => o.actions.openLogsFolder() },
        { id: 'copy-diagnostics', label: 'Copy Diagnostics', click: () => o.actions.copyDiagnostics() },
      ],
    },
  );
  return template;
}

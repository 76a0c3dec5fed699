import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, type MenuActions } from '../../../electron/main/menu';
import { acceleratorFor, SHORTCUTS } from '../../../shared/domain/shortcuts';

function actions(): MenuActions & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    command: vi.fn((c) => calls.push(`command:${c}`)),
    openRecent: vi.fn((id) => calls.push(`recent:${id}`)),
    reload: vi.fn(() => calls.push('reload')),
    about: vi.fn(() => calls.push('about')),
    openLogsFolder: vi.fn(() => calls.push('logs')),
    copyDiagnostics: vi.fn(() => calls.push('diagnostics')),
  };
}

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
}

const click = (item: MenuItemConstructorOptions | undefined): void =>
  (item?.click as (() => void) | undefined)?.();

describe('the application menu', () => {
  const base = { appName: 'Session Inspector', recent: [{ id: 'h1', label: '101 · COMPLETED' }] };

  it('has File, Edit, View and Help, with the same accelerators as the renderer’s shortcuts', () => {
    const template = buildMenuTemplate({ ...base, platform: 'linux', isDev: false, actions: actions() });
    expect(template.map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
    const items = flatten(template);
    for (const s of SHORTCUTS.filter((x) => x.command !== 'cancel')) {
      const item = items.find((i) => i.id === `command:${s.command}`);
      expect(item?.accelerator, s.command).toBe(acceleratorFor(s.command));
      // Shown, not registered: the key reaches the page once and the renderer runs it.
      expect(item?.registerAccelerator).toBe(false);
    }
    expect(items.some((i) => i.role === 'quit')).toBe(true);
    for (const role of ['copy', 'paste', 'cut', 'selectAll', 'undo', 'redo'] as const) {
      expect(
        items.some((i) => i.role === role),
        role,
      ).toBe(true);
    }
  });

  it('routes clicks to the actions: commands, Recent, reload that keeps the session, logs, diagnostics', () => {
    const a = actions();
    const items = flatten(buildMenuTemplate({ ...base, platform: 'linux', isDev: false, actions: a }));
    click(items.find((i) => i.id === 'command:open-file'));
    click(items.find((i) => i.label === '101 · COMPLETED'));
    click(items.find((i) => i.id === 'reload'));
    click(items.find((i) => i.id === 'open-logs'));
    click(items.find((i) => i.id === 'copy-diagnostics'));
    click(items.find((i) => i.label === 'About Session Inspector'));
    expect(a.calls).toEqual(['command:open-file', 'recent:h1', 'reload', 'logs', 'diagnostics', 'about']);
    expect(items.some((i) => i.role === 'reload' || i.role === 'forceReload')).toBe(false);
  });

  it('offers DevTools only in development', () => {
    const prod = flatten(buildMenuTemplate({ ...base, platform: 'linux', isDev: false, actions: actions() }));
    const dev = flatten(buildMenuTemplate({ ...base, platform: 'linux', isDev: true, actions: actions() }));
    expect(prod.some((i) => i.role === 'toggleDevTools')).toBe(false);
    expect(dev.some((i) => i.role === 'toggleDevTools')).toBe(true);
  });

  it('follows macOS: an app menu first with About and Quit, none in File', () => {
    const template = buildMenuTemplate({ ...base, platform: 'darwin', isDev: false, actions: actions() });
    expect(template[0].label).toBe('Session Inspector');
    const file = template.find((m) => m.label === '&File');
    expect(flatten([file as MenuItemConstructorOptions]).some((i) => i.role === 'quit')).toBe(false);
    expect(flatten([template[0]]).some((i) => i.role === 'quit')).toBe(true);
  });

  it('says so when there is no recent session', () => {
    const items = flatten(
      buildMenuTemplate({ ...base, recent: [], platform: 'win32', isDev: false, actions: actions() }),
    );
    expect(items.find((i) => i.label === 'No Recent Sessions')?.enabled).toBe(false);
  });
});

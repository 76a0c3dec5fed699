/**
 * The app's commands with their keyboard shortcuts, in one table: the renderer's key handler and the native
 * application menu's accelerators are both read from it (Ctrl on Linux/Windows, Cmd on macOS).
 */
export type AppCommand = 'focus-id' | 'open-file' | 'export' | 'copy-summary' | 'cancel';

export interface Shortcut {
  command: AppCommand;
  /** `KeyboardEvent.key`, lower-case for letters. */
  key: string;
  /** Needs Ctrl (Cmd on macOS). */
  mod: boolean;
  shift: boolean;
  /** What the menu item says. */
  label: string;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { command: 'focus-id', key: 'l', mod: true, shift: false, label: 'Go to Session Field' },
  { command: 'open-file', key: 'o', mod: true, shift: false, label: 'Open…' },
  { command: 'export', key: 'e', mod: true, shift: false, label: 'Export…' },
  { command: 'copy-summary', key: 'c', mod: true, shift: true, label: 'Copy Triage Summary' },
  { command: 'cancel', key: 'Escape', mod: false, shift: false, label: 'Cancel Fetch' },
];

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export function shortcutFor(e: KeyLike): AppCommand | null {
  const mod = e.ctrlKey || e.metaKey;
  if (e.altKey) return null;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  const hit = SHORTCUTS.find((s) => s.key === key && s.mod === mod && s.shift === e.shiftKey);
  return hit?.command ?? null;
}

/** Electron's accelerator string for a command's shortcut. */
export function acceleratorFor(command: AppCommand): string {
  const s = SHORTCUTS.find((x) => x.command === command);
  if (!s) throw new Error(`no shortcut for ${command}`);
  const key = s.key.length === 1 ? s.key.toUpperCase() : s.key === 'Escape' ? 'Esc' : s.key;
  return [s.mod ? 'CmdOrCtrl' : null, s.shift ? 'Shift' : null, key].filter(Boolean).join('+');
}

export const APP_COMMANDS: readonly AppCommand[] = SHORTCUTS.map((s) => s.command);

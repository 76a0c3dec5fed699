/** The app's keyboard shortcuts, as a pure key → action mapping (Ctrl on Linux/Windows, Cmd on macOS). */
export type ShortcutAction = 'focus-id' | 'open-file' | 'export' | 'copy-summary' | 'cancel';

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export function shortcutFor(e: KeyLike): ShortcutAction | null {
  const mod = e.ctrlKey || e.metaKey;
  if (e.key === 'Escape' && !mod) return 'cancel';
  if (!mod || e.altKey) return null;
  const key = e.key.toLowerCase();
  if (e.shiftKey) return key === 'c' ? 'copy-summary' : null;
  if (key === 'l') return 'focus-id';
  if (key === 'o') return 'open-file';
  if (key === 'e') return 'export';
  return null;
}

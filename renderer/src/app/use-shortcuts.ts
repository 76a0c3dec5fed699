import { useEffect } from 'react';
import type { AppCommand } from '../../../shared/domain/shortcuts';
import { shortcutFor } from '../../../shared/domain/shortcuts';
import { getInspector } from '../bridge';
import { useAppStore } from '../store/app-store';
import {
  cancelFetch,
  copyTriageSummary,
  openFileDialog,
  openHistory,
  openPath,
  setExportMenuOpen,
} from '../store/actions';
import { SESSION_ID_INPUT_ID } from './element-ids';

/** Runs one command, whether it came from a shortcut or from the native menu (`app:command`). */
export function runCommand(command: AppCommand): void {
  const state = useAppStore.getState();
  if (command === 'cancel') {
    if (state.fetching) void cancelFetch();
    return;
  }
  if (state.dialog) return;
  if (command === 'focus-id') {
    const input = document.getElementById(SESSION_ID_INPUT_ID) as HTMLInputElement | null;
    input?.focus();
    input?.select();
  } else if (command === 'open-file') void openFileDialog();
  else if (command === 'export') setExportMenuOpen(true);
  else void copyTriageSummary();
}

/** Window-wide shortcuts (dialogs and menus handle their own Esc first), and what main pushes: menu commands, files the OS opened. */
export function useShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent): void => {
      const command = shortcutFor(e);
      if (!command) return;
      // Esc is only ours while a fetch runs; Copy (Ctrl+C) without Shift is left alone.
      if (command !== 'cancel' || useAppStore.getState().fetching) e.preventDefault();
      runCommand(command);
    };
    window.addEventListener('keydown', onKeyDown);
    const api = getInspector();
    const unsubscribe = api
      ? [
          api.on('app:command', ({ command }) => runCommand(command)),
          api.on('app:open-path', ({ path }) => void openPath(path)),
          api.on('app:open-history', ({ id }) => void openHistory(id)),
        ]
      : [];
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      for (const off of unsubscribe) off();
    };
  }, []);
}

import { useEffect } from 'react';
import { useAppStore } from '../store/app-store';
import { cancelFetch, copyTriageSummary, openFileDialog, setExportMenuOpen } from '../store/actions';
import { SESSION_ID_INPUT_ID } from './element-ids';
import { shortcutFor } from '../../../shared/domain/shortcuts';

/** Window-wide shortcuts; dialogs and menus handle their own Esc first. */
export function useShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent): void => {
      const action = shortcutFor(e);
      if (!action) return;
      const state = useAppStore.getState();
      if (action === 'cancel') {
        if (state.fetching) {
          e.preventDefault();
          void cancelFetch();
        }
        return;
      }
      // Copy (Ctrl+C) without Shift is left alone; these ones are ours.
      e.preventDefault();
      if (state.dialog) return;
      if (action === 'focus-id') {
        const input = document.getElementById(SESSION_ID_INPUT_ID) as HTMLInputElement | null;
        input?.focus();
        input?.select();
      } else if (action === 'open-file') void openFileDialog();
      else if (action === 'export') setExportMenuOpen(true);
      else void copyTriageSummary();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}

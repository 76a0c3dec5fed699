/** `history:list` and `history:open`: sessions kept locally, reopened with no network. */
import { appError } from '../../../../shared/domain/errors';
import type { LoadedSession } from '../../../../shared/domain/loaded-session';
import type { IpcResult } from '../../../../shared/ipc/contract';
import type { HistoryStore } from '../../../../services/storage/history';

export interface HistoryHandlerServices {
  history: Pick<HistoryStore, 'list' | 'open'>;
  registry: { put(loaded: LoadedSession): unknown };
}

export function createHistoryHandlers(services: HistoryHandlerServices) {
  return {
    'history:list': async (_args: unknown): Promise<IpcResult<'history:list'>> => {
      try {
        return { ok: true, value: await services.history.list() };
      } catch (err) {
        return { ok: false, error: historyFailed(err) };
      }
    },
    'history:open': async (args: unknown): Promise<IpcResult<'history:open'>> => {
      const id = typeof args === 'object' && args !== null ? (args as { id?: unknown }).id : undefined;
      if (typeof id !== 'string')
        return {
          ok: false,
          error: appError(
            'invalid-argument',
            'No history entry was given.',
            'Pick an entry in the history list.',
          ),
        };
      try {
        const opened = await services.history.open(id);
        // Registered so the reopened session can be exported like any other.
        if (opened.ok) services.registry.put(opened.value);
        return opened;
      } catch (err) {
        return { ok: false, error: historyFailed(err) };
      }
    },
  };
}

function historyFailed(err: unknown) {
  return appError(
    'file-io',
    `The local history could not be read: ${err instanceof Error ? err.message : String(err)}.`,
    'Check that the app can write to its user-data folder.',
  );
}

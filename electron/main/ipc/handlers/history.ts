/** `history:list`, `history:open`, `history:delete` and `history:pin`: sessions kept locally (Recent). */
import type { LoadedSession } from '../../../../shared/domain/loaded-session';
import { parseHistoryPinArgs, parseIdArg, parseNoArgs } from '../../../../shared/ipc/validate';
import type { HistoryStore } from '../../../../services/storage/history';
import type { ChannelEntries } from '../channel-table';

export interface HistoryHandlerServices {
  history: Pick<HistoryStore, 'list' | 'open' | 'delete' | 'pin'>;
  registry: { put(loaded: LoadedSession): unknown };
}

export function createHistoryHandlers(
  services: HistoryHandlerServices,
): ChannelEntries<'history:list' | 'history:open' | 'history:delete' | 'history:pin'> {
  return {
    'history:list': {
      parse: parseNoArgs,
      run: async () => ({ ok: true, value: await services.history.list() }),
    },
    'history:open': {
      parse: (raw) => parseIdArg(raw, 'id'),
      run: async ({ id }) => {
        const opened = await services.history.open(id);
        // Registered so the reopened session can be exported like any other.
        if (opened.ok) services.registry.put(opened.value);
        return opened;
      },
    },
    'history:delete': {
      parse: (raw) => parseIdArg(raw, 'id'),
      run: ({ id }) => services.history.delete(id),
    },
    'history:pin': {
      parse: parseHistoryPinArgs,
      run: ({ id, pinned }) => services.history.pin(id, pinned),
    },
  };
}

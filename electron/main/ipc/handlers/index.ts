/**
 * Every IPC handler, one per channel of the shared contract. Each takes `unknown`, validates it, and
 * resolves to a `Result`: an unexpected exception becomes an `internal` error with no stack or headers.
 */
import { appError } from '../../../../shared/domain/errors';
import {
  IPC_CHANNELS,
  type IpcChannel,
  type IpcEvent,
  type IpcEvents,
  type IpcResult,
} from '../../../../shared/ipc/contract';
import type { AppServices } from '../../../../services/app-services';
import type { Dialogs } from '../dialogs';
import { createExportHandlers } from './export';
import { createFileHandlers } from './files';
import { createHistoryHandlers } from './history';
import { createProfileHandlers } from './profiles';
import { createSessionHandlers } from './session';
import { createSettingsHandlers } from './settings';
import { createShellHandlers } from './shell';
import { createTokenHandlers } from './token';

export interface IpcHandlerContext {
  emit<E extends IpcEvent>(event: E, payload: IpcEvents[E]): void;
  dialogs: Dialogs;
  openExternal?: (url: string) => Promise<void>;
}

export type IpcHandlers = { [C in IpcChannel]: (args: unknown) => Promise<IpcResult<C>> };

export function createIpcHandlers(services: AppServices, ctx: IpcHandlerContext): IpcHandlers {
  const handlers: IpcHandlers = {
    ...createProfileHandlers(services),
    ...createTokenHandlers(services),
    ...createSessionHandlers(services, ctx),
    ...createSettingsHandlers(services),
    ...createShellHandlers(ctx),
    ...createFileHandlers(services, ctx),
    ...createExportHandlers(services, ctx),
    ...createHistoryHandlers(services),
  };
  const guarded = {} as Record<IpcChannel, (args: unknown) => Promise<IpcResult<IpcChannel>>>;
  for (const channel of IPC_CHANNELS) {
    const handler = handlers[channel] as (args: unknown) => Promise<IpcResult<IpcChannel>>;
    guarded[channel] = (args) => guard(channel, () => handler(args));
  }
  return guarded as IpcHandlers;
}

async function guard(
  channel: IpcChannel,
  run: () => Promise<IpcResult<IpcChannel>>,
): Promise<IpcResult<IpcChannel>> {
  try {
    return await run();
  } catch (err) {
    const reason = err instanceof Error ? err.message.split('\n')[0].slice(0, 200) : 'unknown error';
    return {
      ok: false,
      error: appError(
        'internal',
        `Unexpected failure in ${channel}: ${reason}.`,
        'Try again; if it keeps failing, report it.',
      ),
    };
  }
}

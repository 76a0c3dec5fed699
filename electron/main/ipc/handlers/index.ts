/**
 * The channel table: one `{ parse, run }` entry per channel of the shared contract, from the handler
 * modules beside this file, behind the one guard (see ../channel-table.ts).
 *
 * To add a channel:
 *   1. shared/ipc/contract.ts — add it to `IpcChannels` (argument and result types; domain types go in
 *      shared/domain) and to `IPC_CHANNELS`. The preload and the browser harness pick it up from there.
 *   2. shared/ipc/validate.ts — a parser `(raw: unknown) => Result<Args>` (reuse `parseIdArg`,
 *      `parseNoArgs`, `checkSessionId` …); it is the only check the argument gets.
 *   3. A handler module here returning `ChannelEntries<'your:channel'>` = `{ parse, run }`, spread into
 *      `createChannelTable` below. `run` returns a `Result`; throw only for the unexpected (the guard maps
 *      it and logs the stack).
 * Until all three are done the build fails: `ChannelTable` requires an entry of the right type per channel.
 * Then add the channel's garbage case to test/electron/main/ipc/handlers/channel-table.test.ts if it
 * needs more than the generic ones.
 */
import type { IpcEvent, IpcEvents } from '../../../../shared/ipc/contract';
import type { AppServices } from '../../../../services/app-services';
import { type ChannelTable, type GuardedHandlers, guardChannels } from '../channel-table';
import type { Dialogs } from '../dialogs';
import { createBillingHandlers } from './billing';
import { createFindCdrHandlers } from './billing-find';
import { createExportHandlers } from './export';
import { createFileHandlers } from './files';
import { createHistoryHandlers } from './history';
import { createOcpiHandlers } from './ocpi';
import { createProfileHandlers } from './profiles';
import { createSearchHandlers } from './search';
import { createSessionHandlers } from './session';
import { createSettingsHandlers } from './settings';
import { createShellHandlers } from './shell';
import { createTokenHandlers } from './token';

export interface IpcHandlerContext {
  emit<E extends IpcEvent>(event: E, payload: IpcEvents[E]): void;
  dialogs: Dialogs;
  openExternal?: (url: string) => Promise<void>;
}

export type IpcHandlers = GuardedHandlers;

export function createChannelTable(services: AppServices, ctx: IpcHandlerContext): ChannelTable {
  return {
    ...createProfileHandlers(services),
    ...createTokenHandlers(services),
    ...createSessionHandlers(services, ctx),
    ...createSettingsHandlers(services),
    ...createShellHandlers(ctx),
    ...createFileHandlers(services, ctx),
    ...createExportHandlers(services, ctx),
    ...createHistoryHandlers(services),
    ...createSearchHandlers(services, ctx),
    ...createOcpiHandlers(services),
    ...createBillingHandlers(services, ctx),
    ...createFindCdrHandlers(services, ctx),
  };
}

/** Every channel, guarded: what Electron's `ipcMain.handle` and the browser harness call. */
export function createIpcHandlers(services: AppServices, ctx: IpcHandlerContext): IpcHandlers {
  return guardChannels(createChannelTable(services, ctx), services.log);
}

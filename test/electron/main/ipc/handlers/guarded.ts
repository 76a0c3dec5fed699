/** A handler module's entries behind the real guard, with a log that keeps nothing: what main calls. */
import { type ChannelEntries, guardChannels } from '../../../../../electron/main/ipc/channel-table';
import { createMainLog } from '../../../../../services/log/main-log';
import type { IpcChannel } from '../../../../../shared/ipc/contract';

export const guarded = <K extends IpcChannel>(entries: ChannelEntries<K>) =>
  guardChannels(entries, createMainLog({ sinks: [] }));

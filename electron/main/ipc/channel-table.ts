/**
 * The one IPC mechanism. Each channel of the contract has an entry `{ parse, run }`:
 * `parse` turns the renderer's raw argument (`unknown`: it crossed a process boundary) into the contract's
 * argument type, and `run` does the work with typed arguments. `ChannelTable` is a mapped type over
 * `IpcChannels`, so a missing channel, a parser of the wrong type or a `run` with the wrong argument or
 * result type is a compile error. `guardChannels` is the only place that calls them: it parses, runs,
 * and turns any exception into a `Result` by one rule (`unexpectedError`), logging the full error and
 * stack in the main-process log while the renderer gets the short message.
 */
import { appError, type AppError, type Result } from '../../../shared/domain/errors';
import type { IpcArgs, IpcChannel, IpcResult } from '../../../shared/ipc/contract';
import { fileErrorToAppError } from '../../../services/storage/atomic-file';

export interface ChannelHandler<C extends IpcChannel> {
  /** Checks the raw argument; nothing reaches `run` unchecked. */
  parse(raw: unknown): Result<IpcArgs<C>>;
  /** Expected failures are `Result`s; anything thrown is mapped by the guard. */
  run(args: IpcArgs<C>): Promise<IpcResult<C>>;
}

export type ChannelTable = { [C in IpcChannel]: ChannelHandler<C> };
/** What a handler module returns: its own channels' entries. */
export type ChannelEntries<K extends IpcChannel> = Pick<ChannelTable, K>;
/** What main (and the browser harness) call per channel, with the raw argument. */
export type GuardedHandlers<K extends IpcChannel = IpcChannel> = {
  [C in K]: (raw: unknown) => Promise<IpcResult<C>>;
};

/** Where the guard writes the full error (the main-process log). */
export interface GuardLog {
  error(event: string, err: unknown, fields?: Record<string, unknown>): void;
}

/** Node's system error codes (`ENOSPC`, `EACCES` …), not its `ERR_*` or `ABORT_ERR` codes. */
const ERRNO_CODE = /^E[A-Z]+$/;

/**
 * The one rule for an exception out of a handler: a file-system error gets its file message (so a full
 * disk says so), anything else is `internal` with the first line of its message — never a stack.
 */
export function unexpectedError(channel: IpcChannel, err: unknown): AppError {
  const { code, path } = (err ?? {}) as { code?: unknown; path?: unknown };
  if (typeof code === 'string' && ERRNO_CODE.test(code))
    return fileErrorToAppError(err, typeof path === 'string' ? path : 'a file in the user-data folder');
  const reason = err instanceof Error ? err.message.split('\n')[0].slice(0, 200) : 'unknown error';
  return appError(
    'internal',
    `Unexpected failure in ${channel}: ${reason}.`,
    'Try again; if it keeps failing, report it with the log file (main.log in the user-data folder).',
  );
}

async function answer<C extends IpcChannel>(
  channel: C,
  entry: ChannelHandler<C>,
  raw: unknown,
  log: GuardLog,
): Promise<IpcResult<C>> {
  try {
    const args = entry.parse(raw);
    if (!args.ok) return args;
    return await entry.run(args.value);
  } catch (err) {
    log.error('ipc-failed', err, { channel });
    return { ok: false, error: unexpectedError(channel, err) };
  }
}

/** Every entry behind the guard; the only way a channel is answered. */
export function guardChannels<K extends IpcChannel>(
  table: ChannelEntries<K>,
  log: GuardLog,
): GuardedHandlers<K> {
  const guarded: Partial<Record<K, (raw: unknown) => Promise<unknown>>> = {};
  for (const channel of Object.keys(table) as K[]) {
    const entry = table[channel] as ChannelHandler<K>;
    guarded[channel] = (raw) => answer(channel, entry, raw, log);
  }
  return guarded as GuardedHandlers<K>;
}

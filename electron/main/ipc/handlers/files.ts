/** `session:open-dialog`, `session:open-path` and `session:open-text`: open a bundle, a raw response or a bare session. */
import type { Result } from '../../../../shared/domain/errors';
import type { LoadedSession } from '../../../../shared/domain/loaded-session';
import { MAX_SESSION_FILE_BYTES, tooLargeError } from '../../../../shared/input/limits';
import { parseNoArgs, parseOpenPathArgs, parseOpenTextArgs } from '../../../../shared/ipc/validate';
import { readSessionFromPath, readSessionFromText } from '../../../../services/sessions/file-import';
import type { ChannelEntries } from '../channel-table';

/** What these handlers need from the app's services and context (structural, so tests can pass fakes). */
export interface FileHandlerServices {
  registry: { put(loaded: LoadedSession): unknown };
  history: { add(loaded: LoadedSession, origin?: string): Promise<void> };
}
export interface FileHandlerContext {
  dialogs: { chooseOpenPath(): Promise<string | null> };
}

export function createFileHandlers(
  services: FileHandlerServices,
  ctx: FileHandlerContext,
): ChannelEntries<'session:open-dialog' | 'session:open-text' | 'session:open-path'> {
  /** Keeps the session for exports and in history; a history failure must not lose the opened session. */
  const accept = async (read: Result<LoadedSession>, path?: string): Promise<Result<LoadedSession>> => {
    if (!read.ok) return read;
    services.registry.put(read.value);
    // The path tells apart files of the same name (and session id) from different folders in Recent.
    await services.history.add(read.value, path).catch(() => undefined);
    return read;
  };

  return {
    'session:open-dialog': {
      parse: parseNoArgs,
      run: async () => {
        const path = await ctx.dialogs.chooseOpenPath();
        if (path === null) return { ok: true, value: null };
        return accept(await readSessionFromPath(path), path);
      },
    },
    'session:open-path': {
      parse: parseOpenPathArgs,
      // The same reader and size cap as Open… (readSessionFromPath checks the size before reading).
      run: async ({ path }) => accept(await readSessionFromPath(path), path),
    },
    'session:open-text': {
      parse: parseOpenTextArgs,
      run: async ({ fileName, text }) => {
        if (text.length > MAX_SESSION_FILE_BYTES)
          return { ok: false, error: tooLargeError(text.length, fileName) };
        return accept(readSessionFromText(text, fileName));
      },
    },
  };
}

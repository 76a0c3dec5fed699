/** `session:open-dialog` and `session:open-text`: open a bundle, a raw response or a bare session. */
import { appError, type Result } from '../../../../shared/domain/errors';
import type { LoadedSession } from '../../../../shared/domain/loaded-session';
import { MAX_SESSION_FILE_BYTES, tooLargeError } from '../../../../shared/export/import';
import type { IpcResult } from '../../../../shared/ipc/contract';
import { readSessionFromPath, readSessionFromText } from '../../../../services/sessions/file-import';

/** What these handlers need from the app's services and context (structural, so tests can pass fakes). */
export interface FileHandlerServices {
  registry: { put(loaded: LoadedSession): unknown };
  history: { add(loaded: LoadedSession): Promise<void> };
}
export interface FileHandlerContext {
  dialogs: { chooseOpenPath(): Promise<string | null> };
}

export function createFileHandlers(services: FileHandlerServices, ctx: FileHandlerContext) {
  /** Keeps the session for exports and in history; a history failure must not lose the opened session. */
  const accept = async (read: Result<LoadedSession>): Promise<Result<LoadedSession>> => {
    if (!read.ok) return read;
    services.registry.put(read.value);
    await services.history.add(read.value).catch(() => undefined);
    return read;
  };

  return {
    'session:open-dialog': async (_args: unknown): Promise<IpcResult<'session:open-dialog'>> => {
      try {
        const path = await ctx.dialogs.chooseOpenPath();
        if (path === null) return { ok: true, value: null };
        return await accept(await readSessionFromPath(path));
      } catch (err) {
        return internal(err);
      }
    },
    'session:open-text': async (args: unknown): Promise<IpcResult<'session:open-text'>> => {
      if (!isOpenTextArgs(args))
        return {
          ok: false,
          error: appError(
            'invalid-argument',
            'A dropped file needs a name and its text.',
            'Drop the file again.',
          ),
        };
      if (args.text.length > MAX_SESSION_FILE_BYTES)
        return { ok: false, error: tooLargeError(args.text.length, args.fileName) };
      try {
        return await accept(readSessionFromText(args.text, args.fileName));
      } catch (err) {
        return internal(err);
      }
    },
  };
}

function isOpenTextArgs(args: unknown): args is { fileName: string; text: string } {
  return (
    typeof args === 'object' &&
    args !== null &&
    typeof (args as { fileName?: unknown }).fileName === 'string' &&
    typeof (args as { text?: unknown }).text === 'string'
  );
}

function internal(err: unknown): { ok: false; error: ReturnType<typeof appError> } {
  return {
    ok: false,
    error: appError(
      'internal',
      `Opening the file failed: ${err instanceof Error ? err.message : String(err)}.`,
      'Try again; if it keeps failing, report it with the file.',
    ),
  };
}

/** Opening a session file from disk: size checked before reading, read errors turned into plain messages. */
import { randomUUID } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { appError, type AppError, type Result } from '../../shared/domain/errors';
import type { LoadedSession } from '../../shared/domain/loaded-session';
import { readSessionFile } from '../../shared/export/import';
import { MAX_SESSION_FILE_BYTES, tooLargeError } from '../../shared/input/limits';
import { decodeText } from '../../shared/input/text';

export async function readSessionFromPath(path: string): Promise<Result<LoadedSession>> {
  const file = await readTextFromPath(path);
  return file.ok ? withKey(readSessionFile(file.value.text, file.value.fileName)) : file;
}

/**
 * A file's text by Open's rules (a regular file, the shared size cap checked before reading, the one
 * text decoding rule): for sessions and for the CDR and tariff files attached to them.
 */
export async function readTextFromPath(path: string): Promise<Result<{ fileName: string; text: string }>> {
  const fileName = basename(path);
  try {
    const info = await stat(path);
    if (!info.isFile())
      return {
        ok: false,
        error: appError('file-io', `${fileName} is not a file.`, 'Choose a session file.'),
      };
    // Refused before reading: a huge file would stall the main process while it is read and parsed.
    if (info.size > MAX_SESSION_FILE_BYTES) return { ok: false, error: tooLargeError(info.size, fileName) };
    return { ok: true, value: { fileName, text: decodeText(await readFile(path)) } };
  } catch (err) {
    return { ok: false, error: readErrorToAppError(err, fileName) };
  }
}

/** A dropped file's text, as the renderer read it. */
export function readSessionFromText(text: string, fileName: string): Result<LoadedSession> {
  return withKey(readSessionFile(text, basename(fileName)));
}

function withKey(read: ReturnType<typeof readSessionFile>): Result<LoadedSession> {
  return read.ok ? { ok: true, value: { ...read.value, key: `file:${randomUUID()}` } } : read;
}

function readErrorToAppError(err: unknown, fileName: string): AppError {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return appError('file-io', `${fileName} no longer exists.`, 'Choose the file again.');
    case 'EACCES':
    case 'EPERM':
      return appError(
        'file-permission',
        `Permission denied reading ${fileName}.`,
        'Check the file permissions.',
      );
    case 'EISDIR':
      return appError('file-io', `${fileName} is a folder, not a file.`, 'Choose a session file.');
    default:
      return appError('file-io', `Could not read ${fileName}: ${code ?? String(err)}.`, 'Try another file.');
  }
}

/** Atomic file writes (temp file, fsync, rename) and the user-facing messages for what can go wrong. */
import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { appError, type AppError } from '../../shared/domain/errors';

/**
 * Who may read the file: `private` (the app's own data: 0600) or `user` (an export the user saves and
 * shares: 0666 less the umask, so 0644 as any program would write it).
 */
export type FileAccess = 'private' | 'user';
const MODES: Record<FileAccess, number> = { private: 0o600, user: 0o666 };

/**
 * Writes `data` to `path` so that a reader sees either the old file or the new one, never half of one:
 * a crash, a full disk or a kill mid-write leaves the previous file intact.
 */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  access: FileAccess = 'private',
): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  let handle;
  try {
    handle = await open(tmp, 'wx', MODES[access]);
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(tmp, path);
  } catch (err) {
    await handle?.close().catch(() => undefined);
    await unlink(tmp).catch(() => undefined);
    throw forTarget(err, path);
  }
  // Make the rename itself durable where the platform lets us open a folder.
  const dir = await open(dirname(path), 'r').catch(() => undefined);
  await dir?.sync().catch(() => undefined);
  await dir?.close().catch(() => undefined);
}

/**
 * A write error names the file the caller asked for, not the temp file (a failed `write` names no file at
 * all), so the message a user sees says `settings.json`, not `.settings.json.1a2b….tmp`.
 */
function forTarget(err: unknown, path: string): unknown {
  if (err instanceof Error && typeof (err as NodeJS.ErrnoException).code === 'string')
    (err as NodeJS.ErrnoException).path = path;
  return err;
}

/** Turns a Node file-system error into a message a user can act on. */
export function fileErrorToAppError(err: unknown, path: string): AppError {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return appError(
        'file-permission',
        `Permission denied writing ${path}.`,
        'Choose a folder you can write to.',
      );
    case 'ENOENT':
    case 'ENOTDIR':
      return appError(
        'file-missing-folder',
        `The folder for ${path} does not exist.`,
        'Choose an existing folder.',
      );
    case 'ENOSPC':
    case 'EDQUOT':
      return appError(
        'disk-full',
        `The disk is full: ${path} was not written.`,
        'Free some space or save to another disk. Any previous file is unchanged.',
      );
    default:
      return appError(
        'file-io',
        `Could not write ${path}: ${code ?? (err instanceof Error ? err.message : String(err))}.`,
        'Try another location.',
      );
  }
}

/**
 * Size limits for session input, decided once: Open, drop, the CLI and history all refuse a larger file
 * before reading it, with the same message.
 */
import { appError, type AppError } from '../domain/errors';

/** Larger files are refused before they are read: a session of 200,000 periods is about 60 MB. */
export const MAX_SESSION_FILE_BYTES = 256 * 1024 * 1024;

export const formatMiB = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;

export function tooLargeError(bytes: number, fileName: string): AppError {
  return appError(
    'file-too-large',
    `${fileName} is ${formatMiB(bytes)}, more than the ${formatMiB(MAX_SESSION_FILE_BYTES)} a session file may be.`,
    'Check that this is a single session export, not a log or a database dump.',
  );
}

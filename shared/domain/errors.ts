/** Every failure that crosses IPC or reaches the CLI is one of these: plain data a user understands. */

export type AppErrorKind =
  | 'invalid-argument'
  | 'invalid-session-id'
  | 'insecure-url'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'http-status'
  | 'server-error'
  | 'html-body'
  | 'invalid-json'
  | 'truncated'
  | 'envelope-status'
  | 'envelope-no-data'
  | 'not-a-session'
  | 'timeout'
  | 'offline'
  | 'dns'
  | 'tls'
  | 'connection-reset'
  | 'too-large'
  | 'headers-too-large'
  | 'redirect-cross-origin'
  | 'redirect-loop'
  | 'cancelled'
  | 'keychain-unavailable'
  | 'no-token'
  | 'file-not-json'
  | 'file-foreign-format'
  | 'file-newer-version'
  | 'file-too-large'
  | 'file-permission'
  | 'file-missing-folder'
  | 'disk-full'
  | 'file-io'
  | 'unknown-profile'
  | 'forbidden-sender'
  | 'internal';

export interface AppError {
  kind: AppErrorKind;
  /** What happened, in one line. */
  message: string;
  /** What to do next. */
  hint: string;
  /** HTTP status, when there was a response. */
  status?: number;
  /** OCPI envelope `status_code`, when the envelope said something other than 1000. */
  ocpiStatus?: number;
  /** The `X-Request-ID` this app sent, when there was a request: what the API provider needs to find it. */
  requestId?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export function appError(
  kind: AppErrorKind,
  message: string,
  hint: string,
  extra?: Partial<AppError>,
): AppError {
  return { kind, message, hint, ...extra };
}

export function isAppError(value: unknown): value is AppError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as AppError).kind === 'string' &&
    typeof (value as AppError).message === 'string' &&
    typeof (value as AppError).hint === 'string'
  );
}

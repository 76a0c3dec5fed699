/** The one action an error's banner offers, by kind: what a support engineer would do next. */
import type { AppError, AppErrorKind } from '../../../shared/domain/errors';

export type NextStep =
  'set-token' | 'keep-token-for-run' | 'check-environment' | 'open-file' | 'edit-id' | 'open-settings' | null;

export function nextStepFor(kind: AppErrorKind): NextStep {
  switch (kind) {
    case 'unauthorized':
    case 'forbidden':
    case 'no-token':
      return 'set-token';
    case 'keychain-unavailable':
      return 'keep-token-for-run';
    case 'not-found':
    case 'html-body':
    case 'not-a-session':
    case 'insecure-url':
    case 'redirect-cross-origin':
    case 'redirect-loop':
      return 'check-environment';
    case 'offline':
    case 'timeout':
    case 'dns':
    case 'tls':
    case 'connection-reset':
    case 'server-error':
    case 'too-large':
    case 'truncated':
    case 'file-not-json':
    case 'file-foreign-format':
    case 'file-newer-version':
    case 'file-too-large':
      return 'open-file';
    case 'invalid-session-id':
      return 'edit-id';
    case 'unknown-profile':
      return 'open-settings';
    default:
      return null;
  }
}

/** Failures worth trying again as they are: the server or the network may answer the next time. */
export function isRetryable(error: AppError): boolean {
  switch (error.kind) {
    case 'timeout':
    case 'offline':
    case 'connection-reset':
    case 'server-error':
      return true;
    case 'http-status':
      return (error.status ?? 0) >= 500;
    default:
      return false;
  }
}

export const NEXT_STEP_LABELS: Record<Exclude<NextStep, null>, string> = {
  'set-token': 'Set token',
  'keep-token-for-run': 'Keep a token for this run only',
  'check-environment': 'Check the environment',
  'open-file': 'Open an exported file',
  'edit-id': 'Edit the session id',
  'open-settings': 'Open settings',
};

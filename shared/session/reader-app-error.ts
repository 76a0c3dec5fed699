/**
 * The one mapping from a reader error to the typed error the app and the CLI show, for a fetched response
 * and for an opened file alike: same kinds, same envelope hints; only the wording of where it came from
 * differs.
 */
import { appError, type AppError } from '../domain/errors';
import { envelopeHint } from './envelope';
import type { ReaderError } from './types';

export type ReadOrigin =
  /** A response the GET client accepted as JSON; `status` and `requestId` of that request. */
  | { kind: 'response'; status: number; requestId?: string }
  /** A file the user opened (its name only). */
  | { kind: 'file'; fileName: string };

const OPEN_HINT =
  'Open a session bundle (.ocpi-session.json), a saved API response or an OCPI session object.';

export function readerErrorToAppError(error: ReaderError, origin: ReadOrigin): AppError {
  const extra: Partial<AppError> = {
    ...(origin.kind === 'response' ? { status: origin.status } : {}),
    ...(origin.kind === 'response' && origin.requestId ? { requestId: origin.requestId } : {}),
    ...(error.statusCode === undefined ? {} : { ocpiStatus: error.statusCode }),
  };
  const file = origin.kind === 'file' ? origin.fileName : null;
  const message = file === null ? error.message : `${file}: ${error.message}`;
  switch (error.kind) {
    case 'envelope-status':
      return appError(
        'envelope-status',
        message,
        file === null
          ? envelopeHint(error.statusCode ?? null)
          : 'This file holds an error response, not a session.',
        extra,
      );
    case 'envelope-no-data':
      return appError(
        'envelope-no-data',
        message,
        file === null
          ? 'The server answered without a session: check the id.'
          : 'This file holds an empty response, not a session.',
        extra,
      );
    case 'not-json':
      return file === null
        ? appError('invalid-json', message, 'Report it with the request id.', extra)
        : appError(
            'file-not-json',
            `${file} is not JSON: ${error.message.replace(/^The input is /, '').replace(/^not valid JSON/, 'invalid JSON')}`,
            OPEN_HINT,
            extra,
          );
    default:
      return file === null
        ? appError(
            'not-a-session',
            message,
            'Check the profile’s API flavour and base URL: this endpoint does not return sessions.',
            extra,
          )
        : foreignFormat(file, error.message.replace(/\.$/, ''));
  }
}

/** A file that is not something the app opens, and why. */
export function foreignFormat(fileName: string, why: string): AppError {
  return appError(
    'file-foreign-format',
    `${fileName} is not something Session Inspector can open: ${why}.`,
    OPEN_HINT,
  );
}

import { describe, expect, it } from 'vitest';
import { readerErrorToAppError } from '../../../shared/session/reader-app-error';
import type { ReaderError } from '../../../shared/session/types';

const envelopeError: ReaderError = {
  kind: 'envelope-status',
  message: 'The server answered with OCPI status 3001 (server error) instead of success (1000).',
  statusCode: 3001,
  statusMessage: 'x',
};

describe('readerErrorToAppError: one mapping for responses and files', () => {
  it('a response keeps its status, request id and OCPI code, with the hint of the code class', () => {
    const error = readerErrorToAppError(envelopeError, { kind: 'response', status: 200, requestId: 'r-1' });
    expect(error).toMatchObject({
      kind: 'envelope-status',
      status: 200,
      requestId: 'r-1',
      ocpiStatus: 3001,
      hint: expect.stringMatching(/3xxx/),
    });
  });

  it('a file names itself and says it holds an error response', () => {
    const error = readerErrorToAppError(envelopeError, { kind: 'file', fileName: 'a.json' });
    expect(error).toMatchObject({ kind: 'envelope-status', ocpiStatus: 3001 });
    expect(error.message).toMatch(/^a\.json: /);
    expect(error.hint).toMatch(/error response/);
    expect(error.status).toBeUndefined();
  });

  it.each([
    ['not-json', 'invalid-json', 'file-not-json'],
    ['envelope-no-data', 'envelope-no-data', 'envelope-no-data'],
    ['not-a-session', 'not-a-session', 'file-foreign-format'],
    ['not-object', 'not-a-session', 'file-foreign-format'],
  ] as const)('%s → %s (response) / %s (file)', (kind, response, file) => {
    const error: ReaderError = { kind, message: 'The input is not valid JSON at line 1.' };
    expect(readerErrorToAppError(error, { kind: 'response', status: 200 }).kind).toBe(response);
    expect(readerErrorToAppError(error, { kind: 'file', fileName: 'f.json' }).kind).toBe(file);
  });
});

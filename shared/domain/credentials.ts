/**
 * What a token and a custom auth header name may be, decided once for the app (IPC) and the CLI, with a
 * message that says what is wrong: a value HTTP cannot send would otherwise fail deep in the client.
 */
import { appError, type Result } from './errors';

export const MAX_TOKEN_LENGTH = 4096;
export const MAX_HEADER_NAME_LENGTH = 100;

/** Headers the client sets itself, or that frame the request: a token in one would break or hijack it. */
const RESERVED_HEADERS = new Set([
  'host',
  'content-length',
  'content-type',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'upgrade',
  'te',
  'trailer',
  'proxy-authorization',
  'accept',
  'user-agent',
  'x-request-id',
  'x-correlation-id',
]);

/** RFC 9110 `token` characters, the only ones a header field name may have. */
const HEADER_NAME_CHAR = /^[!#$%&'*+.^_`|~0-9A-Za-z-]$/;

const bad = (message: string, hint: string): { ok: false; error: ReturnType<typeof appError> } => ({
  ok: false,
  error: appError('invalid-argument', message, hint),
});

/** `"é" (U+00E9)`: a character as a user can find it in what they pasted. */
export function describeChar(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  const name = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return code < 0x20 || code === 0x7f || (code >= 0x80 && code < 0xa0) ? name : `"${char}" (${name})`;
}

/**
 * A token that can travel in an HTTP header: 1 to 4096 characters on one line, trimmed, no control
 * characters, nothing beyond Latin-1 (Node refuses to send those; Base64 is applied after this check).
 */
export function checkToken(raw: unknown): Result<string> {
  const hint = 'Paste the token again: one line, as the platform issued it.';
  const token = typeof raw === 'string' ? raw.trim() : '';
  if (token === '') return bad('The token is empty.', hint);
  if (token.length > MAX_TOKEN_LENGTH)
    return bad(
      `The token is ${token.length} characters long; at most ${MAX_TOKEN_LENGTH} are allowed.`,
      hint,
    );
  for (let i = 0; i < token.length; i++) {
    const code = token.charCodeAt(i);
    if (code === 0x0a || code === 0x0d)
      return bad(`The token contains a line break at character ${i + 1}.`, hint);
    if (code < 0x20 || code === 0x7f || (code >= 0x80 && code < 0xa0))
      return bad(
        `The token contains the control character ${describeChar(token[i])} at character ${i + 1}.`,
        hint,
      );
    if (code > 0xff) {
      const char = String.fromCodePoint(token.codePointAt(i) ?? code);
      return bad(
        `The token contains ${describeChar(char)} at character ${i + 1}, which an HTTP header cannot carry.`,
        'Tokens are plain ASCII: check that nothing else was pasted with it.',
      );
    }
  }
  return { ok: true, value: token };
}

/** A custom auth header's name: an RFC 9110 token of at most 100 characters, not one the client owns. */
export function checkHeaderName(raw: unknown): Result<string> {
  const hint = 'Use a header name such as X-Api-Key (letters, digits and - only).';
  if (typeof raw !== 'string' || raw === '') return bad('The custom auth header name is empty.', hint);
  if (raw.length > MAX_HEADER_NAME_LENGTH)
    return bad(`The custom auth header name is longer than ${MAX_HEADER_NAME_LENGTH} characters.`, hint);
  const odd = [...raw].find((char) => !HEADER_NAME_CHAR.test(char));
  if (odd !== undefined)
    return bad(`"${raw.slice(0, 60)}" is not a valid header name: it contains ${describeChar(odd)}.`, hint);
  if (RESERVED_HEADERS.has(raw.toLowerCase()))
    return bad(
      `The header ${raw} is set by Session Inspector itself and cannot carry the token.`,
      'Use the header the API documents for its key, such as X-Api-Key or Authorization (choose Token or Bearer).',
    );
  return { ok: true, value: raw };
}

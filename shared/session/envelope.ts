/**
 * The OCPI response envelope `{status_code, status_message, timestamp, data}`, decided once for the GET
 * client, the session loader and the reader. OCPI success is 1000–1999: the data is read, and a code other
 * than 1000 becomes a warning. 2xxx (client), 3xxx (server) and 4xxx (hub) codes, or none at all, are
 * errors with the code and the message; a success without data is an error too.
 */
import { appError, type AppError } from '../domain/errors';

/** The envelope's status fields, when `value` is an envelope (an object with `status_code`). */
export interface EnvelopeStatus {
  /** The code as a number (sent as text it is still compared as one), or null when unreadable. */
  code: number | null;
  /** True when the code came as text, e.g. `"1000"`. */
  codeAsText: boolean;
  /** `status_message` when it is a non-empty string. */
  message: string | null;
}

export type EnvelopeClass = 'success' | 'client-error' | 'server-error' | 'hub-error' | 'unknown';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Keys only a bare session has: an object with them is a session, even if it also has `status_code`. */
const SESSION_KEYS = ['charging_periods', 'kwh'];

/** The status of an envelope, or null when `value` is not one (a bare session or location). */
export function envelopeStatus(value: unknown): EnvelopeStatus | null {
  if (!isObject(value) || !('status_code' in value) || SESSION_KEYS.some((key) => key in value)) return null;
  const raw = value.status_code;
  const fromText = typeof raw === 'string' && /^\s*-?\d+\s*$/.test(raw) ? Number(raw) : null;
  const code = typeof raw === 'number' && Number.isInteger(raw) ? raw : fromText;
  const message =
    typeof value.status_message === 'string' && value.status_message.trim() !== ''
      ? value.status_message
      : null;
  return { code, codeAsText: fromText !== null, message };
}

export function envelopeClass(code: number | null): EnvelopeClass {
  if (code === null) return 'unknown';
  if (code >= 1000 && code < 2000) return 'success';
  if (code >= 2000 && code < 3000) return 'client-error';
  if (code >= 3000 && code < 4000) return 'server-error';
  if (code >= 4000 && code < 5000) return 'hub-error';
  return 'unknown';
}

const CLASS_WORDS: Record<EnvelopeClass, string> = {
  success: 'success',
  'client-error': 'client error',
  'server-error': 'server error',
  'hub-error': 'hub error',
  unknown: 'not an OCPI status',
};

const CLASS_HINTS: Record<EnvelopeClass, string> = {
  success: 'The server reported success.',
  'client-error':
    'The server rejected the request (OCPI 2xxx, client error): check the id and the token’s party.',
  'server-error':
    'The server failed (OCPI 3xxx, server error): try again later, or report it with the request id.',
  'hub-error': 'A hub in between failed (OCPI 4xxx): try again later, or report it to the hub.',
  unknown: 'The server reported an error in the OCPI envelope: report it with the request id.',
};

/** `OCPI status 2003 (client error): "Unknown session"`: the code, its class and what the server said. */
export function describeStatus(status: EnvelopeStatus, rawCode?: unknown): string {
  const code = status.code ?? (rawCode === undefined ? 'missing' : JSON.stringify(rawCode)?.slice(0, 40));
  const said = status.message === null ? '' : `: "${status.message}"`;
  return `OCPI status ${code} (${CLASS_WORDS[envelopeClass(status.code)]})${said}`;
}

/** The hint for an envelope that reports an error, by the class of its code. */
export const envelopeHint = (code: number | null): string => CLASS_HINTS[envelopeClass(code)];

export interface EnvelopeWarning {
  path: string;
  message: string;
}

export type EnvelopeFailure =
  | { kind: 'envelope-status'; message: string; statusCode?: number; statusMessage?: string }
  | { kind: 'envelope-no-data'; message: string };

export type OpenedEnvelope =
  | {
      ok: true;
      /** The payload: the envelope's data object (the first one of a list), or `value` itself when bare. */
      data: Record<string, unknown>;
      /** JSON path of `data`: `''` when bare, `data` or `data[0]`. */
      path: string;
      warnings: EnvelopeWarning[];
    }
  | { ok: false; error: EnvelopeFailure };

/**
 * Opens an envelope for its payload. `noun` names what the data should hold ("session", "Location") in
 * messages. A bare object (no envelope) is returned as it is.
 */
export function openEnvelope(value: Record<string, unknown>, noun: string): OpenedEnvelope {
  const status = envelopeStatus(value);
  if (status === null) return { ok: true, data: value, path: '', warnings: [] };
  const warnings: EnvelopeWarning[] = [];
  if (status.codeAsText)
    warnings.push({ path: 'status_code', message: `status code sent as text; read as ${status.code}` });
  if (envelopeClass(status.code) !== 'success')
    return {
      ok: false,
      error: {
        kind: 'envelope-status',
        message: `The server answered with ${describeStatus(status, value.status_code)} instead of success (1000).`,
        ...(status.code === null ? {} : { statusCode: status.code }),
        ...(status.message === null ? {} : { statusMessage: status.message }),
      },
    };
  if (status.code !== 1000)
    warnings.push({
      path: 'status_code',
      message: `${describeStatus(status)}: a success code other than 1000; the data is read anyway`,
    });
  const noData = (why: string): OpenedEnvelope => ({
    ok: false,
    error: { kind: 'envelope-no-data', message: `The response envelope says success but ${why}.` },
  });
  const data = value.data;
  if (Array.isArray(data)) {
    if (data.length === 0) return noData('its data list is empty');
    if (data.length > 1)
      warnings.push({
        path: 'data',
        message: `the envelope holds ${data.length} ${noun}s; showing the first`,
      });
    return isObject(data[0])
      ? { ok: true, data: data[0], path: 'data[0]', warnings }
      : noData(`carries no ${noun} data`);
  }
  return isObject(data) ? { ok: true, data, path: 'data', warnings } : noData(`carries no ${noun} data`);
}

/**
 * The payload of a body as it is, by the same envelope rule: the envelope's `data` (a list may be empty:
 * for OCPI list endpoints that is an answer), or the body itself when it is bare. The GET client has
 * already refused error codes (`envelopeErrorOf`).
 */
export function envelopePayload(value: unknown): unknown {
  return envelopeStatus(value) === null ? value : (value as Record<string, unknown>).data;
}

/**
 * A parsed response body whose envelope reports an error, as the typed error the GET client returns;
 * null when the body is not an envelope or reports success. Missing data is left to the reader.
 */
export function envelopeErrorOf(value: unknown, extra: Partial<AppError> = {}): AppError | null {
  const status = envelopeStatus(value);
  if (status === null || envelopeClass(status.code) === 'success') return null;
  return appError(
    'envelope-status',
    `${describeStatus(status, (value as Record<string, unknown>).status_code)}.`,
    envelopeHint(status.code),
    { ...extra, ...(status.code === null ? {} : { ocpiStatus: status.code }) },
  );
}

/**
 * The main-process log (also used by the CLI): one line per event, `<ISO time> <LEVEL> <event> <JSON fields>`,
 * written to a rotating file in the user-data folder and to any other sink (the CLI's `--verbose` stderr).
 * Every line is scrubbed of the tokens the process has handled before it is written, by the same rule as server
 * text (../http/scrub.ts: plain, Base64, JSON-escaped, any prefix of 8+ characters). Logging never throws:
 * a full disk must not turn a working fetch into a failure.
 */
import { join } from 'node:path';
import type { AppError } from '../../shared/domain/errors';
import type { FetchMeta } from '../../shared/domain/loaded-session';
import { RotatingFile, type RotatingFileOptions } from './rotating-file';
import { noScrubbing, tokenScrubber, type Scrubber } from '../http/scrub';

export const LOG_FILE = 'main.log';

export type LogFields = Record<string, unknown>;
export type LogSink = (line: string) => void;

export interface MainLog {
  info(event: string, fields?: LogFields): void;
  /** The full error with its stack; the renderer only ever gets the short message. */
  error(event: string, err: unknown, fields?: LogFields): void;
  /** A token this process handles: scrubbed from every line written from now on. */
  addSecret(token: string): void;
}

export interface MainLogOptions {
  sinks: LogSink[];
  now?: () => Date;
}

export function createMainLog(options: MainLogOptions): MainLog {
  const secrets = new Set<string>();
  let scrub: Scrubber = noScrubbing;
  const now = options.now ?? (() => new Date());
  const write = (level: 'INFO' | 'ERROR', event: string, fields: LogFields): void => {
    const line = scrub(
      `${now().toISOString()} ${level} ${event} ${JSON.stringify(scrubValue(fields, scrub))}\n`,
    );
    for (const sink of options.sinks) {
      try {
        sink(line);
      } catch {
        // A log that cannot be written is not worth failing the user's action for.
      }
    }
  };
  return {
    info: (event, fields = {}) => write('INFO', event, fields),
    error: (event, err, fields = {}) => write('ERROR', event, { ...fields, error: describeError(err) }),
    addSecret(token) {
      if (secrets.has(token)) return;
      secrets.add(token);
      scrub = tokenScrubber([...secrets]);
    },
  };
}

/** A log that writes `main.log` (rotating, size-capped) in the user-data folder, plus any extra sinks. */
export function createFileLog(
  userDataDir: string,
  extraSinks: LogSink[] = [],
  rotation?: RotatingFileOptions,
): MainLog {
  let file: RotatingFile | null = null;
  const toFile: LogSink = (line) => {
    file ??= new RotatingFile(join(userDataDir, LOG_FILE), rotation);
    file.append(line);
  };
  return createMainLog({ sinks: [toFile, ...extraSinks] });
}

/** One line per GET: ids, URL (already without secrets), status and timings. */
export function logFetch(log: MainLog, phase: 'session' | 'location' | 'request', meta: FetchMeta): void {
  log.info('fetch', {
    phase,
    url: meta.url,
    status: meta.status,
    durationMs: meta.durationMs,
    bytes: meta.bytes,
    attempts: meta.attempts,
    requestId: meta.requestId,
    correlationId: meta.correlationId,
    responseRequestId: meta.responseRequestId,
    responseCorrelationId: meta.responseCorrelationId,
  });
}

/** One line for a fetch that failed: what the user was told (kind, status, ids), not the hint. */
export function logFetchFailure(log: MainLog, url: string, error: AppError): void {
  const { hint: _hint, ...fields } = error;
  log.info('fetch-failed', { url, ...fields });
}

function describeError(err: unknown): LogFields {
  if (err instanceof Error)
    return {
      name: err.name,
      message: err.message,
      ...(typeof (err as NodeJS.ErrnoException).code === 'string'
        ? { code: (err as NodeJS.ErrnoException).code }
        : {}),
      stack: err.stack ?? null,
    };
  return { message: String(err) };
}

/** Strings are scrubbed before JSON escaping too, so a token with a quote or backslash is still found. */
function scrubValue(value: unknown, scrub: Scrubber): unknown {
  if (typeof value === 'string') return scrub(value);
  if (Array.isArray(value)) return value.map((v) => scrubValue(v, scrub));
  if (typeof value === 'object' && value !== null) {
    const out: LogFields = Object.create(null) as LogFields;
    for (const [k, v] of Object.entries(value)) out[k] = scrubValue(v, scrub);
    return out;
  }
  return value;
}

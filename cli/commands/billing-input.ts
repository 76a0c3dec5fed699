/** Input for the billing commands (`cost`, `reconcile`): a session or CDR file, tariff files, a Location file. */
import { looksLikeCdr, payloadOf, readCdr } from '../../shared/billing/read-cdr';
import { readTariffs } from '../../shared/billing/read-tariff';
import type { CdrReadSuccess, Tariff } from '../../shared/billing/types';
import { readSessionOrBundle } from '../../shared/export/import';
import { visibleText } from '../../shared/present/visible-text';
import { parseJsonText } from '../../shared/session/json-text';
import { readSession } from '../../shared/session/read-session';
import type { ReaderError, ReadSuccess, ReaderWarning } from '../../shared/session/types';
import { CliError, type CliIo, readInput } from '../io';

/** Pulls every `--name VALUE` (or `--name=VALUE`) out of `args`: parseArgs keeps only the last of a repeat. */
export function takeRepeated(args: string[], name: string): { values: string[]; rest: string[] } {
  const values: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === `--${name}`) {
      const value = args[i + 1];
      if (value === undefined) throw new CliError(`--${name} needs a value`);
      values.push(value);
      i++;
    } else if (arg.startsWith(`--${name}=`)) values.push(arg.slice(name.length + 3));
    else rest.push(arg);
  }
  return { values, rest };
}

const errorText = (error: ReaderError, file: string): string =>
  `${file}: ${
    error.kind === 'envelope-status'
      ? `envelope status ${error.statusCode ?? '?'}: ${error.statusMessage ?? error.message}`
      : error.message
  }`;

function parse(text: string, file: string): unknown {
  const parsed = parseJsonText(text);
  if (!parsed.ok) throw new CliError(errorText(parsed.error, file));
  return parsed.value;
}

export type BillingFile = { kind: 'cdr'; read: CdrReadSuccess } | { kind: 'session'; read: ReadSuccess };

/**
 * A session (bare, in its envelope, or a bundle) or a CDR; `location` the parsed `--location` file. Reader
 * warnings go to stderr, one line each, prefixed by the file: stdout stays the one documented object.
 */
export async function readBillingFile(file: string, io: CliIo, location: unknown): Promise<BillingFile> {
  const text = await readInput(file, io);
  const value = parse(text, file);
  const payload = payloadOf(value);
  if (payload && looksLikeCdr(payload)) {
    const read = readCdr(value, location === undefined ? {} : { location });
    if (!read.ok) throw new CliError(errorText(read.error, file));
    reportWarnings(io, file, read.warnings);
    return { kind: 'cdr', read };
  }
  const isBundle = typeof value === 'object' && value !== null && 'format' in value;
  const read = isBundle
    ? readSessionOrBundle(text)
    : readSession(value, { text, ...(location === undefined ? {} : { location }) });
  if (!read.ok) throw new CliError(errorText(read.error, file));
  reportWarnings(io, file, read.warnings);
  return { kind: 'session', read };
}

/** Every tariff of every `--tariff` file, in order. */
export async function readTariffFiles(files: string[], io: CliIo): Promise<Tariff[]> {
  const out: Tariff[] = [];
  for (const file of files) {
    const read = readTariffs(parse(await readInput(file, io), file));
    if (!read.ok) throw new CliError(errorText(read.error, file));
    reportWarnings(io, file, read.warnings);
    out.push(...read.tariffs);
  }
  return out;
}

export async function readLocationFile(file: string | undefined, io: CliIo): Promise<unknown> {
  if (file === undefined) return undefined;
  return parse(await readInput(file, io), file);
}

export function reportWarnings(io: CliIo, file: string, warnings: ReaderWarning[]): void {
  for (const w of warnings)
    io.stderr(`${visibleText(`warning: ${file} ${w.path || '(root)'}: ${w.message}`)}\n`);
}

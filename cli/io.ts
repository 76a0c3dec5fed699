import { readFile, stat } from 'node:fs/promises';
import type { Keychain } from '../services/storage/token-store';
import { MAX_SESSION_FILE_BYTES, tooLargeError } from '../shared/input/limits';
import { decodeText } from '../shared/input/text';

/** Where a command reads and writes, so tests can run commands in-process. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Standard input as text (by the one text rule), refused past the session file cap. */
  readStdin(): Promise<string>;
  env: Record<string, string | undefined>;
  /** Opens the OS keychain; tests pass one that fails. Default: the real one (keytar). */
  openKeychain?: () => Promise<Keychain>;
}

export function nodeIo(): CliIo {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    readStdin: () => readCappedText(process.stdin as AsyncIterable<Uint8Array>, 'standard input'),
    env: process.env,
  };
}

/**
 * A stream's text by the one text rule, refused as soon as it passes the session file cap: a 300 MB pipe
 * must not be held in memory only to be refused.
 */
export async function readCappedText(
  stream: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  name: string,
): Promise<string> {
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for await (const chunk of stream) {
    bytes += chunk.byteLength;
    if (bytes > MAX_SESSION_FILE_BYTES) throw new CliError(tooLargeError(bytes, name).message);
    chunks.push(chunk);
  }
  return decodeText(Buffer.concat(chunks));
}

/** A failure the CLI reports as one line on stderr with the given exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

/**
 * Reads `<file|->`: a path, or standard input for `-`, by the app's own rules: at most the session file
 * cap (refused before reading), regular files only (a FIFO would wait forever), decoded by the one text
 * rule (BOM, UTF-16).
 */
export async function readInput(arg: string | undefined, io: CliIo): Promise<string> {
  if (!arg) throw new CliError('missing input: give a file path or - for standard input');
  if (arg === '-') return io.readStdin();
  try {
    // stat before opening: opening a FIFO waits for a writer, forever if none comes.
    const info = await stat(arg);
    if (info.isDirectory()) throw new CliError(`${arg} is a folder, not a file`);
    if (!info.isFile())
      throw new CliError(
        `${arg} is not a regular file (a pipe, socket or device); use - to read standard input`,
      );
    if (info.size > MAX_SESSION_FILE_BYTES) throw new CliError(tooLargeError(info.size, arg).message);
    return decodeText(await readFile(arg));
  } catch (err) {
    if (err instanceof CliError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError(`no such file: ${arg}`);
    if (code === 'EISDIR') throw new CliError(`${arg} is a folder, not a file`);
    if (code === 'EACCES' || code === 'EPERM') throw new CliError(`permission denied reading ${arg}`);
    throw new CliError(`cannot read ${arg}: ${code ?? String(err)}`);
  }
}

/** The known option closest to a mistyped one, if it is close (one or two edits). */
function closest(name: string, known: readonly string[]): string | null {
  const distance = (a: string, b: string): number => {
    let row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const next = [i];
      for (let j = 1; j <= b.length; j++)
        next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      row = next;
    }
    return row[b.length];
  };
  let best: string | null = null;
  let bestDistance = 3;
  for (const candidate of known) {
    const d = distance(name, candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

/**
 * Splits argv into positionals and `--flag [value]` options; `booleans` never take a value. With `valued`
 * (the options that take one), any other `--name` is refused: "unknown option --jsn (did you mean --json?)".
 */
export function parseArgs(
  args: string[],
  booleans: readonly string[],
  valued?: readonly string[],
): { positionals: string[]; options: Record<string, string | true> } {
  const positionals: string[] = [];
  const options: Record<string, string | true> = Object.create(null) as Record<string, string | true>;
  const check = (name: string): void => {
    if (!valued || booleans.includes(name) || valued.includes(name)) return;
    const guess = closest(name, [...booleans, ...valued]);
    throw new CliError(`unknown option --${name}${guess ? ` (did you mean --${guess}?)` : ''}`);
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      if (eq > 0) {
        check(arg.slice(2, eq));
        options[arg.slice(2, eq)] = arg.slice(eq + 1);
      } else {
        const name = arg.slice(2);
        check(name);
        if (booleans.includes(name)) options[name] = true;
        else {
          const value = args[i + 1];
          if (value === undefined) throw new CliError(`--${name} needs a value`);
          options[name] = value;
          i++;
        }
      }
    } else positionals.push(arg);
  }
  return { positionals, options };
}

import { readFile } from 'node:fs/promises';

/** Where a command reads and writes, so tests can run commands in-process. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readStdin(): Promise<string>;
  env: Record<string, string | undefined>;
}

export function nodeIo(): CliIo {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    env: process.env,
  };
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

/** Reads `<file|->`: a path, or standard input for `-`. */
export async function readInput(arg: string | undefined, io: CliIo): Promise<string> {
  if (!arg) throw new CliError('missing input: give a file path or - for standard input');
  if (arg === '-') return io.readStdin();
  try {
    return await readFile(arg, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError(`no such file: ${arg}`);
    if (code === 'EISDIR') throw new CliError(`${arg} is a folder, not a file`);
    if (code === 'EACCES' || code === 'EPERM') throw new CliError(`permission denied reading ${arg}`);
    throw new CliError(`cannot read ${arg}: ${code ?? String(err)}`);
  }
}

/** Splits argv into positionals and `--flag [value]` options; `booleans` never take a value. */
export function parseArgs(
  args: string[],
  booleans: readonly string[],
): { positionals: string[]; options: Record<string, string | true> } {
  const positionals: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      if (eq > 0) {
        options[arg.slice(2, eq)] = arg.slice(eq + 1);
      } else {
        const name = arg.slice(2);
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

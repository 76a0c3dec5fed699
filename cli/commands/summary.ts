/** `ocpi-inspect summary <file|-> [--json]`. */
import { readSessionOrBundle } from '../../shared/export/import';
import { formatSummaryText, summarize } from '../../shared/session/summary';
import { CliError, type CliIo, parseArgs, readInput } from '../io';

export async function run(args: string[], io: CliIo): Promise<number> {
  const { positionals, options } = parseArgs(args, ['json']);
  if (positionals.length !== 1)
    throw new CliError('summary takes exactly one input: a file path or - for standard input');
  const text = await readInput(positionals[0], io);
  const read = readSessionOrBundle(text);
  if (!read.ok) {
    const { error } = read;
    throw new CliError(
      error.kind === 'envelope-status'
        ? `envelope status ${error.statusCode ?? '?'}: ${error.statusMessage ?? error.message}`
        : error.message,
    );
  }
  const summary = summarize(read);
  io.stdout(options.json ? JSON.stringify(summary) + '\n' : formatSummaryText(summary));
  return 0;
}

/** `ocpi-inspect summary <file|-> [--json]`. */
import { formatCdrSummaryText, summarizeIfCdr } from '../../shared/billing/billing-summary';
import { readParsedSessionOrBundle, readSessionOrBundle } from '../../shared/export/import';
import { presentSession } from '../../shared/present/present-session';
import { jsonWithVisibleEscapes } from '../../shared/present/visible-text';
import { parseJsonText } from '../../shared/session/json-text';
import { formatSummaryText, summarize } from '../../shared/session/summary';
import { CliError, type CliIo, parseArgs, readInput } from '../io';

export async function run(args: string[], io: CliIo): Promise<number> {
  const { positionals, options } = parseArgs(args, ['json', 'as-sent'], []);
  if (positionals.length !== 1)
    throw new CliError('summary takes exactly one input: a file path or - for standard input');
  const text = await readInput(positionals[0], io);
  const parsed = parseJsonText(text);
  const cdr = parsed.ok ? summarizeIfCdr(parsed.value) : null;
  if (cdr) {
    if (!cdr.ok) throw new CliError(cdr.error.message);
    io.stdout(options.json ? jsonWithVisibleEscapes(cdr.summary) + '\n' : formatCdrSummaryText(cdr.summary));
    return 0;
  }
  // --as-sent keeps volumes that look like Wh as written instead of reading them as Wh.
  const volumes = options['as-sent'] ? 'as-sent' : 'auto';
  const read = parsed.ok
    ? readParsedSessionOrBundle(parsed.value, text, { volumes })
    : readSessionOrBundle(text, { volumes });
  if (!read.ok) {
    const { error } = read;
    throw new CliError(
      error.kind === 'envelope-status'
        ? `envelope status ${error.statusCode ?? '?'}: ${error.statusMessage ?? error.message}`
        : error.message,
    );
  }
  const presented = presentSession(read);
  io.stdout(
    options.json
      ? // Same data, but a bidi override or ESC in a value reaches the terminal as its \u escape.
        jsonWithVisibleEscapes({ kind: 'session', ...summarize(read, presented) }) + '\n'
      : formatSummaryText(presented),
  );
  return 0;
}

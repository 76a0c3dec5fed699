/**
 * `ocpi-inspect export <file|-> --format bundle|csv|html [--redact] [--times utc|site] [--show-ids] --out PATH`.
 * The report masks auth and contract ids unless `--show-ids` asks for them in clear.
 */
import { fileErrorToAppError, writeFileAtomic } from '../../services/storage/atomic-file';
import { APP_VERSION } from '../../shared/export/app-version';
import { readSessionFile } from '../../shared/export/import';
import { isExportTimes } from '../../shared/export/export-times';
import { isExportFormat, renderExport } from '../../shared/export/render-export';
import { CliError, type CliIo, parseArgs, readInput } from '../io';

export async function run(args: string[], io: CliIo): Promise<number> {
  const { positionals, options } = parseArgs(args, ['redact', 'show-ids'], ['format', 'out', 'times']);
  if (positionals.length !== 1)
    throw new CliError('export takes exactly one input: a file path or - for standard input');
  const format = options.format;
  if (!isExportFormat(format)) throw new CliError('--format must be bundle, csv or html');
  const times = options.times ?? 'utc';
  if (!isExportTimes(times)) throw new CliError('--times must be utc or site');
  const out = options.out;
  if (typeof out !== 'string' || out === '') throw new CliError('--out PATH is required');
  const input = positionals[0];
  const read = readSessionFile(await readInput(input, io), input === '-' ? 'stdin' : input);
  if (!read.ok) throw new CliError(read.error.message);
  const text = await renderExport({ ...read.value, key: 'cli' }, format, {
    redact: options.redact === true,
    appVersion: APP_VERSION,
    times,
    revealIds: options['show-ids'] === true,
  });
  try {
    await writeFileAtomic(out, text, 'user');
  } catch (err) {
    throw new CliError(fileErrorToAppError(err, out).message);
  }
  io.stderr(`wrote ${out} (${Buffer.byteLength(text)} bytes)\n`);
  return 0;
}

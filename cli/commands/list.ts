/**
 * `ocpi-inspect list --versions-url URL --from ISO --to ISO [--version V] [--status S] [--json|--csv]`
 * (or `--profile NAME`): every session whose last_updated is in [from, to), from every page of the Sender
 * interface, each read with the reader's checks. A page that fails still prints what was read, then says
 * on stderr which part of the window is missing (exit 1).
 */
import { listInterface } from '../../shared/ocpi/interfaces';
import { listedSessionJson, sessionRowsCsv } from '../../shared/ocpi/session-list-output';
import { type SessionRow, toSessionRow } from '../../shared/ocpi/session-rows';
import { toIso } from '../../shared/session/iso-date';
import { listSessions } from '../../services/ocpi/session-lister';
import { SettingsStore } from '../../services/storage/settings';
import { defaultUserDataDir } from '../../services/storage/user-data-dir';
import { CliError, type CliIo, parseArgs } from '../io';
import { connectOcpi, isoOption } from '../ocpi-target';
import { failure } from './fetch';

export async function run(args: string[], io: CliIo): Promise<number> {
  const { positionals, options } = parseArgs(args, ['json', 'csv']);
  if (positionals.length > 0)
    throw new CliError(`list takes no positional argument (got "${positionals[0]}")`);
  if (options.json === true && options.csv === true) throw new CliError('give --json or --csv, not both');
  const from = isoOption(options, 'from', true) as number;
  const to = isoOption(options, 'to', true) as number;
  if (to <= from) throw new CliError('--to must be after --from');
  const status = typeof options.status === 'string' ? options.status.toUpperCase() : null;
  if (options.status === true) throw new CliError('--status needs a value');

  const target = await connectOcpi(options, io);
  // The app's SESSION_STALE threshold (Settings → Live follow), so the CLI and the Search view agree.
  const { staleMinutes } = (await SettingsStore.open(defaultUserDataDir(io.env))).get();
  const url = listInterface(target.discovery.endpoints, 'sessions');
  if (!url.ok) throw failure(url.error);
  const rows: SessionRow[] = [];
  const listed = await listSessions(target.conn, {
    url: url.value,
    dateFrom: from,
    dateTo: to,
    correlationId: target.correlationId,
    // Each page is read (with its checks) while the next one is on its way.
    onRows: (page) => {
      for (const raw of page) {
        const row = toSessionRow(raw, Date.now(), staleMinutes);
        if (row && (status === null || row.status === status)) rows.push(row);
      }
    },
  });

  if (options.json === true)
    io.stdout(
      `${JSON.stringify({ totalCount: listed.totalCount, sessions: rows.map(listedSessionJson) })}\n`,
    );
  else if (options.csv === true) io.stdout(sessionRowsCsv(rows));
  else {
    const total = listed.totalCount === null ? '' : ` (X-Total-Count ${listed.totalCount})`;
    io.stdout(
      [
        `${rows.length} sessions last updated in [${toIso(from)}, ${toIso(to)})${total}`,
        ...rows.map((r) =>
          [
            r.id,
            r.status,
            toIso(r.startedAt) ?? '-',
            toIso(r.endedAt) ?? '-',
            r.kwh ?? '-',
            toIso(r.lastUpdated),
            r.anomalies.join(' '),
          ].join('  '),
        ),
      ].join('\n') + '\n',
    );
  }
  for (const note of listed.notes) io.stderr(`ocpi-inspect: note: ${note}\n`);
  if (listed.failure) {
    const { missing, error } = listed.failure;
    throw new CliError(
      `${error.message} Kept the ${listed.rows.length} sessions read; missing: last_updated from ${toIso(missing.from) ?? 'the start'} to ${toIso(missing.to) ?? 'now'}. ${error.hint}`,
      1,
    );
  }
  return 0;
}

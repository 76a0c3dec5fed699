/**
 * `ocpi-inspect fetch-cdr <session-id> (--versions-url URL [--version V] | --profile NAME) [--around ISO]
 * [--country-code CC --party-id ID] [--out FILE]`: finds the session (as `fetch` does), then its CDR on the
 * CDRs Sender interface, listed from the session's end onwards and following `Link`. Writes the CDR, a
 * document `summary`, `cost` and `reconcile` read.
 */
import { checkCdrMissing } from '../../shared/billing/reconcile';
import { parseSessionRef } from '../../shared/ocpi/session-ref';
import { readSession } from '../../shared/session/read-session';
import { describe, findSession } from '../../services/ocpi/find-session';
import { findCdr } from '../../services/ocpi/find-cdr';
import { fileErrorToAppError, writeFileAtomic } from '../../services/storage/atomic-file';
import { CliError, type CliIo, parseArgs } from '../io';
import { connectOcpi, isoOption } from '../ocpi-target';
import { failure } from './fetch';

export async function run(args: string[], io: CliIo): Promise<number> {
  const { positionals, options } = parseArgs(
    args,
    [],
    ['out', 'versions-url', 'version', 'profile', 'around', 'country-code', 'party-id'],
  );
  if (positionals.length !== 1) throw new CliError('fetch-cdr takes exactly one session id');
  const ref = parseSessionRef(positionals[0]);
  if (!ref.ok) throw new CliError(ref.error.message);
  const around = isoOption(options, 'around', false);
  const target = await connectOcpi(options, io);
  const endpoints = target.discovery.endpoints;
  const session = await findSession(target.conn, {
    endpoints,
    ref: ref.value,
    profileParty: target.party,
    around,
    correlationId: target.correlationId,
  });
  if (!session.ok) throw failure(session.error);
  const read = readSession(session.value.session, { text: session.value.text });
  if (!read.ok) throw new CliError(`the session could not be read: ${read.error.message}`, 1);

  const result = await findCdr(target.conn, {
    endpoints,
    session: read.session,
    correlationId: target.correlationId,
  });
  if (!result.ok) throw failure(result.error);
  const { found, search } = result.value;
  if (!found) {
    const missing = checkCdrMissing(read.session, search)[0];
    const all = search.searched;
    const windows = all.length
      ? `${describe({ from: Math.min(...all.map((w) => w.from)), to: Math.max(...all.map((w) => w.to)) })} in ${all.length} window(s)`
      : 'none';
    throw new CliError(
      missing
        ? `CDR_MISSING: ${missing.message}`
        : `no CDR for session ${ref.value.id} was listed yet (last_updated searched: ${windows})`,
      1,
    );
  }
  const how =
    found.match.by === 'session_id'
      ? 'matched on session_id'
      : `matched by score ${found.match.score.score}/${found.match.score.max}: ${found.match.score.agreed.join(', ')}`;
  const note = `CDR for session ${ref.value.id} (${how}; ${found.cdrsScanned} CDRs listed; correlation id ${target.correlationId})`;
  const text = `${found.text}\n`;
  if (typeof options.out === 'string') {
    try {
      await writeFileAtomic(options.out, text, 'user');
    } catch (err) {
      throw failure(fileErrorToAppError(err, options.out));
    }
    io.stderr(`wrote ${note} to ${options.out}\n`);
  } else {
    io.stdout(text);
    io.stderr(`found ${note}\n`);
  }
  return 0;
}

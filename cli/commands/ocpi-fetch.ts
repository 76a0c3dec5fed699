/**
 * `ocpi-inspect fetch <id> --versions-url URL [--version V] [--around ISO] [--country-code CC --party-id ID]
 * [--out FILE]` (or `--profile NAME` with OCPI settings): discovery, then on a Receiver
 * `GET {sessions}/{cc}/{party}/{id}`, on a Sender a search around `--around` (never `{sessions}/{id}`).
 * Writes a document `summary` reads: the Receiver's response body, or the listed Session.
 */
import { parseSessionRef } from '../../shared/ocpi/session-ref';
import { findSession, describe } from '../../services/ocpi/find-session';
import { fileErrorToAppError, writeFileAtomic } from '../../services/storage/atomic-file';
import { ProfileStore } from '../../services/storage/profiles';
import { defaultUserDataDir } from '../../services/storage/user-data-dir';
import { CliError, type CliIo } from '../io';
import { connectOcpi, isoOption, wantsOcpi } from '../ocpi-target';
import { failure } from './fetch';

type Options = Record<string, string | true>;

const OCPI_ONLY_OPTIONS = ['around', 'country-code', 'party-id', 'version'];

/**
 * True for --versions-url, and for --profile when that profile has OCPI settings. The Demo profile also
 * serves its bundled sessions by id the vendor way, so for it an OCPI-only option decides.
 */
export async function applies(options: Options, io: CliIo): Promise<boolean> {
  if (wantsOcpi(options)) return true;
  if (typeof options.profile !== 'string' || typeof options['base-url'] === 'string') return false;
  const profile = (await ProfileStore.open(defaultUserDataDir(io.env))).findByName(options.profile);
  if (profile?.demo) return OCPI_ONLY_OPTIONS.some((name) => name in options);
  return profile?.ocpi !== undefined;
}

export async function run(rawId: string, options: Options, io: CliIo): Promise<number> {
  const ref = parseSessionRef(rawId);
  if (!ref.ok) throw new CliError(ref.error.message);
  const around = isoOption(options, 'around', false);
  const target = await connectOcpi(options, io);
  const found = await findSession(target.conn, {
    endpoints: target.discovery.endpoints,
    ref: ref.value,
    profileParty: target.party,
    around,
    correlationId: target.correlationId,
  });
  if (!found.ok) throw failure(found.error);
  const { value } = found;
  const how =
    value.searched === null
      ? `GET on the ${value.via.kind === 'receiver' ? 'Receiver' : 'Sender'} interface`
      : `listed ${value.sessionsScanned} sessions last updated ${describe(value.searched)} on the Sender interface`;
  const text = value.text.endsWith('\n') ? value.text : `${value.text}\n`;
  if (typeof options.out === 'string') {
    try {
      await writeFileAtomic(options.out, text, 'user');
    } catch (err) {
      throw failure(fileErrorToAppError(err, options.out));
    }
    io.stderr(
      `wrote session ${ref.value.id} to ${options.out} (${how}; correlation id ${target.correlationId})\n`,
    );
  } else {
    io.stdout(text);
    io.stderr(`found session ${ref.value.id} (${how}; correlation id ${target.correlationId})\n`);
  }
  return 0;
}

/**
 * What `discover`, `list` and the versions-URL mode of `fetch` share: `--versions-url URL [--version V]`
 * or `--profile NAME` (with OCPI settings) turned into a discovered connection, the token from
 * OCPI_INSPECT_TOKEN or the profile's keychain entry (never printed), and a token form a 401 fallback found
 * reported on stderr and remembered on the profile.
 */
import { randomUUID } from 'node:crypto';
import { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUTS, type Profile } from '../shared/domain/profile';
import { checkBaseUrl } from '../shared/ipc/validate';
import type { PartyRef } from '../shared/ocpi/interfaces';
import type { OcpiProfileSettings } from '../shared/ocpi/profile-settings';
import { isCountryCode, isPartyId } from '../shared/ocpi/session-ref';
import { demoOcpiTransport } from '../services/ocpi/demo-ocpi-transport';
import { discover, type Discovery } from '../services/ocpi/discovery';
import { OcpiConnection } from '../services/ocpi/ocpi-connection';
import { nodeTransport } from '../services/http/http-transport';
import { ProfileStore } from '../services/storage/profiles';
import { defaultUserDataDir } from '../services/storage/user-data-dir';
import { failure, resolveToken } from './commands/fetch';
import { CliError, type CliIo } from './io';

export interface OcpiTarget {
  conn: OcpiConnection;
  discovery: Discovery;
  /** The party for Receiver interfaces: --country-code/--party-id, else the profile's. */
  party: PartyRef | null;
  /** One correlation id for the whole command: one user action. */
  correlationId: string;
}

type Options = Record<string, string | true>;

/** Whether the options ask for OCPI discovery rather than the vendor `{base}/sessions/{id}` GET. */
export const wantsOcpi = (options: Options): boolean => typeof options['versions-url'] === 'string';

export function partyOption(options: Options): PartyRef | null {
  const cc = options['country-code'];
  const party = options['party-id'];
  if (cc === undefined && party === undefined) return null;
  if (typeof cc !== 'string' || typeof party !== 'string' || !isCountryCode(cc) || !isPartyId(party))
    throw new CliError('--country-code (2 letters) and --party-id (3 letters or digits) go together');
  return { countryCode: cc.toUpperCase(), partyId: party.toUpperCase() };
}

async function settingsFrom(
  options: Options,
  io: CliIo,
): Promise<{ profile: Profile; store: ProfileStore | null }> {
  if (typeof options.profile === 'string') {
    const dir = defaultUserDataDir(io.env);
    const store = await ProfileStore.open(dir);
    const profile = store.findByName(options.profile);
    if (!profile) throw new CliError(`no profile named "${options.profile}" in ${dir}`);
    if (!profile.ocpi)
      throw new CliError(`profile "${profile.name}" has no OCPI versions URL; give --versions-url`);
    return { profile, store };
  }
  const url = checkBaseUrl(options['versions-url']);
  if (!url.ok) throw new CliError(`--versions-url: ${url.error.message} ${url.error.hint}`);
  const ocpi: OcpiProfileSettings = { versionsUrl: url.value };
  return {
    profile: {
      id: 'cli',
      name: 'command line',
      baseUrl: url.value,
      flavour: 'ocpi-2.2.1',
      auth: { kind: 'token' },
      base64Token: false,
      timeouts: DEFAULT_TIMEOUTS,
      maxBytes: DEFAULT_MAX_BYTES,
      ocpi,
    },
    store: null,
  };
}

export async function connectOcpi(options: Options, io: CliIo): Promise<OcpiTarget> {
  if (typeof options.profile !== 'string' && typeof options['versions-url'] !== 'string')
    throw new CliError('give --versions-url URL or --profile NAME');
  const version = options.version;
  if (version !== undefined && (typeof version !== 'string' || !/^\d+(\.\d+){1,2}$/.test(version)))
    throw new CliError('--version must look like 2.2.1');
  const explicitParty = partyOption(options);
  const { profile, store } = await settingsFrom(options, io);
  const ocpi = profile.ocpi as OcpiProfileSettings;
  const token = await resolveToken(profile, io);
  const conn = new OcpiConnection({
    token,
    transport: profile.demo ? demoOcpiTransport : nodeTransport,
    auth: profile.auth,
    tokenForm: ocpi.tokenForm,
    learnedTokenForm: ocpi.learnedTokenForm,
    hub: ocpi.hub,
    timeouts: profile.timeouts,
    maxBytes: profile.maxBytes,
  });
  const correlationId = randomUUID();
  const found = await discover(conn, ocpi.versionsUrl, {
    fixedVersion: (version as string | undefined) ?? ocpi.version,
    correlationId,
  });
  if (!found.ok) throw failure(found.error);
  await noteFallback(found.value, profile, store, io);
  const profileParty =
    ocpi.countryCode && ocpi.partyId ? { countryCode: ocpi.countryCode, partyId: ocpi.partyId } : null;
  return { conn, discovery: found.value, party: explicitParty ?? profileParty, correlationId };
}

async function noteFallback(
  d: Discovery,
  profile: Profile,
  store: ProfileStore | null,
  io: CliIo,
): Promise<void> {
  if (!d.tokenFormFallback) return;
  const { from, to } = d.tokenFormFallback;
  let remembered = '';
  if (store && profile.ocpi) {
    const { demo: _demo, ...input } = profile;
    const saved = await store.save({ ...input, ocpi: { ...profile.ocpi, learnedTokenForm: to } });
    remembered = saved.ok ? `; remembered on profile "${profile.name}"` : '';
  }
  io.stderr(
    `ocpi-inspect: note: the server refused the token ${from === 'base64' ? 'Base64-encoded' : 'plain'} and accepted it ${to === 'base64' ? 'Base64-encoded' : 'plain'}${remembered}\n`,
  );
}

/** An ISO-8601 date-time option with a zone, as epoch ms. */
export function isoOption(options: Options, name: string, required: boolean): number | null {
  const value = options[name];
  if (value === undefined) {
    if (required) throw new CliError(`--${name} ISO-DATE-TIME is required`);
    return null;
  }
  const ms = typeof value === 'string' && /(Z|[+-]\d\d:?\d\d)$/i.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(ms))
    throw new CliError(`--${name} must be an ISO-8601 date-time with a zone, e.g. 2024-05-01T18:00:00Z`);
  return ms;
}

/**
 * `ocpi-inspect fetch <id> (--profile NAME | --base-url URL [--flavour F] [--auth-scheme S] [--base64]) [--out FILE]`:
 * one GET through the app's own client; prints (or writes) the raw response body. The token comes from
 * OCPI_INSPECT_TOKEN or the profile's keychain entry, and is never printed.
 */
import { checkHeaderName, checkToken } from '../../shared/domain/credentials';
import type { AppError } from '../../shared/domain/errors';
import {
  API_FLAVOURS,
  type ApiFlavour,
  type AuthScheme,
  DEFAULT_MAX_BYTES,
  DEFAULT_TIMEOUTS,
  type Profile,
} from '../../shared/domain/profile';
import { checkBaseUrl, checkSessionId } from '../../shared/ipc/validate';
import { fileErrorToAppError, writeFileAtomic } from '../../services/storage/atomic-file';
import { authHeader } from '../../services/http/auth-header';
import { demoTransport } from '../../services/http/demo-transport';
import { httpGet, safeUrl } from '../../services/http/http-client';
import { nodeTransport } from '../../services/http/http-transport';
import { ProfileStore } from '../../services/storage/profiles';
import { sessionUrl } from '../../services/sessions/session-loader';
import { keychainHelp, TokenStore } from '../../services/storage/token-store';
import { defaultUserDataDir } from '../../services/storage/user-data-dir';
import { createMainLog, logFetch, logFetchFailure } from '../../services/log/main-log';
import { visibleText } from '../../shared/present/visible-text';
import { CliError, type CliIo, parseArgs } from '../io';

export const TOKEN_ENV = 'OCPI_INSPECT_TOKEN';

/** Options that take a value, for this command and its OCPI mode (./ocpi-fetch); any other is refused. */
const FETCH_OPTIONS = [
  'profile',
  'base-url',
  'flavour',
  'auth-scheme',
  'out',
  'versions-url',
  'version',
  'around',
  'country-code',
  'party-id',
];

/** A typed error as the CLI's one line: what happened, then what to do. */
export const failure = (error: AppError): CliError =>
  new CliError(
    `${error.message} ${error.hint}${error.requestId ? ` (request id ${error.requestId})` : ''}`,
    1,
  );

function parseAuthScheme(value: string | true | undefined): AuthScheme {
  if (value === undefined || value === 'token') return { kind: 'token' };
  if (value === 'bearer') return { kind: 'bearer' };
  if (typeof value === 'string' && value.startsWith('header:')) {
    // The app's own rule for header names (shared/domain/credentials), with its message.
    const name = checkHeaderName(value.slice(7));
    if (!name.ok) throw new CliError(`--auth-scheme: ${name.error.message} ${name.error.hint}`);
    return { kind: 'header', name: name.value };
  }
  throw new CliError('--auth-scheme must be token, bearer or header:NAME');
}

/** The token as the app would accept it; the message says what is wrong without showing the token. */
function usableToken(raw: string, from: string): string {
  const token = checkToken(raw);
  if (!token.ok) throw new CliError(`the token from ${from} cannot be sent: ${token.error.message}`, 2);
  return token.value;
}

async function resolveProfile(options: Record<string, string | true>, io: CliIo): Promise<Profile> {
  if (typeof options.profile === 'string') {
    const dir = defaultUserDataDir(io.env);
    const profile = (await ProfileStore.open(dir)).findByName(options.profile);
    if (!profile) throw new CliError(`no profile named "${options.profile}" in ${dir}`);
    return profile;
  }
  if (typeof options['base-url'] !== 'string') throw new CliError('give --profile NAME or --base-url URL');
  const baseUrl = checkBaseUrl(options['base-url']);
  if (!baseUrl.ok) throw new CliError(`${baseUrl.error.message} ${baseUrl.error.hint}`);
  const flavour = options.flavour ?? 'vendor';
  if (!API_FLAVOURS.includes(flavour as ApiFlavour))
    throw new CliError(`--flavour must be one of ${API_FLAVOURS.join(', ')}`);
  return {
    id: 'cli',
    name: 'command line',
    baseUrl: baseUrl.value,
    flavour: flavour as ApiFlavour,
    auth: parseAuthScheme(options['auth-scheme']),
    base64Token: options.base64 === true,
    timeouts: DEFAULT_TIMEOUTS,
    maxBytes: DEFAULT_MAX_BYTES,
  };
}

export async function resolveToken(profile: Profile, io: CliIo): Promise<string | null> {
  if (profile.demo) return null;
  const fromEnv = io.env[TOKEN_ENV]?.trim();
  if (fromEnv) return usableToken(fromEnv, TOKEN_ENV);
  if (profile.id === 'cli')
    throw new CliError(`no token: set ${TOKEN_ENV}, or use --profile with a token in the keychain`, 1);
  const stored = await new TokenStore(io.openKeychain).get(profile.id);
  if (!stored.ok) {
    // The app's hint offers to keep the token for this run only, which the CLI cannot do: say what it can.
    if (stored.error.kind === 'keychain-unavailable')
      throw new CliError(
        `${stored.error.message} ${keychainHelp()} Or set ${TOKEN_ENV} for this command.`,
        1,
      );
    throw failure(stored.error);
  }
  return usableToken(stored.value, 'the keychain');
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const { positionals, options } = parseArgs(args, ['base64', 'verbose'], FETCH_OPTIONS);
  if (positionals.length !== 1) throw new CliError('fetch needs exactly one session id');
  // OCPI discovery (--versions-url, or a profile with OCPI settings): lists on a Sender, GETs on a Receiver.
  const ocpi = await import('./ocpi-fetch');
  if (await ocpi.applies(options, io)) return ocpi.run(positionals[0], options, io);
  const id = checkSessionId(positionals[0]);
  if (!id.ok) throw new CliError(id.error.message);
  const profile = await resolveProfile(options, io);
  const token = await resolveToken(profile, io);
  // --verbose: the app's log lines (scrubbed the same way) on stderr.
  // Log lines quote server text: shown with visible marks for control and bidi characters, like errors.
  const toStderr = (line: string): void => io.stderr(`${visibleText(line.replace(/\n$/, ''))}\n`);
  const log = createMainLog({ sinks: options.verbose === true ? [toStderr] : [] });
  if (token !== null) log.addSecret(token);

  const url = sessionUrl(profile.baseUrl, id.value);
  const fetched = await httpGet(
    {
      url,
      resource: 'session',
      auth: token === null ? null : authHeader(profile.auth, token, profile.base64Token),
      timeouts: profile.timeouts,
      maxBytes: profile.maxBytes,
    },
    { transport: profile.demo ? demoTransport : nodeTransport },
  );
  if (fetched.ok) logFetch(log, 'session', fetched.value.meta);
  else logFetchFailure(log, safeUrl(new URL(url)), fetched.error);
  if (!fetched.ok) throw failure(fetched.error);

  const out = options.out;
  if (typeof out === 'string') {
    try {
      await writeFileAtomic(out, fetched.value.text, 'user');
    } catch (err) {
      throw failure(fileErrorToAppError(err, out));
    }
    const { meta } = fetched.value;
    io.stderr(
      `wrote ${meta.bytes} bytes to ${out} (HTTP ${meta.status}, ${meta.durationMs} ms, request id ${meta.requestId})\n`,
    );
  } else {
    io.stdout(fetched.value.text.endsWith('\n') ? fetched.value.text : `${fetched.value.text}\n`);
  }
  return 0;
}

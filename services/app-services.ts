/** Composes the main-process services; Electron, the browser-test harness and tests all start here. */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { appError, type Result } from '../shared/domain/errors';
import type { FetchProgress, LoadedSession } from '../shared/domain/loaded-session';
import type { ClientConfig } from './http/http-client';
import { withDemoBilling } from '../shared/demo/demo-billing';
import { demoTransport } from './http/demo-transport';
import { demoOcpiTransport } from './ocpi/demo-ocpi-transport';
import { createOcpiApp, type OcpiApp } from './ocpi/ocpi-app';
import { loadOcpiSession } from './ocpi/ocpi-session-loader';
import { HistoryStore } from './storage/history';
import { nodeTransport, type Transport } from './http/http-transport';
import { createFileLog, logFetch, logFetchFailure, type MainLog } from './log/main-log';
import { ProfileStore } from './storage/profiles';
import { SessionRegistry } from './sessions/session-registry';
import { loadSession, sessionUrl } from './sessions/session-loader';
import { safeUrl } from './http/http-client';
import { SettingsStore } from './storage/settings';
import { type Keychain, TokenStore } from './storage/token-store';

export interface AppServicesOptions {
  userDataDir: string;
  /** Defaults to keytar; tests pass an unavailable one. */
  keychain?: () => Promise<Keychain>;
  /** Defaults to node:http/https. */
  transport?: Transport;
  /** Retry timing, so tests stay fast. */
  client?: Omit<ClientConfig, 'transport'>;
  /** Defaults to `main.log` in the user-data folder. */
  log?: MainLog;
}

export interface FetchRequest {
  profileId: string;
  sessionId: string;
  /** The top bar's time hint or a search row's last_updated (epoch ms), for an OCPI Sender search. */
  around?: number;
  signal?: AbortSignal;
  onProgress?: (progress: Omit<FetchProgress, 'requestId'>) => void;
}

export interface AppServices {
  profiles: ProfileStore;
  tokens: TokenStore;
  settings: SettingsStore;
  registry: SessionRegistry;
  history: HistoryStore;
  /** The main-process log: one line per fetch, every unexpected IPC failure with its stack. */
  log: MainLog;
  /** Profile → token → GET (and Location GET) → reader. */
  fetchSession(req: FetchRequest): Promise<Result<LoadedSession>>;
  /** Search, Test connection, Refresh and follow on OCPI profiles. */
  ocpi: OcpiApp;
}

export async function createAppServices(opts: AppServicesOptions): Promise<AppServices> {
  await mkdir(opts.userDataDir, { recursive: true });
  const profiles = await ProfileStore.open(opts.userDataDir);
  const settings = await SettingsStore.open(opts.userDataDir);
  const log = opts.log ?? createFileLog(opts.userDataDir);
  // Every token main handles is known to the log before it could appear in a line.
  const tokens = new TokenStore(opts.keychain, process.platform, (token) => log.addSecret(token));
  const transport = opts.transport ?? nodeTransport;

  const fetchSession = async (req: FetchRequest): Promise<Result<LoadedSession>> => {
    const profile = profiles.get(req.profileId);
    if (!profile)
      return {
        ok: false,
        error: appError('unknown-profile', 'That profile no longer exists.', 'Pick another profile.'),
      };
    if (!profile.ocpi && req.sessionId.includes('/'))
      return {
        ok: false,
        error: appError(
          'invalid-session-id',
          'CC/PARTY/ID is an OCPI Receiver path; this profile has no OCPI versions URL.',
          'Give the bare session id, or add the versions URL to the profile in Settings.',
        ),
      };
    let token: string | null = null;
    if (!profile.demo) {
      const got = await tokens.get(profile.id);
      if (!got.ok) return got;
      token = got.value;
    }
    // The Demo profile goes through the same client, only over an in-process transport.
    const load = {
      profile,
      sessionId: req.sessionId,
      token,
      signal: req.signal,
      onProgress: req.onProgress,
      staleMinutes: settings.get().staleMinutes,
    };
    // The Demo profile serves its bundled catalog by bare id, and an OCPI CPO: a time hint or a
    // CC/PARTY/ID (a search row) goes to the CPO.
    const demoOcpi =
      profile.demo && profile.ocpi && (req.around !== undefined || req.sessionId.includes('/'));
    const fetched =
      demoOcpi && profile.ocpi
        ? await loadOcpiSession({ ...load, around: req.around }, profile.ocpi, {
            ...opts.client,
            transport: demoOcpiTransport,
          })
        : await loadSession(
            { ...load, ...(req.around !== undefined ? { around: req.around } : {}) },
            { ...opts.client, transport: profile.demo ? demoTransport : transport },
          );
    logLoad(log, profile.baseUrl, req.sessionId, fetched);
    // A demo session with billing comes with its CDR and tariffs attached.
    return fetched.ok && profile.demo && !demoOcpi ? withDemoBilling(fetched.value, req.sessionId) : fetched;
  };

  return {
    profiles,
    tokens,
    settings,
    registry: new SessionRegistry(),
    history: new HistoryStore(join(opts.userDataDir, 'history')),
    log,
    fetchSession,
    ocpi: createOcpiApp({
      profiles,
      tokens,
      transport,
      staleMinutes: () => settings.get().staleMinutes,
      ...(opts.client ? { client: opts.client } : {}),
    }),
  };
}

/** One line per GET made (OCPI discovery and search pages too), or one for a fetch that failed. */
function logLoad(log: MainLog, baseUrl: string, sessionId: string, loaded: Result<LoadedSession>): void {
  if (!loaded.ok) return logFetchFailure(log, safeUrl(new URL(sessionUrl(baseUrl, sessionId))), loaded.error);
  const { fetch, locationFetch, requests } = loaded.value.source;
  for (const meta of requests ?? [fetch, locationFetch]) {
    if (meta === null) continue;
    logFetch(log, meta === fetch ? 'session' : meta === locationFetch ? 'location' : 'request', meta);
  }
}

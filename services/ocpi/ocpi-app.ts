/**
 * The OCPI work the app does beyond fetch by id, for the Electron main process and the browser harness:
 * session search on the Sender interface (rows read with the reader's checks, streamed per page), Test
 * connection and Refresh (discovery kept on the profile, with a token form a 401 fallback found), and one
 * tick of live follow (the renderer's timer asks for each). The Demo profile talks to its in-process CPO.
 */
import { randomUUID } from 'node:crypto';
import { appError, type Result } from '../../shared/domain/errors';
import type { FollowUpdate } from '../../shared/domain/follow';
import type { LoadedSession } from '../../shared/domain/loaded-session';
import type { ConnectionTestResult } from '../../shared/domain/ocpi-connection-report';
import type { Profile } from '../../shared/domain/profile';
import type {
  SearchDoneEvent,
  SearchFilters,
  SearchProgressEvent,
  SearchRow,
} from '../../shared/domain/search';
import { isFollowable } from '../../shared/ocpi/follow';
import { byIdInterface, listInterface, type PartyRef } from '../../shared/ocpi/interfaces';
import type { OcpiProfileSettings } from '../../shared/ocpi/profile-settings';
import { matchesSearch } from '../../shared/ocpi/search-filter';
import { type SessionRow, toSessionRow } from '../../shared/ocpi/session-rows';
import { sessionStaleCheck } from '../../shared/ocpi/session-stale';
import { readSession } from '../../shared/session/read-session';
import { readerErrorToAppError } from '../../shared/session/reader-app-error';
import type { ClientConfig } from '../http/http-client';
import type { Transport } from '../http/http-transport';
import type { ProfileStore } from '../storage/profiles';
import type { TokenStore } from '../storage/token-store';
import { demoOcpiTransport } from './demo-ocpi-transport';
import { discover, type Discovery } from './discovery';
import { followOnce } from './follow-session';
import { OcpiConnection, profileConnectionOptions } from './ocpi-connection';
import { listSessions } from './session-lister';
import { testConnection } from './test-connection';

export interface OcpiAppDeps {
  profiles: Pick<ProfileStore, 'get' | 'save'>;
  tokens: Pick<TokenStore, 'get'>;
  transport: Transport;
  client?: Omit<ClientConfig, 'transport'>;
  /** The SESSION_STALE threshold in minutes, read at each use (the user may change it in Settings). */
  staleMinutes?: () => number;
}

export interface SearchCallbacks {
  signal: AbortSignal;
  onRows(rows: SessionRow[]): void;
  onProgress(progress: Omit<SearchProgressEvent, 'searchId'>): void;
}

interface Connected {
  profile: Profile;
  ocpi: OcpiProfileSettings;
  conn: OcpiConnection;
  client: ClientConfig;
  token: string | null;
}

const noOcpi = (profile: Profile) =>
  appError(
    'invalid-argument',
    `The profile "${profile.name}" has no OCPI versions URL.`,
    'Add the versions URL in Settings to search or follow sessions.',
  );

export const toSearchRow = ({ raw: _raw, ...row }: SessionRow): SearchRow => row;

export function createOcpiApp(deps: OcpiAppDeps) {
  /** Discovery per profile, reused by follow ticks (a tick is one list call, not three requests). */
  const discoveries = new Map<string, Discovery>();
  const staleMinutes = (): number | undefined => deps.staleMinutes?.();

  const connect = async (profileId: string): Promise<Result<Connected>> => {
    const profile = deps.profiles.get(profileId);
    if (!profile)
      return {
        ok: false,
        error: appError('unknown-profile', 'That profile no longer exists.', 'Pick another profile.'),
      };
    const ocpi = profile.ocpi;
    if (!ocpi) return { ok: false, error: noOcpi(profile) };
    let token: string | null = null;
    if (!profile.demo) {
      const got = await deps.tokens.get(profile.id);
      if (!got.ok) return got;
      token = got.value;
    }
    const client: ClientConfig = {
      ...deps.client,
      transport: profile.demo ? demoOcpiTransport : deps.transport,
    };
    const conn = new OcpiConnection(profileConnectionOptions(profile, ocpi, token, client));
    return { ok: true, value: { profile, ocpi, conn, client, token } };
  };

  /** Keeps what discovery found on the profile (not on the built-in Demo profile, which is not stored). */
  const remember = async (profile: Profile, d: Discovery): Promise<Profile> => {
    discoveries.set(profile.id, d);
    if (profile.demo || !profile.ocpi) return profile;
    const { demo: _demo, ...input } = profile;
    const saved = await deps.profiles.save({
      ...input,
      ocpi: {
        ...profile.ocpi,
        ...(d.tokenFormFallback ? { learnedTokenForm: d.tokenFormFallback.to } : {}),
        discovered: { version: d.version, endpoints: d.endpoints, at: new Date().toISOString() },
      },
    });
    return saved.ok ? saved.value : profile;
  };

  const discoverFor = async (c: Connected, correlationId: string, signal?: AbortSignal) => {
    const cached = discoveries.get(c.profile.id);
    if (cached) {
      c.conn.version = cached.version;
      return { ok: true as const, value: cached };
    }
    const found = await discover(c.conn, c.ocpi.versionsUrl, {
      fixedVersion: c.ocpi.version,
      correlationId,
      signal,
    });
    if (found.ok) await remember(c.profile, found.value);
    return found;
  };

  async function search(
    filters: SearchFilters,
    cb: SearchCallbacks,
  ): Promise<Omit<SearchDoneEvent, 'searchId'>> {
    let listed = 0;
    let matched = 0;
    const ended = (
      failure: SearchDoneEvent['failure'],
      extra: Partial<Omit<SearchDoneEvent, 'searchId'>> = {},
    ): Omit<SearchDoneEvent, 'searchId'> => ({
      pages: 0,
      listed,
      matched,
      totalCount: null,
      firstTotalCount: null,
      serverLimit: null,
      notes: [],
      failure,
      cancelled: cb.signal.aborted,
      requests: [],
      ...extra,
    });
    const from = Date.parse(filters.from);
    const to = Date.parse(filters.to);
    const whole = { from, to };
    const c = await connect(filters.profileId);
    if (!c.ok) return ended({ message: c.error.message, hint: c.error.hint, missing: whole });
    const correlationId = randomUUID();
    const found = await discoverFor(c.value, correlationId, cb.signal);
    const requests = c.value.conn.requests;
    if (!found.ok)
      return ended({ message: found.error.message, hint: found.error.hint, missing: whole }, { requests });
    const url = listInterface(found.value.endpoints, 'sessions');
    if (!url.ok)
      return ended({ message: url.error.message, hint: url.error.hint, missing: whole }, { requests });
    const result = await listSessions(c.value.conn, {
      url: url.value,
      dateFrom: from,
      dateTo: to,
      correlationId,
      signal: cb.signal,
      onRows: (page) => {
        const now = Date.now();
        const minutes = staleMinutes();
        const rows: SessionRow[] = [];
        for (const raw of page) {
          listed++;
          const row = toSessionRow(raw, now, minutes);
          if (row && matchesSearch(row, filters.status, filters.text)) rows.push(row);
        }
        matched += rows.length;
        if (rows.length > 0) cb.onRows(rows);
      },
      onPage: (p) =>
        cb.onProgress({
          pages: p.pages,
          listed,
          matched,
          totalCount: p.totalCount,
          reachedLastUpdated: p.reachedLastUpdated,
        }),
    });
    const failure = result.failure
      ? {
          message: result.failure.error.message,
          hint: result.failure.error.hint,
          missing: result.failure.missing,
        }
      : null;
    return ended(failure, {
      pages: result.pages,
      totalCount: result.totalCount,
      firstTotalCount: result.firstTotalCount,
      serverLimit: result.serverLimit,
      notes: [
        ...result.notes,
        ...(result.outsideWindow > 0
          ? [
              `The server sent ${result.outsideWindow} session(s) outside the last_updated window; they were left out.`,
            ]
          : []),
      ],
      requests,
    });
  }

  async function runTest(profileId: string, signal?: AbortSignal): Promise<Result<ConnectionTestResult>> {
    const c = await connect(profileId);
    if (!c.ok) return c;
    const { profile, ocpi, token, client } = c.value;
    discoveries.delete(profile.id);
    const report = await testConnection(profile, ocpi, token, client, signal);
    const kept = report.discovery ? await remember(profile, report.discovery) : profile;
    return {
      ok: true,
      value: {
        ok: report.ok,
        steps: report.steps.map(({ name, ok, message }) => ({ name, ok, message })),
        profile: kept,
        correlationId: report.correlationId,
      },
    };
  }

  async function refreshEndpoints(profileId: string): Promise<Result<Profile>> {
    const c = await connect(profileId);
    if (!c.ok) return c;
    discoveries.delete(profileId);
    const found = await discover(c.value.conn, c.value.ocpi.versionsUrl, {
      fixedVersion: c.value.ocpi.version,
      correlationId: randomUUID(),
    });
    if (!found.ok) return found;
    const kept = await remember(c.value.profile, found.value);
    // The Demo profile is not stored: its endpoints are shown from this answer.
    return {
      ok: true,
      value: kept.ocpi?.discovered
        ? kept
        : {
            ...kept,
            ocpi: {
              ...c.value.ocpi,
              discovered: {
                version: found.value.version,
                endpoints: found.value.endpoints,
                at: new Date().toISOString(),
              },
            },
          },
    };
  }

  /** One follow tick: the session again by the interface rules, read as a fetch is, under the same key. */
  async function followTick(
    profileId: string,
    loaded: LoadedSession,
    signal?: AbortSignal,
  ): Promise<Result<FollowUpdate>> {
    const id = loaded.session.ids.id;
    if (id === null)
      return {
        ok: false,
        error: appError('invalid-argument', 'This session has no id to follow.', 'Fetch it again by id.'),
      };
    const c = await connect(profileId);
    if (!c.ok) return c;
    const found = await discoverFor(c.value, randomUUID(), signal);
    if (!found.ok) return found;
    const { countryCode, partyId } = loaded.session.ids;
    const { ocpi } = c.value;
    const party: PartyRef | null =
      countryCode && partyId
        ? { countryCode, partyId }
        : ocpi.countryCode && ocpi.partyId
          ? { countryCode: ocpi.countryCode, partyId: ocpi.partyId }
          : null;
    const via = byIdInterface(found.value.endpoints, 'sessions', party);
    if (!via.ok) return via;
    const key = party ? `${party.countryCode}/${party.partyId}/${id}` : id;
    const tick = await followOnce(
      c.value.conn,
      { via: via.value, id, key },
      loaded.session.lastUpdated,
      signal,
    );
    if (!tick.ok) return tick;
    const raw = tick.value.session;
    const unchanged = (): Result<FollowUpdate> => ({
      ok: true,
      value: { loaded, updated: false, followable: isFollowable(loaded.session.status) },
    });
    if (raw === undefined || raw === null) return unchanged();
    let location: unknown;
    try {
      location = loaded.rawLocationText === null ? undefined : JSON.parse(loaded.rawLocationText);
    } catch {
      location = undefined;
    }
    const read = readSession(raw, location === undefined ? {} : { location });
    const meta = c.value.conn.requests[c.value.conn.requests.length - 1];
    if (!read.ok)
      return {
        ok: false,
        error: readerErrorToAppError(read.error, {
          kind: 'response',
          status: meta?.status ?? 200,
          requestId: meta?.requestId ?? '',
        }),
      };
    if (read.session.lastUpdated !== null && read.session.lastUpdated === loaded.session.lastUpdated)
      return unchanged();
    const stale = sessionStaleCheck(read.session, Date.now(), staleMinutes());
    // A Location that could not be had stays said, as on the first fetch.
    const carried = loaded.checks.filter((check) => check.code === 'LOCATION_UNAVAILABLE');
    const next: LoadedSession = {
      ...loaded,
      // This tick's GETs replace the first fetch's: they are the ones to quote about what is shown now.
      source: { ...loaded.source, fetch: meta ?? loaded.source.fetch, requests: [...c.value.conn.requests] },
      session: read.session,
      warnings: read.warnings,
      checks: [...read.checks, ...carried, ...(stale ? [stale] : [])],
      rawText: JSON.stringify(raw),
    };
    return {
      ok: true,
      value: { loaded: next, updated: true, followable: isFollowable(read.session.status) },
    };
  }

  /** The profile's connection with its endpoints discovered (once per profile), for other modules' work. */
  async function connected(
    profileId: string,
    correlationId: string,
    signal?: AbortSignal,
  ): Promise<Result<{ profile: Profile; conn: OcpiConnection; endpoints: Discovery['endpoints'] }>> {
    const c = await connect(profileId);
    if (!c.ok) return c;
    const found = await discoverFor(c.value, correlationId, signal);
    if (!found.ok) return found;
    return {
      ok: true,
      value: { profile: c.value.profile, conn: c.value.conn, endpoints: found.value.endpoints },
    };
  }

  return { search, testConnection: runTest, refreshEndpoints, followTick, connected };
}

export type OcpiApp = ReturnType<typeof createOcpiApp>;

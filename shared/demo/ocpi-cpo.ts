/**
 * An OCPI CPO written from the specification, as a pure request → response function (`origin` may carry
 * a path prefix, e.g. `https://host/cpo`, which the caller strips from request paths), so it serves both the
 * local OCPI server (tools/mock-api/ocpi-server.ts, over HTTP) and the Demo profile (in process):
 * versions and version details with roles per version; Sessions and Locations Sender and Receiver
 * interfaces; CDRs and Tariffs Sender interfaces (shared/demo/billing-dataset.ts).
 *
 * - `GET /ocpi/versions` → 2.1.1, 2.2.1, 2.3.0; `GET /ocpi/{v}` → endpoints (roles from 2.2).
 * - Sender: `GET …/sessions?date_from&date_to&offset&limit` filtered on last_updated (from inclusive, to
 *   exclusive), oldest first, at most `X-Limit` per page, `X-Total-Count`, and a `Link` rel="next" with an
 *   opaque cursor. There is no `…/sessions/{id}` on a Sender: such a request gets a 404, and is recorded.
 * - Receiver: `GET …/sessions/{cc}/{party}/{id}`; Locations: Sender `…/locations/{id}`, Receiver
 *   `…/locations/{cc}/{party}/{id}`.
 * - The token form is strict per version (2.1.1 plain, 2.2+ Base64; the versions list takes either), or the
 *   other way round in the `inverted-tokens` scenario, like the many servers that do it so.
 * - Faults, each behind its own path prefix (`/{scenario}/ocpi/versions`): see SCENARIOS.
 */
import { generateSession, type GeneratedShape } from './generate-session';
import { cdrDataset, demoTariffs } from './billing-dataset';
import { growingSession, GROWING_SESSION_ID } from './growing-session';
import { DATASET_START, DEFAULT_SPACING_MINUTES, sessionDataset } from './session-dataset';

export const OCPI_VERSIONS = ['2.1.1', '2.2.1', '2.3.0'] as const;
export type OcpiVersion = (typeof OCPI_VERSIONS)[number];

/** Path prefixes of the fault scenarios; '' is the conformant server. */
export const SCENARIOS = {
  '': 'conformant',
  'inverted-tokens': '2.1.1 wants Base64, 2.2+ the plain token',
  'page-fails-once': 'the 3rd list page answers HTTP 500 once',
  'ignores-limit': 'pages of X-Limit whatever limit the client asks',
  'total-drift-up': 'a session is added while page 2 is served: X-Total-Count rises',
  'total-drift-down':
    'a session of page 1 is updated out of the window while page 2 is served: X-Total-Count falls',
  'offset-links':
    'next links carry offset and limit instead of an opaque cursor (with the drop of total-drift-down)',
  'sender-only': 'version details list Sender interfaces only',
  'receiver-only': 'version details list Receiver interfaces only',
  'cdrs-forbidden': 'the CDRs Sender list answers HTTP 403',
  'tariffs-forbidden': 'CDRs name their tariffs by id only, and the Tariffs Sender list answers HTTP 403',
  'cdrs-without-tariffs':
    'CDRs name their tariffs by id only (tariff_id on the periods), as many CPOs send them',
  'growing-session':
    'ACTIVE session GROW-1 gains a charging period, its kWh and a later last_updated on every sessions request',
} as const;
export type Scenario = keyof typeof SCENARIOS;

export interface CpoOptions {
  /** `http://127.0.0.1:<port>` or the Demo profile's host: the URLs in versions, details and Link. */
  origin: string;
  /** Null: no token needed (the Demo profile). */
  token: string | null;
  /** The versions offered; default all three. */
  versions?: readonly OcpiVersion[];
  /** Sessions in each version's Sender list; default 200. */
  sessions?: number;
  /** X-Limit: the largest page the server sends; default 100. */
  maxPageSize?: number;
  /** Keep every request in `requests` (default); the long-running Demo profile does not. */
  record?: boolean;
  /** When the first listed session starts (ISO) and how far apart they are: see sessionDataset. */
  startAt?: string;
  spacingMinutes?: number;
}

export interface RecordedRequest {
  /** Path and query as sent. */
  path: string;
  headers: Record<string, string | string[] | undefined>;
  status: number;
}

export interface CpoRequest {
  method: string;
  /** Path and query. */
  path: string;
  headers: Record<string, string | string[] | undefined>;
}

export interface CpoResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface OcpiCpo {
  token: string | null;
  /** The versions URL of a scenario ('' the conformant one). */
  versionsUrl(scenario?: Scenario): string;
  /** Every request answered, in order. */
  requests: RecordedRequest[];
  handle(req: CpoRequest): CpoResponse;
}

type Row = Record<string, unknown>;

interface ScenarioState {
  rows: Map<OcpiVersion, Row[]>;
  listRequests: number;
  failed: boolean;
  drifted: boolean;
  /** growing-session: sessions requests answered so far, per version (the growing session's step). */
  grown: Map<OcpiVersion, number>;
}

const PARTY = { country_code: 'NL', party_id: 'SIN' };
const envelope = (status_code: number, status_message: string, data?: unknown) => ({
  status_code,
  status_message,
  timestamp: new Date().toISOString(),
  ...(data === undefined ? {} : { data }),
});

/** last_updated in ms, parsed once per row: 400 pages over 10,000 sessions must not be the server's cost. */
const parsedAt = new WeakMap<Row, number>();
function lastUpdated(row: Row): number {
  let at = parsedAt.get(row);
  if (at === undefined) {
    at = Date.parse(String(row.last_updated));
    parsedAt.set(row, at);
  }
  return at;
}
/** The first index of sorted `rows` for which `before` is false. */
function lowerBound(rows: readonly Row[], before: (row: Row) => boolean): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(rows[mid])) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
const byLastUpdated = (a: Row, b: Row): number =>
  lastUpdated(a) - lastUpdated(b) || (String(a.id) < String(b.id) ? -1 : String(a.id) > String(b.id) ? 1 : 0);

interface Cursor {
  /** date_from, date_to (ms or null), the last (last_updated, id) sent, page size. */
  f: number | null;
  t: number | null;
  a: number;
  i: string;
  l: number;
}
/** Base64 of the UTF-8 bytes (btoa/atob: this module runs in the app's main process and in tools alike). */
const base64 = (text: string): string => btoa(String.fromCharCode(...new TextEncoder().encode(text)));
const unbase64 = (b64: string): string =>
  new TextDecoder().decode(Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)));
const encodeCursor = (c: Cursor): string =>
  base64(JSON.stringify(c)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
function decodeCursor(text: string): Cursor | null {
  try {
    const c = JSON.parse(unbase64(text.replace(/-/g, '+').replace(/_/g, '/'))) as Cursor;
    return typeof c.a === 'number' && typeof c.i === 'string' && typeof c.l === 'number' ? c : null;
  } catch {
    return null;
  }
}

export function createOcpiCpo(opts: CpoOptions): OcpiCpo {
  const { token, origin } = opts;
  const base64Token = token === null ? null : base64(token);
  const offered = opts.versions ?? OCPI_VERSIONS;
  const count = opts.sessions ?? 200;
  const maxPage = opts.maxPageSize ?? 100;
  const requests: RecordedRequest[] = [];
  const baseRows = new Map<OcpiVersion, Row[]>();
  const states = new Map<Scenario, ScenarioState>();

  const datasetFor = (version: OcpiVersion): Row[] => {
    let rows = baseRows.get(version);
    if (!rows) {
      rows = sessionDataset({
        count,
        shape: `ocpi-${version}` as Exclude<GeneratedShape, 'vendor'>,
        startAt: opts.startAt,
        spacingMinutes: opts.spacingMinutes,
      }).sort(byLastUpdated);
      baseRows.set(version, rows);
    }
    return rows;
  };
  // CDRs and tariffs are built on first use: pricing 10,000 CDRs is not what a sessions test should wait for.
  const cdrs = new Map<OcpiVersion, Row[]>();
  const cdrsFor = (version: OcpiVersion): Row[] => {
    let rows = cdrs.get(version);
    if (!rows) {
      rows = cdrDataset(datasetFor(version), version).sort(byLastUpdated);
      cdrs.set(version, rows);
    }
    return rows;
  };
  const bareCdrs = new Map<OcpiVersion, Row[]>();
  const cdrsWithoutTariffs = (version: OcpiVersion): Row[] => {
    let rows = bareCdrs.get(version);
    if (!rows) {
      rows = cdrsFor(version).map(({ tariffs: _tariffs, ...cdr }) => cdr);
      bareCdrs.set(version, rows);
    }
    return rows;
  };
  const tariffsFor = (version: OcpiVersion): Row[] => demoTariffs(version).sort(byLastUpdated);
  const stateFor = (scenario: Scenario): ScenarioState => {
    let state = states.get(scenario);
    if (!state) {
      state = { rows: new Map(), listRequests: 0, failed: false, drifted: false, grown: new Map() };
      states.set(scenario, state);
    }
    return state;
  };
  const rowsFor = (state: ScenarioState, version: OcpiVersion): Row[] => {
    let rows = state.rows.get(version);
    if (!rows) {
      rows = [...datasetFor(version)];
      state.rows.set(version, rows);
    }
    return rows;
  };

  /** The form this scenario wants for a version: 2.1.1 plain and 2.2+ Base64, or inverted. */
  const wantsBase64 = (scenario: Scenario, version: OcpiVersion): boolean =>
    (version !== '2.1.1') !== (scenario === 'inverted-tokens');
  const authorized = (req: CpoRequest, accept: 'either' | 'base64' | 'plain'): boolean => {
    if (token === null) return true;
    const match = /^Token (\S+)$/.exec(String(req.headers.authorization ?? ''));
    if (!match) return false;
    return (accept !== 'base64' && match[1] === token) || (accept !== 'plain' && match[1] === base64Token);
  };

  const send = (
    req: CpoRequest,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ): CpoResponse => {
    const text = JSON.stringify(body);
    const ids: Record<string, string> = {};
    for (const name of ['x-request-id', 'x-correlation-id']) {
      const v = req.headers[name];
      if (typeof v === 'string') ids[name] = v;
    }
    if (opts.record !== false) requests.push({ path: req.path, headers: { ...req.headers }, status });
    return { status, headers: { 'content-type': 'application/json', ...ids, ...headers }, body: text };
  };
  const notFound = (req: CpoRequest, what: string) => send(req, 404, envelope(2003, `Unknown ${what}`));

  const versionsList = (prefix: string) =>
    offered.map((version) => ({ version, url: `${origin}${prefix}/ocpi/${version}` }));

  const details = (scenario: Scenario, prefix: string, version: OcpiVersion) => {
    const root = `${origin}${prefix}/ocpi/${version}`;
    if (version === '2.1.1')
      return {
        version,
        endpoints: [
          { identifier: 'credentials', url: `${root}/credentials` },
          { identifier: 'locations', url: `${root}/locations` },
          { identifier: 'sessions', url: `${root}/sessions` },
          { identifier: 'cdrs', url: `${root}/cdrs` },
          { identifier: 'tariffs', url: `${root}/tariffs` },
        ],
      };
    const roles =
      scenario === 'sender-only'
        ? ['SENDER']
        : scenario === 'receiver-only'
          ? ['RECEIVER']
          : ['SENDER', 'RECEIVER'];
    return {
      version,
      endpoints: [
        { identifier: 'credentials', role: 'SENDER', url: `${root}/credentials` },
        ...roles.flatMap((role) =>
          ['locations', 'sessions'].map((identifier) => ({
            identifier,
            role,
            url: `${root}/${role.toLowerCase()}/${identifier}`,
          })),
        ),
        // A CPO sends CDRs and Tariffs: Sender interfaces only.
        ...(roles.includes('SENDER')
          ? ['cdrs', 'tariffs'].map((identifier) => ({
              identifier,
              role: 'SENDER',
              url: `${root}/sender/${identifier}`,
            }))
          : []),
      ],
    };
  };

  const list = (req: CpoRequest, url: URL, scenario: Scenario, rows: Row[], drifts: boolean) => {
    const state = stateFor(scenario);
    state.listRequests++;
    if (scenario === 'page-fails-once' && state.listRequests === 3 && !state.failed) {
      state.failed = true;
      return send(req, 500, envelope(3000, 'Internal server error while reading page'));
    }
    const cursorText = url.searchParams.get('cursor');
    const cursor = cursorText === null ? null : decodeCursor(cursorText);
    if (cursorText !== null && cursor === null) return send(req, 400, envelope(2001, 'Invalid cursor'));
    const dateParam = (name: string): number | null | undefined => {
      const v = url.searchParams.get(name);
      if (v === null) return null;
      const ms = Date.parse(v);
      return Number.isNaN(ms) ? undefined : ms;
    };
    const from = cursor ? cursor.f : dateParam('date_from');
    const to = cursor ? cursor.t : dateParam('date_to');
    if (from === undefined || to === undefined)
      return send(req, 400, envelope(2001, 'Invalid date_from or date_to'));
    const asked = cursor ? cursor.l : Number(url.searchParams.get('limit') ?? maxPage);
    const limit =
      scenario === 'ignores-limit'
        ? maxPage
        : Math.max(1, Math.min(maxPage, Number.isFinite(asked) ? asked : maxPage));
    const offset = cursor ? 0 : Math.max(0, Number(url.searchParams.get('offset') ?? 0) || 0);

    // Page 2 of a drift scenario: the data changes between the pages the client reads.
    const page = cursor !== null || offset > 0;
    if (
      page &&
      drifts &&
      !state.drifted &&
      (scenario === 'total-drift-up' || scenario === 'total-drift-down' || scenario === 'offset-links')
    ) {
      state.drifted = true;
      const matching = rows.filter((r) => inRange(r, from, to));
      if (scenario === 'total-drift-up' && matching.length > 0) {
        const last = matching[matching.length - 1];
        const added = {
          ...last,
          id: `${String(last.id)}-NEW`,
          last_updated: new Date(lastUpdated(last) + 1).toISOString(),
        };
        rows.push(added);
      } else if (matching.length > 0) {
        // The first session of page 1 is updated now: it leaves a window that ends in the past.
        const moved = matching[0];
        rows[rows.indexOf(moved)] = {
          ...moved,
          last_updated: new Date(Math.max(Date.now(), (to ?? 0) + 1000)).toISOString(),
        };
      }
      rows.sort(byLastUpdated);
    }

    // Rows are sorted by (last_updated, id): the window and the cursor are binary searches.
    const lo = from === null ? 0 : lowerBound(rows, (r) => lastUpdated(r) < from);
    const hi = to === null ? rows.length : lowerBound(rows, (r) => lastUpdated(r) < to);
    const matching = rows.slice(lo, Math.max(lo, hi));
    let start = offset;
    if (cursor)
      start = lowerBound(
        matching,
        (r) => lastUpdated(r) < cursor.a || (lastUpdated(r) === cursor.a && String(r.id) <= cursor.i),
      );
    const pageRows = matching.slice(start, start + limit);
    const headers: Record<string, string> = {
      'x-total-count': String(matching.length),
      'x-limit': String(maxPage),
    };
    if (start + limit < matching.length) {
      const next = new URL(`${origin}${url.pathname}`);
      if (scenario === 'offset-links') {
        if (from !== null) next.searchParams.set('date_from', new Date(from).toISOString());
        if (to !== null) next.searchParams.set('date_to', new Date(to).toISOString());
        next.searchParams.set('offset', String(start + limit));
        next.searchParams.set('limit', String(limit));
      } else {
        const last = pageRows[pageRows.length - 1];
        next.searchParams.set(
          'cursor',
          encodeCursor({ f: from, t: to, a: lastUpdated(last), i: String(last.id), l: limit }),
        );
      }
      headers.link = `<${next.href}>; rel="next"`;
    }
    return send(req, 200, envelope(1000, 'Success', pageRows), headers);
  };

  const handle = (req: CpoRequest): CpoResponse => {
    const url = new URL(req.path, 'http://x');
    const m = /^(?:\/([a-z-]+))?\/ocpi\/(versions|[\d.]+)(?:\/(.*))?$/.exec(url.pathname);
    const scenario = (m?.[1] ?? '') as Scenario;
    if (req.method !== 'GET') return send(req, 405, envelope(2000, `${req.method} is not supported here`));
    if (!m || !(scenario in SCENARIOS)) return notFound(req, `path ${url.pathname}`);
    const prefix = scenario ? `/${scenario}` : '';
    if (m[2] === 'versions') {
      if (m[3] !== undefined) return notFound(req, `path ${url.pathname}`);
      if (!authorized(req, 'either')) return send(req, 401, envelope(2001, 'Invalid or missing token'));
      return send(req, 200, envelope(1000, 'Success', versionsList(prefix)));
    }
    const version = m[2] as OcpiVersion;
    if (!offered.includes(version)) return notFound(req, `version ${version}`);
    if (!authorized(req, wantsBase64(scenario, version) ? 'base64' : 'plain'))
      return send(req, 401, envelope(2001, 'Invalid or missing token'));
    const rest = (m[3] ?? '').split('/').filter(Boolean).map(decodeURIComponent);
    if (rest.length === 0)
      return send(req, 200, envelope(1000, 'Success', details(scenario, prefix, version)));

    const roles =
      scenario === 'sender-only'
        ? ['sender']
        : scenario === 'receiver-only'
          ? ['receiver']
          : ['sender', 'receiver'];
    const [role, module, ...ids] = version === '2.1.1' ? ['sender', ...rest] : rest;
    if (!roles.includes(role)) return notFound(req, `interface ${role}`);
    const rows = rowsFor(stateFor(scenario), version);
    if (module === 'sessions') {
      if (scenario === 'growing-session') grow(stateFor(scenario), version, rows);
      if (role === 'sender')
        return ids.length === 0
          ? list(req, url, scenario, rows, true)
          : notFound(req, 'route: a Sender has no GET by session id');
      if (ids.length !== 3) return notFound(req, 'route: use /{country_code}/{party_id}/{session_id}');
      const [cc, party, id] = ids;
      const row = rows.find((r) => r.id === id && r.country_code === cc && r.party_id === party);
      return row
        ? send(req, 200, envelope(1000, 'Success', row))
        : notFound(req, `session ${cc}/${party}/${id}`);
    }
    if (module === 'locations') {
      const location =
        generateSession({ periods: 0, shape: `ocpi-${version}` }).location ??
        generateSession({ periods: 0, shape: 'ocpi-2.2.1' }).location;
      const [a, b, c] = ids;
      const found =
        role === 'sender'
          ? ids.length === 1 && a === 'LOC-ZUIDAS'
          : ids.length === 3 && a === PARTY.country_code && b === PARTY.party_id && c === 'LOC-ZUIDAS';
      return found
        ? send(req, 200, envelope(1000, 'Success', location))
        : notFound(req, `location ${ids.join('/')}`);
    }
    if ((module === 'cdrs' || module === 'tariffs') && role === 'sender') {
      if (ids.length > 0)
        return notFound(req, `route: a Sender has no GET by ${module === 'cdrs' ? 'CDR' : 'tariff'} id`);
      if (scenario === `${module}-forbidden`)
        return send(req, 403, envelope(2000, `This token may not read ${module.toUpperCase()}`));
      const listed =
        module === 'tariffs'
          ? tariffsFor(version)
          : scenario === 'cdrs-without-tariffs' || scenario === 'tariffs-forbidden'
            ? cdrsWithoutTariffs(version)
            : cdrsFor(version);
      return list(req, url, scenario, listed, false);
    }
    return notFound(req, `module ${module}`);
  };

  // --- growing-session: one ACTIVE session, started an hour before the dataset's end, that gains a
  // charging period on every sessions request (list page or Receiver GET), so live follow has news.
  const growers = new Map<OcpiVersion, (step: number) => Row>();
  const grow = (state: ScenarioState, version: OcpiVersion, rows: Row[]): void => {
    let next = growers.get(version);
    if (!next) {
      const spacing = (opts.spacingMinutes ?? DEFAULT_SPACING_MINUTES) * 60_000;
      next = growingSession(
        `ocpi-${version}`,
        Date.parse(opts.startAt ?? DATASET_START) + count * spacing - 3_600_000,
      );
      growers.set(version, next);
    }
    const step = state.grown.get(version) ?? 0;
    state.grown.set(version, step + 1);
    const at = rows.findIndex((r) => r.id === GROWING_SESSION_ID);
    if (at >= 0) rows.splice(at, 1);
    const row = next(step);
    rows.splice(
      lowerBound(rows, (r) => byLastUpdated(r, row) < 0),
      0,
      row,
    );
  };

  return {
    token,
    requests,
    versionsUrl: (scenario: Scenario = '') => `${origin}${scenario ? `/${scenario}` : ''}/ocpi/versions`,
    handle,
  };
}

function inRange(row: Row, from: number | null, to: number | null): boolean {
  const at = lastUpdated(row);
  return (from === null || at >= from) && (to === null || at < to);
}

/**
 * A local OCPI server written from the specification (versions, version details with roles, Sessions and
 * Locations Sender and Receiver interfaces), unlike `server.ts`, which serves the vendor gateway's
 * `{base}/sessions/{id}` for every flavour and its fault scenarios.
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
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sessionDataset } from '../../shared/demo/session-dataset';
import { generateSession, type GeneratedShape } from '../../shared/demo/generate-session';

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
} as const;
export type Scenario = keyof typeof SCENARIOS;

export interface OcpiServerOptions {
  port?: number;
  token?: string;
  /** Sessions in each version's Sender list; default 200. */
  sessions?: number;
  /** X-Limit: the largest page the server sends; default 100. */
  maxPageSize?: number;
}

export interface RecordedRequest {
  /** Path and query as sent. */
  path: string;
  headers: Record<string, string | string[] | undefined>;
  status: number;
}

export interface MockOcpiServer {
  baseUrl: string;
  token: string;
  /** The versions URL of a scenario ('' the conformant one). */
  versionsUrl(scenario?: Scenario): string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

type Row = Record<string, unknown>;

interface ScenarioState {
  rows: Map<OcpiVersion, Row[]>;
  listRequests: number;
  failed: boolean;
  drifted: boolean;
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
const encodeCursor = (c: Cursor): string => Buffer.from(JSON.stringify(c)).toString('base64url');
function decodeCursor(text: string): Cursor | null {
  try {
    const c = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Cursor;
    return typeof c.a === 'number' && typeof c.i === 'string' && typeof c.l === 'number' ? c : null;
  } catch {
    return null;
  }
}

export async function startOcpiServer(opts: OcpiServerOptions = {}): Promise<MockOcpiServer> {
  const token = opts.token ?? `ocpi-${randomBytes(12).toString('hex')}`;
  const base64Token = Buffer.from(token, 'utf8').toString('base64');
  const count = opts.sessions ?? 200;
  const maxPage = opts.maxPageSize ?? 100;
  const requests: RecordedRequest[] = [];
  const baseRows = new Map<OcpiVersion, Row[]>();
  const states = new Map<Scenario, ScenarioState>();
  let origin = '';

  const datasetFor = (version: OcpiVersion): Row[] => {
    let rows = baseRows.get(version);
    if (!rows) {
      rows = sessionDataset({ count, shape: `ocpi-${version}` as Exclude<GeneratedShape, 'vendor'> }).sort(
        byLastUpdated,
      );
      baseRows.set(version, rows);
    }
    return rows;
  };
  const stateFor = (scenario: Scenario): ScenarioState => {
    let state = states.get(scenario);
    if (!state) {
      state = { rows: new Map(), listRequests: 0, failed: false, drifted: false };
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
  const authorized = (req: IncomingMessage, accept: 'either' | 'base64' | 'plain'): boolean => {
    const match = /^Token (\S+)$/.exec(req.headers.authorization ?? '');
    if (!match) return false;
    return (accept !== 'base64' && match[1] === token) || (accept !== 'plain' && match[1] === base64Token);
  };

  const send = (
    req: IncomingMessage,
    res: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ) => {
    const text = JSON.stringify(body);
    const ids: Record<string, string> = {};
    for (const name of ['x-request-id', 'x-correlation-id']) {
      const v = req.headers[name];
      if (typeof v === 'string') ids[name] = v;
    }
    res.writeHead(status, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(text),
      ...ids,
      ...headers,
    });
    res.end(text);
    requests.push({ path: req.url ?? '', headers: { ...req.headers }, status });
  };
  const notFound = (req: IncomingMessage, res: ServerResponse, what: string) =>
    send(req, res, 404, envelope(2003, `Unknown ${what}`));

  const versionsList = (prefix: string) =>
    OCPI_VERSIONS.map((version) => ({ version, url: `${origin}${prefix}/ocpi/${version}` }));

  const details = (scenario: Scenario, prefix: string, version: OcpiVersion) => {
    const root = `${origin}${prefix}/ocpi/${version}`;
    if (version === '2.1.1')
      return {
        version,
        endpoints: [
          { identifier: 'credentials', url: `${root}/credentials` },
          { identifier: 'locations', url: `${root}/locations` },
          { identifier: 'sessions', url: `${root}/sessions` },
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
      ],
    };
  };

  const list = (
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    scenario: Scenario,
    version: OcpiVersion,
  ) => {
    const state = stateFor(scenario);
    state.listRequests++;
    if (scenario === 'page-fails-once' && state.listRequests === 3 && !state.failed) {
      state.failed = true;
      return send(req, res, 500, envelope(3000, 'Internal server error while reading page'));
    }
    const rows = rowsFor(state, version);
    const cursorText = url.searchParams.get('cursor');
    const cursor = cursorText === null ? null : decodeCursor(cursorText);
    if (cursorText !== null && cursor === null) return send(req, res, 400, envelope(2001, 'Invalid cursor'));
    const dateParam = (name: string): number | null | undefined => {
      const v = url.searchParams.get(name);
      if (v === null) return null;
      const ms = Date.parse(v);
      return Number.isNaN(ms) ? undefined : ms;
    };
    const from = cursor ? cursor.f : dateParam('date_from');
    const to = cursor ? cursor.t : dateParam('date_to');
    if (from === undefined || to === undefined)
      return send(req, res, 400, envelope(2001, 'Invalid date_from or date_to'));
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
      const next = new URL(url.pathname, origin);
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
    send(req, res, 200, envelope(1000, 'Success', pageRows), headers);
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const m = /^(?:\/([a-z-]+))?\/ocpi\/(versions|[\d.]+)(?:\/(.*))?$/.exec(url.pathname);
    const scenario = (m?.[1] ?? '') as Scenario;
    if (req.method !== 'GET')
      return send(req, res, 405, envelope(2000, `${req.method} is not supported here`));
    if (!m || !(scenario in SCENARIOS)) return notFound(req, res, `path ${url.pathname}`);
    const prefix = scenario ? `/${scenario}` : '';
    if (m[2] === 'versions') {
      if (m[3] !== undefined) return notFound(req, res, `path ${url.pathname}`);
      if (!authorized(req, 'either')) return send(req, res, 401, envelope(2001, 'Invalid or missing token'));
      return send(req, res, 200, envelope(1000, 'Success', versionsList(prefix)));
    }
    const version = m[2] as OcpiVersion;
    if (!OCPI_VERSIONS.includes(version)) return notFound(req, res, `version ${version}`);
    if (!authorized(req, wantsBase64(scenario, version) ? 'base64' : 'plain'))
      return send(req, res, 401, envelope(2001, 'Invalid or missing token'));
    const rest = (m[3] ?? '').split('/').filter(Boolean).map(decodeURIComponent);
    if (rest.length === 0)
      return send(req, res, 200, envelope(1000, 'Success', details(scenario, prefix, version)));

    const roles =
      scenario === 'sender-only'
        ? ['sender']
        : scenario === 'receiver-only'
          ? ['receiver']
          : ['sender', 'receiver'];
    const [role, module, ...ids] = version === '2.1.1' ? ['sender', ...rest] : rest;
    if (!roles.includes(role)) return notFound(req, res, `interface ${role}`);
    const rows = rowsFor(stateFor(scenario), version);
    if (module === 'sessions') {
      if (role === 'sender')
        return ids.length === 0
          ? list(req, res, url, scenario, version)
          : notFound(req, res, 'route: a Sender has no GET by session id');
      if (ids.length !== 3) return notFound(req, res, 'route: use /{country_code}/{party_id}/{session_id}');
      const [cc, party, id] = ids;
      const row = rows.find((r) => r.id === id && r.country_code === cc && r.party_id === party);
      return row
        ? send(req, res, 200, envelope(1000, 'Success', row))
        : notFound(req, res, `session ${cc}/${party}/${id}`);
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
        ? send(req, res, 200, envelope(1000, 'Success', location))
        : notFound(req, res, `location ${ids.join('/')}`);
    }
    return notFound(req, res, `module ${module}`);
  };

  const server = createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    baseUrl: origin,
    token,
    versionsUrl: (scenario: Scenario = '') => `${origin}${scenario ? `/${scenario}` : ''}/ocpi/versions`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function inRange(row: Row, from: number | null, to: number | null): boolean {
  const at = lastUpdated(row);
  return (from === null || at >= from) && (to === null || at < to);
}

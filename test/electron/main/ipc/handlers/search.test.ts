/**
 * The OCPI channels against the spec-conformant local server: search (rows streamed as events, filters,
 * cancel, CSV export), Test connection and Refresh (endpoints kept on the profile), fetch by CC/PARTY/ID
 * with a time hint, and one follow tick.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createIpcHandlers, type IpcHandlers } from '../../../../../electron/main/ipc/handlers/index';
import { createAppServices, type AppServices } from '../../../../../services/app-services';
import { datasetSessionId } from '../../../../../shared/demo/session-dataset';
import type { SearchDoneEvent, SearchRow } from '../../../../../shared/domain/search';
import { type MockOcpiServer, startOcpiServer } from '../../../../../tools/mock-api/ocpi-server';
import { ocpiProfileInput } from '../../../../fixtures/ocpi-profile';

const COUNT = 240;
const SPACING_MIN = 5;
let server: MockOcpiServer;
let startAt: number;
beforeAll(async () => {
  startAt = Date.now() - COUNT * SPACING_MIN * 60_000;
  server = await startOcpiServer({
    sessions: COUNT,
    maxPageSize: 50,
    startAt: new Date(startAt).toISOString(),
    spacingMinutes: SPACING_MIN,
  });
});
afterAll(() => server.close());

let dir: string;
let services: AppServices;
let handlers: IpcHandlers;
let rows: Map<string, SearchRow[]>;
let done: Map<string, SearchDoneEvent>;
let progress: number;
let savePath: string | null;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'search-handlers-'));
  services = await createAppServices({
    userDataDir: dir,
    keychain: async () => {
      throw new Error('no keychain here');
    },
    client: { retryDelaysMs: [5, 5], maxRetryAfterMs: 10 },
  });
  rows = new Map();
  done = new Map();
  progress = 0;
  savePath = null;
  handlers = createIpcHandlers(services, {
    emit: (event, payload) => {
      if (event === 'search:rows') {
        const p = payload as { searchId: string; rows: SearchRow[] };
        rows.set(p.searchId, [...(rows.get(p.searchId) ?? []), ...p.rows]);
      }
      if (event === 'search:progress') progress++;
      if (event === 'search:done') {
        const p = payload as SearchDoneEvent;
        done.set(p.searchId, p);
      }
    },
    dialogs: {
      chooseOpenPath: async () => null,
      chooseSavePath: async () => savePath,
      confirm: async () => false,
    },
  });
});
afterEach(async () => {
  await services.history.list().catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
});

async function ocpiProfile(ocpi: Record<string, unknown> = {}): Promise<string> {
  const saved = await handlers['profiles:save'](
    ocpiProfileInput(server.baseUrl, { versionsUrl: server.versionsUrl(''), ...ocpi }),
  );
  if (!saved.ok) throw new Error(saved.error.message);
  const set = await handlers['token:set']({
    profileId: saved.value.id,
    token: server.token,
    memoryOnly: true,
  });
  if (!set.ok) throw new Error(set.error.message);
  return saved.value.id;
}

async function untilDone(searchId: string): Promise<SearchDoneEvent> {
  for (let i = 0; i < 500 && !done.has(searchId); i++) await new Promise((r) => setTimeout(r, 10));
  const d = done.get(searchId);
  if (!d) throw new Error('search did not end');
  return d;
}

const iso = (ms: number) => new Date(ms).toISOString();

describe('search:start', () => {
  it('streams every session last updated in [from, to) page by page, read with the checks, with X-Total-Count and ids', async () => {
    const profileId = await ocpiProfile();
    const from = startAt - 86_400_000;
    const to = Date.now() + 86_400_000;
    const started = await handlers['search:start']({
      profileId,
      from: iso(from),
      to: iso(to),
      status: null,
      text: '',
    });
    if (!started.ok) throw new Error(started.error.message);
    const { searchId } = started.value;
    const end = await untilDone(searchId);
    const got = rows.get(searchId) ?? [];
    expect(end.failure).toBeNull();
    expect(got).toHaveLength(COUNT);
    expect(end.totalCount).toBe(COUNT);
    expect(end.pages).toBe(Math.ceil(COUNT / 50));
    expect(progress).toBe(end.pages);
    expect(got.every((r) => r.lastUpdated !== null && r.lastUpdated >= from && r.lastUpdated < to)).toBe(
      true,
    );
    // The dataset sends every 37th session with a kWh that disagrees with its periods.
    const mismatched = got.find((r) => r.id === datasetSessionId(5));
    expect(mismatched?.anomalies.length).toBeGreaterThan(0);
    expect(got.find((r) => r.id === datasetSessionId(6))?.anomalies).toEqual([]);
    // Discovery (2) and every page, all under one correlation id, each with its own request id.
    expect(end.requests).toHaveLength(2 + end.pages);
    expect(new Set(end.requests.map((r) => r.correlationId)).size).toBe(1);
    expect(new Set(end.requests.map((r) => r.requestId)).size).toBe(end.requests.length);
  });

  it('filters on status and on text over id, auth id, location and EVSE', async () => {
    const profileId = await ocpiProfile();
    const window = { from: iso(startAt - 60_000), to: iso(Date.now() + 86_400_000) };
    const active = await handlers['search:start']({ profileId, ...window, status: 'ACTIVE', text: '' });
    const byId = await handlers['search:start']({
      profileId,
      ...window,
      status: null,
      text: datasetSessionId(41).toLowerCase(),
    });
    if (!active.ok || !byId.ok) throw new Error('start failed');
    await untilDone(active.value.searchId);
    await untilDone(byId.value.searchId);
    const act = rows.get(active.value.searchId) ?? [];
    expect(act.length).toBe(COUNT / 20);
    expect(act.every((r) => r.status === 'ACTIVE')).toBe(true);
    expect((rows.get(byId.value.searchId) ?? []).map((r) => r.id)).toEqual([datasetSessionId(41)]);
  });

  it('a cancel keeps the rows read and says which part of the window is missing', async () => {
    const profileId = await ocpiProfile();
    const to = Math.floor((Date.now() + 86_400_000) / 1000) * 1000;
    const started = await handlers['search:start']({
      profileId,
      from: iso(startAt - 60_000),
      to: iso(to),
      status: null,
      text: '',
    });
    if (!started.ok) throw new Error(started.error.message);
    const { searchId } = started.value;
    for (let i = 0; i < 500 && !rows.has(searchId); i++) await new Promise((r) => setTimeout(r, 2));
    expect(await handlers['search:cancel']({ searchId })).toEqual({ ok: true, value: true });
    const end = await untilDone(searchId);
    expect(end.cancelled).toBe(true);
    const kept = rows.get(searchId) ?? [];
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(COUNT);
    // The missing part starts where reading stopped (pages come oldest first) and runs to the window's end.
    expect(end.failure?.missing).toEqual({ from: Math.max(...kept.map((r) => r.lastUpdated ?? 0)), to });
  });

  it('says when X-Total-Count fell while paging and sessions may be missing (opaque cursors)', async () => {
    const profileId = await ocpiProfile({ versionsUrl: server.versionsUrl('total-drift-down') });
    const started = await handlers['search:start']({
      profileId,
      from: iso(startAt - 60_000),
      to: iso(Date.now() - 1000),
      status: null,
      text: '',
    });
    if (!started.ok) throw new Error(started.error.message);
    const end = await untilDone(started.value.searchId);
    expect(end.failure).toBeNull();
    expect(end.firstTotalCount).not.toBe(end.totalCount);
    expect(end.notes.join(' ')).toMatch(/X-Total-Count fell from \d+ to \d+ while paging/);
  });

  it('a page that fails keeps the rows read and says which part of the window is missing', async () => {
    // Without retries, the scenario's one HTTP 500 on the 3rd page ends the search there.
    const strict = await createAppServices({
      userDataDir: join(dir, 'strict'),
      keychain: async () => {
        throw new Error('no keychain here');
      },
      client: { retryDelaysMs: [], maxRetryAfterMs: 10 },
    });
    const events: SearchDoneEvent[] = [];
    const got: SearchRow[] = [];
    const strictHandlers = createIpcHandlers(strict, {
      emit: (event, payload) => {
        if (event === 'search:rows') got.push(...(payload as { rows: SearchRow[] }).rows);
        if (event === 'search:done') events.push(payload as SearchDoneEvent);
      },
      dialogs: {
        chooseOpenPath: async () => null,
        chooseSavePath: async () => null,
        confirm: async () => false,
      },
    });
    const saved = await strictHandlers['profiles:save'](
      ocpiProfileInput(server.baseUrl, { versionsUrl: server.versionsUrl('page-fails-once') }),
    );
    if (!saved.ok) throw new Error(saved.error.message);
    await strictHandlers['token:set']({ profileId: saved.value.id, token: server.token, memoryOnly: true });
    const to = Math.floor((Date.now() + 3_600_000) / 1000) * 1000;
    const started = await strictHandlers['search:start']({
      profileId: saved.value.id,
      from: iso(startAt - 60_000),
      to: iso(to),
      status: null,
      text: '',
    });
    if (!started.ok) throw new Error(started.error.message);
    for (let i = 0; i < 500 && events.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    const end = events[0];
    expect(end.cancelled).toBe(false);
    expect(end.failure?.message).toMatch(/500|server/i);
    expect(got).toHaveLength(100);
    expect(end.failure?.missing).toEqual({ from: Math.max(...got.map((r) => r.lastUpdated ?? 0)), to });
  });

  it('refuses a window that ends before it starts, and a status that is not one', async () => {
    const profileId = await ocpiProfile();
    const now = Date.now();
    const back = await handlers['search:start']({
      profileId,
      from: iso(now),
      to: iso(now - 1000),
      status: null,
      text: '',
    });
    expect(back.ok ? null : back.error.message).toMatch(/ends before it starts/);
    const status = await handlers['search:start']({
      profileId,
      from: iso(now - 1000),
      to: iso(now),
      status: 'active; drop',
      text: '',
    });
    expect(status.ok ? null : status.error.message).toMatch(/not a session status/);
  });
});

describe('the Demo profile', () => {
  it('searches its in-process CPO with no network and opens a row by CC/PARTY/ID', async () => {
    const now = Date.now();
    const started = await handlers['search:start']({
      profileId: 'demo',
      from: iso(now - 86_400_000),
      to: iso(now + 60_000),
      status: null,
      text: '',
    });
    if (!started.ok) throw new Error(started.error.message);
    const end = await untilDone(started.value.searchId);
    expect(end.failure).toBeNull();
    const found = rows.get(started.value.searchId) ?? [];
    expect(found.length).toBeGreaterThan(100);
    const row = found[0];
    const fetched = await handlers['session:fetch']({
      requestId: 'demo-row',
      profileId: 'demo',
      sessionId: `${row.countryCode}/${row.partyId}/${row.id}`,
      around: row.lastUpdated ?? now,
    });
    if (!fetched.ok) throw new Error(fetched.error.message);
    expect(fetched.value.session.ids.id).toBe(row.id);
  });
});

describe('search:export-csv', () => {
  it('writes the rows in the order given, through the save dialog, atomically', async () => {
    const profileId = await ocpiProfile();
    const started = await handlers['search:start']({
      profileId,
      from: iso(startAt - 60_000),
      to: iso(Date.now() + 86_400_000),
      status: null,
      text: '',
    });
    if (!started.ok) throw new Error(started.error.message);
    const { searchId } = started.value;
    await untilDone(searchId);
    const keys = (rows.get(searchId) ?? [])
      .slice(0, 3)
      .map((r) => r.key)
      .reverse();
    savePath = join(dir, 'out.csv');
    const saved = await handlers['search:export-csv']({ searchId, keys });
    if (!saved.ok) throw new Error(saved.error.message);
    const lines = (await readFile(savePath, 'utf8')).trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^id,status,started_at/);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual([
      datasetSessionId(2),
      datasetSessionId(1),
      datasetSessionId(0),
    ]);
    expect(saved.value.path).toBe(savePath);
    savePath = null;
    expect(await handlers['search:export-csv']({ searchId, keys })).toEqual({
      ok: true,
      value: { path: null, bytes: 0 },
    });
    const unknown = await handlers['search:export-csv']({ searchId: 'gone', keys });
    expect(unknown.ok ? null : unknown.error.message).toMatch(/no longer held/);
  });
});

describe('profiles:test-connection and profiles:refresh-endpoints', () => {
  it('reports each step and keeps the discovered endpoints on the profile', async () => {
    const profileId = await ocpiProfile();
    const tested = await handlers['profiles:test-connection']({ profileId });
    if (!tested.ok) throw new Error(tested.error.message);
    expect(tested.value.ok).toBe(true);
    expect(tested.value.steps.map((s) => [s.name, s.ok])).toEqual([
      ['discovery', true],
      ['sessions-list', true],
    ]);
    expect(tested.value.profile.ocpi?.discovered?.version).toBe('2.3.0');
    const listed = await handlers['profiles:list'](undefined);
    const kept = listed.ok ? listed.value.profiles.find((p) => p.id === profileId) : undefined;
    expect(
      kept?.ocpi?.discovered?.endpoints.some((e) => e.identifier === 'sessions' && e.role === 'SENDER'),
    ).toBe(true);
    const refreshed = await handlers['profiles:refresh-endpoints']({ profileId });
    expect(refreshed.ok && refreshed.value.ocpi?.discovered?.endpoints.length).toBeGreaterThan(0);
  });

  it('a wrong token fails the discovery step with what to change', async () => {
    const profileId = await ocpiProfile({ tokenForm: 'plain' });
    await handlers['token:set']({ profileId, token: 'not-the-token-0000', memoryOnly: true });
    const tested = await handlers['profiles:test-connection']({ profileId });
    if (!tested.ok) throw new Error(tested.error.message);
    expect(tested.value.ok).toBe(false);
    expect(tested.value.steps).toHaveLength(1);
    expect(tested.value.steps[0].message).toMatch(/token/i);
  });
});

describe('session:fetch with CC/PARTY/ID and a time hint, then session:follow', () => {
  it('GETs by country, party and id on the Receiver; a follow tick with nothing newer keeps the session', async () => {
    const profileId = await ocpiProfile({ version: '2.2.1' });
    const id = datasetSessionId(7);
    const fetched = await handlers['session:fetch']({
      requestId: 'r1',
      profileId,
      sessionId: `nl/sin/${id}`,
      around: Date.now(),
    });
    if (!fetched.ok) throw new Error(fetched.error.message);
    expect(fetched.value.source.fetch?.url).toMatch(new RegExp(`/receiver/sessions/NL/SIN/${id}$`));
    const tick = await handlers['session:follow']({ key: fetched.value.key, profileId });
    if (!tick.ok) throw new Error(tick.error.message);
    expect(tick.value.updated).toBe(false);
    expect(tick.value.followable).toBe(true);
    expect(tick.value.loaded.key).toBe(fetched.value.key);
    const gone = await handlers['session:follow']({ key: 'nope', profileId });
    expect(gone.ok ? null : gone.error.message).toMatch(/no longer held/);
  });

  it('a bare id on a Sender is searched around the time hint first', async () => {
    const profileId = await ocpiProfile();
    const id = datasetSessionId(100);
    const around = startAt + 100 * SPACING_MIN * 60_000;
    const before = server.requests.length;
    const fetched = await handlers['session:fetch']({ requestId: 'r2', profileId, sessionId: id, around });
    if (!fetched.ok) throw new Error(fetched.error.message);
    expect(fetched.value.session.ids.id).toBe(id);
    const list = server.requests.slice(before).find((r) => r.path.includes('date_from'));
    const from = Date.parse(new URL(list?.path ?? '/', server.baseUrl).searchParams.get('date_from') ?? '');
    expect(Math.abs(from - (around - 12 * 3_600_000))).toBeLessThan(1000);
  });

  it('refuses dot segments and control characters inside CC/PARTY/ID', async () => {
    const profileId = await ocpiProfile();
    for (const sessionId of ['NL/SIN/..', 'NL/SIN/.', 'NL/SIN/a\u0000b', '../SIN/x', 'NL/SIN/a/b']) {
      const r = await handlers['session:fetch']({ requestId: 'r', profileId, sessionId });
      expect(r.ok ? sessionId : r.error.kind).toBe('invalid-session-id');
    }
  });
});

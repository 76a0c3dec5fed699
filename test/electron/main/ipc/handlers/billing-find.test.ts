/**
 * `billing:find-cdr` and `billing:cancel-find` against the spec-conformant local OCPI server (127.0.0.1, started
 * and stopped here): a fetched session's CDR found on the CDRs Sender list and attached, tariffs fetched by id
 * when the CDR carries none, CDR_MISSING when nothing is listed, and 403, a dead network and a cancel leaving
 * the session as it was. The Demo profile's in-process CPO answers the same way.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createIpcHandlers, type IpcHandlers } from '../../../../../electron/main/ipc/handlers/index';
import { createAppServices, type AppServices } from '../../../../../services/app-services';
import type { FindCdrProgress } from '../../../../../shared/billing/cdr-search';
import { datasetSessionId, sessionDataset } from '../../../../../shared/demo/session-dataset';
import type { LoadedSession } from '../../../../../shared/domain/loaded-session';
import { DEFAULT_MAX_BYTES } from '../../../../../shared/domain/profile';
import { type MockOcpiServer, startOcpiServer } from '../../../../../tools/mock-api/ocpi-server';

const COUNT = 100;
const SPACING_MIN = 90;
const HOUR = 3_600_000;
let server: MockOcpiServer;
let startAt: string;
beforeAll(async () => {
  // 100 sessions 1.5 h apart, ending now: the early ones ended days ago.
  startAt = new Date(Date.now() - COUNT * SPACING_MIN * 60_000).toISOString();
  server = await startOcpiServer({ sessions: COUNT, maxPageSize: 25, startAt, spacingMinutes: SPACING_MIN });
});
afterAll(() => server.close());

let dir: string;
let services: AppServices;
let handlers: IpcHandlers;
let progress: FindCdrProgress[];
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'find-cdr-'));
  services = await createAppServices({
    userDataDir: dir,
    keychain: async () => {
      throw new Error('no keychain here');
    },
    client: { retryDelaysMs: [], maxRetryAfterMs: 10 },
  });
  progress = [];
  handlers = createIpcHandlers(services, {
    emit: (event, payload) => {
      if (event === 'billing:progress') progress.push(payload as FindCdrProgress);
    },
    dialogs: {
      chooseOpenPath: async () => null,
      chooseSavePath: async () => null,
      confirm: async () => false,
    },
  });
});
afterEach(async () => {
  await services.history.list().catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
});

async function ocpiProfile(versionsUrl: string, version = '2.2.1'): Promise<string> {
  const saved = await handlers['profiles:save']({
    name: `CPO ${version} ${versionsUrl}`,
    baseUrl: new URL(versionsUrl).origin,
    flavour: 'ocpi-2.2.1',
    auth: { kind: 'token' },
    base64Token: false,
    timeouts: { connectMs: 2000, totalMs: 10_000 },
    maxBytes: DEFAULT_MAX_BYTES,
    ocpi: { versionsUrl, version },
  });
  if (!saved.ok) throw new Error(saved.error.message);
  const set = await handlers['token:set']({
    profileId: saved.value.id,
    token: server.token,
    memoryOnly: true,
  });
  if (!set.ok) throw new Error(set.error.message);
  return saved.value.id;
}

/** The index of a COMPLETED session that ended more than `hours` ago. */
function completedIndex(hours: number): number {
  const rows = sessionDataset({ count: COUNT, shape: 'ocpi-2.2.1', startAt, spacingMinutes: SPACING_MIN });
  const i = rows.findIndex(
    (r) => r.status === 'COMPLETED' && Date.now() - Date.parse(String(r.end_date_time)) > hours * HOUR,
  );
  if (i < 0) throw new Error('no such session');
  return i;
}

async function fetched(profileId: string, index: number): Promise<LoadedSession> {
  const got = await handlers['session:fetch']({
    requestId: `fetch-${index}-${Math.random()}`,
    profileId,
    sessionId: `NL/SIN/${datasetSessionId(index)}`,
    around: Date.now(),
  });
  if (!got.ok) throw new Error(got.error.message);
  return got.value;
}

const find = (key: string, profileId: string, requestId = 'find-1') =>
  handlers['billing:find-cdr']({ requestId, key, profileId });

describe('billing:find-cdr', () => {
  it('finds the CDR on the discovered CDRs Sender list by session_id, attaches it, and keeps it in Recent', async () => {
    const profileId = await ocpiProfile(server.versionsUrl());
    const index = completedIndex(0);
    const loaded = await fetched(profileId, index);
    expect(loaded.billing).toBeUndefined();
    const before = server.requests.length;
    const got = await find(loaded.key, profileId);
    if (!got.ok) throw new Error(got.error.message);
    const b = got.value.billing;
    expect(b?.cdr?.id).toBe(`CDR-${datasetSessionId(index)}`);
    expect(b?.cdr?.sessionId).toBe(datasetSessionId(index));
    expect(b?.tariffsFrom).toBe('cdr');
    expect(b?.cost?.totalExclVat).toBeGreaterThan(0);
    expect(b?.checks.map((c) => c.code)).not.toContain('CDR_SESSION_ID_MISMATCH');
    expect(b?.cdrSearch).toMatchObject({ found: true, match: { by: 'session_id' }, tariffsAsked: [] });
    // Discovery (versions, version details), then the CDRs Sender list only: no GET by id anywhere.
    const sent = server.requests.slice(before).map((r) => r.path);
    const listed = sent.filter((p) => p !== '/ocpi/versions' && p !== '/ocpi/2.2.1');
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((p) => p.startsWith('/ocpi/2.2.1/sender/cdrs?'))).toBe(true);
    expect(progress.some((p) => p.requestId === 'find-1' && p.phase === 'cdrs')).toBe(true);
    // Held for exports, and written back to Recent: reopening shows the CDR again.
    expect(services.registry.get(loaded.key)?.billing?.cdr?.id).toBe(b?.cdr?.id);
    const recent = await handlers['history:list'](undefined);
    if (!recent.ok) throw new Error();
    expect(recent.value.entries).toHaveLength(1);
    const reopened = await handlers['history:open']({ id: recent.value.entries[0].id });
    expect(reopened.ok && reopened.value.billing?.cdr?.id).toBe(b?.cdr?.id);
  });

  it('OCPI 2.1.1 (no session_id on CDRs): the CDR is matched by score, and the score is kept with it', async () => {
    const profileId = await ocpiProfile(server.versionsUrl(), '2.1.1');
    const index = completedIndex(0);
    const rows = sessionDataset({ count: COUNT, shape: 'ocpi-2.1.1', startAt, spacingMinutes: SPACING_MIN });
    // 2.1.1 has no Receiver: the Sender list is searched around the session's last update.
    const got = await handlers['session:fetch']({
      requestId: 'fetch-211',
      profileId,
      sessionId: datasetSessionId(index),
      around: Date.parse(String(rows[index].last_updated)),
    });
    if (!got.ok) throw new Error(got.error.message);
    const found = await find(got.value.key, profileId);
    if (!found.ok) throw new Error(found.error.message);
    const search = found.value.billing?.cdrSearch;
    expect(found.value.billing?.cdr?.id).toBe(`CDR-${datasetSessionId(index)}`);
    expect(search?.match?.by).toBe('score');
    if (search?.match?.by === 'score') expect(search.match.score.score).toBe(search.match.score.max);
  });

  it('a CDR that names its tariffs by id only: they come from the Tariffs Sender list and price the periods', async () => {
    const profileId = await ocpiProfile(server.versionsUrl('cdrs-without-tariffs'));
    const loaded = await fetched(profileId, completedIndex(0));
    const got = await find(loaded.key, profileId);
    if (!got.ok) throw new Error(got.error.message);
    const b = got.value.billing;
    expect(b?.cdr?.tariffs).toEqual([]);
    expect(b?.cdrSearch?.tariffsAsked).toEqual(['DC-FAST']);
    expect(b?.cdrSearch?.tariffsMissing).toEqual([]);
    expect(b?.tariffsFrom).toBe('files');
    expect(b?.tariffs.map((t) => t.id)).toEqual(['DC-FAST']);
    expect(b?.cost?.totalExclVat).toBeGreaterThan(0);
    expect(progress.some((p) => p.phase === 'tariffs' && p.ids.join() === 'DC-FAST')).toBe(true);
  });

  it('no CDR listed for a session COMPLETED over 48 h ago: CDR_MISSING, by the rule the CLI uses', async () => {
    const profileId = await ocpiProfile(server.versionsUrl());
    const loaded = await fetched(profileId, completedIndex(72));
    // The same session under an id the CPO never billed.
    services.registry.put({
      ...loaded,
      key: 'unbilled',
      session: { ...loaded.session, ids: { ...loaded.session.ids, id: 'NEVER-BILLED' } },
    });
    const got = await find('unbilled', profileId);
    if (!got.ok) throw new Error(got.error.message);
    const b = got.value.billing;
    expect(b?.cdr).toBeNull();
    expect(b?.cdrSearch?.found).toBe(false);
    expect(b?.cdrSearch?.searched.length).toBeGreaterThan(1);
    const missing = b?.checks.find((c) => c.code === 'CDR_MISSING');
    expect(missing?.message).toMatch(/ended \d+(\.\d)? h ago \(more than 48 h\) and no CDR for it was found/);
    // Its periods name DC-FAST: the tariff is fetched and prices the session.
    expect(b?.tariffs.map((t) => t.id)).toEqual(['DC-FAST']);
    expect(b?.costOf).toBe('session');
  });

  it('a recent session with no CDR yet gets no CDR_MISSING', async () => {
    const profileId = await ocpiProfile(server.versionsUrl());
    const loaded = await fetched(profileId, completedIndex(0));
    services.registry.put({
      ...loaded,
      key: 'recent',
      session: { ...loaded.session, endedAt: Date.now() - HOUR, ids: { ...loaded.session.ids, id: 'LATER' } },
    });
    const got = await find('recent', profileId);
    if (!got.ok) throw new Error(got.error.message);
    expect(got.value.billing?.cdrSearch?.found).toBe(false);
    expect(got.value.billing?.checks.map((c) => c.code)).not.toContain('CDR_MISSING');
  });

  it('a 403 on the CDRs list is a clear error and the session stays as it was', async () => {
    const profileId = await ocpiProfile(server.versionsUrl('cdrs-forbidden'));
    const loaded = await fetched(profileId, completedIndex(0));
    const got = await find(loaded.key, profileId);
    expect(got.ok).toBe(false);
    if (got.ok) return;
    expect(got.error.kind).toBe('forbidden');
    expect(got.error.message).toMatch(/403|not allowed|forbidden/i);
    expect(services.registry.get(loaded.key)).toEqual(loaded);
  });

  it('a 403 on the Tariffs list keeps the CDR found, with a note', async () => {
    const profileId = await ocpiProfile(server.versionsUrl('tariffs-forbidden'));
    const loaded = await fetched(profileId, completedIndex(0));
    const got = await find(loaded.key, profileId);
    if (!got.ok) throw new Error(got.error.message);
    expect(got.value.billing?.cdr?.id).toMatch(/^CDR-/);
    expect(got.value.billing?.cdrSearch?.notes[0]).toMatch(/The tariffs \(DC-FAST\) could not be fetched/);
    expect(got.value.billing?.checks.map((c) => c.code)).toContain('TARIFF_NOT_FOUND');
  });

  it('a dead network is a clear error and the session stays as it was', async () => {
    const other = await startOcpiServer({
      sessions: COUNT,
      maxPageSize: 25,
      startAt,
      spacingMinutes: SPACING_MIN,
      token: server.token,
    });
    const profileId = await ocpiProfile(other.versionsUrl());
    const loaded = await fetched(profileId, completedIndex(0));
    await other.close();
    const got = await find(loaded.key, profileId);
    expect(got.ok).toBe(false);
    if (got.ok) return;
    expect(['offline', 'network', 'connection-refused', 'timeout']).toContain(got.error.kind);
    expect(got.error.message.length).toBeGreaterThan(10);
    expect(services.registry.get(loaded.key)).toEqual(loaded);
  });

  it('cancels: the answer is a cancel and nothing is attached', async () => {
    const profileId = await ocpiProfile(server.versionsUrl());
    const loaded = await fetched(profileId, completedIndex(0));
    const running = find(loaded.key, profileId, 'to-cancel');
    const cancelled = await handlers['billing:cancel-find']({ requestId: 'to-cancel' });
    expect(cancelled).toEqual({ ok: true, value: true });
    const got = await running;
    expect(got.ok ? null : got.error.kind).toBe('cancelled');
    expect(services.registry.get(loaded.key)?.billing).toBeUndefined();
    expect(await handlers['billing:cancel-find']({ requestId: 'to-cancel' })).toEqual({
      ok: true,
      value: false,
    });
  });

  it('refuses a session no longer held, a CDR opened alone, and a profile without OCPI', async () => {
    const gone = await find('nope', 'demo');
    expect(gone.ok ? null : gone.error.kind).toBe('not-found');
    const vendor = await handlers['profiles:save']({
      name: 'Vendor',
      baseUrl: 'https://gateway.example.com/api',
      flavour: 'vendor',
      auth: { kind: 'token' },
      base64Token: false,
      timeouts: { connectMs: 2000, totalMs: 10_000 },
      maxBytes: DEFAULT_MAX_BYTES,
    });
    if (!vendor.ok) throw new Error(vendor.error.message);
    const demo = await handlers['session:fetch']({
      requestId: 'd',
      profileId: 'demo',
      sessionId: 'demo-ocpi-221-dc',
    });
    if (!demo.ok) throw new Error(demo.error.message);
    const noOcpi = await find(demo.value.key, vendor.value.id);
    expect(noOcpi.ok ? null : noOcpi.error.message).toMatch(/has no OCPI versions URL/);
    services.registry.put({ ...demo.value, key: 'cdr-alone', subject: 'cdr' });
    const alone = await find('cdr-alone', 'demo');
    expect(alone.ok ? null : alone.error.message).toMatch(/CDR opened on its own/);
  });

  it('the Demo profile: a session from its in-process CPO finds its CDR there', async () => {
    // The Demo CPO lists 2,000 sessions over the last week; S000010 ended days ago and has its CDR.
    const got = await handlers['session:fetch']({
      requestId: 'demo-cpo',
      profileId: 'demo',
      sessionId: 'NL/SIN/S000010',
      around: Date.now(),
    });
    if (!got.ok) throw new Error(got.error.message);
    const found = await find(got.value.key, 'demo');
    if (!found.ok) throw new Error(found.error.message);
    expect(found.value.billing?.cdr?.sessionId).toBe(got.value.session.ids.id);
    expect(found.value.billing?.cdrSearch?.profileName).toBe('Demo (bundled sessions)');
  });
});

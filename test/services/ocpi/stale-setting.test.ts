/**
 * The SESSION_STALE threshold from Settings reaches every place the check runs: fetch by id and search rows,
 * against the spec-conformant local server.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../../services/app-services';
import { datasetSessionId } from '../../../shared/demo/session-dataset';
import type { SessionRow } from '../../../shared/ocpi/session-rows';
import { type MockOcpiServer, startOcpiServer } from '../../../tools/mock-api/ocpi-server';
import { ocpiProfileInput } from '../../fixtures/ocpi-profile';

const ACTIVE = datasetSessionId(7);
let server: MockOcpiServer;
beforeAll(async () => {
  // 40 sessions 5 minutes apart ending about now: the ACTIVE one was last updated hours ago.
  server = await startOcpiServer({
    sessions: 40,
    startAt: new Date(Date.now() - 40 * 5 * 60_000).toISOString(),
    spacingMinutes: 5,
  });
});
afterAll(() => server.close());

let dir: string;
let services: AppServices;
let profileId: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'stale-setting-'));
  services = await createAppServices({
    userDataDir: dir,
    keychain: async () => {
      throw new Error('no keychain here');
    },
    client: { retryDelaysMs: [] },
  });
  const saved = await services.profiles.save(
    ocpiProfileInput(server.baseUrl, {
      versionsUrl: server.versionsUrl(''),
      countryCode: 'NL',
      partyId: 'SIN',
    }),
  );
  if (!saved.ok) throw new Error(saved.error.message);
  profileId = saved.value.id;
  await services.tokens.set(profileId, server.token, true);
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function fetchActive() {
  const r = await services.fetchSession({ profileId, sessionId: `NL/SIN/${ACTIVE}` });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

async function searchRows(): Promise<SessionRow[]> {
  const rows: SessionRow[] = [];
  await services.ocpi.search(
    {
      profileId,
      from: new Date(Date.now() - 86_400_000).toISOString(),
      to: new Date(Date.now() + 86_400_000).toISOString(),
      status: 'ACTIVE',
      text: '',
    },
    { signal: new AbortController().signal, onRows: (page) => rows.push(...page), onProgress: () => {} },
  );
  return rows;
}

const staleCodes = (codes: readonly string[]) => codes.filter((c) => c === 'SESSION_STALE');

describe('the SESSION_STALE threshold setting', () => {
  it('fetch by id: stale at the default 15 minutes, not with a day, and its message names the threshold', async () => {
    const byDefault = await fetchActive();
    const ageMin = (Date.parse(byDefault.source.fetch!.fetchedAt) - byDefault.session.lastUpdated!) / 60_000;
    expect(ageMin).toBeGreaterThan(15);
    expect(ageMin).toBeLessThan(1440);
    const stale = byDefault.checks.filter((c) => c.code === 'SESSION_STALE');
    expect(stale).toHaveLength(1);
    expect(stale[0].message).toMatch(/more than 15\)/);

    await services.settings.update({ staleMinutes: 1440 });
    expect(staleCodes((await fetchActive()).checks.map((c) => c.code))).toEqual([]);
    await services.settings.update({ staleMinutes: 10 });
    const tighter = (await fetchActive()).checks.filter((c) => c.code === 'SESSION_STALE');
    expect(tighter).toHaveLength(1);
    expect(tighter[0].message).toMatch(/more than 10\)/);
  });

  it('search rows carry SESSION_STALE by the setting', async () => {
    const byDefault = await searchRows();
    expect(byDefault.length).toBeGreaterThan(0);
    expect(byDefault.every((r) => r.anomalies.includes('SESSION_STALE'))).toBe(true);
    await services.settings.update({ staleMinutes: 1440 });
    const relaxed = await searchRows();
    expect(relaxed.map((r) => r.key)).toEqual(byDefault.map((r) => r.key));
    expect(relaxed.some((r) => r.anomalies.includes('SESSION_STALE'))).toBe(false);
  });
});

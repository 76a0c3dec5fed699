/** `ocpi-inspect discover`, `list` and `fetch --versions-url` against the spec-conformant local server. */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../cli/main';
import { ProfileStore } from '../../../services/storage/profiles';
import { datasetSessionId } from '../../../shared/demo/session-dataset';
import { memoryIo } from '../../support/memory-io';
import { type MockOcpiServer, startOcpiServer } from '../../../tools/mock-api/ocpi-server';
import { ocpiProfileInput } from '../../fixtures/ocpi-profile';

let server: MockOcpiServer;
let dir: string;
beforeAll(async () => {
  server = await startOcpiServer({ sessions: 300, maxPageSize: 25, token: 'cli-ocpi-token-987' });
  dir = await mkdtemp(join(tmpdir(), 'cli-ocpi-'));
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

async function cli(args: string[], env: Record<string, string> = { OCPI_INSPECT_TOKEN: server.token }) {
  const io = memoryIo();
  io.env = { OCPI_INSPECT_USER_DATA: dir, ...env };
  const code = await main(args, io);
  return { code, stdout: io.out, stderr: io.err };
}
const b64 = Buffer.from('cli-ocpi-token-987').toString('base64');
const noToken = (r: { stdout: string; stderr: string }) => {
  for (const text of [r.stdout, r.stderr]) {
    expect(text).not.toContain('cli-ocpi-token-987');
    expect(text).not.toContain(b64);
  }
};
const WINDOW = ['--from', '2024-05-01T00:00:00Z', '--to', '2024-05-01T12:00:00Z'];

describe('ocpi-inspect discover', () => {
  it('--json prints the version, the token form that worked and the endpoints with roles', async () => {
    const r = await cli(['discover', '--versions-url', server.versionsUrl(), '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.version).toBe('2.3.0');
    expect(out.tokenEncoding).toBe('base64');
    expect(out.endpoints).toContainEqual({
      identifier: 'sessions',
      role: 'RECEIVER',
      url: `${server.baseUrl}/ocpi/2.3.0/receiver/sessions`,
    });
    noToken(r);
  });

  it('--version 2.1.1: plain token and null roles; an inverted server reports the form that worked', async () => {
    const v211 = JSON.parse(
      (await cli(['discover', '--versions-url', server.versionsUrl(), '--version', '2.1.1', '--json']))
        .stdout,
    );
    expect(v211.tokenEncoding).toBe('plain');
    expect(v211.endpoints.every((e: { role: unknown }) => e.role === null)).toBe(true);
    const inv = await cli([
      'discover',
      '--versions-url',
      server.versionsUrl('inverted-tokens'),
      '--version',
      '2.2.1',
      '--json',
    ]);
    expect(JSON.parse(inv.stdout).tokenEncoding).toBe('plain');
    expect(inv.stderr).toMatch(/refused the token Base64-encoded and accepted it plain/);
    noToken(inv);
  });

  it('exit 2 on usage errors, exit 1 with one line when the fetch fails', async () => {
    const usage = await cli(['discover']);
    expect(usage.code).toBe(2);
    expect(usage.stderr.trim().split('\n')).toHaveLength(1);
    const bad = await cli(['discover', '--versions-url', server.versionsUrl()], {
      OCPI_INSPECT_TOKEN: 'wrong-token-123',
    });
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect((await cli(['discover', '--versions-url', server.versionsUrl()], {})).code).toBe(1);
  });
});

describe('ocpi-inspect list', () => {
  it('--json prints every session last updated in [from, to) from every page, with check codes', async () => {
    const before = server.requests.length;
    const r = await cli(['list', '--versions-url', server.versionsUrl(), ...WINDOW, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.sessions.length).toBe(out.totalCount);
    expect(out.sessions.length).toBeGreaterThan(100);
    expect(Object.keys(out.sessions[0])).toEqual([
      'id',
      'status',
      'startedAt',
      'endedAt',
      'kwh',
      'lastUpdated',
      'anomalies',
    ]);
    for (const s of out.sessions) {
      expect(s.lastUpdated >= '2024-05-01T00:00:00.000Z' && s.lastUpdated < '2024-05-01T12:00:00.000Z').toBe(
        true,
      );
    }
    // Every 37th session from the 6th has a kWh off from its periods.
    expect(out.sessions.find((s: { id: string }) => s.id === datasetSessionId(5)).anomalies).toContain(
      'ENERGY_MISMATCH',
    );
    expect(server.requests.length - before).toBeGreaterThan(3);
    noToken(r);
  });

  it('--status filters, --csv prints RFC 4180 rows', async () => {
    const active = JSON.parse(
      (await cli(['list', '--versions-url', server.versionsUrl(), ...WINDOW, '--status', 'active', '--json']))
        .stdout,
    );
    expect(active.sessions.length).toBeGreaterThan(0);
    expect(
      active.sessions.every(
        (s: { status: string; endedAt: unknown }) => s.status === 'ACTIVE' && s.endedAt === null,
      ),
    ).toBe(true);
    const csv = (await cli(['list', '--versions-url', server.versionsUrl(), ...WINDOW, '--csv'])).stdout;
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('id,status,started_at,ended_at,kwh,location_id,evse_uid,last_updated,anomalies');
    expect(lines[1]).toMatch(/^S\d{6},COMPLETED,2024-0[45]-\d\dT[^,]+,2024-05-01T[^,]+,\d/);
  });

  it('a failing page prints the rows read and says on stderr what is missing (exit 1)', async () => {
    const r = await cli([
      'list',
      '--versions-url',
      server.versionsUrl('page-fails-once'),
      ...WINDOW,
      '--json',
    ]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).sessions.length).toBeGreaterThan(0);
    expect(r.stderr).toMatch(/missing: last_updated from 2024-05-01T\S+ to 2024-05-01T12:00:00.000Z/);
  });

  it('usage errors exit 2', async () => {
    expect(
      (
        await cli([
          'list',
          '--versions-url',
          server.versionsUrl(),
          '--from',
          'yesterday',
          '--to',
          '2024-05-01T00:00:00Z',
        ])
      ).code,
    ).toBe(2);
    expect(
      (await cli(['list', '--versions-url', server.versionsUrl(), '--from', '2024-05-01T00:00:00Z'])).code,
    ).toBe(2);
    expect(
      (await cli(['list', '--versions-url', server.versionsUrl(), ...WINDOW, '--json', '--csv'])).code,
    ).toBe(2);
  });
});

describe('ocpi-inspect fetch --versions-url', () => {
  const id = datasetSessionId(40);

  it('on a Sender searches around --around and writes a document summary reads; never GETs {sessions}/{id}', async () => {
    const out = join(dir, 'found.json');
    const before = server.requests.length;
    const r = await cli([
      'fetch',
      id,
      '--versions-url',
      server.versionsUrl('sender-only'),
      '--around',
      '2024-05-01T03:00:00Z',
      '--out',
      out,
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/listed \d+ sessions last updated .* on the Sender interface/);
    expect(server.requests.slice(before).every((x) => !/\/sessions\/[^?]/.test(x.path))).toBe(true);
    const summary = await cli(['summary', out, '--json']);
    expect(summary.code).toBe(0);
    expect(JSON.parse(summary.stdout).sessionId).toBe(id);
  });

  it('with a Receiver and --country-code/--party-id (or CC/PARTY/ID) GETs by country, party and id', async () => {
    const r = await cli([
      'fetch',
      id,
      '--versions-url',
      server.versionsUrl(),
      '--country-code',
      'NL',
      '--party-id',
      'SIN',
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).data.id).toBe(id);
    expect(server.requests.at(-1)?.path).toBe(`/ocpi/2.3.0/receiver/sessions/NL/SIN/${id}`);
    const ref = await cli([
      'fetch',
      `NL/SIN/${id}`,
      '--versions-url',
      server.versionsUrl(),
      '--version',
      '2.2.1',
    ]);
    expect(ref.code).toBe(0);
    expect(server.requests.at(-1)?.path).toBe(`/ocpi/2.2.1/receiver/sessions/NL/SIN/${id}`);
    noToken(ref);
  });

  it('an unknown session is exit 1 with one line', async () => {
    const r = await cli(['fetch', 'NL/SIN/NOPE', '--versions-url', server.versionsUrl()]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('--profile NAME uses the profile’s OCPI settings and remembers a token form the fallback found', async () => {
    const store = await ProfileStore.open(dir);
    const saved = await store.save(
      ocpiProfileInput(
        server.baseUrl,
        {
          versionsUrl: server.versionsUrl('inverted-tokens'),
          version: '2.2.1',
          countryCode: 'NL',
          partyId: 'SIN',
        },
        'Inverted CPO',
      ),
    );
    expect(saved.ok).toBe(true);
    const r = await cli(['fetch', id, '--profile', 'Inverted CPO']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/remembered on profile "Inverted CPO"/);
    expect((await ProfileStore.open(dir)).findByName('Inverted CPO')?.ocpi?.learnedTokenForm).toBe('plain');
    const again = await cli(['discover', '--profile', 'Inverted CPO', '--json']);
    expect(JSON.parse(again.stdout).tokenEncoding).toBe('plain');
    expect(again.stderr).toBe('');
    expect(
      JSON.parse(await readFile(join(dir, 'profiles.json'), 'utf8')).profiles[0].ocpi.learnedTokenForm,
    ).toBe('plain');
  });
});

describe('the Demo profile’s OCPI 2.2.1 CPO (in process, no token, no network)', () => {
  it('discovers, lists the last day and fetches a listed session on its Sender', async () => {
    const d = await cli(['discover', '--profile', 'Demo (bundled sessions)', '--json'], {});
    expect(d.code).toBe(0);
    const found = JSON.parse(d.stdout);
    expect(found.version).toBe('2.2.1');
    expect(found.endpoints).toContainEqual({
      identifier: 'sessions',
      role: 'SENDER',
      url: 'https://demo.session-inspector.invalid/cpo/ocpi/2.2.1/sender/sessions',
    });
    const now = Date.now();
    const window = ['--from', new Date(now - 86_400_000).toISOString(), '--to', new Date(now).toISOString()];
    const listed = await cli(['list', '--profile', 'Demo (bundled sessions)', ...window, '--json'], {});
    expect(listed.code).toBe(0);
    const { sessions, totalCount } = JSON.parse(listed.stdout);
    expect(sessions.length).toBe(totalCount);
    expect(sessions.length).toBeGreaterThan(200);
    const pick = sessions[10];
    const fetched = await cli(
      ['fetch', pick.id, '--profile', 'Demo (bundled sessions)', '--around', pick.lastUpdated],
      {},
    );
    expect(fetched.code).toBe(0);
    expect(JSON.parse(fetched.stdout).id).toBe(pick.id);
    // Without an OCPI-only option the Demo profile still serves its bundled sessions by id.
    const bundled = await cli(['fetch', 'demo-ocpi-221-dc', '--profile', 'Demo (bundled sessions)'], {});
    expect(JSON.parse(bundled.stdout).data.id).toBe('demo-ocpi-221-dc');
  });
});

describe('ocpi-inspect list and the app’s SESSION_STALE setting', () => {
  it('judges SESSION_STALE by Settings → Live follow, as the Search view does', async () => {
    // Sessions over the last 10 hours, so an ACTIVE one is hours old: stale by 15 min, not by 1440.
    const recent = await startOcpiServer({
      sessions: 50,
      maxPageSize: 25,
      token: 'cli-ocpi-token-987',
      startAt: new Date(Date.now() - 50 * 12 * 60_000).toISOString(),
    });
    const home = await mkdtemp(join(tmpdir(), 'cli-stale-'));
    try {
      const window = [
        '--from',
        new Date(Date.now() - 86_400_000).toISOString(),
        '--to',
        new Date(Date.now() + 60_000).toISOString(),
      ];
      const staleIds = async (): Promise<string[]> => {
        const r = await cli(['list', '--versions-url', recent.versionsUrl(), ...window, '--json'], {
          OCPI_INSPECT_TOKEN: recent.token,
          OCPI_INSPECT_USER_DATA: home,
        });
        expect(r.code).toBe(0);
        return JSON.parse(r.stdout)
          .sessions.filter((s: { anomalies: string[] }) => s.anomalies.includes('SESSION_STALE'))
          .map((s: { id: string }) => s.id);
      };
      expect((await staleIds()).length).toBeGreaterThan(0);
      await writeFile(join(home, 'settings.json'), JSON.stringify({ staleMinutes: 1440 }));
      expect(await staleIds()).toEqual([]);
    } finally {
      await recent.close();
      await rm(home, { recursive: true, force: true });
    }
  });
});

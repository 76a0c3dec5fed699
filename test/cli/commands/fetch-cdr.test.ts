/** `ocpi-inspect fetch-cdr` against the spec-conformant local server, and its output through `reconcile`. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../cli/main';
import { COST_OFF_EVERY } from '../../../shared/demo/billing-dataset';
import { datasetSessionId } from '../../../shared/demo/session-dataset';
import { memoryIo } from '../../support/memory-io';
import { type MockOcpiServer, startOcpiServer } from '../../../tools/mock-api/ocpi-server';

let server: MockOcpiServer;
let dir: string;
beforeAll(async () => {
  server = await startOcpiServer({ sessions: 120, maxPageSize: 25, token: 'cli-cdr-token-2468' });
  dir = await mkdtemp(join(tmpdir(), 'cli-cdr-'));
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

async function cli(args: string[]) {
  const io = memoryIo();
  io.env = { OCPI_INSPECT_USER_DATA: dir, OCPI_INSPECT_TOKEN: server.token };
  const code = await main(args, io);
  return { code, stdout: io.out, stderr: io.err };
}
const around = (index: number) =>
  new Date(Date.parse('2024-05-01T00:00:00Z') + index * 4 * 60_000).toISOString();

async function fetchPair(index: number, version: string) {
  const id = datasetSessionId(index);
  const common = ['--versions-url', server.versionsUrl(), '--version', version, '--around', around(index)];
  const session = await cli(['fetch', id, ...common]);
  const cdr = await cli(['fetch-cdr', id, ...common]);
  const sessionFile = join(dir, `${id}-${version}.session.json`);
  const cdrFile = join(dir, `${id}-${version}.cdr.json`);
  await writeFile(sessionFile, session.stdout);
  await writeFile(cdrFile, cdr.stdout);
  return { session, cdr, sessionFile, cdrFile };
}

describe('ocpi-inspect fetch-cdr', () => {
  it('finds the CDR on the CDRs Sender interface and says how it matched; reconcile agrees with it', async () => {
    const { cdr, sessionFile, cdrFile } = await fetchPair(20, '2.2.1');
    expect(cdr.code).toBe(0);
    expect(JSON.parse(cdr.stdout).session_id).toBe(datasetSessionId(20));
    expect(cdr.stderr).toMatch(/matched on session_id/);
    expect(cdr.stdout + cdr.stderr).not.toContain(server.token);
    const r = await cli(['reconcile', sessionFile, cdrFile, '--json']);
    expect(r.code).toBe(0);
    const codes = (JSON.parse(r.stdout).anomalies as { code: string }[]).map((a) => a.code);
    expect(codes).not.toContain('CDR_COST_MISMATCH');
    expect(codes).not.toContain('CDR_SESSION_ID_MISMATCH');
  });

  it('a CDR the server overcharged on purpose is caught by reconcile', async () => {
    const { cdr, sessionFile, cdrFile } = await fetchPair(COST_OFF_EVERY - 1, '2.2.1');
    expect(cdr.code).toBe(0);
    const r = await cli(['reconcile', sessionFile, cdrFile, '--json']);
    const codes = (JSON.parse(r.stdout).anomalies as { code: string }[]).map((a) => a.code);
    expect(codes).toContain('CDR_COST_MISMATCH');
  });

  it('2.1.1 (no session_id): matched by a score that is shown', async () => {
    const { cdr } = await fetchPair(20, '2.1.1');
    expect(cdr.code).toBe(0);
    expect(JSON.parse(cdr.stdout).id).toBe(`CDR-${datasetSessionId(20)}`);
    expect(cdr.stderr).toMatch(/matched by score 10\/10: auth id, location, EVSE/);
  });

  it('exits 1 with the window searched when there is no CDR, and 2 on a usage error', async () => {
    const active = await cli([
      'fetch-cdr',
      datasetSessionId(7),
      '--versions-url',
      server.versionsUrl(),
      '--around',
      around(7),
    ]);
    expect(active.code).toBe(1);
    expect(active.stderr).toMatch(
      /^ocpi-inspect: no CDR for session S000008 was listed yet \(last_updated searched: .* in \d+ window\(s\)\)\n$/,
    );
    const usage = await cli(['fetch-cdr', '--versions-url', server.versionsUrl()]);
    expect(usage.code).toBe(2);
    const typo = await cli([
      'fetch-cdr',
      'S000001',
      '--versions-url',
      server.versionsUrl(),
      '--arround',
      'x',
    ]);
    expect(typo.stderr).toMatch(/unknown option --arround \(did you mean --around\?\)/);
  });
});

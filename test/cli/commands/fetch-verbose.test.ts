/** `ocpi-inspect fetch --verbose`: the app's log lines for each fetch on stderr, scrubbed of the token. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { main } from '../../../cli/main';
import { MOCK_PREFIXES, startMockOcpiServer, type MockOcpiServer } from '../../../tools/mock-api/server';

let mock: MockOcpiServer;
let dir: string;
beforeAll(async () => {
  mock = await startMockOcpiServer({ token: 'verbose-token-0123456789' });
  dir = await mkdtemp(join(tmpdir(), 'cli-verbose-'));
});
afterAll(async () => {
  await mock.close();
  await rm(dir, { recursive: true, force: true });
});

async function fetchCli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(['fetch', ...args, '--base-url', `${mock.baseUrl}${MOCK_PREFIXES.vendor}`], {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readStdin: async () => '',
    env: { OCPI_INSPECT_USER_DATA: dir, OCPI_INSPECT_TOKEN: mock.token },
  });
  return { code, stdout, stderr };
}

it('prints one log line per fetch with ids, URL, status and timings', async () => {
  const r = await fetchCli(['gen-3', '--verbose']);
  expect(r.code).toBe(0);
  const [line] = r.stderr.trim().split('\n');
  expect(line).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z INFO fetch \{/);
  const fields = JSON.parse(line.slice(line.indexOf('{'))) as Record<string, unknown>;
  expect(fields).toMatchObject({ phase: 'session', status: 200, attempts: 1 });
  expect(fields.url).toBe(`${mock.baseUrl}${MOCK_PREFIXES.vendor}/sessions/gen-3`);
  expect(fields.requestId).toBe(mock.requests.at(-1)?.headers['x-request-id']);
  expect(r.stderr).not.toContain(mock.token);
});

it('logs a failed fetch before its one-line error, and prints nothing extra without --verbose', async () => {
  const failed = await fetchCli(['fault-403', '--verbose']);
  expect(failed.code).toBe(1);
  expect(failed.stderr).toMatch(/INFO fetch-failed \{.*"status":403/);
  const quiet = await fetchCli(['fault-403']);
  expect(quiet.stderr).not.toMatch(/INFO fetch/);
  expect(quiet.stderr.trim().split('\n')).toHaveLength(1);
});

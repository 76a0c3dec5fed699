import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../cli/main';
import type { CliIo } from '../../../cli/io';
import keytar from 'keytar';
import { itWithKeychain } from '../../support/keychain';
import { KEYCHAIN_SERVICE } from '../../../services/storage/token-store';
import { ProfileStore } from '../../../services/storage/profiles';
import { DEFAULT_MAX_BYTES } from '../../../shared/domain/profile';
import { MOCK_PREFIXES, startMockOcpiServer, type MockOcpiServer } from '../../../tools/mock-api/server';

let mock: MockOcpiServer;
let dir: string;
beforeAll(async () => {
  mock = await startMockOcpiServer({ token: 'cli-token-abcdef' });
  dir = await mkdtemp(join(tmpdir(), 'cli-fetch-'));
});
afterAll(async () => {
  await mock.close();
  await rm(dir, { recursive: true, force: true });
});

async function cli(args: string[], env: Record<string, string | undefined> = {}) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readStdin: async () => '',
    env: { OCPI_INSPECT_USER_DATA: dir, ...env },
  };
  const code = await main(['fetch', ...args], io);
  return { code, stdout, stderr };
}

const vendor = (): string => `${mock.baseUrl}${MOCK_PREFIXES.vendor}`;

describe('ocpi-inspect fetch', () => {
  it('prints the raw body with the token from OCPI_INSPECT_TOKEN', async () => {
    const r = await cli(['gen-7', '--base-url', vendor()], { OCPI_INSPECT_TOKEN: mock.token });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).data.id).toBe('gen-7');
    expect(mock.requests.at(-1)?.headers.authorization).toBe(`Token ${mock.token}`);
  });

  it('honours --flavour, --auth-scheme and --base64', async () => {
    const r = await cli(
      [
        'gen-2',
        '--base-url',
        `${mock.baseUrl}${MOCK_PREFIXES['ocpi-2.2.1']}`,
        '--flavour',
        'ocpi-2.2.1',
        '--auth-scheme',
        'bearer',
        '--base64',
      ],
      { OCPI_INSPECT_TOKEN: mock.token },
    );
    expect(r.code).toBe(0);
    expect(mock.requests.at(-1)?.headers.authorization).toBe(
      `Bearer ${Buffer.from(mock.token).toString('base64')}`,
    );
    const h = await cli(['gen-2', '--base-url', vendor(), '--auth-scheme', 'header:X-Api-Key'], {
      OCPI_INSPECT_TOKEN: mock.token,
    });
    expect(h.code).toBe(0);
  });

  it('writes --out atomically and reports where', async () => {
    const out = join(dir, 'body.json');
    const r = await cli(['gen-3', '--base-url', vendor(), '--out', out], { OCPI_INSPECT_TOKEN: mock.token });
    expect(r.code).toBe(0);
    expect(JSON.parse(await readFile(out, 'utf8')).data.id).toBe('gen-3');
    expect(r.stderr).toMatch(/wrote \d+ bytes/);
  });

  itWithKeychain('uses a saved profile by name', async () => {
    const store = await ProfileStore.open(dir);
    await store.save({
      name: 'Local mock',
      baseUrl: vendor(),
      flavour: 'vendor',
      auth: { kind: 'token' },
      base64Token: false,
      timeouts: { connectMs: 1000, totalMs: 5000 },
      maxBytes: DEFAULT_MAX_BYTES,
    });
    const r = await cli(['gen-4', '--profile', 'Local mock'], { OCPI_INSPECT_TOKEN: mock.token });
    expect(r.code).toBe(0);
    // Without the variable, the token comes from the profile's entry in the real keychain.
    const id = store.findByName('Local mock')?.id ?? '';
    expect((await cli(['gen-4', '--profile', 'Local mock'])).stderr).toMatch(/No token is set/);
    await keytar.setPassword(KEYCHAIN_SERVICE, id, mock.token);
    const fromKeychain = await cli(['gen-4', '--profile', 'Local mock']);
    await keytar.deletePassword(KEYCHAIN_SERVICE, id);
    expect(fromKeychain.code).toBe(0);
    const demo = await cli(['demo-vendor-ac', '--profile', 'Demo (bundled sessions)']);
    expect(demo.code).toBe(0);
    expect(JSON.parse(demo.stdout).data.id).toBe('demo-vendor-ac');
  });

  it.each([
    ['a 401', ['fault-401'], /HTTP 401/],
    ['an OCPI error envelope', ['fault-2003'], /OCPI status 2003/],
    ['an invalid id', ['../etc'], /slash|\.\./],
  ])('fails on %s with one line and no stack trace', async (_what, args, message) => {
    const r = await cli([...args, '--base-url', vendor()], { OCPI_INSPECT_TOKEN: mock.token });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toContain(mock.token);
  });

  it('fails without a token, an unknown profile, or an insecure URL', async () => {
    expect((await cli(['gen-1', '--base-url', vendor()])).stderr).toMatch(/OCPI_INSPECT_TOKEN/);
    expect((await cli(['gen-1', '--profile', 'nope'])).stderr).toMatch(/no profile named/);
    expect(
      (await cli(['gen-1', '--base-url', 'http://example.com/x'], { OCPI_INSPECT_TOKEN: 't' })).stderr,
    ).toMatch(/https/);
    expect((await cli(['gen-1'])).code).toBe(2);
  });
});

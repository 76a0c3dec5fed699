/**
 * `ocpi-inspect fetch` against hostile or odd servers and input, through the CLI itself: no token and
 * no raw terminal escape on stderr, and every refusal says what is wrong.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../cli/main';
import type { CliIo } from '../../../cli/io';
import { ProfileStore } from '../../../services/storage/profiles';
import { DEFAULT_MAX_BYTES } from '../../../shared/domain/profile';
import { APP_VERSION } from '../../../shared/export/app-version';
import { MOCK_PREFIXES, startMockOcpiServer, type MockOcpiServer } from '../../../tools/mock-api/server';

let mock: MockOcpiServer;
let dir: string;
beforeAll(async () => {
  mock = await startMockOcpiServer({ token: 'cli-safety-token-0123456789' });
  dir = await mkdtemp(join(tmpdir(), 'cli-safety-'));
});
afterAll(async () => {
  await mock.close();
  await rm(dir, { recursive: true, force: true });
});

async function cli(argv: string[], env: Record<string, string | undefined> = {}, extra: Partial<CliIo> = {}) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readStdin: async () => '',
    env: { OCPI_INSPECT_USER_DATA: dir, ...env },
    ...extra,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

const vendor = (): string => `${mock.baseUrl}${MOCK_PREFIXES.vendor}`;
const fetchWith = (id: string, more: string[] = [], env: Record<string, string> = {}) =>
  cli(['fetch', id, '--base-url', vendor(), ...more], { OCPI_INSPECT_TOKEN: mock.token, ...env });
const tokenForms = (): string[] => {
  const b64 = Buffer.from(mock.token).toString('base64');
  return [mock.token, mock.token.slice(0, 8), b64.slice(0, 8)];
};
const leaks = (text: string): string[] => tokenForms().filter((form) => text.includes(form));

describe('ocpi-inspect fetch: server text', () => {
  it('a 401 message longer than 200 characters echoing the token leaves no prefix of it on stderr', async () => {
    for (const base64 of [[], ['--base64']]) {
      const r = await fetchWith('fault-echo-401-long', base64);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/HTTP 401/);
      expect(leaks(r.stderr)).toEqual([]);
    }
  });

  it('a 200 body and headers echoing the token print scrubbed', async () => {
    for (const id of [
      'fault-echo-1001',
      'fault-echo-1001-escaped',
      'fault-echo-prefix',
      'fault-echo-request-id',
    ]) {
      const r = await fetchWith(id);
      expect(r.code).toBe(0);
      expect(leaks(r.stdout + r.stderr)).toEqual([]);
    }
    const r = await fetchWith('fault-echo-2001');
    expect(r.stderr).toMatch(/OCPI status 2001 .*\[redacted\]/);
    expect(leaks(r.stderr)).toEqual([]);
  });

  it('ESC, BEL and bidi overrides in server text reach stderr as visible marks, never raw', async () => {
    const r = await fetchWith('fault-terminal-escapes');
    expect(r.code).toBe(1);
    // eslint-disable-next-line no-control-regex
    expect(r.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f\u202e]/);
    expect(r.stderr).toContain('Denied⟨U+001B⟩]0;pwned⟨U+0007⟩⟨U+001B⟩[2J⟨U+202E⟩txt.exe');
  });

  it('--verbose log lines show control and bidi characters as marks too', async () => {
    const r = await fetchWith('fault-terminal-escapes', ['--verbose']);
    // eslint-disable-next-line no-control-regex
    expect(r.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f\u202e]/);
    expect(r.stderr.trim().split('\n').length).toBeGreaterThan(1);
  });

  it('an error names the request id to report', async () => {
    const r = await fetchWith('fault-500');
    expect(r.stderr).toMatch(/request id [0-9a-f-]{36}/);
    expect(r.stderr).toMatch(/"Internal server error: NullReferenceException"/);
    expect(r.stderr).not.toMatch(/status_code/);
  });

  it('a response header over 16 KB is reported as such, not as offline', async () => {
    const r = await fetchWith('fault-header-overflow');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/headers over 16 KB/);
    expect(r.stderr).not.toMatch(/offline|UNKNOWN/);
  });
});

describe('ocpi-inspect fetch: tokens, headers, ids and URLs are checked before anything is sent', () => {
  const refused = async (args: Promise<{ code: number; stderr: string }>, message: RegExp) => {
    const before = mock.requests.length;
    const r = await args;
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/offline|UNKNOWN/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(mock.requests.length).toBe(before);
  };

  it('a token with a line break or beyond Latin-1', async () => {
    await refused(
      fetchWith('gen-1', [], { OCPI_INSPECT_TOKEN: 'abc\r\nX-Evil: 1' }),
      /line break at character 4/,
    );
    await refused(fetchWith('gen-1', [], { OCPI_INSPECT_TOKEN: 'tok€n' }), /"€" \(U\+20AC\) at character 4/);
  });

  it('an invalid or reserved header name', async () => {
    await refused(
      fetchWith('gen-1', ['--auth-scheme', 'header:Bad Name']),
      /not a valid header name: it contains " "/,
    );
    await refused(
      fetchWith('gen-1', ['--auth-scheme', 'header:Host']),
      /Host is set by Session Inspector itself/,
    );
    await refused(fetchWith('gen-1', ['--auth-scheme', 'header:']), /header name is empty/);
  });

  it.each(['.', '..'])('the dot-segment id %s', async (id) => {
    await refused(fetchWith(id), /session id (is "\."|contains "\.\.")/);
  });

  it('a base URL with ;token= parameters or credentials', async () => {
    await refused(
      cli(['fetch', 'gen-1', '--base-url', `${vendor()};token=abc`], { OCPI_INSPECT_TOKEN: mock.token }),
      /parameters after ";"/,
    );
    await refused(
      cli(['fetch', 'gen-1', '--base-url', vendor().replace('://', '://u:p@')], {
        OCPI_INSPECT_TOKEN: mock.token,
      }),
      /user name or password/,
    );
  });

  it('a mistyped option', async () => {
    await refused(
      fetchWith('gen-1', ['--bse64']),
      /^ocpi-inspect: unknown option --bse64 \(did you mean --base64\?\)$/m,
    );
  });
});

describe('ocpi-inspect: the keychain and the version', () => {
  it('an unavailable keychain gets a message for the CLI, not the app’s "for this run only"', async () => {
    const store = await ProfileStore.open(dir);
    await store.save({
      name: 'Keyless',
      baseUrl: vendor(),
      flavour: 'vendor',
      auth: { kind: 'token' },
      base64Token: false,
      timeouts: { connectMs: 1000, totalMs: 5000 },
      maxBytes: DEFAULT_MAX_BYTES,
    });
    const r = await cli(
      ['fetch', 'gen-1', '--profile', 'Keyless'],
      {},
      {
        openKeychain: async () => {
          throw new Error('no Secret Service');
        },
      },
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/keychain is not available \(no Secret Service\)/);
    expect(r.stderr).toMatch(/set OCPI_INSPECT_TOKEN for this command/);
    expect(r.stderr).not.toMatch(/run only/);
  });

  it('--version prints the app version', async () => {
    const r = await cli(['--version']);
    expect(r).toEqual({ code: 0, stdout: `ocpi-inspect ${APP_VERSION}\n`, stderr: '' });
  });
});

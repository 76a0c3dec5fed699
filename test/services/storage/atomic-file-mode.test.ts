import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../cli/main';
import type { CliIo } from '../../../cli/io';
import { writeFileAtomic } from '../../../services/storage/atomic-file';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'atomic-mode-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const umask = process.umask();
const modeOf = async (path: string): Promise<number> => (await stat(path)).mode & 0o777;

describe.skipIf(process.platform === 'win32')('file modes', () => {
  it('app data is private (0600); a user file gets the normal mode (0644 under umask 022)', async () => {
    await writeFileAtomic(join(dir, 'profiles.json'), '{}');
    await writeFileAtomic(join(dir, 'report.html'), '<p>', 'user');
    expect(await modeOf(join(dir, 'profiles.json'))).toBe(0o600);
    expect(await modeOf(join(dir, 'report.html'))).toBe(0o666 & ~umask);
  });

  it('ocpi-inspect export writes the file with the user’s normal mode', async () => {
    const input = join(dir, 's.json');
    await writeFileAtomic(
      input,
      JSON.stringify({ id: 's', start_date_time: '2024-01-01T00:00:00Z', kwh: 1 }),
    );
    const io: CliIo = {
      stdout: () => undefined,
      stderr: () => undefined,
      readStdin: async () => '',
      env: {},
    };
    const out = join(dir, 'out.csv');
    expect(await main(['export', input, '--format', 'csv', '--out', out], io)).toBe(0);
    expect(await modeOf(out)).toBe(0o666 & ~umask);
  });
});

/** The CLI reads files by the app's rules: the one size cap, regular files only, the one text rule. */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { readCappedText, type CliIo } from '../../cli/io';
import { MAX_SESSION_FILE_BYTES } from '../../shared/input/limits';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cli-input-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function cli(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readStdin: async () => '',
    env: {},
  };
  return { code: await main(argv, io), stdout, stderr };
}

const session = {
  id: 'utf16-session',
  start_date_time: '2024-03-01T10:00:00Z',
  end_date_time: '2024-03-01T11:00:00Z',
  kwh: 1.5,
  status: 'COMPLETED',
};

describe('ocpi-inspect input files', () => {
  it('refuses a file over the cap before reading it', async () => {
    const path = join(dir, 'huge.json');
    await writeFile(path, '');
    await truncate(path, MAX_SESSION_FILE_BYTES + 1); // sparse: no disk used
    for (const command of [
      ['summary', path],
      ['export', path, '--format', 'csv', '--out', join(dir, 'x.csv')],
    ]) {
      const r = await cli(command);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/huge\.json is 256\.0 MiB, more than the 256\.0 MiB a session file may be/);
    }
  });

  it.skipIf(process.platform === 'win32')('refuses a FIFO at once instead of waiting on it', async () => {
    const path = join(dir, 'pipe');
    execFileSync('mkfifo', [path]);
    const r = await cli(['summary', path]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is not a regular file .* use - to read standard input/);
  });

  it('reads a UTF-16 file with a BOM', async () => {
    const path = join(dir, 'utf16.json');
    await writeFile(
      path,
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify(session), 'utf16le')]),
    );
    const r = await cli(['summary', path, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).sessionId).toBe('utf16-session');
  });

  it('a mistyped flag is named, with the likely one', async () => {
    const path = join(dir, 's.json');
    await writeFile(path, JSON.stringify(session));
    const r = await cli(['summary', path, '--jsn']);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toBe('ocpi-inspect: unknown option --jsn (did you mean --json?)\n');
    const e = await cli(['export', path, '--fromat', 'csv', '--out', join(dir, 'o.csv')]);
    expect(e.stderr).toMatch(/unknown option --fromat \(did you mean --format\?\)/);
  });

  it('standard input is refused as soon as it passes the cap, without reading the rest', async () => {
    const chunk = Buffer.alloc(64 * 1024 * 1024); // the same buffer every time: no 300 MB held
    let pulled = 0;
    async function* endless(): AsyncGenerator<Uint8Array> {
      for (;;) {
        pulled++;
        yield chunk;
      }
    }
    await expect(readCappedText(endless(), 'standard input')).rejects.toThrow(
      /^standard input is 320\.0 MiB, more than the 256\.0 MiB a session file may be\.$/,
    );
    expect(pulled).toBe(5);
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{}')]);
    expect(await readCappedText([bom], 'standard input')).toBe('{}');
  });
});

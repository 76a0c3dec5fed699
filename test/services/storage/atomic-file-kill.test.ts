import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../services/storage/atomic-file';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kill-write-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

it('a process killed mid-write leaves the previous file intact', async () => {
  const target = join(dir, 'report.html');
  const old = 'the previous export\n'.repeat(1000);
  await writeFile(target, old);
  const size = 64 * 1024 * 1024;
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(__dirname, 'fixtures', 'write-and-hang.ts'), target, String(size)],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.on('exit', (_code, signal) => resolve(signal)),
  );
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`child never reached mid-write: ${stderr}`)), 15_000);
    child.stdout.on('data', (c: Buffer) => {
      if (c.toString().includes('half-written')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', () => reject(new Error(`child exited early: ${stderr}`)));
  });

  // Mid-write: half of the new file sits in a temp file next to the target.
  const temps = (await readdir(dir)).filter((f) => f.endsWith('.tmp'));
  expect(temps).toHaveLength(1);
  expect((await stat(join(dir, temps[0]))).size).toBe(size / 2);

  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
  expect(await readFile(target, 'utf8')).toBe(old);

  // And the next write still works.
  await writeFileAtomic(target, 'new');
  expect(await readFile(target, 'utf8')).toBe('new');
}, 30_000);

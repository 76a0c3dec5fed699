/**
 * A lock file that serializes work on one folder across processes (two app instances, the app and a script).
 * Taken with an exclusive create; a lock whose process is gone (`kill -9`, a crash) or that is older than
 * `staleMs` is broken, by renaming it first so that two processes breaking it at once cannot both win.
 */
import { randomBytes } from 'node:crypto';
import { readFile, open, rename, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';

export interface FolderLockOptions {
  /** A lock older than this is taken over even when its process seems alive (pid reuse, another host). */
  staleMs?: number;
  /** How long to wait for a live lock before giving up. */
  timeoutMs?: number;
}

export const DEFAULT_LOCK_OPTIONS = { staleMs: 120_000, timeoutMs: 30_000 };

interface LockOwner {
  pid: number;
  host: string;
}

/** Runs `task` while holding the lock file at `path`; the lock is released however the task ends. */
export async function withFolderLock<T>(
  path: string,
  task: () => Promise<T>,
  opts: FolderLockOptions = {},
): Promise<T> {
  await acquire(path, { ...DEFAULT_LOCK_OPTIONS, ...opts });
  try {
    return await task();
  } finally {
    await unlink(path).catch(() => undefined);
  }
}

async function acquire(path: string, opts: Required<FolderLockOptions>): Promise<void> {
  const deadline = Date.now() + opts.timeoutMs;
  const me: LockOwner = { pid: process.pid, host: hostname() };
  for (;;) {
    try {
      const handle = await open(path, 'wx', 0o600);
      try {
        await handle.writeFile(JSON.stringify(me));
      } finally {
        await handle.close();
      }
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    if (await isStale(path, opts.staleMs)) {
      const aside = `${path}.stale-${randomBytes(4).toString('hex')}`;
      // Only one process can rename the stale file; the others find it gone and try to create again.
      if (
        await rename(path, aside).then(
          () => true,
          () => false,
        )
      )
        await unlink(aside).catch(() => undefined);
      continue;
    }
    if (Date.now() > deadline)
      throw new Error(`The folder is locked by another process (${path}); close the other app window.`);
    await new Promise((r) => setTimeout(r, 10 + Math.random() * 30));
  }
}

async function isStale(path: string, staleMs: number): Promise<boolean> {
  let text: string;
  let ageMs: number;
  try {
    [text, ageMs] = await Promise.all([
      readFile(path, 'utf8'),
      stat(path).then((s) => Date.now() - s.mtimeMs),
    ]);
  } catch {
    return false; // released meanwhile: the next create decides
  }
  if (ageMs > staleMs) return true;
  const owner = parseOwner(text);
  // An empty or half-written lock is being created right now; only age makes it stale.
  if (owner === null || owner.host !== hostname()) return false;
  return !isAlive(owner.pid);
}

function parseOwner(text: string): LockOwner | null {
  try {
    const v = JSON.parse(text) as unknown;
    if (typeof v !== 'object' || v === null) return null;
    const { pid, host } = v as Record<string, unknown>;
    return typeof pid === 'number' && Number.isInteger(pid) && pid > 0 && typeof host === 'string'
      ? { pid, host }
      : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

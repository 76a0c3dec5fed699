/**
 * Local history: every fetched or opened session kept as a bundle in the user-data folder, so it reopens
 * with no network. Bounded in count and bytes, oldest out first. An index file holds the list; a missing,
 * truncated or corrupt entry is skipped and reported, never fatal.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { appError, type Result } from '../../shared/domain/errors';
import type { LoadedSession } from '../../shared/domain/loaded-session';
import { BUNDLE_EXTENSION, BUNDLE_FORMAT, createBundle } from '../../shared/export/bundle';
import { MAX_SESSION_FILE_BYTES, readSessionFile } from '../../shared/export/import';
import { APP_VERSION } from '../../shared/export/app-version';
import type { HistoryEntry, HistorySnapshot } from '../../shared/domain/history';
import { writeFileAtomic } from './atomic-file';

export interface HistoryLimits {
  maxEntries?: number;
  maxBytes?: number;
}

export const DEFAULT_HISTORY_LIMITS = { maxEntries: 50, maxBytes: 500 * 1024 * 1024 };

interface IndexEntry extends HistoryEntry {
  sessionKey: string;
}

const INDEX_FILE = 'index.json';
const ID_PATTERN = /^[0-9]{8}T[0-9]{6}Z-[0-9a-f]{8}$/;
/** The bundle's first bytes, as `createBundle` writes them; a cheap test that an entry is not garbage. */
const BUNDLE_HEAD = `{\n  "format": "${BUNDLE_FORMAT}"`;

export class HistoryStore {
  private readonly maxEntries: number;
  private readonly maxBytes: number;
  /** Every operation runs after the previous one, so concurrent adds never lose index updates. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly dir: string,
    limits: HistoryLimits = {},
  ) {
    this.maxEntries = limits.maxEntries ?? DEFAULT_HISTORY_LIMITS.maxEntries;
    this.maxBytes = limits.maxBytes ?? DEFAULT_HISTORY_LIMITS.maxBytes;
  }

  add(loaded: LoadedSession): Promise<void> {
    return this.serial(() => this.addNow(loaded));
  }

  list(): Promise<HistorySnapshot> {
    return this.serial(async () => {
      const { entries, notices } = await this.loadIndex();
      const kept: IndexEntry[] = [];
      for (const entry of entries) {
        const problem = await this.checkEntry(entry);
        if (problem) notices.push(`History entry "${entry.label}" was skipped: ${problem}.`);
        else kept.push(entry);
      }
      // Newest first, as the user wants to see them.
      return { entries: kept.map(publicEntry).reverse(), notices };
    });
  }

  open(id: string): Promise<Result<LoadedSession>> {
    return this.serial(async (): Promise<Result<LoadedSession>> => {
      const { entries } = await this.loadIndex();
      const entry = ID_PATTERN.test(id) ? entries.find((e) => e.id === id) : undefined;
      if (!entry)
        return {
          ok: false,
          error: appError('not-found', 'This history entry no longer exists.', 'Refresh the history list.'),
        };
      let text: string;
      try {
        text = await readFile(this.entryPath(id), 'utf8');
      } catch {
        return {
          ok: false,
          error: appError(
            'file-io',
            `History entry "${entry.label}" could not be read.`,
            'Fetch the session again.',
          ),
        };
      }
      const read = readSessionFile(text, entry.label);
      if (!read.ok)
        return {
          ok: false,
          error: appError(
            'file-io',
            `History entry "${entry.label}" is damaged.`,
            'Fetch the session again.',
          ),
        };
      return {
        ok: true,
        value: {
          ...read.value,
          key: `history:${id}`,
          source: { ...read.value.source, kind: 'history', fileName: null },
        },
      };
    });
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private entryPath(id: string): string {
    return join(this.dir, `${id}${BUNDLE_EXTENSION}`);
  }

  private async addNow(loaded: LoadedSession): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const text = createBundle(loaded, { appVersion: APP_VERSION, redact: false });
    const bytes = Buffer.byteLength(text);
    // Not kept: a session larger than the whole budget (it would evict everything else and still not fit),
    // or one too large to open again.
    if (bytes > Math.min(this.maxBytes, MAX_SESSION_FILE_BYTES)) return;
    const sessionKey = sessionKeyOf(loaded);
    const now = new Date();
    const id = `${now
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d+Z$/, 'Z')}-${randomBytes(4).toString('hex')}`;
    // The index is read before the new file exists, so a rebuild cannot count the new entry twice.
    const { entries } = await this.loadIndex();
    await writeFileAtomic(this.entryPath(id), text);
    const sessionId = loaded.session.ids.id ?? loaded.session.ids.sessionId;
    const fresh: IndexEntry = {
      id,
      sessionId,
      label: historyLabel(loaded),
      savedAt: now.toISOString(),
      sourceKind: loaded.source.kind,
      bytes,
      sessionKey,
    };
    const next = [...entries.filter((e) => e.sessionKey !== sessionKey), fresh];
    const evicted = entries.filter((e) => e.sessionKey === sessionKey);
    let total = next.reduce((sum, e) => sum + e.bytes, 0);
    while (next.length > this.maxEntries || total > this.maxBytes) {
      const oldest = next.shift();
      if (!oldest) break;
      total -= oldest.bytes;
      evicted.push(oldest);
    }
    await writeFileAtomic(join(this.dir, INDEX_FILE), JSON.stringify(next, null, 2));
    await Promise.all(evicted.map((e) => unlink(this.entryPath(e.id)).catch(() => undefined)));
  }

  /** The index, oldest first. An unreadable index is rebuilt from the bundles in the folder. */
  private async loadIndex(): Promise<{ entries: IndexEntry[]; notices: string[] }> {
    let text: string;
    try {
      text = await readFile(join(this.dir, INDEX_FILE), 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT')
        return { entries: await this.rebuildIndex(), notices: [] };
      throw err;
    }
    try {
      const parsed: unknown = JSON.parse(text);
      if (Array.isArray(parsed)) return { entries: parsed.filter(isIndexEntry), notices: [] };
    } catch {
      // Falls through to the rebuild below.
    }
    return {
      entries: await this.rebuildIndex(),
      notices: ['The history index was damaged and has been rebuilt.'],
    };
  }

  /** Reads every bundle in the folder; used only when the index is missing or damaged. */
  private async rebuildIndex(): Promise<IndexEntry[]> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const entries: IndexEntry[] = [];
    for (const name of names.sort()) {
      const id = name.endsWith(BUNDLE_EXTENSION) ? name.slice(0, -BUNDLE_EXTENSION.length) : '';
      if (!ID_PATTERN.test(id)) continue;
      const text = await readFile(join(this.dir, name), 'utf8').catch(() => '');
      const read = readSessionFile(text, name);
      if (!read.ok) continue;
      const loaded = { ...read.value, key: '' };
      entries.push({
        id,
        sessionId: loaded.session.ids.id ?? loaded.session.ids.sessionId,
        label: historyLabel(loaded),
        savedAt: idToDate(id),
        sourceKind: 'file',
        bytes: Buffer.byteLength(text),
        sessionKey: sessionKeyOf(loaded),
      });
    }
    if (entries.length > 0 || names.length > 0)
      await writeFileAtomic(join(this.dir, INDEX_FILE), JSON.stringify(entries, null, 2)).catch(
        () => undefined,
      );
    return entries;
  }

  /** Why an entry cannot be opened, or null when its file is there, whole and starts like a bundle. */
  private async checkEntry(entry: IndexEntry): Promise<string | null> {
    const path = this.entryPath(entry.id);
    try {
      const info = await stat(path);
      if (info.size !== entry.bytes) return 'its file is truncated or was changed';
      const handle = await open(path, 'r');
      try {
        const head = Buffer.alloc(BUNDLE_HEAD.length);
        await handle.read(head, 0, head.length, 0);
        if (head.toString('utf8') !== BUNDLE_HEAD) return 'its file is not a session bundle';
      } finally {
        await handle.close();
      }
      return null;
    } catch {
      return 'its file is missing';
    }
  }
}

/**
 * Which session an entry is: the same session fetched or opened again replaces its older copy. Servers stamp
 * every response (envelope timestamps, an active session's growing periods), so the session's identity — where
 * it came from and its ids — decides, not the bytes; a session without ids falls back to its raw bodies.
 */
function sessionKeyOf(
  loaded: Pick<LoadedSession, 'rawText' | 'rawLocationText' | 'session' | 'source'>,
): string {
  const { ids } = loaded.session;
  const hash = createHash('sha256');
  if (ids.id !== null || ids.sessionId !== null) {
    hash.update(
      [
        'id',
        loaded.source.profileName ?? '',
        ids.countryCode ?? '',
        ids.partyId ?? '',
        ids.id ?? '',
        ids.sessionId ?? '',
      ].join('\0'),
    );
  } else {
    hash
      .update(loaded.rawText)
      .update('\0')
      .update(loaded.rawLocationText ?? '');
  }
  return hash.digest('hex');
}

function publicEntry(e: IndexEntry): HistoryEntry {
  return {
    id: e.id,
    sessionId: e.sessionId,
    label: e.label,
    savedAt: e.savedAt,
    sourceKind: e.sourceKind,
    bytes: e.bytes,
  };
}

function historyLabel(loaded: LoadedSession): string {
  const id = loaded.session.ids.id ?? loaded.session.ids.sessionId ?? 'session without id';
  const where = loaded.source.profileName ?? loaded.source.fileName;
  return where ? `${id} (${where})` : id;
}

function idToDate(id: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z/.exec(id);
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.000Z` : new Date(0).toISOString();
}

function isIndexEntry(value: unknown): value is IndexEntry {
  if (typeof value !== 'object' || value === null) return false;
  const e = value as Record<string, unknown>;
  return (
    typeof e.id === 'string' &&
    ID_PATTERN.test(e.id) &&
    (typeof e.sessionId === 'string' || e.sessionId === null) &&
    typeof e.label === 'string' &&
    typeof e.savedAt === 'string' &&
    typeof e.sourceKind === 'string' &&
    typeof e.bytes === 'number' &&
    typeof e.sessionKey === 'string'
  );
}

/**
 * Local history: every fetched or opened session kept as a bundle in the user-data folder, so it reopens
 * with no network. Bounded in count and bytes, oldest out first, pinned entries never. An index file holds
 * the list; a missing, truncated or corrupt entry is skipped and reported, never fatal.
 *
 * Several stores may share the folder (two app instances, the CLI): every operation holds a lock file
 * (`folder-lock.ts`) for its read-modify-write of the index. A lock rather than an index rebuilt from the
 * bundles on every change, because the index also holds what the bundles cannot (pins, where a file was
 * opened from) and a rebuild must read every bundle, up to 500 MB. Under the lock nobody else writes in the
 * folder, so temp files found there are a killed process's and are removed on a store's first operation.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { withFolderLock, type FolderLockOptions } from './folder-lock';
import { appError, type Result } from '../../shared/domain/errors';
import type { LoadedSession } from '../../shared/domain/loaded-session';
import { BUNDLE_EXTENSION, BUNDLE_FORMAT, createBundle } from '../../shared/export/bundle';
import { readSessionFile } from '../../shared/export/import';
import { MAX_SESSION_FILE_BYTES } from '../../shared/input/limits';
import { APP_VERSION } from '../../shared/export/app-version';
import type { HistoryEntry, HistorySnapshot } from '../../shared/domain/history';
import { writeFileAtomic } from './atomic-file';

export interface HistoryLimits {
  maxEntries?: number;
  maxBytes?: number;
  lock?: FolderLockOptions;
}

export const DEFAULT_HISTORY_LIMITS = { maxEntries: 50, maxBytes: 500 * 1024 * 1024 };

interface IndexEntry extends HistoryEntry {
  sessionKey: string;
}

const INDEX_FILE = 'index.json';
/** Sessions `update` can find their entry for: well over the registry's (services/sessions/session-registry). */
const HELD_SESSIONS = 64;
const LOCK_FILE = 'index.lock';
/**
 * `<UTC time to the millisecond>Z-<sequence>-<random>`: ids sort in the order entries were saved, also within
 * one millisecond, so an index rebuilt from the file names keeps that order. Entries saved by older versions
 * have second-resolution ids without a sequence.
 */
const ID_PATTERN = /^[0-9]{8}T[0-9]{6}(?:[0-9]{3})?Z-(?:[0-9]{4}-)?[0-9a-f]{8}$/;
/** Temp files `writeFileAtomic` leaves when the process is killed mid-write, and broken locks. */
const LEFTOVER = /^\..*\.tmp$|^index\.lock\.stale-/;
/** The bundle's first bytes, as `createBundle` writes them; a cheap test that an entry is not garbage. */
const BUNDLE_HEAD = `{\n  "format": "${BUNDLE_FORMAT}"`;

export class HistoryStore {
  private readonly maxEntries: number;
  private readonly maxBytes: number;
  private readonly lockOptions: FolderLockOptions;
  /** Every operation runs after the previous one, so concurrent adds never lose index updates. */
  private queue: Promise<unknown> = Promise.resolve();
  private cleaned = false;
  /**
   * Which entry each session the app holds was kept or opened as (by `LoadedSession.key`), and its source
   * as kept, so `update` rewrites that entry when billing is attached later. Bounded: oldest out first.
   */
  private readonly held = new Map<string, { sessionKey: string; source: LoadedSession['source'] }>();

  constructor(
    private readonly dir: string,
    limits: HistoryLimits = {},
  ) {
    this.maxEntries = limits.maxEntries ?? DEFAULT_HISTORY_LIMITS.maxEntries;
    this.maxBytes = limits.maxBytes ?? DEFAULT_HISTORY_LIMITS.maxBytes;
    this.lockOptions = limits.lock ?? {};
  }

  /**
   * Keeps a session. `origin` says where a file was opened from (its path); with the source's profile and
   * the session's ids it decides which older entry is the same session and is replaced.
   */
  add(loaded: LoadedSession, origin?: string): Promise<void> {
    const sessionKey = sessionKeyOf(loaded, origin);
    this.hold(loaded.key, sessionKey, loaded.source);
    return this.serial(() => this.addNow(loaded, sessionKey));
  }

  /**
   * Keeps a held session again (e.g. with billing attached or detached since), in place of the entry it was
   * kept or opened as, with the source it was kept with. Nothing when that entry is gone (deleted, evicted) or
   * the session was never kept: Recent is not refilled behind the user's back.
   */
  update(loaded: LoadedSession): Promise<void> {
    const held = this.held.get(loaded.key);
    if (!held) return Promise.resolve();
    return this.serial(async () => {
      const { entries } = await this.loadIndex();
      if (!entries.some((e) => e.sessionKey === held.sessionKey)) return;
      await this.addNow({ ...loaded, source: held.source }, held.sessionKey);
    });
  }

  private hold(key: string, sessionKey: string, source: LoadedSession['source']): void {
    this.held.delete(key);
    this.held.set(key, { sessionKey, source });
    while (this.held.size > HELD_SESSIONS) this.held.delete(this.held.keys().next().value as string);
  }

  /** Removes an entry and its file. */
  delete(id: string): Promise<Result<HistorySnapshot>> {
    return this.change(id, (entries, entry) => entries.filter((e) => e !== entry), [id]);
  }

  /** Pins an entry (never evicted) or unpins it. */
  pin(id: string, pinned: boolean): Promise<Result<HistorySnapshot>> {
    return this.change(id, (entries, entry) => entries.map((e) => (e === entry ? { ...e, pinned } : e)), []);
  }

  private change(
    id: string,
    edit: (entries: IndexEntry[], entry: IndexEntry) => IndexEntry[],
    unlinkIds: string[],
  ): Promise<Result<HistorySnapshot>> {
    return this.serial(async (): Promise<Result<HistorySnapshot>> => {
      const { entries } = await this.loadIndex();
      const entry = ID_PATTERN.test(id) ? entries.find((e) => e.id === id) : undefined;
      if (!entry) return { ok: false, error: notFound() };
      await this.writeIndex(edit(entries, entry));
      await Promise.all(unlinkIds.map((gone) => unlink(this.entryPath(gone)).catch(() => undefined)));
      return { ok: true, value: await this.snapshot() };
    });
  }

  list(): Promise<HistorySnapshot> {
    return this.serial(() => this.snapshot());
  }

  private async snapshot(): Promise<HistorySnapshot> {
    const { entries, notices } = await this.loadIndex();
    const kept: IndexEntry[] = [];
    for (const entry of entries) {
      const problem = await this.checkEntry(entry);
      if (problem) notices.push(`History entry "${entry.label}" was skipped: ${problem}.`);
      else kept.push(entry);
    }
    // Newest first, as the user wants to see them.
    return { entries: kept.map(publicEntry).reverse(), notices };
  }

  open(id: string): Promise<Result<LoadedSession>> {
    return this.serial(async (): Promise<Result<LoadedSession>> => {
      const { entries } = await this.loadIndex();
      const entry = ID_PATTERN.test(id) ? entries.find((e) => e.id === id) : undefined;
      if (!entry) return { ok: false, error: notFound() };
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
      const key = `history:${id}`;
      // Kept again as it was first kept: a bundle re-read is a file named after its label.
      this.hold(key, entry.sessionKey, {
        ...read.value.source,
        kind: entry.sourceKind,
        fileName: entry.sourceKind === 'file' ? entry.source : null,
      });
      return {
        ok: true,
        value: { ...read.value, key, source: { ...read.value.source, kind: 'history', fileName: null } },
      };
    });
  }

  /** After this store's earlier operations, and holding the folder's lock against other processes. */
  private serial<T>(task: () => Promise<T>): Promise<T> {
    const locked = async (): Promise<T> => {
      await mkdir(this.dir, { recursive: true });
      return withFolderLock(
        join(this.dir, LOCK_FILE),
        async () => {
          if (!this.cleaned) await this.removeLeftovers();
          return task();
        },
        this.lockOptions,
      );
    };
    const run = this.queue.then(locked, locked);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Temp files of a write that was killed: nobody else writes here while the lock is held. */
  private async removeLeftovers(): Promise<void> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    await Promise.all(
      names.filter((n) => LEFTOVER.test(n)).map((n) => unlink(join(this.dir, n)).catch(() => undefined)),
    );
    this.cleaned = true;
  }

  private writeIndex(entries: IndexEntry[]): Promise<void> {
    return writeFileAtomic(join(this.dir, INDEX_FILE), JSON.stringify(entries, null, 2));
  }

  private entryPath(id: string): string {
    return join(this.dir, `${id}${BUNDLE_EXTENSION}`);
  }

  private async addNow(loaded: LoadedSession, sessionKey: string): Promise<void> {
    const text = createBundle(loaded, { appVersion: APP_VERSION, redact: false });
    const bytes = Buffer.byteLength(text);
    // Not kept: a session larger than the whole budget (it would evict everything else and still not fit),
    // or one too large to open again.
    if (bytes > Math.min(this.maxBytes, MAX_SESSION_FILE_BYTES)) return;
    const now = new Date();
    // The index is read before the new file exists, so a rebuild cannot count the new entry twice.
    const { entries } = await this.loadIndex();
    const id = nextId(now, entries.at(-1)?.id);
    await writeFileAtomic(this.entryPath(id), text);
    const replaced = entries.filter((e) => e.sessionKey === sessionKey);
    const fresh: IndexEntry = {
      ...describe(loaded, id, now.toISOString(), bytes, sessionKey),
      // A pinned session fetched again stays pinned.
      pinned: replaced.some((e) => e.pinned),
    };
    const next = [...entries.filter((e) => e.sessionKey !== sessionKey), fresh];
    const evicted = replaced;
    let total = next.reduce((sum, e) => sum + e.bytes, 0);
    // Oldest unpinned first; the entry just saved always stays, pins may keep the folder over its limits.
    for (let i = 0; i < next.length - 1 && (next.length > this.maxEntries || total > this.maxBytes);) {
      if (next[i].pinned) {
        i++;
        continue;
      }
      const [oldest] = next.splice(i, 1);
      total -= oldest.bytes;
      evicted.push(oldest);
    }
    await this.writeIndex(next);
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
      if (Array.isArray(parsed))
        return {
          entries: parsed.map(toIndexEntry).filter((e): e is IndexEntry => e !== null),
          notices: [],
        };
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
      const bytes = Buffer.byteLength(text);
      // Pins and file paths live only in the index; a rebuilt entry has neither.
      entries.push({ ...describe(loaded, id, idToDate(id), bytes, sessionKeyOf(loaded)), pinned: false });
    }
    if (entries.length > 0 || names.some((n) => n !== LOCK_FILE))
      await this.writeIndex(entries).catch(() => undefined);
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

const notFound = () =>
  appError('not-found', 'This history entry no longer exists.', 'Refresh the history list.');

/** An id after `previous` (the newest entry's): the clock's millisecond, or the next sequence number in it. */
function nextId(now: Date, previous: string | undefined): string {
  const stamp = now.toISOString().replace(/[-:.]/g, '');
  const m = previous === undefined ? null : /^([0-9T]+Z)-([0-9]{4})-/.exec(previous);
  const seq = m !== null && m[1] >= stamp ? Number(m[2]) + 1 : 0;
  const at = m !== null && m[1] >= stamp ? m[1] : stamp;
  return `${at}-${String(seq).padStart(4, '0')}-${randomBytes(4).toString('hex')}`;
}

function describe(
  loaded: LoadedSession,
  id: string,
  savedAt: string,
  bytes: number,
  sessionKey: string,
): Omit<IndexEntry, 'pinned'> {
  const { session, source } = loaded;
  return {
    id,
    sessionId: session.ids.id ?? session.ids.sessionId,
    label: historyLabel(loaded),
    savedAt,
    sourceKind: source.kind,
    bytes,
    sessionKey,
    source: source.kind === 'file' ? source.fileName : (source.profileName ?? source.fileName),
    status: session.status,
    kwh: session.kwh,
    startedAt: session.startedAt === null ? null : new Date(session.startedAt).toISOString(),
  };
}

/**
 * Which session an entry is: the same session fetched or opened again replaces its older copy. Servers stamp
 * every response (envelope timestamps, an active session's growing periods), so the session's identity —
 * where it came from (the profile, or the file's path) and its ids — decides, not the bytes; a session
 * without ids falls back to its raw bodies. Three files holding session `101` are three entries.
 */
function sessionKeyOf(
  loaded: Pick<LoadedSession, 'rawText' | 'rawLocationText' | 'session' | 'source'>,
  origin?: string,
): string {
  const { ids } = loaded.session;
  const hash = createHash('sha256');
  const from =
    loaded.source.kind === 'file'
      ? `file:${origin ?? loaded.source.fileName ?? ''}`
      : `profile:${loaded.source.profileName ?? ''}`;
  if (ids.id !== null || ids.sessionId !== null) {
    hash.update(
      ['id', from, ids.countryCode ?? '', ids.partyId ?? '', ids.id ?? '', ids.sessionId ?? ''].join('\0'),
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
  const { sessionKey: _private, ...entry } = e;
  return entry;
}

function historyLabel(loaded: LoadedSession): string {
  const id = loaded.session.ids.id ?? loaded.session.ids.sessionId ?? 'session without id';
  const where = loaded.source.profileName ?? loaded.source.fileName;
  return where ? `${id} (${where})` : id;
}

function idToDate(id: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})?Z/.exec(id);
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7] ?? '000'}Z` : new Date(0).toISOString();
}

const stringOrNull = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** An index entry, or null; fields added since the first version default (an older index stays usable). */
function toIndexEntry(value: unknown): IndexEntry | null {
  if (typeof value !== 'object' || value === null) return null;
  const e = value as Record<string, unknown>;
  if (!(
    typeof e.id === 'string' &&
    ID_PATTERN.test(e.id) &&
    (typeof e.sessionId === 'string' || e.sessionId === null) &&
    typeof e.label === 'string' &&
    typeof e.savedAt === 'string' &&
    typeof e.sourceKind === 'string' &&
    SOURCE_KINDS.has(e.sourceKind) &&
    typeof e.bytes === 'number' &&
    typeof e.sessionKey === 'string'
  ))
    return null;
  return {
    id: e.id,
    sessionId: e.sessionId,
    label: e.label,
    savedAt: e.savedAt,
    sourceKind: e.sourceKind as HistoryEntry['sourceKind'],
    bytes: e.bytes,
    sessionKey: e.sessionKey,
    source: stringOrNull(e.source),
    status: stringOrNull(e.status),
    kwh: typeof e.kwh === 'number' ? e.kwh : null,
    startedAt: stringOrNull(e.startedAt),
    pinned: e.pinned === true,
  };
}

const SOURCE_KINDS = new Set<string>(['fetch', 'file', 'history', 'demo']);

/** What the search view asks of main: start, cancel, export, and open a row in the inspector. */
import { appError, type AppError } from '../../../../shared/domain/errors';
import type { InspectorApi } from '../../../../shared/ipc/contract';
import { getInspector } from '../../bridge';
import { activeProfile, useAppStore } from '../../store/app-store';
import { fetchSession } from '../../store/actions';
import { useSearchStore } from './search-store';
import { rowFetchId, visibleRows } from './search-table';
import type { SearchProgressEvent, SearchRow } from '../../../../shared/domain/search';

const set = useSearchStore.setState;
const get = useSearchStore.getState;

let subscribed: InspectorApi | null = null;

/**
 * Pages can arrive faster than frames: their rows are appended at once, but the view hears of them (and
 * of the progress) in a frame at most every FLUSH_MS, so 400 pages are a few dozen renders, not 800.
 */
const FLUSH_MS = 100;
let pendingProgress: SearchProgressEvent | null = null;
let timer: ReturnType<typeof setTimeout> | null = null;
let frame: number | null = null;
let flushedAt = -Infinity;
function dropPending(): void {
  if (timer !== null) clearTimeout(timer);
  if (frame !== null) cancelAnimationFrame(frame);
  timer = frame = null;
  pendingProgress = null;
}
function flush(): void {
  const progress = pendingProgress;
  dropPending();
  flushedAt = performance.now();
  set({ version: get().version + 1, ...(progress ? { progress } : {}) });
}
function scheduleFlush(): void {
  if (timer !== null || frame !== null) return;
  const inFrame = (): void => {
    timer = null;
    frame = requestAnimationFrame(flush);
  };
  const wait = flushedAt + FLUSH_MS - performance.now();
  if (wait > 0) timer = setTimeout(inFrame, wait);
  else inFrame();
}

/**
 * Main streams a search's first pages before `search:start` has answered with its id: until it has, events
 * are kept here and those of the new search applied once its id is known (the others dropped).
 */
let early: { searchId: string; apply(): void }[] | null = null;

/** Events carry their search id: those of an earlier search are ignored. */
function route(searchId: string, apply: () => void): void {
  const current = get().searchId;
  if (current === searchId) apply();
  else if (current === null && early) early.push({ searchId, apply });
}

function subscribe(bridge: InspectorApi): void {
  if (subscribed === bridge) return;
  subscribed = bridge;
  bridge.on('search:rows', ({ searchId, rows }) =>
    route(searchId, () => {
      const target = get().rows;
      for (const row of rows) target.push(row);
      scheduleFlush();
    }),
  );
  bridge.on('search:progress', (progress) =>
    route(progress.searchId, () => {
      pendingProgress = progress;
      scheduleFlush();
    }),
  );
  bridge.on('search:done', (done) =>
    route(done.searchId, () => {
      flush();
      set({ done, running: false });
    }),
  );
}

const fail = (error: AppError): void => set({ error, running: false });

export const openSearch = (open: boolean): void => set({ open });

/** `datetime-local` text (local time) as epoch ms, or NaN. */
const localMs = (text: string): number => (text === '' ? NaN : new Date(text).getTime());

export async function startSearch(): Promise<void> {
  const bridge = getInspector();
  const profile = activeProfile(useAppStore.getState());
  if (!bridge || !profile)
    return fail(appError('unknown-profile', 'No profile is selected.', 'Pick a profile.'));
  subscribe(bridge);
  const s = get();
  if (s.running && s.searchId) void bridge['search:cancel']({ searchId: s.searchId });
  const from = localMs(s.fromText);
  const to = localMs(s.toText);
  if (!Number.isFinite(from) || !Number.isFinite(to))
    return fail(
      appError('invalid-argument', 'Pick both ends of the last_updated range.', 'Fill in From and To.'),
    );
  dropPending();
  flushedAt = -Infinity; // a new search shows its first page in the next frame
  set({ rows: [], version: 0, progress: null, done: null, error: null, running: true, searchId: null });
  early = [];
  const started = await bridge['search:start']({
    profileId: profile.id,
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    status: s.status === '' ? null : s.status,
    text: s.text,
  });
  const queued = early ?? [];
  early = null;
  if (!started.ok) return fail(started.error);
  const { searchId } = started.value;
  set({ searchId });
  for (const event of queued) if (event.searchId === searchId) event.apply();
}

export async function cancelSearch(): Promise<void> {
  const { searchId } = get();
  const bridge = getInspector();
  if (bridge && searchId) await bridge['search:cancel']({ searchId });
}

/** Exports the rows as the table shows them (order and findings filter). */
export async function exportSearchCsv(): Promise<void> {
  const s = get();
  const bridge = getInspector();
  if (!bridge || !s.searchId) return;
  const keys = visibleRows(s.rows, s.sort, s.onlyWithFindings).map((r) => r.key);
  const saved = await bridge['search:export-csv']({ searchId: s.searchId, keys });
  if (!saved.ok) return fail(saved.error);
  if (saved.value.path)
    useAppStore.setState({ status: `Saved ${keys.length} sessions to ${saved.value.path}.` });
}

/** Opens a listed session in the inspector by the usual fetch (its Location too), around its last_updated. */
export async function openRow(row: SearchRow): Promise<void> {
  set({ open: false });
  useAppStore.setState({ sessionInput: rowFetchId(row) });
  await fetchSession(rowFetchId(row), row.lastUpdated ?? undefined);
}

/** What the search view asks of main: start, cancel, export, and open a row in the inspector. */
import { appError, type AppError } from '../../../../shared/domain/errors';
import type { InspectorApi } from '../../../../shared/ipc/contract';
import { getInspector } from '../../bridge';
import { activeProfile, useAppStore } from '../../store/app-store';
import { fetchSession } from '../../store/actions';
import { useSearchStore } from './search-store';
import { rowFetchId, visibleRows } from './search-table';
import type { SearchRow } from '../../../../shared/domain/search';

const set = useSearchStore.setState;
const get = useSearchStore.getState;

let subscribed: InspectorApi | null = null;

/** Events carry their search id: those of an earlier search are ignored. */
function subscribe(bridge: InspectorApi): void {
  if (subscribed === bridge) return;
  subscribed = bridge;
  bridge.on('search:rows', ({ searchId, rows }) => {
    const s = get();
    if (s.searchId !== searchId) return;
    for (const row of rows) s.rows.push(row);
    set({ version: s.version + 1 });
  });
  bridge.on('search:progress', (progress) => {
    if (get().searchId === progress.searchId) set({ progress });
  });
  bridge.on('search:done', (done) => {
    if (get().searchId === done.searchId) set({ done, running: false });
  });
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
  set({ rows: [], version: 0, progress: null, done: null, error: null, running: true, searchId: null });
  const started = await bridge['search:start']({
    profileId: profile.id,
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    status: s.status === '' ? null : s.status,
    text: s.text,
  });
  if (!started.ok) return fail(started.error);
  set({ searchId: started.value.searchId });
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

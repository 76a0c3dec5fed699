/** Everything the UI asks of main, through `window.inspector`; results land in the store. */
import { appError } from '../../../shared/domain/errors';
import type { AppError, Result } from '../../../shared/domain/errors';
import type { LoadedSession } from '../../../shared/domain/loaded-session';
import { MAX_SESSION_FILE_BYTES, tooLargeError } from '../../../shared/input/limits';
import { decodeText } from '../../../shared/input/text';
import type { ProfileInput } from '../../../shared/domain/profile';
import type { ExportFormat } from '../../../shared/domain/export';
import type { Settings } from '../../../shared/domain/settings';
import type { InspectorApi } from '../../../shared/ipc/contract';
import { triageMarkdown } from '../../../shared/export/triage-markdown';
import { getInspector } from '../bridge';
import { activeProfile, useAppStore } from './app-store';
import { findCdr, findCdrAfterFetch } from './find-cdr';
import type { Dialog, PanelTab } from './app-store';

const set = useAppStore.setState;
const get = useAppStore.getState;

function api(): InspectorApi | null {
  const bridge = getInspector();
  if (!bridge) set({ bridgeMissing: true });
  return bridge;
}

/** Unwraps a Result; a failure becomes the shown error and yields null. */
async function call<T>(run: (bridge: InspectorApi) => Promise<Result<T>>): Promise<T | null> {
  const bridge = api();
  if (!bridge) return null;
  let result: Result<T>;
  try {
    result = await run(bridge);
  } catch (cause) {
    result = {
      ok: false,
      error: appError('internal', `The app's bridge failed: ${String(cause)}`, 'Restart the app.'),
    };
  }
  if (result.ok) return result.value;
  set({ error: result.error });
  return null;
}

let unsubscribeEvents: (() => void) | null = null;

/** Loads profiles, settings, token states and history; subscribes to fetch progress. */
export async function initialize(): Promise<void> {
  const bridge = api();
  if (!bridge) return;
  unsubscribeEvents?.();
  const unsubscribeProgress = bridge.on('session:progress', (p) => {
    const fetching = get().fetching;
    if (fetching && fetching.requestId === p.requestId)
      set({ fetching: { ...fetching, bytes: p.bytes, phase: p.phase } });
  });
  const unsubscribeNotice = bridge.on('history:notice', ({ message }) => set({ status: message }));
  unsubscribeEvents = () => {
    unsubscribeProgress();
    unsubscribeNotice();
  };
  const edits = settingsEdits;
  await Promise.all([
    // Applied as soon as read, not after the token states: the active profile must be there before a Fetch.
    // A choice made while the window was still loading (a profile picked at once) is newer than this answer.
    call((b) => b['settings:get']()).then((settings) => {
      if (settings && settingsEdits === edits) set({ settings });
    }),
    refreshProfiles(),
    refreshHistory(),
  ]);
  await restoreAfterReload(bridge);
}

export async function refreshProfiles(): Promise<void> {
  const snapshot = await call((b) => b['profiles:list']());
  if (!snapshot) return;
  set({ profiles: snapshot.profiles, notices: snapshot.notices });
  // The Demo profile has no token to ask about.
  await Promise.all(snapshot.profiles.filter((p) => !p.demo).map((p) => refreshToken(p.id)));
}

export async function refreshToken(profileId: string): Promise<void> {
  const state = await call((b) => b['token:state']({ profileId }));
  if (state) set({ tokenStates: { ...get().tokenStates, [profileId]: state } });
}

export async function refreshHistory(): Promise<void> {
  const snapshot = await call((b) => b['history:list']());
  if (snapshot) set({ history: snapshot.entries, historyNotices: snapshot.notices });
}

/** Where the session shown survives a reload of the window (per window, gone when it closes). */
const RESTORE_KEY = 'session-inspector:restore-session';

/** Counts settings changes made in this window, so a slower startup read never undoes one. */
let settingsEdits = 0;

export async function updateSettings(patch: Partial<Settings>): Promise<void> {
  settingsEdits++;
  const before = get().settings.tileUrl;
  // Show the choice at once; main's answer (the stored settings) then wins.
  set({ settings: { ...get().settings, ...patch } });
  const settings = await call((b) => b['settings:update'](patch));
  if (!settings) return;
  set({ settings });
  if (settings.tileUrl !== before) {
    // The window's Content-Security-Policy names the tile host and is fixed per page load: reload so the
    // new host's tiles are allowed, and show the same session again afterwards.
    const key = get().loaded?.key;
    if (key) sessionStorage.setItem(RESTORE_KEY, key);
    window.location.reload();
  }
}

/** After a reload, shows again the session that was on screen, if main still holds it. */
async function restoreAfterReload(bridge: InspectorApi): Promise<void> {
  const key = sessionStorage.getItem(RESTORE_KEY);
  if (!key) return;
  sessionStorage.removeItem(RESTORE_KEY);
  const result = await bridge['session:get']({ key });
  if (result.ok) set({ loaded: result.value, activeTab: 'map' });
}

export async function saveProfile(input: ProfileInput): Promise<boolean> {
  const profile = await call((b) => b['profiles:save'](input));
  if (!profile) return false;
  await refreshProfiles();
  if (!get().settings.activeProfileId) await updateSettings({ activeProfileId: profile.id });
  return true;
}

export async function deleteProfile(id: string): Promise<void> {
  const snapshot = await call((b) => b['profiles:delete']({ id }));
  if (!snapshot) return;
  set({ profiles: snapshot.profiles, notices: snapshot.notices });
  if (get().settings.activeProfileId === id)
    await updateSettings({ activeProfileId: snapshot.profiles[0]?.id ?? null });
}

/** The token goes straight to main; nothing here keeps it. */
export async function setToken(profileId: string, token: string, memoryOnly: boolean): Promise<boolean> {
  const state = await call((b) => b['token:set']({ profileId, token, memoryOnly }));
  if (!state) return false;
  set({ tokenStates: { ...get().tokenStates, [profileId]: state }, status: tokenSavedMessage(state.status) });
  return true;
}

function tokenSavedMessage(status: string): string {
  return status === 'memory' ? 'Token kept for this run only.' : 'Token saved in the system keychain.';
}

export async function clearToken(profileId: string): Promise<void> {
  const state = await call((b) => b['token:clear']({ profileId }));
  if (state) set({ tokenStates: { ...get().tokenStates, [profileId]: state }, status: 'Token cleared.' });
}

function showLoaded(loaded: LoadedSession): void {
  // A new session resets the view: timeline first, no stale zoom request.
  // A CDR opened alone opens on its Billing view.
  const activeTab = loaded.subject === 'cdr' ? 'billing' : 'timeline';
  set({ loaded, asSent: null, error: null, activeTab, timelineFocus: null });
  void refreshHistory();
}

/** `around`: an OCPI Sender search starts around this time (epoch ms): the top bar's hint or a search row's. */
export async function fetchSession(sessionId: string, around?: number): Promise<void> {
  const profile = activeProfile(get());
  if (!profile) {
    set({ error: appError('unknown-profile', 'No profile is selected.', 'Add a profile in Settings.') });
    return;
  }
  if (!sessionId) {
    set({
      error: appError(
        'invalid-session-id',
        'Enter a session id or paste a session URL.',
        'Then press Enter.',
      ),
    });
    return;
  }
  const requestId = crypto.randomUUID();
  set({
    fetching: { requestId, sessionId, startedAt: Date.now(), bytes: 0, phase: 'session' },
    error: null,
    status: null,
    lastFetchId: sessionId,
  });
  const result = await callRaw((b) =>
    b['session:fetch']({
      requestId,
      profileId: profile.id,
      sessionId,
      ...(around !== undefined ? { around } : {}),
    }),
  );
  // A later fetch (or a cancel) owns the UI now.
  if (get().fetching?.requestId !== requestId) return;
  set({ fetching: null });
  if (result.ok) {
    showLoaded(result.value);
    // Main keeps what the search attached in Recent: the list then names the entry anew.
    void findCdrAfterFetch(result.value).then(async (changed) => {
      if (changed) await refreshHistory();
    });
  } else if (result.error.kind === 'cancelled') set({ status: 'Fetch cancelled.' });
  else set({ error: result.error });
}

/** Fetches one of the bundled demo sessions on the Demo profile, as if typed in the session field. */
export async function fetchDemoSession(id: string): Promise<void> {
  const demo = get().profiles.find((p) => p.demo);
  if (!demo) return;
  set({ sessionInput: id });
  if (activeProfile(get())?.id !== demo.id) await updateSettings({ activeProfileId: demo.id });
  await fetchSession(id);
}

/**
 * Shows the periods' volumes as sent, or back as read (Wh ÷ 1000). The raw text is re-read here with the
 * same reader main used (loaded on demand, so it stays out of the first bundle).
 */
export async function showVolumesAsSent(on: boolean): Promise<void> {
  const loaded = get().loaded;
  if (!on || !loaded) {
    set({ asSent: null });
    return;
  }
  const { readSession } = await import('../../../shared/session/read-session');
  const location = loaded.rawLocationText === null ? undefined : safeJson(loaded.rawLocationText);
  const read = readSession(loaded.rawText, { location, volumes: 'as-sent' });
  // A later session owns the view now.
  if (get().loaded !== loaded) return;
  if (read.ok) set({ asSent: read.session });
  else set({ status: `Could not re-read the volumes as sent: ${read.error.message}` });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export const setSessionInput = (sessionInput: string): void => set({ sessionInput });

/** Fetches the last session id again, with the profile now active. */
export async function retryFetch(): Promise<void> {
  const id = get().lastFetchId;
  if (id && !get().fetching) await fetchSession(id);
}

async function callRaw<T>(run: (bridge: InspectorApi) => Promise<Result<T>>): Promise<Result<T>> {
  const bridge = api();
  if (!bridge)
    return { ok: false, error: appError('internal', 'The app bridge is missing.', 'Restart the app.') };
  try {
    return await run(bridge);
  } catch (cause) {
    return {
      ok: false,
      error: appError('internal', `The app's bridge failed: ${String(cause)}`, 'Restart the app.'),
    };
  }
}

export async function cancelFetch(): Promise<void> {
  const fetching = get().fetching;
  if (!fetching) return;
  set({ fetching: null, status: 'Fetch cancelled.' });
  await callRaw((b) => b['session:cancel']({ requestId: fetching.requestId }));
}

export async function openFileDialog(): Promise<void> {
  const loaded = await call((b) => b['session:open-dialog']());
  if (loaded) showLoaded(loaded);
}

/** A file the OS handed the app (file association, second launch, macOS open-file): main reads it. */
export async function openPath(path: string): Promise<void> {
  const loaded = await call((b) => b['session:open-path']({ path }));
  if (loaded) showLoaded(loaded);
}

export async function openHistory(id: string): Promise<void> {
  const loaded = await call((b) => b['history:open']({ id }));
  if (loaded) showLoaded(loaded);
}

/** Removes a Recent entry; the list shown is main's answer. */
export async function deleteHistoryEntry(id: string): Promise<void> {
  const snapshot = await call((b) => b['history:delete']({ id }));
  if (snapshot) set({ history: snapshot.entries, historyNotices: snapshot.notices });
}

/** Pins a Recent entry (never evicted) or unpins it. */
export async function pinHistoryEntry(id: string, pinned: boolean): Promise<void> {
  const snapshot = await call((b) => b['history:pin']({ id, pinned }));
  if (snapshot) set({ history: snapshot.entries, historyNotices: snapshot.notices });
}

/** The cap and message of Open, the CLI and history (shared/input/limits): refused before reading. */
export const MAX_DROP_BYTES = MAX_SESSION_FILE_BYTES;

export function dropTooLarge(file: { name: string; size: number }): AppError | null {
  return file.size <= MAX_DROP_BYTES ? null : tooLargeError(file.size, file.name);
}

export async function openDroppedFile(file: File): Promise<void> {
  const tooLarge = dropTooLarge(file);
  if (tooLarge) {
    set({ error: tooLarge });
    return;
  }
  // A file on disk is read by main from its path, by Open's rules; its contents never cross IPC.
  const path = api()?.pathForFile(file) ?? '';
  if (path) return openDroppedPath(path, file.name);
  // No path (a file the page made): its bytes, decoded by the one text rule.
  const text = decodeText(new Uint8Array(await file.arrayBuffer()));
  // A CDR or tariff dropped while a session is shown attaches to it; anything else opens.
  const key = get().loaded?.key;
  if (key) {
    const attached = await callRaw((b) => b['billing:attach-text']({ key, fileName: file.name, text }));
    if (!attached.ok) return set({ error: attached.error });
    if (attached.value) return showBilling(attached.value, `${file.name} attached.`);
  }
  const loaded = await call((b) => b['session:open-text']({ fileName: file.name, text }));
  if (loaded) showLoaded(loaded);
}

async function openDroppedPath(path: string, fileName: string): Promise<void> {
  // A CDR or tariff dropped while a session is shown attaches to it; anything else opens.
  const key = get().loaded?.key;
  if (key) {
    const attached = await callRaw((b) => b['billing:attach-path']({ key, path }));
    if (!attached.ok) return set({ error: attached.error });
    if (attached.value) return showBilling(attached.value, `${fileName} attached.`);
  }
  await openPath(path);
}

/** The same session with its billing changed: the view stays, the Billing tab shows. */
function showBilling(loaded: LoadedSession, status: string): void {
  set({ loaded, asSent: null, error: null, activeTab: 'billing', status });
  // Main keeps the session in Recent again with its billing: the list then names the entry anew.
  void refreshHistory();
}

/** Finds the shown session's CDR on its OCPI profile (Billing tab), then shows Recent as main now keeps it. */
export async function findCdrNow(): Promise<void> {
  if (await findCdr()) await refreshHistory();
}

/** Attaches a CDR or tariff file (open dialog) to the shown session. */
export async function attachBillingFile(): Promise<void> {
  const key = get().loaded?.key;
  if (!key) return set({ status: 'Load a session first.' });
  const loaded = await call((b) => b['billing:attach-file']({ key }));
  if (loaded) showBilling(loaded, 'Attached.');
}

export async function detachBilling(): Promise<void> {
  const key = get().loaded?.key;
  if (!key) return;
  const loaded = await call((b) => b['billing:detach']({ key }));
  if (loaded) showBilling(loaded, 'CDR and tariffs detached.');
}

export type ExportChoice =
  { kind: 'session'; format: ExportFormat; redact: boolean } | { kind: 'png'; png: Uint8Array };

export async function exportSession(choice: ExportChoice): Promise<void> {
  const key = get().loaded?.key;
  set({ exportMenuOpen: false });
  if (!key) {
    set({ status: 'Load a session first.' });
    return;
  }
  const saved =
    choice.kind === 'png'
      ? await call((b) => b['export:png']({ key, png: choice.png }))
      : await call((b) => b['export:session']({ key, format: choice.format, redact: choice.redact }));
  if (saved)
    set({
      status: saved.path
        ? `Saved ${saved.bytes.toLocaleString('en')} bytes to ${saved.path}`
        : 'Export cancelled.',
    });
}

export async function copyTriageSummary(): Promise<void> {
  const loaded = get().loaded;
  if (!loaded) {
    set({ status: 'Load a session first.' });
    return;
  }
  try {
    await navigator.clipboard.writeText(triageMarkdown(loaded));
    set({ status: 'Triage summary copied to the clipboard.' });
  } catch (cause) {
    set({
      error: appError(
        'internal',
        `Could not write to the clipboard: ${String(cause)}`,
        'Focus the window and try again.',
      ),
    });
  }
}

export async function copyText(text: string, what: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    set({ status: `${what} copied.` });
  } catch {
    set({ status: `Could not copy ${what}.` });
  }
}

export const selectTab = (activeTab: PanelTab): void => set({ activeTab });
export const openDialog = (dialog: Dialog | null): void => set({ dialog });
export const dismissError = (): void => set({ error: null });
export const dismissStatus = (): void => set({ status: null });
export const setExportMenuOpen = (exportMenuOpen: boolean): void => set({ exportMenuOpen });

/** Shows a check's periods on the timeline. */
export function focusPeriods(from: number, to: number): void {
  set({ activeTab: 'timeline', timelineFocus: { from, to, nonce: (get().timelineFocus?.nonce ?? 0) + 1 } });
}

export async function selectProfile(profileId: string): Promise<void> {
  await updateSettings({ activeProfileId: profileId });
}

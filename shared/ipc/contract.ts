/**
 * The one IPC contract between main and renderer: channel → argument → result.
 * Main answers each channel through its table in electron/main/ipc/handlers (typed from `IpcChannels`, so
 * a missing or mistyped handler does not compile); the preload builds the renderer's domain API from
 * `IPC_CHANNELS`. Every result is a `Result<T>` of plain data; the types it carries live in shared/domain.
 */
import type { AppCommand } from '../domain/shortcuts';
import type { Result } from '../domain/errors';
import type { ExportFormat, SavedFile } from '../domain/export';
import type { HistorySnapshot } from '../domain/history';
import type { FetchProgress, LoadedSession } from '../domain/loaded-session';
import type { Profile, ProfileSave, ProfilesSnapshot, TokenState } from '../domain/profile';
import type { FollowUpdate } from '../domain/follow';
import type { FindCdrProgress } from '../billing/cdr-search';
import type { ConnectionTestResult } from '../domain/ocpi-connection-report';
import type { SearchDoneEvent, SearchFilters, SearchProgressEvent, SearchRowsEvent } from '../domain/search';
import type { Settings } from '../domain/settings';

/** Request/response channels. */
export interface IpcChannels {
  'profiles:list': { args: void; result: ProfilesSnapshot };
  'profiles:save': { args: ProfileSave; result: Profile };
  'profiles:delete': { args: { id: string }; result: ProfilesSnapshot };
  'token:state': { args: { profileId: string }; result: TokenState };
  'token:set': { args: { profileId: string; token: string; memoryOnly: boolean }; result: TokenState };
  'token:clear': { args: { profileId: string }; result: TokenState };
  'session:fetch': {
    /** `around`: an OCPI Sender search starts around this time (epoch ms). */
    args: { requestId: string; profileId: string; sessionId: string; around?: number };
    result: LoadedSession;
  };
  'session:cancel': { args: { requestId: string }; result: boolean };
  /** A session main still holds (e.g. to show it again after the window reloads). */
  'session:get': { args: { key: string }; result: LoadedSession };
  /** Opens the native dialog; resolves null when cancelled. */
  'session:open-dialog': { args: void; result: LoadedSession | null };
  /** A dropped file's content, read by the renderer. */
  'session:open-text': { args: { fileName: string; text: string }; result: LoadedSession };
  /** A file the OS handed the app (file association, second launch, macOS open-file), read by main. */
  'session:open-path': { args: { path: string }; result: LoadedSession };
  'history:list': { args: void; result: HistorySnapshot };
  'history:open': { args: { id: string }; result: LoadedSession };
  'history:delete': { args: { id: string }; result: HistorySnapshot };
  /** Pinned entries are never evicted. */
  'history:pin': { args: { id: string; pinned: boolean }; result: HistorySnapshot };
  'export:session': { args: { key: string; format: ExportFormat; redact: boolean }; result: SavedFile };
  'export:png': { args: { key: string; png: Uint8Array }; result: SavedFile };
  'settings:get': { args: void; result: Settings };
  'settings:update': { args: Partial<Settings>; result: Settings };
  'shell:open-external': { args: { url: string }; result: boolean };
  /** Attaches a CDR or tariff file chosen in the open dialog to a held session; null when cancelled. */
  'billing:attach-file': { args: { key: string }; result: LoadedSession | null };
  /** Attaches a dropped file; null when it is neither a CDR nor a tariff (the caller opens it instead). */
  'billing:attach-text': {
    args: { key: string; fileName: string; text: string };
    result: LoadedSession | null;
  };
  /** A dropped file, by its path (main reads it): attached when it is a CDR or tariff, else null. */
  'billing:attach-path': { args: { key: string; path: string }; result: LoadedSession | null };
  /** Removes the session's CDR and tariffs. */
  'billing:detach': { args: { key: string }; result: LoadedSession };
  /** OCPI: discovery plus one limit=1 list call, step by step; what discovery found is kept on the profile. */
  'profiles:test-connection': { args: { profileId: string }; result: ConnectionTestResult };
  /** OCPI: discovery again, its endpoints kept on the profile. */
  'profiles:refresh-endpoints': { args: { profileId: string }; result: Profile };
  /** Starts a Sender search; rows, progress and the end come as `search:*` events with the id returned. */
  'search:start': { args: SearchFilters; result: { searchId: string } };
  'search:cancel': { args: { searchId: string }; result: boolean };
  /** The rows of a search, in the order given by their keys (what the table shows), as CSV. */
  'search:export-csv': { args: { searchId: string; keys: string[] }; result: SavedFile };
  /** One tick of live follow for a held session (the renderer's timer calls it every N seconds). */
  'session:follow': { args: { key: string; profileId: string }; result: FollowUpdate };
  /**
   * Finds a held session's CDR (and the tariffs it needs) through the profile's discovered CDRs and Tariffs
   * endpoints, with `billing:progress` events; answers the session with what was found attached.
   */
  'billing:find-cdr': { args: { requestId: string; key: string; profileId: string }; result: LoadedSession };
  'billing:cancel-find': { args: { requestId: string }; result: boolean };
}

export type IpcChannel = keyof IpcChannels;
export type IpcArgs<C extends IpcChannel> = IpcChannels[C]['args'];
export type IpcResult<C extends IpcChannel> = Result<IpcChannels[C]['result']>;

/** Every request channel, so main and preload can iterate the same list. */
export const IPC_CHANNELS = [
  'profiles:list',
  'profiles:save',
  'profiles:delete',
  'token:state',
  'token:set',
  'token:clear',
  'session:fetch',
  'session:cancel',
  'session:get',
  'session:open-dialog',
  'session:open-text',
  'session:open-path',
  'history:list',
  'history:open',
  'history:delete',
  'history:pin',
  'export:session',
  'export:png',
  'settings:get',
  'settings:update',
  'shell:open-external',
  'billing:attach-file',
  'billing:attach-text',
  'billing:attach-path',
  'billing:detach',
  'profiles:test-connection',
  'profiles:refresh-endpoints',
  'search:start',
  'search:cancel',
  'search:export-csv',
  'session:follow',
  'billing:find-cdr',
  'billing:cancel-find',
] as const satisfies readonly IpcChannel[];

/** Events main pushes to the renderer. */
export interface IpcEvents {
  'session:progress': FetchProgress;
  /** A fetched session could not be kept in history (written after the fetch answered). */
  'history:notice': { message: string };
  'search:rows': SearchRowsEvent;
  'search:progress': SearchProgressEvent;
  'search:done': SearchDoneEvent;
  /** A native menu item was chosen: the renderer runs it as it runs the same shortcut. */
  'app:command': { command: AppCommand };
  /** The OS asked the running app to open a file (see session:open-path). */
  'app:open-path': { path: string };
  /** File → Open Recent in the native menu. */
  'app:open-history': { id: string };
  'billing:progress': FindCdrProgress;
}
export type IpcEvent = keyof IpcEvents;
export const IPC_EVENTS = [
  'session:progress',
  'history:notice',
  'search:rows',
  'search:progress',
  'search:done',
  'app:command',
  'app:open-path',
  'app:open-history',
  'billing:progress',
] as const satisfies readonly IpcEvent[];

/** The domain API the preload exposes as `window.inspector` (and the browser harness mirrors). */
export type InspectorApi = {
  [C in IpcChannel]: IpcArgs<C> extends void
    ? () => Promise<IpcResult<C>>
    : (args: IpcArgs<C>) => Promise<IpcResult<C>>;
} & {
  on<E extends IpcEvent>(event: E, listener: (payload: IpcEvents[E]) => void): () => void;
  /**
   * The path of a dropped file (Electron's webUtils.getPathForFile), so main reads it by the same path and
   * limits as Open instead of the renderer sending its contents; '' for a file that is not on disk.
   */
  pathForFile(file: File): string;
};

/** Name of the global the preload defines. */
export const BRIDGE_GLOBAL = 'inspector';

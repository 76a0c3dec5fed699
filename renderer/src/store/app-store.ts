/**
 * The one renderer store. The loaded session is held by reference and never copied: its PeriodTable
 * columns (Float64Arrays, up to 200,000 rows) are read in place by the timeline and the table.
 */
import { create } from 'zustand';
import type { AppError } from '../../../shared/domain/errors';
import type { CdrSearchProgress } from '../../../shared/billing/cdr-search';
import type { LoadedSession } from '../../../shared/domain/loaded-session';
import type { NormalizedSession } from '../../../shared/session/types';
import type { Profile, TokenState } from '../../../shared/domain/profile';
import type { HistoryEntry } from '../../../shared/domain/history';
import { DEFAULT_TILE_URL, type Settings } from '../../../shared/domain/settings';
import { FOLLOW_SECONDS, STALE_MINUTES } from '../../../shared/domain/settings-follow';

export type PanelTab = 'timeline' | 'map' | 'evse' | 'billing' | 'raw';

export interface FetchState {
  requestId: string;
  sessionId: string;
  startedAt: number;
  bytes: number;
  phase: 'session' | 'location';
}

/** A CDR search running for the shown session (Billing tab), with what it has done so far. */
export interface FindCdrState {
  requestId: string;
  key: string;
  profileName: string;
  progress: CdrSearchProgress | null;
}

export type Dialog = { kind: 'settings' } | { kind: 'token'; profileId: string; memoryOnly: boolean };

/** A request to show period indices `from`..`to` (inclusive) on the timeline; `nonce` makes repeats count. */
export interface TimelineFocus {
  from: number;
  to: number;
  nonce: number;
}

export interface AppState {
  bridgeMissing: boolean;
  profiles: Profile[];
  notices: string[];
  tokenStates: Record<string, TokenState>;
  settings: Settings;
  fetching: FetchState | null;
  findingCdr: FindCdrState | null;
  loaded: LoadedSession | null;
  error: AppError | null;
  /**
   * The loaded session re-read with its volumes as sent, while the user asks to see them so (the reader
   * reads volumes that look like Wh as Wh by default). Its checks and warnings stay the loaded ones.
   */
  asSent: NormalizedSession | null;
  /** What the session field holds. */
  sessionInput: string;
  /** The session id of the last fetch, so a failed one can be tried again. */
  lastFetchId: string | null;
  /** A short confirmation, e.g. "Saved to …". */
  status: string | null;
  history: HistoryEntry[];
  /** Corrupt history entries main skipped. */
  historyNotices: string[];
  activeTab: PanelTab;
  timelineFocus: TimelineFocus | null;
  dialog: Dialog | null;
  exportMenuOpen: boolean;
}

export const initialState: AppState = {
  bridgeMissing: false,
  profiles: [],
  notices: [],
  tokenStates: {},
  settings: {
    tileUrl: DEFAULT_TILE_URL,
    timeZone: 'site',
    activeProfileId: null,
    followSeconds: FOLLOW_SECONDS.default,
    staleMinutes: STALE_MINUTES.default,
  },
  fetching: null,
  findingCdr: null,
  loaded: null,
  error: null,
  lastFetchId: null,
  sessionInput: '',
  asSent: null,
  status: null,
  history: [],
  historyNotices: [],
  activeTab: 'timeline',
  timelineFocus: null,
  dialog: null,
  exportMenuOpen: false,
};

export const useAppStore = create<AppState>()(() => ({ ...initialState }));

export const activeProfile = (s: AppState): Profile | null =>
  s.profiles.find((p) => p.id === s.settings.activeProfileId) ?? s.profiles[0] ?? null;

/** What the local history (Recent) lists: entries, not the sessions themselves. */
import type { LoadedSession } from './loaded-session';

export interface HistoryEntry {
  id: string;
  sessionId: string | null;
  label: string;
  savedAt: string;
  sourceKind: LoadedSession['source']['kind'];
  bytes: number;
}

export interface HistorySnapshot {
  entries: HistoryEntry[];
  /** Corrupt entries that were skipped. */
  notices: string[];
}

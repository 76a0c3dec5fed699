/** What the local history (Recent) lists: entries, not the sessions themselves. */
import type { LoadedSession } from './loaded-session';

export interface HistoryEntry {
  id: string;
  sessionId: string | null;
  label: string;
  savedAt: string;
  sourceKind: LoadedSession['source']['kind'];
  bytes: number;
  /** Where it came from, as shown: the profile name or the file name. */
  source: string | null;
  status: string | null;
  kwh: number | null;
  /** The session's start, ISO-8601 UTC. */
  startedAt: string | null;
  /** Pinned entries are never evicted. */
  pinned: boolean;
}

export interface HistorySnapshot {
  entries: HistoryEntry[];
  /** Corrupt entries that were skipped. */
  notices: string[];
}

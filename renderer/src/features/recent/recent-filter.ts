/** Which Recent entries show, in which order: pinned first, then newest first, narrowed by a search. */
import type { HistoryEntry } from '../../../../shared/domain/history';

/** Every word of the query must appear in the entry's label, id, source, status or kind (any case). */
export function visibleRecent(entries: readonly HistoryEntry[], query: string): HistoryEntry[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const matches = (e: HistoryEntry): boolean => {
    const text = [e.label, e.sessionId, e.source, e.status, e.sourceKind]
      .filter((v): v is string => typeof v === 'string')
      .join('\n')
      .toLowerCase();
    return words.every((w) => text.includes(w));
  };
  const shown = entries.filter(matches);
  // Main lists newest first; a stable sort keeps that order within each group.
  return [...shown.filter((e) => e.pinned), ...shown.filter((e) => !e.pinned)];
}

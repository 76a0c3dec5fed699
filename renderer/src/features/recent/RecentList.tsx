import type { HistoryEntry } from '../../../../shared/domain/history';
import { useAppStore } from '../../store/app-store';
import { openHistory } from '../../store/actions';
import { formatBytes } from '../../format/format';
import './recent.css';

export function RecentEntryLabel({ entry }: { entry: HistoryEntry }) {
  return (
    <span className="recent-entry">
      <span className="recent-entry__label">{entry.label}</span>
      <span className="recent-entry__meta">
        {entry.sourceKind} · {entry.savedAt.replace('T', ' ').slice(0, 16)} · {formatBytes(entry.bytes)}
      </span>
    </span>
  );
}

/** The recent sessions on the start screen. */
export function RecentList() {
  const entries = useAppStore((s) => s.history);
  const notices = useAppStore((s) => s.historyNotices);
  return (
    <section className="recent" aria-labelledby="recent-heading" data-testid="recent-list">
      <h2 id="recent-heading">Recent sessions</h2>
      {notices.map((n, i) => (
        <p key={i} className="note">
          {n}
        </p>
      ))}
      {entries.length === 0 ? (
        <p className="muted">Sessions you fetch or open appear here.</p>
      ) : (
        <ul>
          {entries.map((e) => (
            <li key={e.id}>
              <button type="button" className="recent__open" onClick={() => void openHistory(e.id)}>
                <RecentEntryLabel entry={e} />
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

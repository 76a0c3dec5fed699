import { useId, useState } from 'react';
import type { HistoryEntry } from '../../../../shared/domain/history';
import { useAppStore } from '../../store/app-store';
import { deleteHistoryEntry, openHistory, pinHistoryEntry } from '../../store/actions';
import { formatNumber, formatTime } from '../../format/format';
import { visibleRecent } from './recent-filter';
import './recent.css';

/** Status, energy, when the session started (or was saved) and where it came from. */
export function recentMeta(entry: HistoryEntry): string {
  const started = entry.startedAt === null ? Number.NaN : Date.parse(entry.startedAt);
  const when = Number.isFinite(started)
    ? `started ${formatTime(started, 'UTC')} UTC`
    : `saved ${formatTime(Date.parse(entry.savedAt), 'UTC')} UTC`;
  return [
    entry.status ?? 'no status',
    entry.kwh === null ? '— kWh' : `${formatNumber(entry.kwh)} kWh`,
    when,
    entry.source ?? entry.sourceKind,
  ].join(' · ');
}

export function RecentEntryLabel({ entry }: { entry: HistoryEntry }) {
  return (
    <span className="recent-entry">
      <span className="recent-entry__label">
        {entry.pinned && (
          <span className="recent-entry__pin" aria-label="pinned" title="Pinned: never removed">
            📌{' '}
          </span>
        )}
        {entry.label}
      </span>
      <span className="recent-entry__meta">{recentMeta(entry)}</span>
    </span>
  );
}

/** Pin and delete for one entry. */
export function RecentEntryActions({ entry }: { entry: HistoryEntry }) {
  return (
    <span className="recent-actions">
      <button
        type="button"
        className="recent-actions__button"
        aria-pressed={entry.pinned}
        aria-label={`${entry.pinned ? 'Unpin' : 'Pin'} ${entry.label}`}
        title={entry.pinned ? 'Unpin: may be removed when Recent is full' : 'Pin: never removed'}
        onClick={() => void pinHistoryEntry(entry.id, !entry.pinned)}
      >
        {entry.pinned ? 'Unpin' : 'Pin'}
      </button>
      <button
        type="button"
        className="recent-actions__button"
        aria-label={`Delete ${entry.label}`}
        title="Delete from Recent"
        onClick={() => void deleteHistoryEntry(entry.id)}
      >
        Delete
      </button>
    </span>
  );
}

export function RecentSearch({ query, onQuery }: { query: string; onQuery(query: string): void }) {
  return (
    <input
      type="search"
      className="recent-search"
      placeholder="Search recent: id, profile, file, status"
      aria-label="Search recent sessions"
      value={query}
      onChange={(e) => onQuery(e.target.value)}
    />
  );
}

/** The recent sessions on the start screen. */
export function RecentList() {
  const entries = useAppStore((s) => s.history);
  const notices = useAppStore((s) => s.historyNotices);
  const [query, setQuery] = useState('');
  const headingId = useId();
  const shown = visibleRecent(entries, query);
  return (
    <section className="recent" aria-labelledby={headingId} data-testid="recent-list">
      <h2 id={headingId}>Recent sessions</h2>
      {notices.map((n, i) => (
        <p key={i} className="note">
          {n}
        </p>
      ))}
      {entries.length === 0 ? (
        <p className="muted">Sessions you fetch or open appear here.</p>
      ) : (
        <>
          <RecentSearch query={query} onQuery={setQuery} />
          {shown.length === 0 && <p className="muted">No recent session matches “{query}”.</p>}
          <ul>
            {shown.map((e) => (
              <li key={e.id} className="recent__row">
                <button type="button" className="recent__open" onClick={() => void openHistory(e.id)}>
                  <RecentEntryLabel entry={e} />
                </button>
                <RecentEntryActions entry={e} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

import { useEffect, useRef, useState } from 'react';
import { Menu, MenuItem } from '../../app/Menu';
import { useAppStore } from '../../store/app-store';
import { openHistory } from '../../store/actions';
import { RecentEntryActions, RecentEntryLabel, RecentSearch } from './RecentList';
import { visibleRecent } from './recent-filter';

/** The recent sessions in the top bar: pinned first, searchable, one click to reopen. */
export function RecentMenu() {
  const entries = useAppStore((s) => s.history);
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const search = useRef<HTMLDivElement>(null);
  const shown = visibleRecent(entries, query).slice(0, 15);
  useEffect(() => {
    if (!open || entries.length === 0) return;
    // After the menu has focused its first item: typing goes to the search field.
    const t = window.setTimeout(() => search.current?.querySelector('input')?.focus(), 0);
    return () => window.clearTimeout(t);
  }, [open, entries.length]);
  return (
    <Menu label="Recent" open={open} onOpenChange={setOpen} testId="recent-menu">
      {entries.length === 0 && <p className="menu__empty">Nothing fetched or opened yet.</p>}
      {entries.length > 0 && (
        <div className="recent-menu__search" ref={search}>
          <RecentSearch query={query} onQuery={setQuery} />
        </div>
      )}
      {entries.length > 0 && shown.length === 0 && <p className="menu__empty">No match.</p>}
      {shown.map((e) => (
        <div key={e.id} className="recent-menu__row">
          <MenuItem
            onSelect={() => {
              setOpen(false);
              void openHistory(e.id);
            }}
          >
            <RecentEntryLabel entry={e} />
          </MenuItem>
          <RecentEntryActions entry={e} />
        </div>
      ))}
    </Menu>
  );
}

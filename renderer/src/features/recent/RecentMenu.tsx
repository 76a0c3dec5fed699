import { useState } from 'react';
import { Menu, MenuItem } from '../../app/Menu';
import { useAppStore } from '../../store/app-store';
import { openHistory } from '../../store/actions';
import { RecentEntryLabel } from './RecentList';

/** The recent sessions in the top bar, one click to reopen. */
export function RecentMenu() {
  const entries = useAppStore((s) => s.history);
  const [open, setOpen] = useState(false);
  return (
    <Menu label="Recent" open={open} onOpenChange={setOpen} testId="recent-menu">
      {entries.length === 0 && <p className="menu__empty">Nothing fetched or opened yet.</p>}
      {entries.slice(0, 15).map((e) => (
        <MenuItem
          key={e.id}
          onSelect={() => {
            setOpen(false);
            void openHistory(e.id);
          }}
        >
          <RecentEntryLabel entry={e} />
        </MenuItem>
      ))}
    </Menu>
  );
}

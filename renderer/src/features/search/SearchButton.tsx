/** The top bar's way into Search (and back to the inspector). */
import { openSearch } from './search-actions';
import { useSearchStore } from './search-store';

export function SearchButton() {
  const open = useSearchStore((s) => s.open);
  return (
    <button type="button" className="button" aria-pressed={open} onClick={() => openSearch(!open)}>
      Search
    </button>
  );
}

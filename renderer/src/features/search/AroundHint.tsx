/**
 * The top bar's time hint for OCPI profiles: a CPO's Sender interface has no GET by id, so a fetch lists
 * sessions last updated around this time first (empty: the last 24 h), widening up to 31 days.
 */
import { create } from 'zustand';
import './search.css';

export const useAroundHint = create<{ text: string }>(() => ({ text: '' }));

/** The hint as epoch ms (a `datetime-local` value is local time), or undefined when empty or invalid. */
export function aroundMs(): number | undefined {
  const { text } = useAroundHint.getState();
  const ms = text === '' ? NaN : new Date(text).getTime();
  return Number.isFinite(ms) ? ms : undefined;
}

export function AroundHint() {
  const text = useAroundHint((s) => s.text);
  return (
    <label
      className="topbar__field around-hint"
      title="OCPI Sender interfaces can only list: the fetch searches sessions last updated around this time (local), then wider. Empty: the last 24 hours."
    >
      <span className="topbar__label">Around</span>
      <input
        type="datetime-local"
        value={text}
        onChange={(e) => useAroundHint.setState({ text: e.target.value })}
        aria-label="Around (last updated, local time)"
      />
    </label>
  );
}

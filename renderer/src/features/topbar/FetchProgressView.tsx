import { useEffect, useState } from 'react';
import { useAppStore } from '../../store/app-store';
import { formatBytes } from '../../format/format';

export function FetchProgressView() {
  const fetching = useAppStore((s) => s.fetching);
  const now = useTicker();
  if (!fetching) return null;
  const elapsed = Math.max(0, now - fetching.startedAt) / 1000;
  return (
    <div className="topbar__progress" role="status" aria-live="polite" data-testid="fetch-progress">
      <span className="spinner" aria-hidden="true" />
      Fetching {fetching.phase === 'location' ? 'location' : 'session'} · {elapsed.toFixed(1)} s ·{' '}
      {formatBytes(fetching.bytes)} · Esc to cancel
    </div>
  );
}

/** Re-renders every `intervalMs` while mounted, for a live elapsed time. */
function useTicker(intervalMs = 100): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

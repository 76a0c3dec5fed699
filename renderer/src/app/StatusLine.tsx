import { useEffect } from 'react';
import { useAppStore } from '../store/app-store';
import { dismissStatus } from '../store/actions';

const SHOW_MS = 6000;

/** Short confirmations (saved, copied, cancelled), announced politely and cleared after a while. */
export function StatusLine() {
  const status = useAppStore((s) => s.status);
  useEffect(() => {
    if (!status) return;
    const timer = setTimeout(dismissStatus, SHOW_MS);
    return () => clearTimeout(timer);
  }, [status]);
  return (
    <div className="status-line" role="status" aria-live="polite" data-testid="status-line">
      {status}
    </div>
  );
}

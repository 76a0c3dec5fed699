import { copyText } from '../store/actions';

export function CopyButton({ text, what }: { text: string | null; what: string }) {
  if (!text) return null;
  return (
    <button
      type="button"
      className="icon-button"
      onClick={() => void copyText(text, what)}
      aria-label={`Copy ${what}`}
      title={`Copy ${what}`}
    >
      <svg width="12" height="12" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <rect x="5" y="5" width="9" height="9" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
        <path d="M3 11V3.5A1.5 1.5 0 0 1 4.5 2H11" fill="none" stroke="currentColor" strokeWidth="1.6" />
      </svg>
    </button>
  );
}

import { copyText } from '../store/actions';

export function CopyButton({ text, what }: { text: string | null; what: string }) {
  if (!text) return null;
  return (
    <button
      type="button"
      className="icon-button"
      onClick={() => void copyText(text, what)}
      aria-label={`Copy ${what}`}
    >
      ⧉
    </button>
  );
}

import { useMemo } from 'react';
import type { LoadedSession } from '../../../../shared/domain/loaded-session';
import { stripBom } from '../../../../shared/input/text';
import { JsonNode, useTreeControl } from './JsonTree';
import { indexWarnings } from './warning-index';
import './raw.css';

type Parsed = { ok: true; value: unknown } | { ok: false; message: string };

function parse(text: string): Parsed {
  try {
    return { ok: true, value: JSON.parse(stripBom(text)) as unknown };
  } catch (cause) {
    return { ok: false, message: String(cause) };
  }
}

/** Mounted only while its tab is open, so the raw body is parsed only when someone looks at it. */
export function RawPanel({ loaded }: { loaded: LoadedSession }) {
  const parsed = useMemo(() => parse(loaded.rawText), [loaded.rawText]);
  const warnings = useMemo(() => indexWarnings(loaded.warnings), [loaded.warnings]);
  const control = useTreeControl(['']);

  const reveal = (path: string): void => {
    control.reveal(path);
    requestAnimationFrame(() => {
      // Compared as attributes, not built into a selector: paths hold brackets and quotes.
      const target = [...document.querySelectorAll('[data-path]')].find(
        (el) => el.getAttribute('data-path') === path,
      );
      target?.scrollIntoView({ block: 'center' });
      target?.classList.add('is-flash');
    });
  };

  return (
    <section className="panel raw" aria-label="Raw response" data-testid="raw-panel">
      {loaded.warnings.length > 0 && (
        <details className="raw__warnings" open>
          <summary>Reader warnings ({loaded.warnings.length})</summary>
          <ul>
            {loaded.warnings.map((w, i) => (
              <li key={i}>
                <button type="button" className="link-button" onClick={() => reveal(w.path)}>
                  <code>{w.path || '(root)'}</code>
                </button>{' '}
                {w.message}
              </li>
            ))}
          </ul>
        </details>
      )}
      <p className="muted">
        {loaded.rawText.length.toLocaleString('en')} characters as received
        {loaded.rawLocationText !== null && ' · the Location response is kept in exports'}
      </p>
      {parsed.ok ? (
        <ul className="json-tree">
          <JsonNode name="response" value={parsed.value} path="" warnings={warnings} control={control} />
        </ul>
      ) : (
        <>
          <p className="text-warning">The body is not JSON ({parsed.message}); shown as text.</p>
          <pre className="raw__text">{loaded.rawText.slice(0, 200_000)}</pre>
        </>
      )}
    </section>
  );
}

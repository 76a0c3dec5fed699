import { useEffect, useMemo, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { LoadedSession } from '../../../../shared/domain/loaded-session';
import { stripBom } from '../../../../shared/input/text';
import { copyText } from '../../store/actions';
import { JsonNode, PAGE, useTreeControl } from './JsonTree';
import { branchPaths, findPaths } from './json-search';
import { indexWarnings } from './warning-index';
import type { WarningIndex } from './warning-index';
import './raw.css';

type Parsed = { ok: true; value: unknown } | { ok: false; message: string };

function parse(text: string): Parsed {
  try {
    return { ok: true, value: JSON.parse(stripBom(text)) as unknown };
  } catch (cause) {
    return { ok: false, message: String(cause) };
  }
}

const NO_WARNINGS: WarningIndex = { at: new Map(), below: new Map() };

/** Scrolls a tree node into view and flashes it; paths are compared as attributes (they hold brackets). */
function flash(root: HTMLElement | null, path: string): void {
  requestAnimationFrame(() => {
    const target = [...(root?.querySelectorAll('[data-path]') ?? [])].find(
      (el) => el.getAttribute('data-path') === path,
    );
    root?.querySelectorAll('.is-flash').forEach((el) => el.classList.remove('is-flash'));
    target?.scrollIntoView({ block: 'center' });
    target?.classList.add('is-flash');
  });
}

/** One response body as a tree, with search, copy, and expand or collapse all. */
function RawDocument({
  title,
  name,
  text,
  warnings,
  revealRequest,
}: {
  title: string;
  name: string;
  text: string;
  warnings: WarningIndex;
  revealRequest?: { path: string; nonce: number } | null;
}) {
  const parsed = useMemo(() => parse(text), [text]);
  const control = useTreeControl(['']);
  const [query, setQuery] = useState('');
  const [matches, setMatches] = useState<{ paths: string[]; more: boolean; at: number } | null>(null);
  const root = useRef<HTMLElement>(null);
  const lastQuery = useRef('');

  const reveal = (path: string): void => {
    control.reveal(path);
    flash(root.current, path);
  };
  // A reader warning picked above the trees: open the way to it.
  useEffect(() => {
    if (revealRequest) reveal(revealRequest.path);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [revealRequest]);

  const search = (event: FormEvent): void => {
    event.preventDefault();
    if (!parsed.ok) return;
    // Enter again on the same text goes to the next match.
    if (matches && matches.paths.length > 0 && query === lastQuery.current) {
      const at = (matches.at + 1) % matches.paths.length;
      setMatches({ ...matches, at });
      reveal(matches.paths[at]);
      return;
    }
    lastQuery.current = query;
    const found = findPaths(parsed.value, query);
    setMatches({ ...found, at: 0 });
    if (found.paths.length > 0) reveal(found.paths[0]);
  };

  const label = title.toLowerCase();
  return (
    <section className="raw-doc" aria-label={title} ref={root}>
      <div className="raw-doc__bar">
        <h3>{title}</h3>
        <span className="muted">{text.length.toLocaleString('en')} characters as received</span>
        <span className="spacer" />
        {parsed.ok && (
          <form className="raw-doc__search" role="search" onSubmit={search}>
            <input
              type="search"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              placeholder="Search keys and values"
              aria-label={`Search the ${label}`}
            />
            <button type="submit" className="button button--small">
              {matches && query === lastQuery.current && matches.paths.length > 1 ? 'Next' : 'Find'}
            </button>
            {matches && (
              <span className="muted" role="status">
                {matches.paths.length === 0
                  ? 'No match'
                  : `${matches.at + 1} of ${matches.paths.length.toLocaleString('en')}${matches.more ? '+' : ''}`}
              </span>
            )}
          </form>
        )}
        <button type="button" className="button button--small" onClick={() => void copyText(text, 'JSON')}>
          Copy JSON
        </button>
        {parsed.ok && (
          <>
            <button
              type="button"
              className="button button--small"
              onClick={() => control.openOnly(branchPaths(parsed.value, PAGE))}
            >
              Expand all
            </button>
            <button type="button" className="button button--small" onClick={() => control.openOnly([])}>
              Collapse all
            </button>
          </>
        )}
      </div>
      {parsed.ok ? (
        <ul className="json-tree">
          <JsonNode name={name} value={parsed.value} path="" warnings={warnings} control={control} />
        </ul>
      ) : (
        <>
          <p className="text-warning">The body is not JSON ({parsed.message}); shown as text.</p>
          <pre className="raw__text">{text.slice(0, 200_000)}</pre>
        </>
      )}
    </section>
  );
}

/** Mounted only while its tab is open, so the raw bodies are parsed only when someone looks at them. */
export function RawPanel({ loaded }: { loaded: LoadedSession }) {
  const warnings = useMemo(() => indexWarnings(loaded.warnings), [loaded.warnings]);
  const [revealRequest, setRevealRequest] = useState<{ path: string; nonce: number } | null>(null);

  return (
    <section className="panel raw" aria-label="Raw response" data-testid="raw-panel">
      {loaded.warnings.length > 0 && (
        <details className="raw__warnings" open>
          <summary>Reader warnings ({loaded.warnings.length})</summary>
          <ul>
            {loaded.warnings.map((w, i) => (
              <li key={i}>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => setRevealRequest({ path: w.path, nonce: (revealRequest?.nonce ?? 0) + 1 })}
                >
                  <code>{w.path || '(root)'}</code>
                </button>{' '}
                {w.message}
              </li>
            ))}
          </ul>
        </details>
      )}
      <div className={loaded.rawLocationText !== null ? 'raw__docs raw__docs--two' : 'raw__docs'}>
        <RawDocument
          title="Session response"
          name="response"
          text={loaded.rawText}
          warnings={warnings}
          revealRequest={revealRequest}
        />
        {loaded.rawLocationText !== null && (
          <RawDocument
            title="Location response"
            name="location"
            text={loaded.rawLocationText}
            warnings={NO_WARNINGS}
          />
        )}
      </div>
    </section>
  );
}

/**
 * A collapsible JSON tree that only builds the DOM for what is expanded, and pages long arrays, so a
 * 19 MB body with 200,000 periods opens instantly.
 */
import { useState } from 'react';
import { childPath } from '../../../../shared/session/field-reader';
import { pathChain } from './warning-index';
import type { WarningIndex } from './warning-index';

export const PAGE = 100;

export interface TreeControl {
  expanded: Set<string>;
  /** Path → how many children to show (multiples of PAGE). */
  shown: Map<string, number>;
  toggle(path: string): void;
  showMore(path: string): void;
}

interface NodeProps {
  name: string;
  value: unknown;
  path: string;
  warnings: WarningIndex;
  control: TreeControl;
}

function preview(value: unknown): string {
  if (Array.isArray(value)) return `[ ${value.length.toLocaleString('en')} items ]`;
  if (typeof value === 'object' && value !== null) return `{ ${Object.keys(value).length} keys }`;
  return JSON.stringify(value);
}

function leafClass(value: unknown): string {
  if (value === null) return 'json-null';
  return `json-${typeof value}`;
}

function WarningNotes({ path, warnings }: { path: string; warnings: WarningIndex }) {
  const here = warnings.at.get(path);
  if (!here) return null;
  return (
    <ul className="json-warnings">
      {here.map((w, i) => (
        <li key={i} className="json-warning">
          ⚠ {w.message}
        </li>
      ))}
    </ul>
  );
}

export function JsonNode({ name, value, path, warnings, control }: NodeProps) {
  const isBranch = typeof value === 'object' && value !== null;
  const open = control.expanded.has(path);
  const inside = warnings.below.get(path) ?? 0;
  const label = <span className="json-key">{name}</span>;
  if (!isBranch) {
    return (
      <li className="json-node" data-path={path}>
        {label}: <span className={leafClass(value)}>{JSON.stringify(value)}</span>
        <WarningNotes path={path} warnings={warnings} />
      </li>
    );
  }
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : Object.entries(value as Record<string, unknown>);
  const limit = control.shown.get(path) ?? PAGE;
  return (
    <li className="json-node" data-path={path}>
      <button type="button" className="json-toggle" aria-expanded={open} onClick={() => control.toggle(path)}>
        <span aria-hidden="true">{open ? '▾' : '▸'}</span> {label}{' '}
        <span className="muted">{preview(value)}</span>
        {!open && inside > 0 && <span className="badge badge--warning">{inside} warning(s) inside</span>}
      </button>
      <WarningNotes path={path} warnings={warnings} />
      {open && (
        <ul className="json-children">
          {entries.slice(0, limit).map(([key, child]) => (
            <JsonNode
              key={key}
              name={typeof key === 'number' ? `[${key}]` : key}
              value={child}
              path={childPath(path, key)}
              warnings={warnings}
              control={control}
            />
          ))}
          {entries.length > limit && (
            <li>
              <button type="button" className="link-button" onClick={() => control.showMore(path)}>
                Show {Math.min(PAGE, entries.length - limit)} more of{' '}
                {(entries.length - limit).toLocaleString('en')}
              </button>
            </li>
          )}
        </ul>
      )}
    </li>
  );
}

/** Expansion state of the tree: which paths are open and how far long arrays are paged. */
export interface FullTreeControl extends TreeControl {
  reveal(path: string): void;
  /** Opens exactly these paths (and closes the rest). */
  openOnly(paths: string[]): void;
}

export function useTreeControl(initiallyOpen: string[]): FullTreeControl {
  const [state, setState] = useState(() => ({
    expanded: new Set(initiallyOpen),
    shown: new Map<string, number>(),
  }));
  return {
    ...state,
    toggle: (path) =>
      setState((s) => {
        const expanded = new Set(s.expanded);
        if (expanded.has(path)) expanded.delete(path);
        else expanded.add(path);
        return { ...s, expanded };
      }),
    openOnly: (paths) => setState((s) => ({ ...s, expanded: new Set(paths) })),
    showMore: (path) =>
      setState((s) => ({ ...s, shown: new Map(s.shown).set(path, (s.shown.get(path) ?? PAGE) + PAGE) })),
    reveal: (path) =>
      setState((s) => {
        const expanded = new Set(s.expanded);
        const shown = new Map(s.shown);
        let parent: string | null = null;
        for (const p of pathChain(path)) {
          expanded.add(p.path);
          if (parent !== null && p.index !== null && p.index >= (shown.get(parent) ?? PAGE)) {
            shown.set(parent, Math.ceil((p.index + 1) / PAGE) * PAGE);
          }
          parent = p.path;
        }
        return { expanded, shown };
      }),
  };
}

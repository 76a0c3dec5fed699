/**
 * Walks a parsed JSON value for the Raw tab: the paths whose key or value contains a text (search), and
 * the branch paths to open for "Expand all" — bounded, so a 200,000-period body stays responsive.
 */
import { childPath } from '../../../../shared/session/field-reader';

type Visit = (path: string, key: string, value: unknown) => boolean;

/** Depth-first in document order; `visit` returns false to stop. Objects and arrays are branches. */
function walk(value: unknown, path: string, key: string, visit: Visit): boolean {
  if (!visit(path, key, value)) return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++)
      if (!walk(value[i], childPath(path, i), `[${i}]`, visit)) return false;
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value as Record<string, unknown>))
      if (!walk(v, childPath(path, k), k, visit)) return false;
  }
  return true;
}

const isBranch = (value: unknown): boolean => typeof value === 'object' && value !== null;

/** Paths (at most `max`) whose key or leaf value contains `query`, case-insensitive, in document order. */
export function findPaths(root: unknown, query: string, max = 1000): { paths: string[]; more: boolean } {
  const needle = query.trim().toLowerCase();
  const paths: string[] = [];
  let more = false;
  if (!needle) return { paths, more };
  walk(root, '', '', (path, key, value) => {
    const text = isBranch(value) ? '' : String(value);
    if (key.toLowerCase().includes(needle) || text.toLowerCase().includes(needle)) {
      if (paths.length === max) {
        more = true;
        return false;
      }
      paths.push(path);
    }
    return true;
  });
  return { paths, more };
}

/**
 * Branch paths for "Expand all": every object and array within the first `perArray` items of each array
 * (what the tree shows before "Show more"), at most `max` of them.
 */
export function branchPaths(root: unknown, perArray: number, max = 2000): string[] {
  const out: string[] = [];
  const visit = (value: unknown, path: string): void => {
    if (!isBranch(value) || out.length >= max) return;
    out.push(path);
    if (Array.isArray(value)) {
      for (let i = 0; i < Math.min(value.length, perArray); i++) visit(value[i], childPath(path, i));
    } else {
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) visit(v, childPath(path, k));
    }
  };
  visit(root, '');
  return out;
}

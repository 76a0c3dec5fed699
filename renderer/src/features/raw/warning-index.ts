/** Reader warnings keyed by path, and which tree nodes lead to one (so collapsed ancestors can say so). */
import type { ReaderWarning } from '../../../../shared/session/types';

export interface WarningIndex {
  at: Map<string, ReaderWarning[]>;
  /** Path → number of warnings at or below it. */
  below: Map<string, number>;
}

/** Each node from the root ('') to `path`, with the array index it sits at in its parent, when it is one. */
export function pathChain(path: string): { path: string; index: number | null }[] {
  const chain: { path: string; index: number | null }[] = [{ path: '', index: null }];
  const re = /\.?([^.[\]]+)|\[(\d+)\]/g;
  let current = '';
  for (let m = re.exec(path); m; m = re.exec(path)) {
    const index = m[2] !== undefined ? Number(m[2]) : null;
    current = index !== null ? `${current}[${index}]` : current ? `${current}.${m[1]}` : m[1];
    chain.push({ path: current, index });
  }
  return chain;
}

export function indexWarnings(warnings: ReaderWarning[]): WarningIndex {
  const at = new Map<string, ReaderWarning[]>();
  const below = new Map<string, number>();
  for (const w of warnings) {
    const list = at.get(w.path);
    if (list) list.push(w);
    else at.set(w.path, [w]);
    for (const { path } of pathChain(w.path)) below.set(path, (below.get(path) ?? 0) + 1);
  }
  return { at, below };
}

/**
 * The renderer's initial JS: the entry module(s) named by `index.html` and everything they import
 * statically, transitively — what must download and parse before the first paint. Dynamic imports (map,
 * chart) are split out and not counted. Sizes are gzipped with zlib's default level.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { init, parse } from 'es-module-lexer';

export interface InitialJs {
  files: { path: string; bytes: number; gzipBytes: number }[];
  gzipBytes: number;
}

/** Module scripts and modulepreloads in the built `index.html`, as paths relative to the renderer folder. */
export function entryScripts(html: string): string[] {
  const sources: string[] = [];
  for (const tag of html.matchAll(/<(script|link)\b[^>]*>/gi)) {
    const isModule = /type=["']module["']/i.test(tag[0]) || /rel=["']modulepreload["']/i.test(tag[0]);
    const url = /(?:src|href)=["']([^"']+)["']/i.exec(tag[0])?.[1];
    if (isModule && url && !/^[a-z]+:/i.test(url)) sources.push(url.replace(/^\.?\//, ''));
  }
  return sources;
}

export async function measureInitialJs(rendererDir: string): Promise<InitialJs> {
  await init;
  const html = await readFile(join(rendererDir, 'index.html'), 'utf8');
  const pending = entryScripts(html).map((path) => join(rendererDir, path));
  const seen = new Set<string>();
  const files: InitialJs['files'] = [];
  while (pending.length > 0) {
    const file = pending.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = await readFile(file);
    files.push({ path: relative(rendererDir, file), bytes: code.length, gzipBytes: gzipSync(code).length });
    const [imports] = parse(code.toString('utf8'));
    for (const entry of imports) {
      // d === -1: a static `import … from '…'`; dynamic `import()` (the split-out chunks) has d ≥ 0.
      if (entry.d !== -1 || !entry.n) continue;
      if (entry.n.startsWith('.')) pending.push(join(dirname(file), entry.n));
      else if (entry.n.startsWith('/')) pending.push(join(rendererDir, entry.n));
    }
  }
  return { files, gzipBytes: files.reduce((sum, file) => sum + file.gzipBytes, 0) };
}

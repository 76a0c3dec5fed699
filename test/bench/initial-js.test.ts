import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { entryScripts, measureInitialJs } from '../../bench/initial-js';

describe('renderer initial JS', () => {
  let dir: string;
  const files: Record<string, string> = {
    'index.html':
      '<html><head><script type="module" crossorigin src="./assets/index.js"></script>' +
      '<link rel="modulepreload" href="/assets/vendor.js"><link rel="stylesheet" href="./assets/index.css"></head></html>',
    'assets/index.js':
      'import{a}from"./shared.js";import"/assets/vendor.js";const m=()=>import("./map.js");a(m);',
    'assets/shared.js': 'import"./vendor.js";export const a=(x)=>x;',
    'assets/vendor.js': 'export const v="' + 'x'.repeat(1000) + '";',
    'assets/map.js': 'import"./leaflet.js";export default 1;',
    'assets/leaflet.js': 'export default 2;',
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'initial-js-'));
    await mkdir(join(dir, 'assets'));
    for (const [path, text] of Object.entries(files)) await writeFile(join(dir, path), text);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('lists module scripts and modulepreloads, not stylesheets', () => {
    expect(entryScripts(files['index.html'])).toEqual(['assets/index.js', 'assets/vendor.js']);
  });

  it('counts the entry and its static imports once each, and leaves dynamic imports out', async () => {
    const result = await measureInitialJs(dir);
    expect(result.files.map((file) => file.path).sort()).toEqual([
      'assets/index.js',
      'assets/shared.js',
      'assets/vendor.js',
    ]);
    const expected = ['assets/index.js', 'assets/shared.js', 'assets/vendor.js']
      .map((path) => gzipSync(files[path]).length)
      .reduce((a, b) => a + b, 0);
    expect(result.gzipBytes).toBe(expected);
  });
});

// Bundles the CLI into out/cli/ (ESM, code-split per command) so `ocpi-inspect` starts without transpiling.
// Runs on `npm ci` / `npm install` (the `prepare` script) and before the unit tests, so it is never stale there.
import { build } from 'esbuild';

await build({
  entryPoints: { 'ocpi-inspect': new URL('../cli/bin.ts', import.meta.url).pathname },
  outdir: new URL('../out/cli', import.meta.url).pathname,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Dependencies (keytar's native module, the proxy agent) load from node_modules as they are.
  packages: 'external',
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  legalComments: 'none',
  logLevel: 'warning',
});

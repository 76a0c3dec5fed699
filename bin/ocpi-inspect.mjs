#!/usr/bin/env node
// Starts the bundled CLI that `npm ci` builds (scripts/build-cli.mjs); from a checkout without the bundle, or with
// OCPI_INSPECT_FROM_SOURCE=1, it runs the TypeScript sources through tsx instead.
import { existsSync } from 'node:fs';

const bundle = new URL('../out/cli/ocpi-inspect.mjs', import.meta.url);
if (process.env.OCPI_INSPECT_FROM_SOURCE !== '1' && existsSync(bundle)) {
  await import(bundle.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../cli/bin.ts');
}

import { defineConfig } from 'vitest/config';

// The browser suite: one Chromium, one harness per file, files run one after another (2 cores, and the
// keychain is shared). Run through `npm run test:e2e`, which builds the renderer and starts a keyring first.
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/e2e/**/*.test.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

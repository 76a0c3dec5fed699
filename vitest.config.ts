import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // Browser and packaging tests need the built app: npm run test:e2e and test:package run them.
    exclude: ['test/e2e/**', 'test/packaging/**', 'node_modules/**'],
    // keytar (libsecret) deadlocks in the threads pool; forks is vitest 4's default but say so.
    pool: 'forks',
    setupFiles: ['test/setup/jsdom-gaps.ts'],
    testTimeout: 20_000,
  },
});

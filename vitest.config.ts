import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    // keytar (libsecret) deadlocks in the threads pool; forks is vitest 4's default but say so.
    pool: 'forks',
    testTimeout: 20_000,
  },
});

import { defineConfig } from 'vitest/config';

// Packaging checks: run after `electron-vite build` (npm run test:package follows test:e2e, which builds).
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/packaging/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});

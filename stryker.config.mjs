// Mutation testing of the security-critical modules: `npm run mutate` (not part of `npm test`), or one
// module with `npm run mutate -- --mutate shared/export/redact.ts`. Target: >= 80 % killed per module.
// @ts-check
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.stryker.config.ts' },
  // Per test, so each mutant runs only the tests that reach it. No `testFiles`: it reports false
  // survivors for module-level constants (stryker-js #6144); vitest.stryker.config.ts chooses the tests.
  coverageAnalysis: 'perTest',
  concurrency: 2,
  mutate: [
    'services/http/http-client.ts',
    'services/http/scrub.ts',
    'shared/export/redact.ts',
    'shared/export/csv.ts',
    'shared/export/html-escape.ts',
    'electron/main/app-protocol.ts',
    'electron/main/security.ts',
    'shared/ipc/validate.ts',
  ],
  // What the sandbox copy leaves out: build output and reports, never needed by the unit tests.
  ignorePatterns: ['out', 'dist', 'coverage', 'test-output', 'reports', 'release', 'docs', '.vite'],
  tempDirName: '.stryker-tmp',
  reporters: ['clear-text', 'progress', 'html'],
  htmlReporter: { fileName: 'test-output/mutation/index.html' },
  thresholds: { high: 90, low: 80, break: null },
  timeoutMS: 20_000,
};

/**
 * The tests Stryker runs (`npm run mutate`): only those of the mutated security-critical modules. A new
 * object, not `mergeConfig` with vitest.config.ts, which would append these globs to the full suite's and
 * pull in the keychain tests (Stryker runs vitest in threads, where keytar deadlocks).
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      // GET client: redirects, size cap, timeouts, retries, typed errors; scrubbing
      'test/services/http/*.test.ts',
      'test/services/log/*.test.ts',
      // redaction, CSV quoting, HTML escaping
      // Not the bundle property test (500 generated payloads per mutant, over an hour for redact.ts alone)
      // nor redact-deep.test.ts (a million levels, over 20 s per mutant instrumented): the full suite runs them.
      'test/shared/export/redact.test.ts',
      'test/shared/export/csv.test.ts',
      'test/shared/export/csv-quoting.test.ts',
      'test/shared/export/html-escape.test.ts',
      'test/shared/export/report-html.test.ts',
      // app:// path guard, window hardening, IPC validators
      'test/electron/main/app-protocol.test.ts',
      'test/electron/main/security.test.ts',
      'test/shared/ipc/*.test.ts',
    ],
    testTimeout: 20_000,
  },
});

/** The long run of the reader's property: `npm run fuzz:reader -- 100000` (default 100,000). */
import fc from 'fast-check';
import { readerProperty } from '../test/support/reader-property';

const runs = Number(process.argv[2] ?? 100_000);
const started = performance.now();
fc.assert(readerProperty(), { numRuns: runs });
console.log(
  `reader property held for ${runs} generated payloads in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);

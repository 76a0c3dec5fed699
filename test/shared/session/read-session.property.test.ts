import fc from 'fast-check';
import { describe, it } from 'vitest';
import { readerProperty } from '../../support/reader-property';

describe('readSession on generated and mutated payloads', () => {
  it('returns a well-formed session or a typed error for 10,000 payloads, never throwing', () => {
    fc.assert(readerProperty(), { numRuns: 10_000 });
  }, 120_000);
});

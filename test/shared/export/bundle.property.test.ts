import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBundle } from '../../../shared/export/bundle';
import { periodsToCsv } from '../../../shared/export/csv';
import { readSessionFile } from '../../../shared/export/import';
import { readSession } from '../../../shared/session/read-session';
import { loadedFrom } from '../../fixtures/export';
import { payloads } from '../../support/reader-property';

describe('bundles of generated and mutated payloads', () => {
  it('re-open with the same derived data and checks, redacted or not, and the CSV has one row per period', () => {
    fc.assert(
      fc.property(payloads, fc.boolean(), (payload, redact) => {
        const raw = JSON.stringify(payload);
        if (raw === undefined || !readSession(raw).ok) return;
        const loaded = loadedFrom(raw);
        const back = readSessionFile(createBundle(loaded, { appVersion: '1', redact }), 'b.json');
        if (!back.ok) throw new Error(back.error.message);
        if (!redact) {
          expect(back.value.session).toEqual(loaded.session);
          expect(back.value.checks).toEqual(loaded.checks);
          expect(back.value.warnings).toEqual(loaded.warnings);
        } else {
          expect(back.value.session.periods).toEqual(loaded.session.periods);
          for (const id of [back.value.session.auth.id, back.value.session.auth.contractId])
            expect(id === null || /^REDACTED-\d+$/.test(id)).toBe(true);
        }
        expect(periodsToCsv(back.value.session).split('\r\n').length - 2).toBe(loaded.session.periods.count);
      }),
      { numRuns: 500 },
    );
  }, 60_000);
});

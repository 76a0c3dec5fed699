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
          // A value equal to an id is replaced wherever it is a whole value, a dimension's name too (a
          // mutated payload may name one `0` and have `0` as its auth id): the columns keep their data.
          const [was, now] = [loaded.session.periods, back.value.session.periods];
          expect({ ...now, dimensionTypes: [], dimensions: null }).toEqual({
            ...was,
            dimensionTypes: [],
            dimensions: null,
          });
          expect(now.dimensionTypes.length).toBe(was.dimensionTypes.length);
          now.dimensionTypes.forEach((type, i) => {
            if (type !== was.dimensionTypes[i]) expect(type).toMatch(/^REDACTED-\d+$/);
            expect(now.dimensions.get(type)).toEqual(was.dimensions.get(was.dimensionTypes[i]));
          });
          for (const id of [back.value.session.auth.id, back.value.session.auth.contractId])
            // An empty id has nothing to hide and stays empty.
            expect(id === null || id === '' || /^REDACTED-\d+$/.test(id)).toBe(true);
        }
        expect(periodsToCsv(back.value.session).split('\r\n').length - 2).toBe(loaded.session.periods.count);
      }),
      { numRuns: 500 },
    );
  }, 60_000);
});

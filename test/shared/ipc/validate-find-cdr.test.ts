import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFindCdrArgs } from '../../../shared/ipc/validate';

describe('parseFindCdrArgs (billing:find-cdr)', () => {
  it('takes the request id, the held session key and the profile id, and nothing else', () => {
    expect(parseFindCdrArgs({ requestId: 'r1', key: 'k1', profileId: 'p1', token: 'x' })).toEqual({
      ok: true,
      value: { requestId: 'r1', key: 'k1', profileId: 'p1' },
    });
  });

  it('refuses each missing, empty, over-long, control-character or wrongly typed field by name', () => {
    const good = { requestId: 'r1', key: 'k1', profileId: 'p1' };
    for (const [field, value] of [
      ['requestId', undefined],
      ['requestId', ''],
      ['key', 7],
      ['key', 'k'.repeat(201)],
      ['profileId', 'p\u0000'],
      ['profileId', null],
    ] as const) {
      const r = parseFindCdrArgs({ ...good, [field]: value });
      expect(r.ok, `${field}=${String(value)}`).toBe(false);
      if (!r.ok) {
        expect(r.error.kind).toBe('invalid-argument');
        expect(r.error.message).toBe(`Missing or invalid ${field}.`);
      }
    }
  });

  it('refuses garbage of any shape', () => {
    fc.assert(
      fc.property(fc.anything(), (garbage) => {
        const r = parseFindCdrArgs(garbage);
        const fine =
          r.ok &&
          typeof r.value.requestId === 'string' &&
          typeof r.value.key === 'string' &&
          typeof r.value.profileId === 'string';
        // Only an object with the three strings passes.
        return r.ok ? fine : r.error.kind === 'invalid-argument';
      }),
      { numRuns: 500 },
    );
    for (const g of [null, 1, 'x', [], [['key', 'k']], { requestId: ['r'] }])
      expect(parseFindCdrArgs(g).ok).toBe(false);
  });
});

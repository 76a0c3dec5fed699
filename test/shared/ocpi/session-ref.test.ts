import { describe, expect, it } from 'vitest';
import { parseSessionRef } from '../../../shared/ocpi/session-ref';

describe('session reference', () => {
  it('reads a bare id, CC/PARTY/ID and pasted URLs', () => {
    expect(parseSessionRef(' S000001 ')).toEqual({ ok: true, value: { id: 'S000001', party: null } });
    expect(parseSessionRef('nl/sin/S1')).toEqual({
      ok: true,
      value: { id: 'S1', party: { countryCode: 'NL', partyId: 'SIN' } },
    });
    expect(parseSessionRef('https://h/ocpi/2.2.1/receiver/sessions/NL/SIN/a%20b')).toEqual({
      ok: true,
      value: { id: 'a b', party: { countryCode: 'NL', partyId: 'SIN' } },
    });
    expect(parseSessionRef('https://h/api/v1/sessions/123')).toEqual({
      ok: true,
      value: { id: '123', party: null },
    });
  });
  it('refuses what is neither', () => {
    expect(parseSessionRef('NLX/SIN/1').ok).toBe(false);
    expect(parseSessionRef('a/b').ok).toBe(false);
    expect(parseSessionRef('https://h/other/1').ok).toBe(false);
    expect(parseSessionRef('NL/SIN/..').ok).toBe(false);
  });
});

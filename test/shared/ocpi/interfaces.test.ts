import { describe, expect, it } from 'vitest';
import {
  byIdInterface,
  listInterface,
  receiverObjectUrl,
  senderObjectUrl,
} from '../../../shared/ocpi/interfaces';
import type { Endpoint } from '../../../shared/ocpi/versions';

const both: Endpoint[] = [
  { identifier: 'sessions', role: 'SENDER', url: 'https://x/cpo/sessions/' },
  { identifier: 'sessions', role: 'RECEIVER', url: 'https://x/emsp/sessions' },
];
const party = { countryCode: 'NL', partyId: 'SIN' };

describe('interface selection', () => {
  it('lists on the Sender (or the role-less 2.1.1 endpoint), never on a Receiver', () => {
    expect(listInterface(both, 'sessions')).toEqual({ ok: true, value: 'https://x/cpo/sessions' });
    expect(listInterface([{ identifier: 'sessions', role: null, url: 'https://x/s' }], 'sessions')).toEqual({
      ok: true,
      value: 'https://x/s',
    });
    const r = listInterface([both[1]], 'sessions');
    expect(!r.ok && r.error.message).toMatch(/only as a Receiver/);
    expect(listInterface([], 'sessions').ok).toBe(false);
  });

  it('fetches by id on the Receiver when the party is known, else on the Sender', () => {
    expect(byIdInterface(both, 'sessions', party)).toEqual({
      ok: true,
      value: { kind: 'receiver', url: 'https://x/emsp/sessions', ...party },
    });
    expect(byIdInterface(both, 'sessions', null)).toEqual({
      ok: true,
      value: { kind: 'sender', url: 'https://x/cpo/sessions' },
    });
    expect(byIdInterface([both[0]], 'sessions', party)).toEqual({
      ok: true,
      value: { kind: 'sender', url: 'https://x/cpo/sessions' },
    });
    const r = byIdInterface([both[1]], 'sessions', null);
    expect(!r.ok && r.error.message).toMatch(/needs the country code and party id/);
  });

  it('builds object URLs with each segment encoded', () => {
    expect(receiverObjectUrl('https://x/s/', party, 'a b')).toBe('https://x/s/NL/SIN/a%20b');
    expect(senderObjectUrl('https://x/l', 'LOC?1')).toBe('https://x/l/LOC%3F1');
  });
});

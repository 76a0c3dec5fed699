import { describe, expect, it } from 'vitest';
import { followRequest, isFollowable, pickFollowed } from '../../../shared/ocpi/follow';

describe('live follow', () => {
  it('re-GETs by id on a Receiver and lists from the last last_updated on a Sender', () => {
    expect(
      followRequest({ kind: 'receiver', url: 'https://x/s', countryCode: 'NL', partyId: 'SIN' }, 'S1', 5),
    ).toEqual({
      kind: 'get',
      url: 'https://x/s/NL/SIN/S1',
    });
    expect(followRequest({ kind: 'sender', url: 'https://x/s' }, 'S1', 1234)).toEqual({
      kind: 'list',
      url: 'https://x/s',
      dateFrom: 1234,
    });
  });
  it('follows ACTIVE and PENDING only', () => {
    expect(isFollowable('ACTIVE')).toBe(true);
    expect(isFollowable('PENDING')).toBe(true);
    expect(isFollowable('COMPLETED')).toBe(false);
    expect(isFollowable(null)).toBe(false);
  });
  it('picks the newest copy of the followed session out of a page', () => {
    const rows = [
      { id: 'S1', country_code: 'NL', party_id: 'SIN', last_updated: '2024-01-01T00:01:00Z', kwh: 1 },
      { id: 'S2', country_code: 'NL', party_id: 'SIN', last_updated: '2024-01-01T00:02:00Z' },
      { id: 'S1', country_code: 'NL', party_id: 'SIN', last_updated: '2024-01-01T00:03:00Z', kwh: 2 },
    ];
    expect(pickFollowed(rows, 'NL/SIN/S1', 'S1')).toBe(rows[2]);
    expect(pickFollowed(rows, 'NL/SIN/S9', 'S9')).toBeUndefined();
  });
});

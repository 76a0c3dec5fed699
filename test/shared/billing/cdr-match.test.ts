import { describe, expect, it } from 'vitest';
import { betterMatch, MAX_SCORE, namesSession, scoreCdrMatch } from '../../../shared/billing/cdr-match';
import { readCdr } from '../../../shared/billing/read-cdr';
import { readSession } from '../../../shared/session/read-session';

const T0 = Date.parse('2024-05-01T10:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();
function session(start = T0, stop = T0 + 3_600_000) {
  const r = readSession({
    id: 'S1',
    start_datetime: iso(start),
    end_datetime: iso(stop),
    kwh: 10,
    auth_id: 'TOKEN-1',
    auth_method: 'WHITELIST',
    status: 'COMPLETED',
    currency: 'EUR',
    last_updated: iso(stop),
    location: {
      id: 'LOC-1',
      type: 'ON_STREET',
      address: 'a',
      city: 'c',
      postal_code: 'p',
      country: 'NLD',
      coordinates: { latitude: '52.0', longitude: '4.0' },
      evses: [{ uid: 'EVSE-1', status: 'AVAILABLE', connectors: [] }],
    },
    charging_periods: [],
  });
  if (!r.ok) throw new Error(r.error.message);
  return r.session;
}
function cdr(over: Record<string, unknown> = {}) {
  const r = readCdr({
    id: 'C1',
    start_date_time: iso(T0),
    stop_date_time: iso(T0 + 3_600_000),
    auth_id: 'TOKEN-1',
    auth_method: 'WHITELIST',
    location: {
      id: 'LOC-1',
      type: 'ON_STREET',
      address: 'a',
      city: 'c',
      postal_code: 'p',
      country: 'NLD',
      coordinates: { latitude: '52.0', longitude: '4.0' },
      evses: [{ uid: 'EVSE-1', status: 'AVAILABLE', connectors: [] }],
    },
    currency: 'EUR',
    charging_periods: [],
    total_cost: 1,
    total_energy: 10,
    total_time: 1,
    last_updated: iso(T0),
    ...over,
  });
  if (!r.ok) throw new Error(r.error.message);
  return r.cdr;
}

describe('matching a 2.1.1 CDR to its session', () => {
  it('scores token, site and times, and names what agreed', () => {
    const s = scoreCdrMatch(session(), cdr());
    expect(s.score).toBe(MAX_SCORE);
    expect(s.agreed).toEqual(
      expect.arrayContaining(['auth id', 'location', 'start within 1 min', 'stop within 1 min']),
    );
    expect(s.distanceMs).toBe(0);
    const otherToken = scoreCdrMatch(session(), cdr({ auth_id: 'TOKEN-2' }));
    expect(otherToken.score).toBe(MAX_SCORE - 3);
    expect(otherToken.agreed).not.toContain('auth id');
  });

  it('does not take the next session at the same EVSE four minutes later', () => {
    const neighbour = scoreCdrMatch(
      session(),
      cdr({ start_date_time: iso(T0 + 240_000), stop_date_time: iso(T0 + 3_840_000) }),
    );
    expect(neighbour.agreed).not.toContain('start within 1 min');
    const own = scoreCdrMatch(session(), cdr({ start_date_time: iso(T0 + 20_000) }));
    expect(betterMatch(own, neighbour)).toBe(true);
    expect(betterMatch(neighbour, own)).toBe(false);
    const exact = scoreCdrMatch(session(), cdr());
    expect(betterMatch(exact, own)).toBe(true);
  });

  it('2.2+: session_id decides', () => {
    expect(namesSession('S1', { session_id: 'S1' })).toBe(true);
    expect(namesSession('S1', { session_id: 'S2' })).toBe(false);
    expect(namesSession('S1', null)).toBe(false);
  });
});

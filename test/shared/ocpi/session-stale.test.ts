import { describe, expect, it } from 'vitest';
import { sessionStaleCheck, withStaleCheck } from '../../../shared/ocpi/session-stale';
import type { Check } from '../../../shared/session/types';

const now = Date.parse('2024-10-05T18:00:00Z');

describe('SESSION_STALE', () => {
  it('warns for an ACTIVE session not updated for more than M minutes', () => {
    const check = sessionStaleCheck({ status: 'ACTIVE', lastUpdated: now - 16 * 60_000 }, now);
    expect(check).toMatchObject({ code: 'SESSION_STALE', severity: 'warning' });
    expect(check?.message).toMatch(/16 minutes/);
    expect(sessionStaleCheck({ status: 'ACTIVE', lastUpdated: now - 16 * 60_000 }, now, 30)).toBeNull();
  });
  it('is quiet for recent, completed or undated sessions', () => {
    expect(sessionStaleCheck({ status: 'ACTIVE', lastUpdated: now - 15 * 60_000 }, now)).toBeNull();
    expect(sessionStaleCheck({ status: 'COMPLETED', lastUpdated: now - 99 * 60_000 }, now)).toBeNull();
    expect(sessionStaleCheck({ status: 'ACTIVE', lastUpdated: null }, now)).toBeNull();
  });
  it("withStaleCheck decides it again for the user's threshold, keeping the other checks", () => {
    const other: Check = { code: 'ENERGY_MISMATCH', severity: 'warning', message: 'x' };
    const session = { status: 'ACTIVE', lastUpdated: now - 20 * 60_000 };
    const byDefault = withStaleCheck([other], session, now, 15);
    expect(byDefault.map((c) => c.code)).toEqual(['ENERGY_MISMATCH', 'SESSION_STALE']);
    expect(byDefault[1].message).toMatch(/20 minutes .*more than 15/);
    expect(withStaleCheck(byDefault, session, now, 30)).toEqual([other]);
    const tighter = withStaleCheck(byDefault, session, now, 5);
    expect(tighter.filter((c) => c.code === 'SESSION_STALE')).toHaveLength(1);
    expect(tighter[1].message).toMatch(/more than 5\)/);
  });
});

import { describe, expect, it } from 'vitest';
import { sessionStaleCheck } from '../../../shared/ocpi/session-stale';

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
});

import { describe, expect, it } from 'vitest';
import { ZoneClock } from '../../../shared/billing/zone-clock';

const H = 3_600_000;
const at = (iso: string): number => Date.parse(iso);

describe('ZoneClock', () => {
  it('gives Amsterdam offsets either side of both DST changes, to the minute', () => {
    const c = new ZoneClock('Europe/Amsterdam');
    expect(c.offsetAt(at('2024-03-31T00:59:00Z'))).toBe(H);
    expect(c.offsetAt(at('2024-03-31T01:00:00Z'))).toBe(2 * H);
    expect(c.offsetAt(at('2024-10-27T00:59:00Z'))).toBe(2 * H);
    expect(c.offsetAt(at('2024-10-27T01:00:00Z'))).toBe(H);
    expect(c.transitionsBetween(at('2024-01-01T00:00:00Z'), at('2024-12-31T00:00:00Z'))).toEqual([
      at('2024-03-31T01:00:00Z'),
      at('2024-10-27T01:00:00Z'),
    ]);
  });

  it('answers the same out of order (the one-interval cache is refreshed, not trusted)', () => {
    const c = new ZoneClock('Europe/Amsterdam');
    const times = [
      '2024-10-27T01:30:00Z',
      '2024-03-31T00:30:00Z',
      '2024-07-01T12:00:00Z',
      '2024-10-27T00:30:00Z',
    ];
    expect(times.map((t) => c.offsetAt(at(t)) / H)).toEqual([1, 1, 2, 2]);
  });

  it('maps local wall times to instants, including a zone west of UTC and a half-hour zone', () => {
    const ny = new ZoneClock('America/New_York');
    expect(ny.instantOf(Date.UTC(2024, 6, 1, 8, 0))).toBe(at('2024-07-01T12:00:00Z'));
    expect(ny.local(at('2024-07-01T03:30:00Z'))).toEqual({
      day: Date.UTC(2024, 5, 30) / 86_400_000,
      msOfDay: 23.5 * H,
    });
    const india = new ZoneClock('Asia/Kolkata');
    expect(india.offsetAt(at('2024-07-01T00:00:00Z'))).toBe(5.5 * H);
  });

  it('falls back to UTC for a missing or unknown zone, and says so', () => {
    for (const zone of [null, 'Mars/Olympus_Mons']) {
      const c = new ZoneClock(zone);
      expect([c.valid, c.zone, c.offsetAt(at('2024-07-01T00:00:00Z'))]).toEqual([false, 'UTC', 0]);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { checkParking } from '../../../shared/billing/reconcile';
import { readCdr } from '../../../shared/billing/read-cdr';
import { sessionParking } from '../../../shared/billing/session-parking';
import { readSession } from '../../../shared/session/read-session';
import { agreeingCdr, agreeingSession, periods } from '../../fixtures/billing/cdrs';

const sessionOf = (overrides: Record<string, unknown> = {}) => {
  const read = readSession(agreeingSession(overrides));
  if (!read.ok) throw new Error(read.error.message);
  return read.session;
};
const cdrOf = (raw: unknown) => {
  const read = readCdr(raw);
  if (!read.ok) throw new Error(read.error.message);
  return read.cdr;
};

describe('sessionParking', () => {
  it('derives parking from the periods without energy once charging ended', () => {
    // 15:30–16:30 charging, 16:30–16:45 ENERGY 0.
    expect(sessionParking(sessionOf())).toEqual({
      hours: 0.25,
      periods: [2, 2],
      boundaryHours: 0.5,
      stated: false,
    });
  });

  it('takes stated PARKING_TIME volumes, and a period stating TIME only parks nothing', () => {
    const s = sessionOf({
      charging_periods: periods([
        { at: '2024-06-03T15:30:00Z', dims: { ENERGY: 5, TIME: 0.5 } },
        { at: '2024-06-03T16:00:00Z', dims: { ENERGY: 5, TIME: 0.3, PARKING_TIME: 0.2 } },
        { at: '2024-06-03T16:30:00Z', dims: { ENERGY: 0, PARKING_TIME: 0.25 } },
      ]),
    });
    expect(sessionParking(s)).toEqual({ hours: 0.45, periods: [1, 2], boundaryHours: 0, stated: true });
  });

  it('is null when the periods say nothing (no ENERGY, TIME or PARKING_TIME), 0 h when all charged', () => {
    const none = sessionOf({
      charging_periods: periods([{ at: '2024-06-03T15:30:00Z', dims: { POWER: 11 } }]),
    });
    expect(sessionParking(none)).toBeNull();
    const busy = sessionOf({
      charging_periods: periods([{ at: '2024-06-03T15:30:00Z', dims: { ENERGY: 10 } }]),
    });
    expect(sessionParking(busy)).toMatchObject({ hours: 0, periods: null });
  });

  it('CDR_PARKING_MISMATCH compares the CDR with the same figure, stated parking included', () => {
    const stated = sessionOf({
      charging_periods: periods([
        { at: '2024-06-03T15:30:00Z', dims: { ENERGY: 10, TIME: 0.75 } },
        { at: '2024-06-03T16:15:00Z', dims: { ENERGY: 0, PARKING_TIME: 0.5 } },
      ]),
    });
    const [finding] = checkParking(cdrOf(agreeingCdr()), stated);
    expect(finding.message).toMatch(
      /bills 0\.25 h of parking but the session's periods state 0\.5 h of parking/,
    );
    expect(finding.periods).toEqual([1, 1]);
    expect(checkParking(cdrOf(agreeingCdr([], { total_parking_time: 0.5 })), stated)).toEqual([]);
  });
});

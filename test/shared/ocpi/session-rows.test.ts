import { describe, expect, it } from 'vitest';
import { generateSession } from '../../../shared/demo/generate-session';
import { sessionDataset } from '../../../shared/demo/session-dataset';
import { inWindow, rawLastUpdated, rawSessionKey, toSessionRow } from '../../../shared/ocpi/session-rows';
import { sessionRowsCsv, listedSessionJson } from '../../../shared/ocpi/session-list-output';

const session = () =>
  generateSession({ periods: 8, shape: 'ocpi-2.2.1', id: 'S1' }).body.data as Record<string, unknown>;

describe('listed session rows', () => {
  it('keys sessions by country, party and id, else by id', () => {
    expect(rawSessionKey({ id: 'a', country_code: 'nl', party_id: 'sin' })).toBe('NL/SIN/a');
    expect(rawSessionKey({ id: 'a' })).toBe('a');
    expect(rawSessionKey({ id: '' })).toBeNull();
    expect(rawSessionKey('x')).toBeNull();
  });

  it('reads a listed session with the reader’s check codes, and SESSION_STALE at fetch time', () => {
    const raw = { ...session(), kwh: 99 };
    const row = toSessionRow(raw)!;
    expect(row).toMatchObject({
      key: 'NL/SIN/S1',
      id: 'S1',
      status: 'COMPLETED',
      locationId: 'LOC-ZUIDAS',
      evseUid: 'ZUID-DC-2',
      raw,
    });
    expect(row.anomalies).toContain('ENERGY_MISMATCH');
    const active = { ...session(), status: 'ACTIVE', end_date_time: undefined };
    const at = rawLastUpdated(active)!;
    expect(toSessionRow(active, at + 20 * 60_000)!.anomalies).toContain('SESSION_STALE');
    expect(toSessionRow(active, at + 60_000)!.anomalies).not.toContain('SESSION_STALE');
    expect(toSessionRow({ hello: 'world' })).toBeNull();
  });

  it('keeps to the window: date_from inclusive, date_to exclusive', () => {
    expect(inWindow({ lastUpdated: 10 }, { from: 10, to: 20 })).toBe(true);
    expect(inWindow({ lastUpdated: 20 }, { from: 10, to: 20 })).toBe(false);
    expect(inWindow({ lastUpdated: null }, { from: 10, to: 20 })).toBe(false);
    expect(rawLastUpdated({ last_updated: 'soon' })).toBeNull();
  });

  it('prints JSON with ISO times and formula-safe CSV', () => {
    const row = toSessionRow({ ...session(), id: '=HYPERLINK("x")' })!;
    expect(listedSessionJson(row)).toMatchObject({
      id: '=HYPERLINK("x")',
      startedAt: '2024-05-02T07:59:55.000Z',
    });
    const csv = sessionRowsCsv([row]).split('\r\n');
    expect(csv[1].startsWith(`"'=HYPERLINK(""x"")",COMPLETED,2024-05-02T07:59:55.000Z,`)).toBe(true);
  });

  it('the dataset spreads sessions over time with a few ACTIVE and a few with a wrong kWh', () => {
    const rows = sessionDataset({ count: 60, shape: 'ocpi-2.3.0' }).map((raw) => toSessionRow(raw)!);
    expect(rows.filter((r) => r.status === 'ACTIVE').map((r) => r.id)).toEqual([
      'S000008',
      'S000028',
      'S000048',
    ]);
    expect(rows.filter((r) => r.anomalies.includes('ENERGY_MISMATCH')).map((r) => r.id)).toEqual([
      'S000006',
      'S000043',
    ]);
    expect(new Set(rows.map((r) => r.key)).size).toBe(60);
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { memoryIo } from '../support/memory-io';
import { agreeingCdr, agreeingSession, cdr211, cdr230 } from '../fixtures/billing/cdrs';
import { simpleEnergy, timeOfDay } from '../fixtures/billing/tariffs';

const dir = mkdtempSync(join(tmpdir(), 'cli-summary-cdr-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: unknown): string => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(content));
  return path;
};
async function summary(path: string, json = true) {
  const io = memoryIo();
  const code = await main(['summary', path, ...(json ? ['--json'] : [])], io);
  return { code, io, json: json && code === 0 ? JSON.parse(io.out) : null };
}

describe('ocpi-inspect summary on a CDR', () => {
  it('prints the CDR summary with every documented key, not a session full of nulls', async () => {
    const { code, json } = await summary(file('c.json', agreeingCdr([timeOfDay()])));
    expect(code).toBe(0);
    expect(Object.keys(json)).toEqual([
      'kind',
      'id',
      'sessionId',
      'startedAt',
      'endedAt',
      'totalEnergyKwh',
      'totalTimeHours',
      'totalParkingTimeHours',
      'totalCostExclVat',
      'totalCostInclVat',
      'currency',
      'anomalies',
      'warnings',
    ]);
    expect(json).toMatchObject({
      kind: 'cdr',
      id: 'CDR-1',
      sessionId: 'SESSION-1',
      startedAt: '2024-06-03T15:30:00.000Z',
      endedAt: '2024-06-03T16:45:00.000Z',
      totalEnergyKwh: 10,
      totalTimeHours: 1.25,
      totalParkingTimeHours: 0.25,
      totalCostExclVat: 4,
      totalCostInclVat: 4.84,
      currency: 'EUR',
    });
  });

  it('warns when total_energy over total_time is a power no charger delivers (Wh sent as kWh), and keeps the figure', async () => {
    const { json } = await summary(file('wh.json', agreeingCdr([timeOfDay()], { total_energy: 10_000 })));
    expect(json.totalEnergyKwh).toBe(10_000);
    const warning = json.warnings.find((w: { path: string }) => w.path === 'total_energy');
    expect(warning.message).toBe(
      '10000 kWh in 1.25 h is an average of 8000 kW, above 1000 kW, which no charger delivers: it looks like Wh sent as kWh (10 kWh). Read as sent.',
    );
    // 1,000 kW is a charger's ceiling, not past it.
    const edge = await summary(file('edge.json', agreeingCdr([timeOfDay()], { total_energy: 1250 })));
    expect(edge.json.warnings.filter((w: { path: string }) => w.path === 'total_energy')).toEqual([]);
  });

  it('prints hours rounded and as a duration in the text form', async () => {
    const { io } = await summary(
      file('t.json', agreeingCdr([timeOfDay()], { total_time: 3.0334997452777777 })),
      false,
    );
    expect(io.out).toContain('Time         3.033 h (3h 02m 01s), of which parking 0.25 h (0h 15m 00s)');
  });

  it('a session summary says kind "session"', async () => {
    expect((await summary(file('s.json', agreeingSession()))).json.kind).toBe('session');
  });

  it('reads 2.1.1 (envelope with a list, embedded Location) and 2.3.0 (before_taxes + taxes) CDRs', async () => {
    const old = await summary(file('c211.json', cdr211([timeOfDay()])));
    expect(old.json).toMatchObject({
      kind: 'cdr',
      id: 'CDR-211',
      sessionId: null,
      totalCostExclVat: 4,
      totalCostInclVat: null,
    });
    const v230 = await summary(file('c230.json', cdr230([timeOfDay()])));
    expect(v230.json).toMatchObject({ totalCostExclVat: 4, totalCostInclVat: 4.84 });
  });

  it("self-checks a CDR: its sums and its own tariffs' price", async () => {
    const bad = agreeingCdr([simpleEnergy()], {
      total_energy: 13,
      total_cost: { excl_vat: 9, incl_vat: 10.89 },
    });
    const { json } = await summary(file('bad.json', bad));
    expect(json.anomalies.map((a: { code: string }) => a.code).sort()).toEqual(
      ['CDR_COST_MISMATCH', 'CDR_ENERGY_MISMATCH', 'CDR_TOTALS_INCONSISTENT'].sort(),
    );
    expect(json.anomalies.find((a: { code: string }) => a.code === 'CDR_COST_MISMATCH').severity).toBe(
      'error',
    );
  });

  it('without a time zone, a time-of-day price difference is a warning that asks for the Location', async () => {
    const { json } = await summary(file('tz.json', agreeingCdr([timeOfDay()])));
    expect(json.anomalies).toHaveLength(1);
    expect(json.anomalies[0]).toMatchObject({ code: 'CDR_COST_MISMATCH', severity: 'warning' });
    expect(json.anomalies[0].message).toMatch(/time zone is unknown.*--location/);
  });

  it('prints a readable CDR summary without --json', async () => {
    const { code, io } = await summary(file('c2.json', agreeingCdr([timeOfDay()])), false);
    expect(code).toBe(0);
    expect(io.out).toMatch(/^CDR\s+CDR-1\s+\(session SESSION-1\)/);
    expect(io.out).toMatch(/Energy\s+10 kWh/);
  });
});

describe('ocpi-inspect summary on a CDR with hostile text', () => {
  it('shows ESC and bidi overrides as visible marks in text, and as \\u escapes in JSON', async () => {
    const raw = agreeingCdr([], { id: 'CDR\u001b[31m\u202Eexe' });
    const text = await summary(file('hostile.json', raw), false);
    expect(text.io.out).toMatch(/CDR⟨U\+001B⟩\[31m⟨U\+202E⟩exe/);
    const json = await summary(file('hostile2.json', raw));
    expect(json.io.out).toMatch(/CDR\\u001b\[31m\\u202eexe/);
    expect(json.json.id).toBe('CDR\u001b[31m\u202Eexe');
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { memoryIo } from '../support/memory-io';
import { agreeingCdr, agreeingSession, amsterdamLocation } from '../fixtures/billing/cdrs';
import { timeOfDay } from '../fixtures/billing/tariffs';

const dir = mkdtempSync(join(tmpdir(), 'cli-reconcile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: unknown): string => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(content));
  return path;
};
const loc = file('loc.json', amsterdamLocation());
const tod = file('tod.json', timeOfDay());

async function reconcile(args: string[]) {
  const io = memoryIo();
  const code = await main(['reconcile', ...args], io);
  return { code, io, json: code === 0 && args.includes('--json') ? JSON.parse(io.out) : null };
}
const codes = (json: { anomalies: { code: string }[] }): string[] => json.anomalies.map((a) => a.code).sort();

describe('ocpi-inspect reconcile', () => {
  it('--json prints {anomalies, session, cdr, cost}; a session and CDR that agree fire nothing', async () => {
    const { code, io, json } = await reconcile([
      file('s.json', agreeingSession()),
      file('c.json', agreeingCdr([timeOfDay()])),
      '--location',
      loc,
      '--json',
    ]);
    expect(code).toBe(0);
    expect(io.out.trim().split('\n')).toHaveLength(1);
    expect(Object.keys(json)).toEqual(['anomalies', 'session', 'cdr', 'cost']);
    expect(json.anomalies).toEqual([]);
    expect(json.session).toMatchObject({ kind: 'session', sessionId: 'SESSION-1', energyKwh: 10 });
    expect(json.cdr).toMatchObject({
      kind: 'cdr',
      id: 'CDR-1',
      sessionId: 'SESSION-1',
      totalEnergyKwh: 10,
      totalCostInclVat: 4.84,
    });
    expect(json.cost).toMatchObject({ currency: 'EUR', totalExclVat: 4, totalInclVat: 4.84, anomalies: [] });
  });

  it('fires every disagreement check on a CDR that bills something else', async () => {
    const cdr = agreeingCdr([timeOfDay()], {
      session_id: 'OTHER-SESSION',
      start_date_time: '2024-06-03T15:20:00Z',
      currency: 'USD',
      total_energy: 13,
      total_time: 1.25,
      total_parking_time: 2,
      total_cost: { excl_vat: 5, incl_vat: 6.05 },
    });
    const session = agreeingSession({ total_cost: { excl_vat: 3, incl_vat: 3.63 } });
    const { json } = await reconcile([
      file('s2.json', session),
      file('c2.json', cdr),
      '--location',
      loc,
      '--json',
    ]);
    expect(codes(json)).toEqual(
      [
        'CDR_SESSION_ID_MISMATCH',
        'CDR_ENERGY_MISMATCH', // vs its periods
        'CDR_ENERGY_MISMATCH', // vs the session's kwh
        'CDR_TIME_MISMATCH',
        'CDR_PARKING_MISMATCH', // longer than total_time
        'CDR_PARKING_MISMATCH', // vs the session's idle time
        'CDR_TOTALS_INCONSISTENT',
        'CURRENCY_MISMATCH',
        'CDR_COST_MISMATCH',
        'SESSION_COST_MISMATCH',
      ].sort(),
    );
    const energy = json.anomalies.find(
      (a: { code: string; periodsOf?: string }) => a.code === 'CDR_ENERGY_MISMATCH' && a.periodsOf === 'cdr',
    );
    expect(energy.periods).toEqual([0, 2]);
  });

  it('uses --tariff instead of the CDR tariffs; with neither, cost is null and TARIFF_NOT_FOUND fires', async () => {
    const withTariff = await reconcile([
      file('s3.json', agreeingSession()),
      file('c3.json', agreeingCdr([])),
      '--tariff',
      tod,
      '--location',
      loc,
      '--json',
    ]);
    expect(withTariff.json.anomalies).toEqual([]);
    expect(withTariff.json.cost.totalExclVat).toBe(4);
    const without = await reconcile([
      file('s4.json', agreeingSession()),
      file('c4.json', agreeingCdr([])),
      '--json',
    ]);
    expect(without.json.cost).toBeNull();
    expect(codes(without.json)).toEqual(['TARIFF_NOT_FOUND']);
  });

  it('takes the time zone from the session when the CDR has none (no --location)', async () => {
    const session = agreeingSession();
    (session.data as Record<string, unknown>).location = amsterdamLocation();
    const { json } = await reconcile([
      file('s5.json', session),
      file('c5.json', agreeingCdr([timeOfDay()])),
      '--json',
    ]);
    expect(json.cost.totalExclVat).toBe(4);
  });

  it('prints readable sections without --json; exits 2 on swapped or missing inputs', async () => {
    const text = await reconcile([
      file('s6.json', agreeingSession()),
      file('c6.json', agreeingCdr([timeOfDay()])),
      '--location',
      loc,
    ]);
    expect(text.code).toBe(0);
    expect(text.io.out).toMatch(/== Reconciliation\n {2}Session and CDR agree/);
    expect(text.io.out).toMatch(/== Cost of the CDR/);
    const swapped = await reconcile([file('c7.json', agreeingCdr()), file('s7.json', agreeingSession())]);
    expect(swapped.code).toBe(2);
    expect(swapped.io.err).toMatch(/give the session first/);
    expect((await reconcile([file('s8.json', agreeingSession())])).code).toBe(2);
  });

  it('works as the installed bin', () => {
    const bin = join(__dirname, '../../bin/ocpi-inspect.mjs');
    const run = spawnSync(
      process.execPath,
      [
        bin,
        'reconcile',
        file('s9.json', agreeingSession()),
        file('c9.json', agreeingCdr([timeOfDay()])),
        '--location',
        loc,
        '--json',
      ],
      { encoding: 'utf8' },
    );
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).anomalies).toEqual([]);
  });
});

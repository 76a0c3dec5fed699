import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { memoryIo } from '../support/memory-io';
import { agreeingCdr, agreeingSession, amsterdamLocation, cdr221 } from '../fixtures/billing/cdrs';
import { tariff, timeOfDay } from '../fixtures/billing/tariffs';

const dir = mkdtempSync(join(tmpdir(), 'cli-cost-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: unknown): string => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};
const tod = file('tod.json', timeOfDay());
const loc = file('loc.json', amsterdamLocation());

async function cost(args: string[]) {
  const io = memoryIo();
  const code = await main(['cost', ...args], io);
  return { code, io, json: code === 0 && args.includes('--json') ? JSON.parse(io.out) : null };
}

describe('ocpi-inspect cost', () => {
  it('--json prints exactly the documented keys for a session priced with --tariff and --location', async () => {
    const { code, io, json } = await cost([
      file('s.json', agreeingSession()),
      '--tariff',
      tod,
      '--location',
      loc,
      '--json',
    ]);
    expect(code).toBe(0);
    expect(io.out.trim().split('\n')).toHaveLength(1);
    expect(Object.keys(json)).toEqual([
      'currency',
      'totalExclVat',
      'totalInclVat',
      'components',
      'anomalies',
    ]);
    expect(Object.keys(json.components[0])).toEqual([
      'type',
      'tariffId',
      'element',
      'volume',
      'unit',
      'price',
      'vat',
      'costExclVat',
      'costInclVat',
    ]);
    expect(json).toMatchObject({ currency: 'EUR', totalExclVat: 4, totalInclVat: 4.84, anomalies: [] });
    expect(json.components).toEqual([
      {
        type: 'ENERGY',
        tariffId: 'tod',
        element: 0,
        volume: 5,
        unit: 'kWh',
        price: 0.3,
        vat: 21,
        costExclVat: 1.5,
        costInclVat: 1.815,
      },
      {
        type: 'ENERGY',
        tariffId: 'tod',
        element: 1,
        volume: 5,
        unit: 'kWh',
        price: 0.2,
        vat: 21,
        costExclVat: 1,
        costInclVat: 1.21,
      },
      {
        type: 'PARKING_TIME',
        tariffId: 'tod',
        element: 2,
        volume: 0.25,
        unit: 'h',
        price: 6,
        vat: 21,
        costExclVat: 1.5,
        costInclVat: 1.815,
      },
    ]);
  });

  it("reports SESSION_COST_MISMATCH when the session's own total_cost disagrees", async () => {
    const session = agreeingSession({ total_cost: { excl_vat: 3.5, incl_vat: 4.84 } });
    const { json } = await cost([file('s2.json', session), '--tariff', tod, '--location', loc, '--json']);
    expect(json.anomalies).toHaveLength(1);
    expect(json.anomalies[0]).toMatchObject({ code: 'SESSION_COST_MISMATCH', severity: 'warning' });
    expect(json.anomalies[0].message).toMatch(/3\.5 excl\. VAT stated, 4 computed/);
    expect(Object.keys(json.anomalies[0])).toEqual(['code', 'severity', 'message']);
  });

  it('prices a CDR with its own tariffs when no --tariff is given, and flags CDR_COST_MISMATCH', async () => {
    const ok = await cost([file('c.json', agreeingCdr([timeOfDay()])), '--location', loc, '--json']);
    expect(ok.json).toMatchObject({ totalExclVat: 4, totalInclVat: 4.84, anomalies: [] });
    const off = agreeingCdr([timeOfDay()], { total_cost: { excl_vat: 4.2, incl_vat: 5.08 } });
    const bad = await cost([file('c2.json', off), '--location', loc, '--json']);
    expect(bad.json.anomalies.map((a: { code: string }) => a.code)).toEqual(['CDR_COST_MISMATCH']);
  });

  it('takes several --tariff files; each period is priced by the tariff its tariff_id names', async () => {
    const a = file(
      'a.json',
      tariff('A', [{ price_components: [{ type: 'ENERGY', price: 0.1, step_size: 1 }] }]),
    );
    const b = file('b.json', {
      status_code: 1000,
      data: [tariff('B', [{ price_components: [{ type: 'ENERGY', price: 0.5, step_size: 1 }] }])],
    });
    const input = cdr221('2024-06-03T10:00:00Z', '2024-06-03T12:00:00Z', [
      { at: '2024-06-03T10:00:00Z', dims: { ENERGY: 2 }, tariffId: 'A' },
      { at: '2024-06-03T11:00:00Z', dims: { ENERGY: 2 }, tariffId: 'B' },
    ]);
    const { json } = await cost([file('m.json', input), '--tariff', a, '--tariff', b, '--json']);
    expect(
      json.components.map((c: { tariffId: string; costExclVat: number }) => [c.tariffId, c.costExclVat]),
    ).toEqual([
      ['A', 0.2],
      ['B', 1],
    ]);
  });

  it('prints a readable breakdown with the rules it applied without --json', async () => {
    const { code, io } = await cost([file('s3.json', agreeingSession()), '--tariff', tod, '--location', loc]);
    expect(code).toBe(0);
    expect(io.out).toMatch(
      /^Tariff tod: €0\.30\/kWh 08:00–18:00 local, else €0\.20\/kWh; parking €6\/h in 15-minute blocks\n/,
    );
    expect(io.out).toMatch(/Total\s+4 excl\. VAT, 4\.84 incl\. VAT EUR/);
    expect(io.out).toMatch(/local to Europe\/Amsterdam/);
    expect(io.out).toMatch(/crossed a restriction boundary|Checks: none fired/);
  });

  it('reports reader warnings of the input and tariff files on stderr, one line each, prefixed by the file', async () => {
    const odd = agreeingSession({ kwh: '10' });
    const { code, io, json } = await cost([
      file('w.json', odd),
      '--tariff',
      file('wt.json', { ...timeOfDay(), last_updated: 'x' }),
      '--location',
      loc,
      '--json',
    ]);
    expect(code).toBe(0);
    expect(json.totalExclVat).toBe(4);
    expect(io.err).toMatch(/^warning: .*w\.json data\.kwh: number sent as text "10"; read as 10$/m);
    expect(io.err).toMatch(/^warning: .*wt\.json last_updated: unreadable date-time "x"; ignored$/m);
  });

  it('exits 2 with one line for a session without --tariff, an unreadable tariff, or no input', async () => {
    const none = await cost([file('s4.json', agreeingSession()), '--json']);
    expect(none.code).toBe(2);
    expect(none.io.err).toMatch(/--tariff FILE/);
    const broken = await cost([
      file('s5.json', agreeingSession()),
      '--tariff',
      file('t.json', '{"elements": ['),
      '--json',
    ]);
    expect(broken.code).toBe(2);
    expect(broken.io.err.trim().split('\n')).toHaveLength(1);
    expect(broken.io.err).toMatch(/t\.json/);
    const notTariff = await cost([
      file('s6.json', agreeingSession()),
      '--tariff',
      file('x.json', { id: 'nope' }),
    ]);
    expect(notTariff.io.err).toMatch(/no Tariff/);
    expect((await cost([])).code).toBe(2);
    const typo = await cost([file('s8.json', agreeingSession()), '--tarif', tod]);
    expect(typo.code).toBe(2);
    expect(typo.io.err).toMatch(/unknown option --tarif \(did you mean --tariff\?\)/);
  });

  it('works as the installed bin', () => {
    const bin = join(__dirname, '../../bin/ocpi-inspect.mjs');
    const run = spawnSync(
      process.execPath,
      [bin, 'cost', file('s7.json', agreeingSession()), '--tariff', tod, '--location', loc, '--json'],
      {
        encoding: 'utf8',
      },
    );
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).totalInclVat).toBe(4.84);
  });
});

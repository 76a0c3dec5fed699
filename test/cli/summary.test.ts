import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { memoryIo } from '../support/memory-io';
import { ocpi221Envelope, vendorEnvelope } from '../fixtures/sessions';

const dir = mkdtempSync(join(tmpdir(), 'cli-summary-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('ocpi-inspect summary', () => {
  it('--json prints exactly one object with every documented key', async () => {
    const io = memoryIo();
    const code = await main(['summary', file('v.json', JSON.stringify(vendorEnvelope())), '--json'], io);
    expect(code).toBe(0);
    expect(io.err).toBe('');
    const lines = io.out.trim().split('\n');
    expect(lines).toHaveLength(1);
    const summary = JSON.parse(lines[0]);
    expect(Object.keys(summary).sort()).toEqual(
      [
        'kind',
        'sessionId',
        'status',
        'startedAt',
        'endedAt',
        'durationSeconds',
        'energyKwh',
        'periodEnergyKwh',
        'periodCount',
        'volumeUnit',
        'maxPowerKw',
        'currency',
        'totalCostExclVat',
        'totalCostInclVat',
        'location',
        'evseUid',
        'connectorId',
        'anomalies',
        'warnings',
      ].sort(),
    );
    expect(summary).toMatchObject({
      sessionId: 'f00dfeed00000000000000000000beef',
      status: 'COMPLETED',
      startedAt: '2024-05-02T10:00:00.000Z',
      endedAt: '2024-05-02T10:02:30.000Z',
      durationSeconds: 150,
      energyKwh: 0.1,
      periodEnergyKwh: 0.1,
      periodCount: 5,
      maxPowerKw: 2.4,
      currency: 'EUR',
      totalCostExclVat: 0.25,
      totalCostInclVat: null,
      location: { latitude: 52.52, longitude: 13.405 },
      evseUid: 'LAB01*2',
      connectorId: 'c-2',
      anomalies: [],
    });
    expect(summary.warnings.length).toBeGreaterThan(0);
  });

  it('reads standard input for -', async () => {
    const io = memoryIo(JSON.stringify(ocpi221Envelope()));
    expect(await main(['summary', '-', '--json'], io)).toBe(0);
    expect(JSON.parse(io.out)).toMatchObject({
      sessionId: 's-221',
      totalCostInclVat: 12.1,
      location: null,
      evseUid: 'EVSE-B',
      connectorId: '2',
    });
  });

  it('prints a readable summary without --json', async () => {
    const io = memoryIo();
    expect(await main(['summary', file('v2.json', JSON.stringify(vendorEnvelope({ kwh: 0.3 })))], io)).toBe(
      0,
    );
    expect(io.out).toMatch(/Session id +f00dfeed/);
    expect(io.out).toMatch(/\[ERROR\] ENERGY_MISMATCH/);
    expect(io.out).toMatch(/Reader warnings/);
  });

  it.each([
    ['not JSON', '{"id": ', /not valid JSON at line 1/],
    [
      'an envelope error',
      JSON.stringify({ status_code: 2003, status_message: 'Unknown session' }),
      /^ocpi-inspect: envelope status 2003: Unknown session$/,
    ],
    ['not an object', '[]', /Expected a JSON object/],
  ])('exits 2 with one line on stderr for %s', async (_name, content, pattern) => {
    const io = memoryIo();
    expect(await main(['summary', file('bad.json', content)], io)).toBe(2);
    expect(io.out).toBe('');
    expect(io.err.trim().split('\n')).toHaveLength(1);
    expect(io.err.trim()).toMatch(pattern);
  });

  it('exits 2 for a missing file and for a wrong number of arguments', async () => {
    const io = memoryIo();
    expect(await main(['summary', join(dir, 'nope.json')], io)).toBe(2);
    expect(io.err).toMatch(/no such file/);
    const io2 = memoryIo();
    expect(await main(['summary'], io2)).toBe(2);
  });

  it('works as the installed bin, with no stack trace on failure', () => {
    const bin = join(__dirname, '../../bin/ocpi-inspect.mjs');
    const out = execFileSync(
      process.execPath,
      [bin, 'summary', file('ok.json', JSON.stringify(vendorEnvelope())), '--json'],
      { encoding: 'utf8' },
    );
    expect(JSON.parse(out).periodCount).toBe(5);
    const bad = spawnSync(process.execPath, [bin, 'summary', file('broken.json', '{')], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });
});

/** The reader's data rules through the CLI itself, spawned as the installed bin (from the sources). */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ocpi211Session, ocpi230Session } from '../fixtures/sessions';

const dir = mkdtempSync(join(tmpdir(), 'cli-reader-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const bin = join(__dirname, '../../bin/ocpi-inspect.mjs');

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, OCPI_INSPECT_FROM_SOURCE: '1' },
    timeout: 60_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** Dimension types that name Object.prototype's own members, written as raw JSON so `__proto__` is a key. */
const hostileTypes = (): string =>
  JSON.stringify(ocpi230Session()).replace(
    '"charging_periods":[',
    '"charging_periods":[{"start_date_time":"2025-06-01T05:59:00Z","dimensions":[{"type":"__proto__","volume":3},{"type":"constructor","volume":4},{"type":"ENERGY","volume":0}]},',
  );

describe('ocpi-inspect and dimension types that are Object.prototype names', () => {
  it('summary keeps __proto__ and constructor as data and warns about each', () => {
    const run = cli('summary', file('proto.json', hostileTypes()), '--json');
    expect(run.status).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary.periodCount).toBe(3);
    const messages = summary.warnings.map((w: { message: string }) => w.message);
    expect(messages).toContain('unknown dimension type "__proto__"; kept as given');
    expect(messages).toContain('unknown dimension type "constructor"; kept as given');
  });

  it('export --format csv writes them as their own columns', () => {
    const out = join(dir, 'proto.csv');
    const run = cli('export', file('proto2.json', hostileTypes()), '--format', 'csv', '--out', out);
    expect(run.status).toBe(0);
    const [header, first] = readFileSync(out, 'utf8').split(/\r?\n/);
    const columns = header.split(',');
    expect(columns).toContain('__proto__');
    expect(columns).toContain('constructor');
    const cells = first.split(',');
    expect(cells[columns.indexOf('__proto__')]).toBe('3');
    expect(cells[columns.indexOf('constructor')]).toBe('4');
  });
});

describe('ocpi-inspect summary and Wh volumes', () => {
  const wh = (): string =>
    JSON.stringify(
      ocpi211Session({
        kwh: 11,
        charging_periods: [
          { start_datetime: '2023-01-10T08:00:00Z', dimensions: [{ type: 'ENERGY', volume: 5500 }] },
          { start_datetime: '2023-01-10T08:30:00Z', dimensions: [{ type: 'ENERGY', volume: 5500 }] },
        ],
      }),
    );

  it('reads them as Wh by default and says so in volumeUnit', () => {
    const summary = JSON.parse(cli('summary', file('wh.json', wh()), '--json').stdout);
    expect(summary).toMatchObject({ volumeUnit: 'Wh', periodEnergyKwh: 11, maxPowerKw: 11 });
    expect(summary.anomalies.map((c: { code: string }) => c.code)).toContain('ENERGY_UNIT_SUSPECT');
  });

  it('--as-sent keeps the raw reading, with the same error', () => {
    const summary = JSON.parse(cli('summary', file('wh2.json', wh()), '--json', '--as-sent').stdout);
    expect(summary).toMatchObject({ volumeUnit: 'kWh', periodEnergyKwh: 11000, maxPowerKw: 11000 });
    expect(summary.anomalies.map((c: { code: string }) => c.code)).toContain('ENERGY_UNIT_SUSPECT');
  });

  it('says kWh for a session in kWh', () => {
    const summary = JSON.parse(
      cli('summary', file('kwh.json', JSON.stringify(ocpi211Session())), '--json').stdout,
    );
    expect(summary.volumeUnit).toBe('kWh');
  });

  it('names a Location given where a session is expected (exit 2, one line)', () => {
    const location = {
      id: 'LOC1',
      address: 'Main St 1',
      coordinates: { latitude: '1', longitude: '2' },
      evses: [],
    };
    const run = cli('summary', file('location.json', JSON.stringify(location)));
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe(
      'ocpi-inspect: This JSON is an OCPI Location (it has evses and coordinates), not a session.',
    );
  });
});

/**
 * The CLI through the installed bin: bidi overrides and control characters in server strings reach the
 * terminal visibly, summary figures carry no float noise, and `export --times site` writes site-local times.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ocpi211Session, vendorEnvelope } from '../fixtures/sessions';

const dir = mkdtempSync(join(tmpdir(), 'cli-presentation-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const bin = join(__dirname, '../../bin/ocpi-inspect.mjs');

function cli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  // The sources, not a bundle a previous build left in out/.
  const r = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, OCPI_INSPECT_FROM_SOURCE: '1' },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function file(name: string, value: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(value));
  return path;
}

/** Anything a terminal would act on or hide: C0/C1 controls but line breaks, bidi and zero-width characters. */
// eslint-disable-next-line no-control-regex -- the test looks for control characters
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;

describe('ocpi-inspect shows server strings visibly', () => {
  const hostile = file(
    'bidi.json',
    vendorEnvelope({
      id: 'EVSE\u202Eexe.txt',
      status: 'COMPLETED\u001b]0;pwned\u0007',
      currency: 'EUR\u2066',
    }),
  );

  it('summary prints the marks, never the raw characters', () => {
    const r = cli(['summary', hostile]);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toMatch(RAW);
    expect(r.stdout).toContain('EVSE⟨U+202E⟩exe.txt');
    expect(r.stdout).toContain('COMPLETED⟨U+001B⟩]0;pwned⟨U+0007⟩');
  });

  it('summary --json keeps the values but writes them as escapes', () => {
    const r = cli(['summary', hostile, '--json']);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toMatch(RAW);
    expect(JSON.parse(r.stdout)).toMatchObject({ sessionId: 'EVSE\u202Eexe.txt', currency: 'EUR\u2066' });
  });

  it('summary figures carry no floating-point noise', () => {
    // 0.1 + 0.2 style sums: ten volumes of 0.1 sum to 0.9999999999999999 in floating point.
    const periods = Array.from({ length: 10 }, (_, i) => ({
      start_datetime: new Date(Date.parse('2023-01-10T08:00:00Z') + i * 7_000).toISOString(),
      dimensions: [{ type: 'ENERGY', volume: 0.1 }],
    }));
    const path = file(
      'noise.json',
      ocpi211Session({ kwh: 1, charging_periods: periods, total_cost: 0.1 + 0.2 }),
    );
    const json = JSON.parse(cli(['summary', path, '--json']).stdout);
    expect(json.periodEnergyKwh).toBe(1);
    expect(json.totalCostExclVat).toBe(0.3);
    expect(String(json.maxPowerKw)).toMatch(/^\d+(\.\d{1,2})?$/);
    const text = cli(['summary', path]).stdout;
    expect(text).not.toMatch(/\d\.\d{7,}/);
    expect(text).toContain('0.30 EUR');
  });

  it('export --times site writes the CSV and the report in the site’s zone', () => {
    const input = file('site.json', ocpi211Session());
    const csv = join(dir, 'p.csv');
    const html = join(dir, 'r.html');
    expect(cli(['export', input, '--format', 'csv', '--times', 'site', '--out', csv]).status).toBe(0);
    const rows = readFileSync(csv, 'utf8').split('\r\n');
    // Europe/Brussels in January: UTC+1.
    expect(rows[1].split(',')[0]).toBe('2023-01-10T09:00:00.000+01:00');
    expect(cli(['export', input, '--format', 'csv', '--out', csv]).status).toBe(0);
    expect(readFileSync(csv, 'utf8').split('\r\n')[1].split(',')[0]).toBe('2023-01-10T08:00:00.000Z');
    expect(cli(['export', input, '--format', 'html', '--times', 'site', '--out', html]).status).toBe(0);
    const report = readFileSync(html, 'utf8');
    expect(report).toContain('Times in Europe/Brussels');
    expect(report).toContain('2023-01-10T09:00:00.000+01:00');
    // Account ids are masked in the report unless asked for.
    expect(report).not.toContain('NL-TNM-000122-1');
    expect(cli(['export', input, '--format', 'html', '--show-ids', '--out', html]).status).toBe(0);
    expect(readFileSync(html, 'utf8')).toContain('NL-TNM-000122-1');
    const bad = cli(['export', input, '--format', 'csv', '--times', 'mars', '--out', csv]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--times must be utc or site/);
  });
});

import { describe, expect, it } from 'vitest';
import { csvNumber, csvText, periodsToCsv } from '../../../shared/export/csv';
import { readSession } from '../../../shared/session/read-session';
import type { NormalizedSession } from '../../../shared/session/types';
import { roundTo } from '../../../shared/present/numbers';
import { manyPeriodsSession } from '../../fixtures/export';
import { ocpi211Session } from '../../fixtures/sessions';

/** A strict RFC 4180 parser, so the tests check what a spreadsheet would read. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  expect(cell).toBe('');
  return rows;
}

function session(text: string): NormalizedSession {
  const read = readSession(text);
  if (!read.ok) throw new Error(read.error.message);
  return read.session;
}

describe('periodsToCsv', () => {
  it('has a header and one row per period, every row as wide as the header', () => {
    const s = session(manyPeriodsSession(250));
    const rows = parseCsv(periodsToCsv(s));
    expect(rows[0]).toEqual([
      'start',
      'end',
      'duration_s',
      'MAX_CURRENT',
      'tariff_id',
      'energy_kwh',
      'cumulative_kwh',
      'avg_kw',
    ]);
    expect(rows.length - 1).toBe(s.periods.count);
    for (const r of rows) expect(r).toHaveLength(8);
  });

  it('writes the reader’s values: ISO times, seconds, kWh, running kWh and kW; absent values empty', () => {
    const s = session(manyPeriodsSession(10));
    const rows = parseCsv(periodsToCsv(s));
    expect(rows[1]).toEqual([
      '2024-06-01T08:00:00.000Z',
      '2024-06-01T08:01:00.000Z',
      '60',
      '16',
      'T"2',
      '0.1',
      '0.1',
      String(roundTo(s.periods.powerKw[0], 2)),
    ]);
    // Period 3 has no ENERGY: empty kWh and kW, the running total carries on.
    expect(rows[4][5]).toBe('');
    expect(rows[4][7]).toBe('');
    expect(rows[4][6]).toBe(String(roundTo(s.periods.cumulativeKwh[3], 4)));
    expect(rows[4][4]).toBe('T,1');
  });

  it('writes no floating-point noise: energy to its source decimals, power to 0.01 kW', () => {
    const rows = parseCsv(periodsToCsv(session(manyPeriodsSession(360))));
    for (const row of rows.slice(1)) {
      for (const cell of row.slice(2)) expect(cell).not.toMatch(/\.\d{7,}/);
      expect(row[7]).toMatch(/^$|^\d+(\.\d{1,2})?$/);
      expect(row[6]).toMatch(/^\d+(\.\d{1,4})?$/);
    }
  });

  it('writes site-local times with their offset when asked', () => {
    const s = session(JSON.stringify(ocpi211Session()));
    const utc = parseCsv(periodsToCsv(s));
    const site = parseCsv(periodsToCsv(s, { times: 'site' }));
    expect(utc[1][0]).toBe('2023-01-10T08:00:00.000Z');
    expect(site[1][0]).toBe('2023-01-10T09:00:00.000+01:00');
    expect(Date.parse(site[1][1])).toBe(Date.parse(utc[1][1]));
  });

  it('leaves out the tariff column when no period has a tariff', () => {
    const header = parseCsv(periodsToCsv(session(JSON.stringify(ocpi211Session()))))[0];
    expect(header).not.toContain('tariff_id');
  });

  it('neutralizes text that a spreadsheet would run as a formula, and keeps negative numbers as numbers', () => {
    for (const evil of ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\tTAB'])
      expect(csvText(evil).replace(/^"|"$/g, '').replace(/""/g, '"')).toBe(`'${evil}`);
    expect(csvText('plain')).toBe('plain');
    expect(csvNumber(-1.5)).toBe('-1.5');
    expect(csvNumber(NaN)).toBe('');
    const text = manyPeriodsSession(4)
      .replace(/"T\\"2"/g, '"=cmd|\' /C calc\'!A0"')
      .replace(/"MAX_CURRENT"/g, '"@EVIL"');
    const rows = parseCsv(periodsToCsv(session(text)));
    expect(rows[0][3]).toBe("'@EVIL");
    expect(rows[1][4]).toBe("'=cmd|' /C calc'!A0");
  });

  it('quotes per RFC 4180: commas, quotes and line breaks', () => {
    expect(csvText('a,b')).toBe('"a,b"');
    expect(csvText('say "hi"')).toBe('"say ""hi"""');
    expect(csvText('two\nlines')).toBe('"two\nlines"');
  });
});

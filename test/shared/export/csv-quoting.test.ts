/** CSV cell quoting and formula neutralization, cell by cell (csv.test.ts covers whole files). */
import { describe, expect, it } from 'vitest';
import { csvNumber, csvText } from '../../../shared/export/csv';

describe('csvText', () => {
  it('quotes a cell holding a comma, a quote, LF or CR anywhere, and doubles its quotes', () => {
    expect(csvText('a\rb')).toBe('"a\rb"');
    expect(csvText('"')).toBe('""""');
    expect(csvText('a""b')).toBe('"a""""b"');
    expect(csvText('x,')).toBe('"x,"');
    expect(csvText('\nx')).toBe('"\nx"');
  });

  it('neutralizes only a formula start, then quotes what needs it', () => {
    expect(csvText('\rcmd')).toBe(`"'\rcmd"`);
    expect(csvText('=a,b')).toBe(`"'=a,b"`);
    expect(csvText('-')).toBe("'-");
    expect(csvText('x=1+2-3@4')).toBe('x=1+2-3@4');
    expect(csvText(' =1')).toBe(' =1');
    expect(csvText("'=1")).toBe("'=1");
  });

  it('leaves plain and empty text as it is', () => {
    expect(csvText('')).toBe('');
    expect(csvText('T-11 é 🚗')).toBe('T-11 é 🚗');
  });
});

describe('csvNumber', () => {
  it('writes finite numbers only, to the places asked', () => {
    expect(csvNumber(Infinity)).toBe('');
    expect(csvNumber(-Infinity)).toBe('');
    expect(csvNumber(0)).toBe('0');
    expect(csvNumber(1.23456789, 2)).toBe('1.23');
    expect(csvNumber(2.5e-7)).toBe('0');
  });
});

import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatNumber,
  formatTime,
  maskId,
  resolveZone,
} from '../../../renderer/src/format/format';
import { costLines } from '../../../renderer/src/features/details/cost-lines';

const T = Date.UTC(2024, 0, 15, 13, 5, 9, 42);

describe('time display', () => {
  it('formats in the given zone', () => {
    expect(formatTime(T, 'UTC')).toBe('2024-01-15 13:05:09');
    expect(formatTime(T, 'Europe/Brussels')).toBe('2024-01-15 14:05:09');
    expect(formatTime(T, 'UTC', true)).toBe('2024-01-15 13:05:09.042');
    expect(formatTime(null, 'UTC')).toBe('—');
  });
  it('uses the site zone when known, else UTC with a note', () => {
    expect(resolveZone('site', 'Asia/Kolkata')).toEqual({
      zone: 'Asia/Kolkata',
      label: 'Asia/Kolkata',
      note: null,
    });
    expect(resolveZone('site', null)).toMatchObject({
      zone: 'UTC',
      note: expect.stringContaining('no time_zone'),
    });
    expect(resolveZone('site', 'Mars/Olympus')).toMatchObject({
      zone: 'UTC',
      note: expect.stringContaining('not a known zone'),
    });
    expect(resolveZone('utc', 'Asia/Kolkata').zone).toBe('UTC');
    expect(resolveZone('local', 'Asia/Kolkata').zone).toBeUndefined();
  });
});

describe('formatting helpers', () => {
  it('masks ids keeping two characters each side', () => {
    expect(maskId('TOKEN-UID-123456')).toBe('TO••••••••56');
    expect(maskId('abc')).toBe('•••');
  });
  it('formats bytes and numbers', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(2048)).toBe('2.0 KB');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5.0 MB');
    expect(formatNumber(Number.NaN)).toBe('—');
    expect(formatNumber(1234.56789, 2)).toBe('1234.57');
  });
});

describe('costLines', () => {
  it('describes each of the three price shapes with the currency', () => {
    expect(costLines({ shape: 'number', exclVat: 8.5, inclVat: null, taxes: [] }, 'EUR')).toEqual([
      '8.5 EUR (a plain number: excl. VAT)',
    ]);
    expect(costLines({ shape: 'excl_incl', exclVat: 10, inclVat: 12.1, taxes: [] }, 'EUR')).toEqual([
      '10 EUR excl. VAT',
      '12.1 EUR incl. VAT',
    ]);
    expect(
      costLines(
        {
          shape: 'before_taxes',
          exclVat: 10,
          inclVat: 12.1,
          taxes: [{ name: 'VAT', amount: 2.1, percentage: 21 }],
        },
        'EUR',
      ),
    ).toEqual(['10 EUR before taxes', 'VAT 21%: 2.1 EUR', '12.1 EUR after taxes']);
  });
});

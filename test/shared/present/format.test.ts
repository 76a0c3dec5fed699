import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatBytes } from '../../../renderer/src/format/format';
import { costLines } from '../../../shared/present/cost';
import { maskId } from '../../../shared/present/mask';
import { formatNumber } from '../../../shared/present/numbers';
import { formatTime, isoInZone, resolveZone } from '../../../shared/present/time';

const T = Date.UTC(2024, 0, 15, 13, 5, 9, 42);

describe('time display', () => {
  it('formats in the given zone', () => {
    expect(formatTime(T, 'UTC')).toBe('2024-01-15 13:05:09');
    expect(formatTime(T, 'Europe/Brussels')).toBe('2024-01-15 14:05:09');
    expect(formatTime(T, 'UTC', true)).toBe('2024-01-15 13:05:09.042');
    expect(formatTime(null, 'UTC')).toBe('—');
  });
  it('reads as Intl writes the instant, in any zone, across DST changes and before and after 1980', () => {
    // The reference: Intl itself, asked for every instant (what formatTime avoids doing).
    const reference = (ms: number, zone: string | undefined, withMs: boolean): string => {
      const parts = new Map(
        new Intl.DateTimeFormat('en-CA', {
          timeZone: zone,
          year: 'numeric',
          month: '2-digit',
          day: '2-digit',
          hour: '2-digit',
          minute: '2-digit',
          second: '2-digit',
          hourCycle: 'h23',
          ...(withMs ? { fractionalSecondDigits: 3 } : {}),
        })
          .formatToParts(ms)
          .map((p) => [p.type, p.value]),
      );
      const frac = withMs ? `.${parts.get('fractionalSecond')}` : '';
      return `${parts.get('year')}-${parts.get('month')}-${parts.get('day')} ${parts.get('hour')}:${parts.get('minute')}:${parts.get('second')}${frac}`;
    };
    const zones = [
      undefined,
      'UTC',
      'Europe/Amsterdam',
      'America/St_Johns',
      'Asia/Kathmandu',
      'Australia/Lord_Howe',
      'Africa/Monrovia',
      'Pacific/Chatham',
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1960, 0, 1), max: Date.UTC(2100, 0, 1) }),
        fc.constantFrom(...zones),
        fc.boolean(),
        (ms, zone, withMs) => {
          expect(formatTime(ms, zone, withMs)).toBe(reference(ms, zone, withMs));
        },
      ),
      { numRuns: 3000 },
    );
    // Each side of a DST change in Amsterdam (2024-03-31 01:00 UTC), in order, as a table's rows would ask.
    const change = Date.UTC(2024, 2, 31, 1);
    for (let ms = change - 3_600_000; ms <= change + 3_600_000; ms += 60_000)
      expect(formatTime(ms, 'Europe/Amsterdam')).toBe(reference(ms, 'Europe/Amsterdam', false));
  });

  it('writes ISO 8601 with the zone offset, or Z for UTC', () => {
    expect(isoInZone(T, 'UTC')).toBe('2024-01-15T13:05:09.042Z');
    expect(isoInZone(T, 'Europe/Brussels')).toBe('2024-01-15T14:05:09.042+01:00');
    expect(isoInZone(T, 'Asia/Kolkata')).toBe('2024-01-15T18:35:09.042+05:30');
    expect(isoInZone(Date.UTC(2024, 6, 1), 'Europe/Brussels')).toBe('2024-07-01T02:00:00.000+02:00');
    expect(isoInZone(T, 'Atlantic/Reykjavik')).toBe('2024-01-15T13:05:09.042+00:00');
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
  it('describes each of the three price shapes with the currency, to its minor unit', () => {
    expect(costLines({ shape: 'number', exclVat: 8.5, inclVat: null, taxes: [] }, 'EUR')).toEqual([
      '8.50 EUR (a plain number: excl. VAT)',
    ]);
    expect(costLines({ shape: 'excl_incl', exclVat: 10, inclVat: 12.1, taxes: [] }, 'EUR')).toEqual([
      '10.00 EUR excl. VAT',
      '12.10 EUR incl. VAT',
    ]);
    expect(costLines({ shape: 'number', exclVat: 1234.5, inclVat: null, taxes: [] }, 'JPY')[0]).toBe(
      '1235 JPY (a plain number: excl. VAT)',
    );
    expect(costLines({ shape: 'number', exclVat: 1.2345, inclVat: null, taxes: [] }, 'KWD')[0]).toMatch(
      /^1\.23[45] KWD/,
    );
    expect(costLines(null, 'EUR')).toEqual(['— (EUR)']);
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
    ).toEqual(['10.00 EUR before taxes', 'VAT 21%: 2.10 EUR', '12.10 EUR after taxes']);
  });
});

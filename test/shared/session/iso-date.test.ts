import { describe, expect, it } from 'vitest';
import { hasZone, parseIsoDate, toIso } from '../../../shared/session/iso-date';

describe('parseIsoDate', () => {
  it.each([
    '2022-03-14T12:35:44.000+00:00',
    '2022-03-14T12:35:44Z',
    '2022-03-14T12:35:44.5Z',
    '2022-03-14T12:35:44.123456Z',
    '2022-03-14T14:35:44+02:00',
    '2022-03-14T07:05:44-05:30',
    '2022-03-14T14:35:44+0200',
    '2020-02-29T00:00:00Z',
    '1969-12-31T23:59:59Z',
  ])('agrees with Date.parse for %s', (text) => {
    expect(parseIsoDate(text)).toBe(Date.parse(text));
  });

  it('reads text without a zone as UTC', () => {
    expect(parseIsoDate('2022-04-04T06:48:08.577')).toBe(Date.parse('2022-04-04T06:48:08.577Z'));
    expect(parseIsoDate('2022-04-04 06:48:08')).toBe(Date.parse('2022-04-04T06:48:08Z'));
  });

  it('falls back for other layouts and rejects nonsense', () => {
    expect(parseIsoDate('2022-04-04')).toBe(Date.parse('2022-04-04T00:00:00Z'));
    expect(parseIsoDate('yesterday')).toBeNaN();
    expect(parseIsoDate('2022-02-30T00:00:00Z')).toBeNaN();
    expect(parseIsoDate('2022-13-01T00:00:00Z')).toBeNaN();
    expect(parseIsoDate('')).toBeNaN();
  });

  it('hasZone tells zoned from zone-less text', () => {
    expect(hasZone('2022-03-14T12:35:44Z')).toBe(true);
    expect(hasZone('2022-03-14T12:35:44.000+00:00')).toBe(true);
    expect(hasZone('2022-03-14T12:35:44-0500')).toBe(true);
    expect(hasZone('2022-03-14T12:35:44.577')).toBe(false);
    expect(hasZone('2022-03-14')).toBe(false);
  });

  it('toIso gives ISO-8601 UTC or null', () => {
    expect(toIso(Date.UTC(2022, 2, 14, 12, 35, 44))).toBe('2022-03-14T12:35:44.000Z');
    expect(toIso(null)).toBeNull();
    expect(toIso(NaN)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { COUNTRY_BOXES } from '../../../shared/geo/country-boxes';
import { countryContains } from '../../../shared/geo/country-lookup';

describe('countryContains', () => {
  it.each([
    ['Gent', 'BEL', 51.05, 3.73],
    ['Gent', 'BE', 51.05, 3.73],
    ['Bangalore', 'IN', 12.88, 77.68],
    ['Bangalore', 'IND', 12.88, 77.68],
    ['Paris', 'FRA', 48.86, 2.35],
    ['Ajaccio', 'FRA', 41.93, 8.74],
    ['Saint-Denis, Réunion', 'FRA', -20.88, 55.45],
    ['Amsterdam', 'NLD', 52.37, 4.9],
    ['Texel (Wadden island)', 'NLD', 53.05, 4.8],
    ['Oslo', 'NOR', 59.91, 10.75],
    ['Tromsø', 'NOR', 69.65, 18.96],
    ['Auckland', 'NZL', -36.85, 174.76],
    ['Christchurch', 'NZ', -43.53, 172.64],
    ['San Francisco', 'USA', 37.77, -122.42],
    ['Honolulu', 'USA', 21.31, -157.86],
    ['Anchorage', 'USA', 61.22, -149.9],
    ['Anadyr (west of the antimeridian)', 'RUS', 64.73, 177.5],
    ['Uelen (east of the antimeridian)', 'RUS', 66.16, -169.8],
    ['Suva', 'FJI', -18.14, 178.44],
    ['Lau islands (east of the antimeridian)', 'FJI', -17.2, -178.8],
    ['Hanga Roa, Easter Island (a small island kept)', 'CHL', -27.15, -109.43],
    ['Key West (coastal, needs padding)', 'USA', 24.55, -81.8],
  ])('%s is in %s', (_place, code, latitude, longitude) => {
    expect(countryContains(code, latitude, longitude)).toBe(true);
  });

  it.each([
    ['Gent swapped', 'BEL', 3.73, 51.05],
    ['Bangalore swapped', 'IND', 77.68, 12.88],
    ['San Francisco swapped', 'USA', -122.42, 37.77],
    ['the Indian Ocean between Réunion and nowhere', 'FRA', -10, 60],
    ['mid-Atlantic, between mainland France and the Antilles', 'FRA', 30, -30],
    ['mid-Pacific, between the USA and Hawaii', 'USA', 30, -140],
    ['Madrid', 'FRA', 40.42, -3.7],
    ['Paris', 'BEL', 48.86, 2.35],
    ['Null Island', 'BEL', 0, 0],
  ])('%s is not in %s', (_place, code, latitude, longitude) => {
    expect(countryContains(code, latitude, longitude)).toBe(false);
  });

  it('accepts codes in any case and with stray spaces', () => {
    expect(countryContains('bel', 51.05, 3.73)).toBe(true);
    expect(countryContains('be', 51.05, 3.73)).toBe(true);
    expect(countryContains('Fra', 48.86, 2.35)).toBe(true);
    expect(countryContains(' NL ', 52.37, 4.9)).toBe(true);
  });

  it('returns null for unknown or malformed codes', () => {
    expect(countryContains('XX', 51.05, 3.73)).toBeNull();
    expect(countryContains('XYZ', 51.05, 3.73)).toBeNull();
    expect(countryContains('', 51.05, 3.73)).toBeNull();
    expect(countryContains('BELG', 51.05, 3.73)).toBeNull();
    // Antarctica is left out of the data on purpose.
    expect(countryContains('ATA', -75, 0)).toBeNull();
  });

  it('says false, not true, for non-finite coordinates of a known country', () => {
    expect(countryContains('BE', Number.NaN, 3.73)).toBe(false);
    expect(countryContains('BE', 51.05, Number.POSITIVE_INFINITY)).toBe(false);
  });
});

describe('COUNTRY_BOXES (generated data)', () => {
  it('has unique, well-formed ISO codes', () => {
    const alpha2 = COUNTRY_BOXES.map(([a2]) => a2);
    const alpha3 = COUNTRY_BOXES.map(([, a3]) => a3);
    expect(alpha2.every((c) => /^[A-Z]{2}$/.test(c))).toBe(true);
    expect(alpha3.every((c) => /^[A-Z]{3}$/.test(c))).toBe(true);
    expect(new Set(alpha2).size).toBe(alpha2.length);
    expect(new Set(alpha3).size).toBe(alpha3.length);
    expect(COUNTRY_BOXES.length).toBeGreaterThan(200);
  });

  it('stores whole boxes, each ordered and within the globe', () => {
    for (const [alpha2, , boxes] of COUNTRY_BOXES) {
      expect(boxes.length % 4, alpha2).toBe(0);
      expect(boxes.length, alpha2).toBeGreaterThan(0);
      for (let i = 0; i < boxes.length; i += 4) {
        const [south, west, north, east] = boxes.slice(i, i + 4);
        expect(south < north && west < east, `${alpha2} box ${i / 4}`).toBe(true);
        expect(south >= -900 && north <= 900 && west >= -1800 && east <= 1800, `${alpha2} box ${i / 4}`).toBe(
          true,
        );
      }
    }
  });

  it('never lets overseas territories stretch a country across an ocean', () => {
    // Only countries that really are that wide may have a box spanning more than 100° of longitude.
    const wide = COUNTRY_BOXES.filter(([, , boxes]) =>
      boxes.some((_, i) => i % 4 === 0 && boxes[i + 3] - boxes[i + 1] > 1000),
    ).map(([alpha2]) => alpha2);
    expect(wide).toEqual(['RU']);
  });
});

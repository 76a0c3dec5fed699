// @vitest-environment jsdom
import { beforeAll, describe, expect, it } from 'vitest';
import type uPlot from 'uplot';

// uPlot asks matchMedia for the pixel ratio when it loads; jsdom has none.
let tzDate: typeof uPlot.tzDate;
let zoneDate: typeof import('../../../../renderer/src/features/timeline/plot').zoneDate;
beforeAll(async () => {
  window.matchMedia ??= (query: string) =>
    ({
      matches: false,
      media: query,
      addEventListener() {},
      removeEventListener() {},
    }) as unknown as MediaQueryList;
  tzDate = (await import('uplot')).default.tzDate;
  zoneDate = (await import('../../../../renderer/src/features/timeline/plot')).zoneDate;
});

describe('zoneDate', () => {
  it('is absent for this computer’s zone (uPlot reads local time itself)', () => {
    expect(zoneDate(undefined)).toBeUndefined();
  });

  it('reads the same wall clock as uPlot.tzDate, across DST changes and odd offsets', () => {
    const times = [
      Date.UTC(2024, 2, 31, 0, 59, 59), // just before Europe's spring change
      Date.UTC(2024, 2, 31, 1, 0, 0),
      Date.UTC(2024, 9, 27, 0, 30, 0), // inside the autumn repeated hour
      Date.UTC(2024, 9, 27, 1, 30, 0),
      Date.UTC(2024, 0, 1, 12, 34, 56, 789),
    ];
    for (const zone of [
      'Europe/Amsterdam',
      'America/New_York',
      'Asia/Kolkata',
      'Australia/Lord_Howe',
      'UTC',
    ]) {
      const ours = zoneDate(zone);
      if (!ours) throw new Error('no zoneDate');
      for (const ms of times) {
        const a = ours(ms / 1000);
        const b = tzDate(new Date(ms), zone);
        expect([
          a.getFullYear(),
          a.getMonth(),
          a.getDate(),
          a.getHours(),
          a.getMinutes(),
          a.getSeconds(),
        ]).toEqual([
          b.getFullYear(),
          b.getMonth(),
          b.getDate(),
          b.getHours(),
          b.getMinutes(),
          b.getSeconds(),
        ]);
      }
    }
  });
});

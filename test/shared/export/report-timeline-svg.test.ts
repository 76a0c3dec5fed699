import { describe, expect, it } from 'vitest';
import { timelineSvg } from '../../../shared/export/report-timeline-svg';
import type { PeriodTable } from '../../../shared/session/types';

function table(starts: number[], power: number[], lastEnd: number): PeriodTable {
  const n = starts.length;
  const f = (a: number[]) => Float64Array.from(a);
  const cumulative: number[] = [];
  power.reduce((sum, p, i) => (cumulative[i] = sum + (Number.isNaN(p) ? 0 : p)), 0);
  return {
    count: n,
    start: f(starts),
    end: f([...starts.slice(1), lastEnd]),
    durationS: f(starts.map((s, i) => ((i + 1 < n ? starts[i + 1] : lastEnd) - s) / 1000)),
    energyKwh: f(power),
    cumulativeKwh: f(cumulative),
    powerKw: f(power),
    dimensionTypes: ['ENERGY'],
    dimensions: new Map([['ENERGY', f(power)]]),
    tariffIds: null,
  };
}

const T0 = Date.parse('2024-01-01T10:00:00Z');
const path = (svg: string, cls: string): string =>
  new RegExp(`d="([^"]*)" class="${cls}"`).exec(svg)?.[1] ?? '';

describe('timelineSvg', () => {
  it('breaks the power line where a value is missing instead of drawing a zero', () => {
    const svg = timelineSvg(table([T0, T0 + 60e3, T0 + 120e3, T0 + 180e3], [5, NaN, 7, 8], T0 + 240e3));
    expect(path(svg, 'kw-line').match(/M/g)).toHaveLength(2);
    expect(path(svg, 'kwh-line').match(/M/g)).toHaveLength(1);
    expect(svg).toContain('>10 kW<');
    expect(svg).toContain('>10:00<');
  });

  it('puts the date on the ticks of a session longer than a day', () => {
    const svg = timelineSvg(table([T0, T0 + 86_400e3], [1, 2], T0 + 2 * 86_400e3));
    expect(svg).toContain('>01-01 10:00<');
    expect(svg).toContain('>01-03 10:00<');
  });

  it('explains a session with no dated periods', () => {
    expect(timelineSvg(table([], [], NaN))).toContain('No timeline');
    expect(timelineSvg(table([NaN], [1], NaN))).toContain('No timeline');
  });
});

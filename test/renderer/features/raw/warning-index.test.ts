import { describe, expect, it } from 'vitest';
import { indexWarnings, pathChain } from '../../../../renderer/src/features/raw/warning-index';

describe('pathChain', () => {
  it('walks from the root to a reader warning path', () => {
    expect(pathChain('data.charging_periods[3].dimensions[0].volume')).toEqual([
      { path: '', index: null },
      { path: 'data', index: null },
      { path: 'data.charging_periods', index: null },
      { path: 'data.charging_periods[3]', index: 3 },
      { path: 'data.charging_periods[3].dimensions', index: null },
      { path: 'data.charging_periods[3].dimensions[0]', index: 0 },
      { path: 'data.charging_periods[3].dimensions[0].volume', index: null },
    ]);
  });
});

describe('indexWarnings', () => {
  it('counts warnings at and below each node', () => {
    const idx = indexWarnings([
      { path: 'data.kwh', message: 'a' },
      { path: 'data.charging_periods[1].start_date_time', message: 'b' },
    ]);
    expect(idx.at.get('data.kwh')?.[0].message).toBe('a');
    expect(idx.below.get('')).toBe(2);
    expect(idx.below.get('data')).toBe(2);
    expect(idx.below.get('data.charging_periods')).toBe(1);
    expect(idx.below.get('data.charging_periods[0]')).toBeUndefined();
  });
});

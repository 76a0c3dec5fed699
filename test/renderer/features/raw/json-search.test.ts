import { describe, expect, it } from 'vitest';
import { branchPaths, findPaths } from '../../../../renderer/src/features/raw/json-search';

const body = {
  status_code: 1000,
  data: {
    id: 'S-1',
    charging_periods: [
      { start_date_time: '2024-01-01T00:00:00Z', dimensions: [{ type: 'ENERGY', volume: 1.5 }] },
      { start_date_time: '2024-01-01T00:10:00Z', dimensions: [{ type: 'TIME', volume: 0.2 }] },
    ],
  },
};

describe('findPaths', () => {
  it('finds keys and leaf values, case-insensitive, in document order', () => {
    expect(findPaths(body, 'energy').paths).toEqual(['data.charging_periods[0].dimensions[0].type']);
    expect(findPaths(body, 'VOLUME').paths).toEqual([
      'data.charging_periods[0].dimensions[0].volume',
      'data.charging_periods[1].dimensions[0].volume',
    ]);
    expect(findPaths(body, '1000').paths).toEqual(['status_code']);
    expect(findPaths(body, 'nothing here').paths).toEqual([]);
    expect(findPaths(body, '  ').paths).toEqual([]);
  });

  it('stops at the limit and says there are more', () => {
    const many = { items: Array.from({ length: 50 }, (_, i) => ({ name: `x${i}` })) };
    const found = findPaths(many, 'name', 10);
    expect(found.paths).toHaveLength(10);
    expect(found.more).toBe(true);
    expect(findPaths(many, 'name', 100).more).toBe(false);
  });
});

describe('branchPaths', () => {
  it('lists every branch within the first items of each array', () => {
    expect(branchPaths(body, 1)).toEqual([
      '',
      'data',
      'data.charging_periods',
      'data.charging_periods[0]',
      'data.charging_periods[0].dimensions',
      'data.charging_periods[0].dimensions[0]',
    ]);
    expect(branchPaths(body, 100)).toHaveLength(9);
    expect(branchPaths(body, 100, 3)).toHaveLength(3);
  });
});

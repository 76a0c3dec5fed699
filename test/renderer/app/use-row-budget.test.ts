/** The row budget's arithmetic: how many new rows get cells in a frame, and how the cost estimate moves. */
import { describe, expect, it } from 'vitest';
import {
  FIRST_MS_PER_ROW,
  nextCostPerRow,
  rowsForBudget,
  rowsWithCells,
} from '../../../renderer/src/app/use-row-budget';

describe('row budget', () => {
  it('keeps the rows that had cells and adds new ones in order up to the budget', () => {
    const keys = ['a', 'b', 'c', 'd', 'e', 'f'];
    expect([...rowsWithCells(keys, new Set(['c', 'f']), 2)]).toEqual(['a', 'b', 'c', 'f']);
    expect([...rowsWithCells(keys, new Set(), 0)]).toEqual([]);
    // A row that left the DOM is forgotten: it costs again when it comes back.
    expect([...rowsWithCells(['b'], new Set(['a']), 0)]).toEqual([]);
  });

  it('mounts fewer rows when they cost more, within bounds', () => {
    const cold = rowsForBudget(FIRST_MS_PER_ROW);
    expect(cold).toBeGreaterThanOrEqual(4);
    expect(cold).toBeLessThan(25);
    expect(rowsForBudget(0.1)).toBeGreaterThan(5 * cold);
    expect(rowsForBudget(0)).toBe(200);
    expect(rowsForBudget(1000)).toBe(4);
  });

  it('moves the cost halfway to each new measure and ignores frames that mounted nothing', () => {
    expect(nextCostPerRow(1, 4, 10)).toBeCloseTo(0.7);
    expect(nextCostPerRow(0.6, 99, 0)).toBe(0.6);
  });
});

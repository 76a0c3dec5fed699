/** Which rows of an equal-height list are in the DOM for a scroll position. */
import { describe, expect, it } from 'vitest';
import { rowWindow } from '../../../renderer/src/app/use-fixed-rows';

describe('rowWindow', () => {
  it('covers the viewport plus the overscan, within the list', () => {
    expect(rowWindow(0, 260, 10_000, 26, 6)).toEqual({ first: 0, end: 16 });
    expect(rowWindow(26 * 100, 260, 10_000, 26, 6)).toEqual({ first: 94, end: 116 });
    expect(rowWindow(26 * 100 + 13, 260, 10_000, 26, 0)).toEqual({ first: 100, end: 111 });
    expect(rowWindow(26 * 9_995, 260, 10_000, 26, 6)).toEqual({ first: 9_989, end: 10_000 });
  });

  it('is empty for an empty list, or one scrolled past its end', () => {
    expect(rowWindow(0, 260, 0, 26, 6)).toEqual({ first: 0, end: 0 });
    expect(rowWindow(26 * 50, 260, 10, 26, 6)).toEqual({ first: 10, end: 10 });
  });
});

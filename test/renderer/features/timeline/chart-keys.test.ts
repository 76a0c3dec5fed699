import { describe, expect, it } from 'vitest';
import { chartCommand, zoomedRange } from '../../../../renderer/src/features/timeline/chart-keys';
import { clampRange } from '../../../../renderer/src/features/timeline/plot';

describe('chart keys', () => {
  it('maps + − arrows and 0 to zoom, pan and reset, and ignores other keys', () => {
    expect(['+', '=', '-', '−', 'ArrowLeft', 'ArrowRight', '0', 'Home'].map(chartCommand)).toEqual([
      'in',
      'in',
      'out',
      'out',
      'left',
      'right',
      'reset',
      'reset',
    ]);
    expect(chartCommand('a')).toBeNull();
    expect(chartCommand('ArrowUp')).toBeNull();
  });

  it('halves or doubles the view around its centre, pans by a quarter, resets to the span', () => {
    const span: [number, number] = [0, 1000];
    expect(zoomedRange(span, [200, 600], 'in')).toEqual([300, 500]);
    expect(zoomedRange(span, [200, 600], 'out')).toEqual([0, 800]);
    expect(zoomedRange(span, [200, 600], 'left')).toEqual([100, 500]);
    expect(zoomedRange(span, [200, 600], 'right')).toEqual([300, 700]);
    expect(zoomedRange(span, [200, 600], 'reset')).toEqual(span);
  });

  it('keeps every range inside the session, its width unchanged when it fits', () => {
    expect(clampRange([0, 1000], -100, 300)).toEqual([0, 400]);
    expect(clampRange([0, 1000], 900, 1300)).toEqual([600, 1000]);
    expect(clampRange([0, 1000], -500, 2000)).toEqual([0, 1000]);
    expect(clampRange([0, 1000], 10, 10.2)).toEqual([10, 11]);
  });
});

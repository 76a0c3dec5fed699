import { serialize, deserialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { readSession } from '../../../shared/session/read-session';
import type { ReadSuccess } from '../../../shared/session/types';
import { ocpi230Session } from '../../fixtures/sessions';

function ok(input: unknown): ReadSuccess {
  const result = readSession(input);
  if (!result.ok) throw new Error(result.error.message);
  return result;
}

const periodsWith = (types: string[]): unknown[] => [
  {
    start_date_time: '2025-06-01T06:00:00Z',
    dimensions: [{ type: 'ENERGY', volume: 1 }, ...types.map((type, i) => ({ type, volume: i + 7 }))],
  },
  { start_date_time: '2025-06-01T06:10:00Z', dimensions: [{ type: 'ENERGY', volume: 1 }] },
];

describe('period table: dimension types are data', () => {
  it('keeps __proto__ and constructor as columns of their own, warns, and leaves Object.prototype alone', () => {
    const r = ok(
      JSON.parse(
        JSON.stringify(ocpi230Session({ charging_periods: periodsWith([]) })).replace(
          '"charging_periods":[',
          '"charging_periods":[{"start_date_time":"2025-06-01T05:59:00Z","dimensions":[{"type":"__proto__","volume":3},{"type":"constructor","volume":4}]},',
        ),
      ),
    );
    const p = r.session.periods;
    expect(p.dimensionTypes).toEqual(['__proto__', 'constructor', 'ENERGY']);
    expect(p.dimensions.get('__proto__')?.[0]).toBe(3);
    expect(p.dimensions.get('constructor')?.[0]).toBe(4);
    expect(Object.getPrototypeOf(p.dimensions)).toBe(Map.prototype);
    expect(({} as Record<string, unknown>)[0]).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, '0')).toBe(false);
    const warned = r.warnings.filter((w) => w.message.startsWith('unknown dimension type'));
    expect(warned.map((w) => w.message)).toEqual([
      'unknown dimension type "__proto__"; kept as given',
      'unknown dimension type "constructor"; kept as given',
    ]);
  });
});

describe('period table: memory layout', () => {
  it('shares one buffer between start and end, and uses the ENERGY column as energyKwh', () => {
    const p = ok(ocpi230Session({ charging_periods: periodsWith(['CURRENT']) })).session.periods;
    expect(p.end.buffer).toBe(p.start.buffer);
    expect(Array.from(p.end)).toEqual([
      Date.parse('2025-06-01T06:10:00Z'),
      Date.parse('2025-06-01T06:20:00Z'),
    ]);
    expect(p.energyKwh).toBe(p.dimensions.get('ENERGY'));
  });

  it('computes the derived columns once, on first read, and they survive structured clone as plain columns', () => {
    const p = ok(ocpi230Session({ charging_periods: periodsWith([]) })).session.periods;
    expect(p.powerKw).toBe(p.powerKw);
    const copy = deserialize(serialize(p)) as typeof p;
    expect(Array.from(copy.durationS)).toEqual([600, 600]);
    expect(Array.from(copy.cumulativeKwh)).toEqual([1, 2]);
    expect(Array.from(copy.powerKw)).toEqual([6, 6]);
    expect(copy.dimensions).toBeInstanceOf(Map);
    expect(structuredClone(p).powerKw).toEqual(p.powerKw);
  });

  it('takes a POWER volume as the period power when the period has no energy', () => {
    const p = ok(
      ocpi230Session({
        charging_periods: [
          { start_date_time: '2025-06-01T06:00:00Z', dimensions: [{ type: 'POWER', volume: 7.4 }] },
          {
            start_date_time: '2025-06-01T06:10:00Z',
            dimensions: [
              { type: 'ENERGY', volume: 1 },
              { type: 'POWER', volume: 99 },
            ],
          },
        ],
      }),
    ).session.periods;
    expect(Array.from(p.powerKw)).toEqual([7.4, 6]);
  });
});

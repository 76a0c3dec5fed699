import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeIpc, encodeIpc } from '../../../tools/web-harness/codec';

describe('IPC codec', () => {
  it('round-trips Float64Arrays with NaN, infinities and -0 bit for bit', () => {
    const column = new Float64Array([1.5, NaN, Infinity, -Infinity, -0, Number.MAX_VALUE]);
    const decoded = decodeIpc(encodeIpc({ periods: { start: column } })) as {
      periods: { start: Float64Array };
    };
    expect(decoded.periods.start).toBeInstanceOf(Float64Array);
    expect(Array.from(decoded.periods.start)).toEqual(Array.from(column));
    expect(Object.is(decoded.periods.start[4], -0)).toBe(true);
  });

  it('encodes only the viewed part of a typed array that shares a larger buffer', () => {
    const whole = new Float64Array([1, 2, 3, 4]);
    const decoded = decodeIpc(encodeIpc(whole.subarray(1, 3)));
    expect(decoded).toEqual(new Float64Array([2, 3]));
  });

  it('round-trips a Uint8Array (PNG export) bigger than one conversion chunk', () => {
    const png = new Uint8Array(100_003).map((_, i) => (i * 31) % 256);
    const decoded = decodeIpc(encodeIpc({ key: 'k', png })) as { png: Uint8Array };
    expect(decoded.png).toBeInstanceOf(Uint8Array);
    expect(decoded.png).toEqual(png);
  });

  it('round-trips a Map of columns (the PeriodTable dimensions), keys like __proto__ included', () => {
    const dimensions = new Map([
      ['ENERGY', new Float64Array([1, NaN])],
      ['__proto__', new Float64Array([2, 3])],
    ]);
    const decoded = decodeIpc(encodeIpc({ periods: { dimensions } })) as {
      periods: { dimensions: Map<string, Float64Array> };
    };
    expect(decoded.periods.dimensions).toBeInstanceOf(Map);
    expect([...decoded.periods.dimensions.keys()]).toEqual(['ENERGY', '__proto__']);
    expect(decoded.periods.dimensions.get('__proto__')).toEqual(new Float64Array([2, 3]));
    // A look-alike with another key next to it stays a plain object.
    expect(decodeIpc(encodeIpc({ $map: [['a', 1]], b: 2 }))).toEqual({ $map: [['a', 1]], b: 2 });
  });

  it('leaves plain data as JSON would, including a look-alike object that is not a valid tag', () => {
    const value = {
      a: [1, 'x', null, true],
      nested: { $typed: 'NotAnArray', base64: 'AAAA' },
      gone: undefined,
    };
    expect(decodeIpc(encodeIpc(value))).toEqual({
      a: [1, 'x', null, true],
      nested: { $typed: 'NotAnArray', base64: 'AAAA' },
    });
  });

  it('rejects a tag whose byte length does not fit the element size', () => {
    expect(() => decodeIpc(JSON.stringify({ $typed: 'Float64Array', base64: btoa('abc') }))).toThrow(
      /length/,
    );
  });

  it('round-trips any array of doubles (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double()), (values) => {
        const decoded = decodeIpc(encodeIpc(new Float64Array(values))) as Float64Array;
        expect(Array.from(decoded)).toEqual(values);
      }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { generateSession, type GeneratedShape } from '../../../shared/demo/generate-session';
import { readSession } from '../../../shared/session/read-session';

const shapes: GeneratedShape[] = ['vendor', 'ocpi-2.1.1', 'ocpi-2.2.1', 'ocpi-2.3.0'];

describe('generateSession', () => {
  it.each(shapes)('%s: reads back as that shape with no check firing, EVSE and connector found', (shape) => {
    const g = generateSession({ periods: 300, shape });
    const r = readSession(g.body, { location: g.location ?? undefined });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.session.shape).toBe(shape);
    expect(r.checks).toEqual([]);
    expect(r.session.periods.count).toBe(300);
    expect(r.session.connector?.maxPowerKw).toBe(50);
    expect(r.session.location?.timeZone).toBe('Europe/Amsterdam');
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const a = JSON.stringify(generateSession({ periods: 50, shape: 'vendor', seed: 3 }).body);
    expect(JSON.stringify(generateSession({ periods: 50, shape: 'vendor', seed: 3 }).body)).toBe(a);
    expect(JSON.stringify(generateSession({ periods: 50, shape: 'vendor', seed: 4 }).body)).not.toBe(a);
  });

  it('serves 2.2+ locations separately and embeds them otherwise', () => {
    expect(generateSession({ periods: 1, shape: 'ocpi-2.2.1' }).location).not.toBeNull();
    expect(generateSession({ periods: 1, shape: 'vendor' }).location).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { DEMO_SESSIONS, demoLocation, demoSession } from '../../../shared/demo/catalog';
import { readSession } from '../../../shared/session/read-session';

const read = (id: string) => {
  const g = demoSession(id);
  if (!g) throw new Error(`no ${id}`);
  const r = readSession(g.body, { location: g.location ?? undefined });
  if (!r.ok) throw new Error(r.error.message);
  return { g, r };
};

describe('the Demo catalog', () => {
  it('lists the agreed sessions with titles', () => {
    expect(DEMO_SESSIONS.map((s) => s.id)).toEqual([
      'demo-vendor-ac',
      'demo-ocpi-221-dc',
      'demo-ocpi-230',
      'demo-211-swapped-coords',
      'demo-wh-units',
      'demo-long',
      'demo-billing',
      'demo-billing-disputed',
      'demo-billing-session-cost',
      'demo-billing-other-session',
      'demo-billing-bad-totals',
      'demo-billing-foreign-tariff',
      'demo-billing-no-cdr',
      'demo-hostile',
    ]);
    expect(DEMO_SESSIONS.every((s) => s.title.length > 10)).toBe(true);
    expect(demoSession('nope')).toBeUndefined();
  });

  it('serves the Location of 2.2+ sessions by id', () => {
    const { g } = read('demo-ocpi-221-dc');
    expect(demoLocation((g.body.data as { location_id: string }).location_id)).toEqual(g.location);
    expect(demoLocation('LOC-HOSTILE')?.name).toContain('<img');
    expect(demoLocation('nope')).toBeUndefined();
  });

  it('shows each problem it is there for', () => {
    expect(
      read('demo-211-swapped-coords')
        .r.checks.map((c) => c.code)
        .join(),
    ).toMatch(/coord/i);
    expect(
      read('demo-wh-units')
        .r.checks.map((c) => c.code)
        .join(),
    ).toMatch(/unit|wh/i);
    expect(read('demo-ocpi-230').r.session.shape).toBe('ocpi-2.3.0');
  });

  it('carries markup in the hostile session’s strings', () => {
    const text = JSON.stringify(demoSession('demo-hostile'));
    expect(text).toContain('<img src=x onerror=alert(1)>');
    expect(text).toContain('<script>');
  });
});

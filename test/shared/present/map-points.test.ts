import { describe, expect, it } from 'vitest';
import { isCoordinateCheck, mapPoints, validCoordinates } from '../../../shared/present/map-points';
import { loadedFrom } from '../../renderer/fixtures';

const evse = (uid: string, latitude: string, longitude: string) => ({
  uid,
  evse_id: `BE*BEC*E${uid}`,
  status: 'AVAILABLE',
  coordinates: { latitude, longitude },
  connectors: [],
});

const withLocation = {
  id: 's1',
  start_date_time: '2024-05-01T10:00:00Z',
  kwh: 1,
  status: 'COMPLETED',
  location_id: 'L1',
  evse_uid: 'E2',
  location: {
    id: 'L1',
    name: 'Depot <b>North</b>',
    address: 'Main street 1',
    city: 'Gent',
    country: 'BEL',
    coordinates: { latitude: '51.05', longitude: '3.72' },
    evses: [evse('E1', '51.05', '3.72'), evse('E2', '51.0510', '3.7220')],
  },
};

describe('mapPoints', () => {
  it('puts the site first and only EVSEs whose coordinates differ', () => {
    const points = mapPoints(loadedFrom(withLocation).session);
    expect(points.map((p) => p.kind)).toEqual(['location', 'evse-used']);
    expect(points[0].title).toBe('Depot <b>North</b>');
    expect(points[1].title).toContain('E2');
  });

  it('adds the probable position, swapped back, when the coordinates look swapped', () => {
    const swapped = {
      ...withLocation,
      location: {
        ...withLocation.location,
        coordinates: { latitude: '3.72', longitude: '51.05' },
        evses: [],
      },
    };
    const loaded = loadedFrom(swapped);
    expect(loaded.checks.map((c) => c.message).join(' ')).toMatch(/swapped/);
    const points = mapPoints(loaded.session);
    expect(points.map((p) => p.kind)).toEqual(['location', 'probable']);
    expect(points[1].coordinates).toEqual({ latitude: 51.05, longitude: 3.72 });
    expect(mapPoints(loadedFrom(withLocation).session).some((p) => p.kind === 'probable')).toBe(false);
  });

  it('shows invisible characters in titles visibly', () => {
    const bidi = { ...withLocation, location: { ...withLocation.location, name: 'EVSE\u202Eexe.txt' } };
    expect(mapPoints(loadedFrom(bidi).session)[0].title).toBe('EVSE⟨U+202E⟩exe.txt');
  });

  it('rejects impossible coordinates', () => {
    expect(validCoordinates({ latitude: 91, longitude: 0 })).toBe(false);
    expect(validCoordinates({ latitude: Number.NaN, longitude: 0 })).toBe(false);
    expect(validCoordinates(null)).toBe(false);
    expect(validCoordinates({ latitude: -33.9, longitude: 151.2 })).toBe(true);
  });

  it('keeps only the coordinate checks for the map', () => {
    const checks = [
      { code: 'INVALID_COORDINATES', severity: 'error', message: 'x' } as const,
      { code: 'ENERGY_MISMATCH', severity: 'error', message: 'y' } as const,
    ].filter(isCoordinateCheck);
    expect(checks.map((c) => c.code)).toEqual(['INVALID_COORDINATES']);
  });
});

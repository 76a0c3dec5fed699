import { describe, expect, it } from 'vitest';
import { compareEnergy, halfUnitOf } from '../../../shared/session/energy-tolerance';
import { readSession } from '../../../shared/session/read-session';
import {
  energyPeriods,
  ocpi221Envelope,
  ocpi221LocationEnvelope,
  vendorEnvelope,
} from '../../fixtures/sessions';

describe('the ENERGY_MISMATCH tolerance', () => {
  it('is half a unit of every written place, summed', () => {
    expect(halfUnitOf(0.109)).toBe(0.0005);
    expect(halfUnitOf(12)).toBe(0.5);
    expect(halfUnitOf(1e-7)).toBe(0);
    const e = compareEnergy(0.109, { sum: 0.114, volumes: 20, halfUnits: 20 * 0.0005 });
    expect(e).toMatchObject({ agree: true, volumes: 20, volumeDecimals: 3 });
    expect(e?.tolerance).toBeCloseTo(0.0105, 8);
    expect(compareEnergy(0.1, { sum: 0.2, volumes: 2, halfUnits: 0.001 })?.agree).toBe(false);
    expect(compareEnergy(null, { sum: 1, volumes: 1, halfUnits: 0.5 })).toBeNull();
    expect(compareEnergy(1, { sum: null, volumes: 0, halfUnits: 0 })).toBeNull();
    // Mixed decimals have no common count.
    expect(compareEnergy(1, { sum: 1, volumes: 2, halfUnits: 0.05 + 0.005 })?.volumeDecimals).toBeNull();
  });

  it('is what the reader hands on, and the check agrees with it both ways', () => {
    // 0.106 kWh in 20 three-decimal volumes against 0.109: inside ±0.011.
    const volumes = Array.from({ length: 20 }, (_, i) => (i < 6 ? '0.006' : '0.005'));
    const within = readSession(
      JSON.stringify(
        vendorEnvelope({ kwh: 0.109, charging_periods: energyPeriods('2024-05-02T10:00:00Z', volumes) }),
      ),
    );
    if (!within.ok) throw new Error(within.error.message);
    const e = compareEnergy(within.session.kwh, within.session.energyRounding);
    expect(e?.agree).toBe(true);
    expect(within.checks.map((c) => c.code)).not.toContain('ENERGY_MISMATCH');
    const off = readSession(JSON.stringify(vendorEnvelope({ kwh: 0.3 })));
    if (!off.ok) throw new Error(off.error.message);
    expect(compareEnergy(off.session.kwh, off.session.energyRounding)?.agree).toBe(false);
    expect(off.checks.map((c) => c.code)).toContain('ENERGY_MISMATCH');
  });
});

describe('the EVSE used, as the reader records it', () => {
  it('says which reference found it and where it sits', () => {
    const vendor = readSession(JSON.stringify(vendorEnvelope()));
    if (!vendor.ok) throw new Error(vendor.error.message);
    expect(vendor.session.evseMatch).toEqual({
      evseIndex: 1,
      connectorIndex: 0,
      by: 'vendor_evseId',
      reference: 'LAB01*2',
    });
    const byConnectorId = readSession(JSON.stringify(vendorEnvelope({ evseId: undefined })));
    if (!byConnectorId.ok) throw new Error(byConnectorId.error.message);
    expect(byConnectorId.session.evseMatch).toMatchObject({ evseIndex: 1, by: 'vendor_connectorId' });
    const ocpi = readSession(JSON.stringify(ocpi221Envelope()), { location: ocpi221LocationEnvelope() });
    if (!ocpi.ok) throw new Error(ocpi.error.message);
    expect(ocpi.session.evseMatch).toEqual({
      evseIndex: 1,
      connectorIndex: 1,
      by: 'evse_uid',
      reference: 'EVSE-B',
    });
    const none = readSession(JSON.stringify(ocpi221Envelope({ evse_uid: 'NOPE' })), {
      location: ocpi221LocationEnvelope(),
    });
    if (!none.ok) throw new Error(none.error.message);
    expect(none.session.evseMatch).toBeNull();
  });
});

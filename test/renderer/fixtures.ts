/** Sessions for renderer tests, read by the real reader from inline JSON. */
import type { LoadedSession } from '../../shared/domain/loaded-session';
import { loadedFrom as loadedFromRaw } from '../fixtures/export';

export const SESSION_JSON = {
  status_code: 1000,
  data: {
    id: 'sess-1',
    country_code: 'BE',
    party_id: 'BEC',
    start_date_time: '2024-05-01T10:00:00Z',
    end_date_time: '2024-05-01T11:00:00Z',
    kwh: 20,
    cdr_token: { uid: 'TOKEN-UID-123456', type: 'RFID', contract_id: 'BE-BEC-C1' },
    auth_method: 'WHITELIST',
    location_id: 'LOC1',
    evse_uid: 'EVSE-1',
    connector_id: '1',
    currency: 'EUR',
    total_cost: { excl_vat: 10, incl_vat: 12.1 },
    status: 'COMPLETED',
    last_updated: '2024-05-01T11:00:01Z',
    charging_periods: [
      { start_date_time: '2024-05-01T10:00:00Z', dimensions: [{ type: 'ENERGY', volume: 10 }] },
      { start_date_time: '2024-05-01T10:30:00Z', dimensions: [{ type: 'ENERGY', volume: 'ten' }] },
      { start_date_time: '2024-05-01T10:45:00Z', dimensions: [{ type: 'PARKING_TIME', volume: 0.25 }] },
    ],
  },
};

export function loadedFrom(json: unknown, key = 'k1'): LoadedSession {
  return { ...loadedFromRaw(JSON.stringify(json), null, { profileName: 'Test', fetch: null }), key };
}

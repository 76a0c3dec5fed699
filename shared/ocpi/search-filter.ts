/**
 * The search view's status and free-text filters over a listed session. OCPI's Sender list filters only on
 * last_updated, so these apply to the rows read; text matches id, auth id, contract id, location and EVSE.
 */
import type { SessionRow } from './session-rows';

type Filterable = Pick<SessionRow, 'id' | 'status' | 'authId' | 'contractId' | 'locationId' | 'evseUid'>;

export function matchesSearch(row: Filterable, status: string | null, text: string): boolean {
  if (status !== null && row.status !== status) return false;
  const needle = text.trim().toLowerCase();
  if (needle === '') return true;
  return [row.id, row.authId, row.contractId, row.locationId, row.evseUid].some(
    (v) => v !== null && v.toLowerCase().includes(needle),
  );
}

/**
 * Live follow of an ACTIVE or PENDING session. On a Receiver the session is GET again by id; on a Sender,
 * which has no GET by id, the list is asked for `date_from` = the last `last_updated` seen (inclusive, so
 * an unchanged session comes back too) and the session is picked out of it.
 */
import type { InterfaceChoice } from './interfaces';
import { receiverObjectUrl } from './interfaces';
import { rawSessionKey } from './session-rows';

const FOLLOWABLE = new Set(['ACTIVE', 'PENDING']);

export const isFollowable = (status: string | null): boolean => status !== null && FOLLOWABLE.has(status);

export type FollowRequest =
  { kind: 'get'; url: string } | { kind: 'list'; url: string; dateFrom: number | null };

/** What to ask the server for on the next tick. */
export function followRequest(choice: InterfaceChoice, id: string, lastSeen: number | null): FollowRequest {
  if (choice.kind === 'receiver') return { kind: 'get', url: receiverObjectUrl(choice.url, choice, id) };
  return { kind: 'list', url: choice.url, dateFrom: lastSeen };
}

/**
 * The followed session in a listed page: the row with its key (or bare id), the newest `last_updated`
 * if it appears more than once; undefined when absent.
 */
export function pickFollowed(rows: readonly unknown[], key: string, id: string): unknown {
  let best: unknown;
  let bestAt = -Infinity;
  for (const row of rows) {
    const k = rawSessionKey(row);
    if (k !== key && k !== id) continue;
    const at = Date.parse(String((row as { last_updated?: unknown }).last_updated));
    if (best === undefined || (Number.isFinite(at) && at >= bestAt)) {
      best = row;
      bestAt = Number.isFinite(at) ? at : bestAt;
    }
  }
  return best;
}

/**
 * What the user typed in the session field: a bare id, `CC/PARTY/ID` (a Receiver's path), or a pasted URL
 * ending in `/sessions/{id}` or `/sessions/{cc}/{party}/{id}`. Country and party, when present, let the
 * client use a Receiver interface.
 */
import { appError, type Result } from '../domain/errors';
import { checkSessionId } from '../ipc/validate';
import type { PartyRef } from './interfaces';

export interface SessionRef {
  id: string;
  party: PartyRef | null;
}

const COUNTRY = /^[A-Za-z]{2}$/;
const PARTY = /^[A-Za-z0-9]{3}$/;

export const isCountryCode = (value: string): boolean => COUNTRY.test(value);
export const isPartyId = (value: string): boolean => PARTY.test(value);

function fromSegments(segments: string[]): Result<SessionRef> {
  if (segments.length === 3) {
    const [countryCode, partyId, rawId] = segments;
    if (!isCountryCode(countryCode) || !isPartyId(partyId))
      return {
        ok: false,
        error: appError(
          'invalid-session-id',
          `"${countryCode}/${partyId}" is not a country code (2 letters) and party id (3 characters).`,
          'Give the id as CC/PARTY/ID, e.g. NL/SIN/123, or the bare session id.',
        ),
      };
    const id = checkSessionId(rawId);
    return id.ok
      ? {
          ok: true,
          value: {
            id: id.value,
            party: { countryCode: countryCode.toUpperCase(), partyId: partyId.toUpperCase() },
          },
        }
      : id;
  }
  if (segments.length === 1) {
    const id = checkSessionId(segments[0]);
    return id.ok ? { ok: true, value: { id: id.value, party: null } } : id;
  }
  return {
    ok: false,
    error: appError(
      'invalid-session-id',
      'The session field holds neither an id, CC/PARTY/ID, nor a session URL.',
      'Paste the session id, CC/PARTY/ID, or the full URL of the session.',
    ),
  };
}

export function parseSessionRef(raw: string): Result<SessionRef> {
  const text = raw.trim();
  if (/^https?:\/\//i.test(text)) {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      return fromSegments([]);
    }
    const parts = url.pathname.split('/').filter(Boolean);
    const at = parts.lastIndexOf('sessions');
    if (at < 0) return fromSegments([]);
    let segments: string[];
    try {
      segments = parts.slice(at + 1).map((p) => decodeURIComponent(p));
    } catch {
      return fromSegments([]);
    }
    return fromSegments(segments);
  }
  return fromSegments(text.split('/'));
}

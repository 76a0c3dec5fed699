/**
 * A profile's optional OCPI part: where discovery starts (a versions URL or a version details URL), a fixed
 * version, the party for Receiver interfaces, the hub's routing parties, the token form, and what discovery
 * found last (kept so Settings can show it and Refresh replace it). Validated here, once, for IPC and CLI.
 */
import { appError, type AppError, type Result } from '../domain/errors';
import { checkBaseUrl } from '../ipc/validate';
import type { HubParties } from './routing-headers';
import { isCountryCode, isPartyId } from './session-ref';
import { TOKEN_FORMS, type TokenForm } from './token-form';
import type { Endpoint } from './versions';

export interface OcpiProfileSettings {
  /** The versions URL, or one version's details URL. */
  versionsUrl: string;
  /** Use this version instead of the highest both sides support. */
  version?: string;
  /** The party whose sessions a Receiver interface is asked for. */
  countryCode?: string;
  partyId?: string;
  /** `OCPI-to-*` / `OCPI-from-*` routing headers for a hub (2.2+ functional modules only). */
  hub?: HubParties;
  /** An explicit token form; without it the spec's form per version, with a fallback on 401. */
  tokenForm?: TokenForm;
  /** The form a 401 fallback found to work, remembered for next time. */
  learnedTokenForm?: TokenForm;
  /** What discovery found last. */
  discovered?: { version: string; endpoints: Endpoint[]; at: string };
}

const bad = (message: string, hint: string): { ok: false; error: AppError } => ({
  ok: false,
  error: appError('invalid-argument', message, hint),
});
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const optionalString = (v: unknown): v is string | undefined => v === undefined || typeof v === 'string';

function checkParty(
  cc: unknown,
  party: unknown,
  what: string,
): Result<{ countryCode?: string; partyId?: string }> {
  if (
    !optionalString(cc) ||
    !optionalString(party) ||
    (cc && !isCountryCode(cc)) ||
    (party && !isPartyId(party))
  )
    return bad(
      `The ${what} country code must be 2 letters and the party id 3 letters or digits.`,
      'For example NL and SIN.',
    );
  return {
    ok: true,
    value: {
      ...(cc ? { countryCode: cc.toUpperCase() } : {}),
      ...(party ? { partyId: party.toUpperCase() } : {}),
    },
  };
}

/** `undefined` stays undefined (a profile without OCPI settings). */
export function parseOcpiSettings(raw: unknown): Result<OcpiProfileSettings | undefined> {
  if (raw === undefined) return { ok: true, value: undefined };
  if (!isObject(raw))
    return bad('The OCPI settings must be an object.', 'Fill in the OCPI part of the profile.');
  const url = checkBaseUrl(raw.versionsUrl);
  if (!url.ok) return url;
  if (
    raw.version !== undefined &&
    (typeof raw.version !== 'string' || !/^\d+(\.\d+){1,2}$/.test(raw.version))
  )
    return bad(
      'The fixed OCPI version must look like 2.2.1.',
      'Leave it empty to use the highest common version.',
    );
  const party = checkParty(raw.countryCode, raw.partyId, 'party');
  if (!party.ok) return party;
  let hub: HubParties | undefined;
  if (raw.hub !== undefined) {
    if (!isObject(raw.hub))
      return bad('The hub routing parties must be an object.', 'Fill in the hub fields.');
    const to = checkParty(raw.hub.toCountryCode, raw.hub.toPartyId, 'hub "to"');
    if (!to.ok) return to;
    const from = checkParty(raw.hub.fromCountryCode, raw.hub.fromPartyId, 'hub "from"');
    if (!from.ok) return from;
    hub = {
      ...(to.value.countryCode ? { toCountryCode: to.value.countryCode } : {}),
      ...(to.value.partyId ? { toPartyId: to.value.partyId } : {}),
      ...(from.value.countryCode ? { fromCountryCode: from.value.countryCode } : {}),
      ...(from.value.partyId ? { fromPartyId: from.value.partyId } : {}),
    };
  }
  for (const key of ['tokenForm', 'learnedTokenForm'] as const)
    if (raw[key] !== undefined && !TOKEN_FORMS.includes(raw[key] as TokenForm))
      return bad('The token form must be base64 or plain.', 'Pick one, or leave it to the version default.');
  const discovered = parseDiscovered(raw.discovered);
  return {
    ok: true,
    value: {
      versionsUrl: url.value,
      ...(raw.version !== undefined ? { version: raw.version as string } : {}),
      ...party.value,
      ...(hub ? { hub } : {}),
      ...(raw.tokenForm !== undefined ? { tokenForm: raw.tokenForm as TokenForm } : {}),
      ...(raw.learnedTokenForm !== undefined ? { learnedTokenForm: raw.learnedTokenForm as TokenForm } : {}),
      ...(discovered ? { discovered } : {}),
    },
  };
}

/** A stale or damaged discovery cache is dropped, not an error: Refresh rebuilds it. */
function parseDiscovered(raw: unknown): OcpiProfileSettings['discovered'] {
  if (
    !isObject(raw) ||
    typeof raw.version !== 'string' ||
    typeof raw.at !== 'string' ||
    !Array.isArray(raw.endpoints)
  )
    return undefined;
  const endpoints: Endpoint[] = [];
  for (const e of raw.endpoints) {
    if (!isObject(e) || typeof e.identifier !== 'string' || typeof e.url !== 'string') return undefined;
    endpoints.push({
      identifier: e.identifier,
      role: e.role === 'SENDER' || e.role === 'RECEIVER' ? e.role : null,
      url: e.url,
    });
  }
  return { version: raw.version, endpoints, at: raw.at };
}

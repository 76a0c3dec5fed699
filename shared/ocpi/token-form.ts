/**
 * How the credentials token is written after `Authorization: Token `. OCPI 2.2 and later: Base64 of the
 * UTF-8 token; 2.1.1: the token as is. The 2.3.0 spec admits many servers do it the other way, so on a 401
 * the client tries the other form once, unless the profile fixes the form (an explicit setting wins).
 */
import { isRoleVersion } from './versions';

export type TokenForm = 'base64' | 'plain';

export const TOKEN_FORMS: readonly TokenForm[] = ['base64', 'plain'];

/** The form the spec prescribes for a version; before a version is known, the current spec's (Base64). */
export const specTokenForm = (version: string | null): TokenForm =>
  version === null || isRoleVersion(version) ? 'base64' : 'plain';

export const otherTokenForm = (form: TokenForm): TokenForm => (form === 'base64' ? 'plain' : 'base64');

/**
 * The form to use: the profile's explicit choice, else one that already worked on this connection, else the
 * spec's for the version.
 */
export function tokenFormFor(
  version: string | null,
  explicit: TokenForm | undefined,
  learned: TokenForm | undefined,
): TokenForm {
  return explicit ?? learned ?? specTokenForm(version);
}

/** After a 401 with `tried`: the other form to try once, or null when the profile fixes the form. */
export const fallbackTokenForm = (tried: TokenForm, explicit: TokenForm | undefined): TokenForm | null =>
  explicit === undefined ? otherTokenForm(tried) : null;

/** An environment to fetch sessions from. Stored as JSON in the user-data folder; never holds the token. */
import type { OcpiProfileSettings } from '../ocpi/profile-settings';

export const API_FLAVOURS = ['vendor', 'ocpi-2.1.1', 'ocpi-2.2.1', 'ocpi-2.3.0'] as const;
export type ApiFlavour = (typeof API_FLAVOURS)[number];

/** `token` → `Authorization: Token …` (OCPI), `bearer` → `Authorization: Bearer …`, `header` → a custom header. */
export type AuthScheme = { kind: 'token' } | { kind: 'bearer' } | { kind: 'header'; name: string };

export interface Timeouts {
  connectMs: number;
  totalMs: number;
}

export interface Profile {
  id: string;
  name: string;
  /** e.g. `https://api-gateway-evnnovator.com/api/ocpi/api/v1` (vendor) or an OCPI versioned base. */
  baseUrl: string;
  flavour: ApiFlavour;
  auth: AuthScheme;
  /** Many OCPI 2.2 servers expect the token Base64-encoded; many do not. */
  base64Token: boolean;
  timeouts: Timeouts;
  /** Response-size cap in bytes. */
  maxBytes: number;
  /** The built-in Demo profile, served from bundled sessions with no network. */
  demo?: boolean;
  /** OCPI discovery and interface settings (versions URL, fixed version, party, hub, token form). */
  ocpi?: OcpiProfileSettings;
}

export type ProfileInput = Omit<Profile, 'id' | 'demo'> & { id?: string };

export const DEFAULT_TIMEOUTS: Timeouts = { connectMs: 10_000, totalMs: 60_000 };
export const DEFAULT_MAX_BYTES = 200 * 1024 * 1024;

/** What the renderer may know about a token: whether there is one, never what it is. */
export type TokenStatus = 'set' | 'unset' | 'memory' | 'unavailable';

export interface TokenState {
  profileId: string;
  status: TokenStatus;
  /** Set when the keychain cannot be used: what to install or unlock. */
  message?: string;
}

export interface ProfilesSnapshot {
  profiles: Profile[];
  /** Things the user should know, e.g. a corrupt profiles file that was moved aside. */
  notices: string[];
}

/**
 * What `profiles:save` takes. When a saved profile's origin changes, its token is cleared unless the user
 * confirmed it may go to the new origin (`keepTokenForNewOrigin`).
 */
export type ProfileSave = ProfileInput & { keepTokenForNewOrigin?: boolean };

const originOf = (url: string | undefined): string | null => {
  try {
    return url === undefined ? null : new URL(url).origin;
  } catch {
    return null;
  }
};

/**
 * The origins a profile's token is sent to: its base URL and its OCPI versions URL (where discovery
 * starts). Every URL field the client sends the token to belongs here, so moving any of them asks first.
 */
export function tokenOrigins(profile: ProfileInput): (string | null)[] {
  return [originOf(profile.baseUrl), originOf(profile.ocpi?.versionsUrl)];
}

/** Whether saving `after` would send the token of `before` to an origin (scheme, host, port) it did not go to. */
export function tokenOriginChanged(before: ProfileInput, after: ProfileInput): boolean {
  const was = new Set(tokenOrigins(before));
  return tokenOrigins(after).some((origin) => origin !== null && !was.has(origin));
}

/** The auth header a profile's scheme asks for, and the strings that must never be shown. */
import type { AuthScheme } from '../../shared/domain/profile';

export interface AuthHeader {
  name: string;
  value: string;
  /** The token in every form it was sent, for scrubbing anything a server echoes back. */
  secrets: string[];
}

export function authHeader(scheme: AuthScheme, token: string, base64: boolean): AuthHeader {
  // Many OCPI 2.2 servers expect the token Base64-encoded; many do not: the profile says which.
  const sent = base64 ? Buffer.from(token, 'utf8').toString('base64') : token;
  const secrets = [token, sent];
  switch (scheme.kind) {
    case 'token':
      return { name: 'authorization', value: `Token ${sent}`, secrets };
    case 'bearer':
      return { name: 'authorization', value: `Bearer ${sent}`, secrets };
    case 'header':
      return { name: scheme.name.toLowerCase(), value: sent, secrets };
  }
}

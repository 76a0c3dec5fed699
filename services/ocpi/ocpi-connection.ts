/**
 * One OCPI conversation with a server, over the app's GET client (`httpGet`): the token in the form the
 * version wants (trying the other form once on a 401 unless the profile fixes it), routing headers on
 * functional modules only, one `X-Correlation-ID` per user action, a new `X-Request-ID` per request (both
 * sent by the client), and the response headers paging needs. Every request's metadata is kept for display.
 */
import { appError, type Result } from '../../shared/domain/errors';
import type { FetchMeta } from '../../shared/domain/loaded-session';
import {
  type AuthScheme,
  DEFAULT_MAX_BYTES,
  DEFAULT_TIMEOUTS,
  type Timeouts,
} from '../../shared/domain/profile';
import { type HubParties, routingHeaders } from '../../shared/ocpi/routing-headers';
import { fallbackTokenForm, type TokenForm, tokenFormFor } from '../../shared/ocpi/token-form';
import { authHeader } from '../http/auth-header';
import { httpGet } from '../http/http-client';
import type { Transport } from '../http/http-transport';
import type { Profile } from '../../shared/domain/profile';
import type { OcpiProfileSettings } from '../../shared/ocpi/profile-settings';

export interface ConnectionOptions {
  /** Null for servers that need none (the Demo profile). */
  token: string | null;
  transport: Transport;
  auth?: AuthScheme;
  /** The profile's explicit token form: no fallback then. */
  tokenForm?: TokenForm;
  /** A form that worked before (remembered on the profile). */
  learnedTokenForm?: TokenForm;
  hub?: HubParties;
  timeouts?: Timeouts;
  maxBytes?: number;
  retryDelaysMs?: readonly number[];
}

export interface OcpiResponse {
  text: string;
  json: unknown;
  meta: FetchMeta;
  /** Lower-case response header names. */
  headers: Record<string, string | undefined>;
}

export interface GetOptions {
  /** The module the URL belongs to (`versions` for discovery): decides the routing headers. */
  module: string;
  correlationId: string;
  /** What the URL holds ("session", "Location"), for a 404's message. */
  resource?: string;
  signal?: AbortSignal;
  onProgress?: (bytes: number, elapsedMs: number) => void;
}

/** The connection options a profile with OCPI settings implies (token form, hub parties, limits). */
export function profileConnectionOptions(
  profile: Pick<Profile, 'auth' | 'timeouts' | 'maxBytes'>,
  ocpi: Pick<OcpiProfileSettings, 'tokenForm' | 'learnedTokenForm' | 'hub'>,
  token: string | null,
  client: { transport: Transport; retryDelaysMs?: readonly number[] },
): ConnectionOptions {
  return {
    token,
    transport: client.transport,
    auth: profile.auth,
    tokenForm: ocpi.tokenForm,
    learnedTokenForm: ocpi.learnedTokenForm,
    hub: ocpi.hub,
    timeouts: profile.timeouts,
    maxBytes: profile.maxBytes,
    ...(client.retryDelaysMs ? { retryDelaysMs: client.retryDelaysMs } : {}),
  };
}

export class OcpiConnection {
  /** The negotiated version; null until discovery picks one. */
  version: string | null = null;
  /** Every request made, in order, with its ids (never the token). */
  readonly requests: FetchMeta[] = [];
  /** Set when a 401 made the client switch token forms and the other form worked. */
  fallback: { from: TokenForm; to: TokenForm } | null = null;
  private learned: TokenForm | undefined;
  private origin: string | undefined;
  private fallbackTried = false;

  constructor(private readonly opts: ConnectionOptions) {
    this.learned = opts.learnedTokenForm;
  }

  /** The form the next request will use. */
  get tokenForm(): TokenForm {
    return tokenFormFor(this.version, this.opts.tokenForm, this.learned);
  }

  async get(url: string, options: GetOptions): Promise<Result<OcpiResponse>> {
    // The token goes only to the site of the first request (the versions URL the user gave), even when
    // the server names endpoints elsewhere.
    let origin: string;
    try {
      origin = new URL(url).origin;
    } catch {
      return {
        ok: false,
        error: appError('invalid-argument', `Not a URL: ${url}`, 'Check the versions URL.'),
      };
    }
    this.origin ??= origin;
    if (origin !== this.origin)
      return {
        ok: false,
        error: appError(
          'redirect-cross-origin',
          `The server names an endpoint on another site (${origin}); not called, so the token was not sent there (it goes only to ${this.origin}).`,
          'Use the versions URL on that site, or ask the party why its endpoints are elsewhere.',
        ),
      };
    const form = this.tokenForm;
    const first = await this.once(url, form, options);
    if (first.ok || first.error.kind !== 'unauthorized' || this.opts.token === null || this.fallbackTried)
      return first;
    const other = fallbackTokenForm(form, this.opts.tokenForm);
    if (other === null)
      return {
        ok: false,
        error: {
          ...first.error,
          hint: `${first.error.hint} The profile fixes the token form to ${form}; try ${form === 'base64' ? 'plain' : 'Base64'}.`,
        },
      };
    this.fallbackTried = true;
    const second = await this.once(url, other, options);
    if (second.ok) {
      this.learned = other;
      this.fallback = { from: form, to: other };
      return second;
    }
    if (second.error.kind !== 'unauthorized') return second;
    return {
      ok: false,
      error: appError(
        'unauthorized',
        `${first.error.message} The token was refused both Base64-encoded and plain.`,
        'The token itself is wrong for this environment: set it again for this profile.',
        { status: 401 },
      ),
    };
  }

  private async once(url: string, form: TokenForm, options: GetOptions): Promise<Result<OcpiResponse>> {
    const routing = routingHeaders(this.opts.hub, options.module, this.version);
    let headers: Record<string, string | undefined> = {};
    // The client makes the request ids; this wrapper adds what OCPI needs and keeps the response headers.
    const transport: Transport = async (req) => {
      const res = await this.opts.transport({
        ...req,
        headers: { ...req.headers, ...routing },
      });
      headers = res.headers;
      return res;
    };
    const result = await httpGet(
      {
        url,
        auth:
          this.opts.token === null
            ? null
            : authHeader(this.opts.auth ?? { kind: 'token' }, this.opts.token, form === 'base64'),
        timeouts: this.opts.timeouts ?? DEFAULT_TIMEOUTS,
        maxBytes: this.opts.maxBytes ?? DEFAULT_MAX_BYTES,
        signal: options.signal,
        onProgress: options.onProgress,
        ...(options.resource ? { resource: options.resource } : {}),
        correlationId: options.correlationId,
      },
      { transport, ...(this.opts.retryDelaysMs ? { retryDelaysMs: this.opts.retryDelaysMs } : {}) },
    );
    if (!result.ok) return result;
    this.requests.push(result.value.meta);
    return { ok: true, value: { ...result.value, headers } };
  }
}

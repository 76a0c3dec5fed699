/**
 * Discovery: GET the versions URL, pick the highest version both sides support (or the profile's fixed
 * one), GET its details, keep the endpoints. A version details URL given directly skips the first step.
 */
import { appError, type Result } from '../../shared/domain/errors';
import type { TokenForm } from '../../shared/ocpi/token-form';
import {
  chooseVersion,
  discoveryKind,
  type Endpoint,
  parseVersionDetails,
  parseVersions,
} from '../../shared/ocpi/versions';
import type { OcpiConnection } from './ocpi-connection';

export interface Discovery {
  version: string;
  /** The version details URL. */
  versionUrl: string;
  endpoints: Endpoint[];
  /** The token form that worked. */
  tokenForm: TokenForm;
  /** Set when a 401 fallback found that form: tell the user and remember it on the profile. */
  tokenFormFallback: { from: TokenForm; to: TokenForm } | null;
}

export interface DiscoverOptions {
  fixedVersion?: string;
  correlationId: string;
  signal?: AbortSignal;
}

export async function discover(
  conn: OcpiConnection,
  url: string,
  opts: DiscoverOptions,
): Promise<Result<Discovery>> {
  const get = { module: 'versions', correlationId: opts.correlationId, signal: opts.signal };
  conn.version = opts.fixedVersion ?? null;
  const first = await conn.get(url, get);
  if (!first.ok) return first;
  let detailsUrl = url;
  let detailsBody = first.value.json;
  const kind = discoveryKind(first.value.json);
  if (kind === null)
    return {
      ok: false,
      error: appError(
        'not-a-session',
        'This URL answers neither a versions list nor version details.',
        'Give the OCPI versions URL the party sent you (often ending in /versions).',
      ),
    };
  if (kind === 'versions') {
    const versions = parseVersions(first.value.json);
    if (!versions.ok) return versions;
    const chosen = chooseVersion(versions.value, opts.fixedVersion);
    if (!chosen.ok) return chosen;
    conn.version = chosen.value.version;
    let next: URL;
    try {
      next = new URL(chosen.value.url, url);
    } catch {
      return {
        ok: false,
        error: appError(
          'not-a-session',
          `The version URL "${chosen.value.url}" is not a URL.`,
          'Report it to the party.',
        ),
      };
    }
    detailsUrl = next.href;
    const details = await conn.get(detailsUrl, get);
    if (!details.ok) return details;
    detailsBody = details.value.json;
  }
  const details = parseVersionDetails(detailsBody);
  if (!details.ok) return details;
  const version = details.value.version || conn.version || '';
  if (opts.fixedVersion && version !== opts.fixedVersion)
    return {
      ok: false,
      error: appError(
        'not-a-session',
        `The version details are for OCPI ${version}, not the fixed ${opts.fixedVersion}.`,
        'Clear the fixed version in the profile, or give the versions URL.',
      ),
    };
  conn.version = version;
  const endpoints = details.value.endpoints.flatMap((e) => {
    try {
      return [{ ...e, url: new URL(e.url, detailsUrl).href }];
    } catch {
      return []; // an endpoint with an unusable URL cannot be called; the rest still can
    }
  });
  return {
    ok: true,
    value: {
      version,
      versionUrl: detailsUrl,
      endpoints,
      tokenForm: conn.tokenForm,
      tokenFormFallback: conn.fallback,
    },
  };
}

/**
 * OCPI discovery data: the versions list (`[{version, url}]`) and a version's details
 * (`{version, endpoints: [{identifier, role, url}]}`; `role` exists from 2.2 on). Module URLs come from here,
 * never from guessing. Pure: the services fetch, this reads and decides.
 */
import { envelopePayload } from '../session/envelope';
import { appError, type AppError, type Result } from '../domain/errors';

export type InterfaceRole = 'SENDER' | 'RECEIVER';

export interface VersionEntry {
  version: string;
  url: string;
}

export interface Endpoint {
  identifier: string;
  /** Null in 2.1.1, which has no roles (and for `credentials`, where the role has no meaning). */
  role: InterfaceRole | null;
  url: string;
}

export interface VersionDetails {
  version: string;
  endpoints: Endpoint[];
}

/** The versions this client reads, newest first. */
export const SUPPORTED_VERSIONS = ['2.3.0', '2.2.1', '2.2', '2.1.1'] as const;

const bad = (message: string, hint: string): { ok: false; error: AppError } => ({
  ok: false,
  error: appError('not-a-session', message, hint),
});
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The envelope's `data`, or the value itself when a server sends it bare (rule: shared/session/envelope). */
export const envelopeData = envelopePayload;

/** Whether a discovery body is a versions list (an array) or one version's details (an object). */
export function discoveryKind(body: unknown): 'versions' | 'details' | null {
  const data = envelopeData(body);
  if (Array.isArray(data)) return 'versions';
  if (isObject(data) && Array.isArray(data.endpoints)) return 'details';
  return null;
}

export function parseVersions(body: unknown): Result<VersionEntry[]> {
  const data = envelopeData(body);
  if (!Array.isArray(data))
    return bad(
      'The versions endpoint did not return a list of versions.',
      'Check the versions URL: it is the one the party gave you, usually ending in /versions.',
    );
  const out: VersionEntry[] = [];
  for (const item of data) {
    if (isObject(item) && typeof item.version === 'string' && typeof item.url === 'string' && item.url)
      out.push({ version: item.version, url: item.url });
  }
  if (out.length === 0)
    return bad(
      'The versions endpoint lists no usable version.',
      'Report it to the party that runs the server.',
    );
  return { ok: true, value: out };
}

export function parseVersionDetails(body: unknown): Result<VersionDetails> {
  const data = envelopeData(body);
  if (!isObject(data) || !Array.isArray(data.endpoints))
    return bad(
      'The version details endpoint did not return {version, endpoints}.',
      'Check the version URL, or give the versions URL and let discovery find it.',
    );
  const endpoints: Endpoint[] = [];
  for (const item of data.endpoints) {
    if (!isObject(item) || typeof item.identifier !== 'string' || typeof item.url !== 'string' || !item.url)
      continue;
    const role = item.role === 'SENDER' || item.role === 'RECEIVER' ? item.role : null;
    endpoints.push({ identifier: item.identifier, role, url: item.url });
  }
  const version = typeof data.version === 'string' ? data.version : '';
  return { ok: true, value: { version, endpoints } };
}

/** Numeric comparison of dotted versions: `2.2` < `2.2.1` < `2.3.0`. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0 || Number.isNaN(d)) return Number.isNaN(d) ? a.localeCompare(b) : d;
  }
  return 0;
}

/** The highest version both sides support, or the fixed one if the server offers it. */
export function chooseVersion(offered: readonly VersionEntry[], fixed?: string): Result<VersionEntry> {
  const supported = new Set<string>(SUPPORTED_VERSIONS);
  if (fixed) {
    const entry = offered.find((v) => v.version === fixed);
    if (entry) return { ok: true, value: entry };
    return bad(
      `The server does not offer OCPI ${fixed} (it offers ${offered.map((v) => v.version).join(', ')}).`,
      'Clear the fixed version in the profile, or pick one the server offers.',
    );
  }
  const mutual = offered.filter((v) => supported.has(v.version));
  if (mutual.length === 0)
    return bad(
      `No OCPI version in common: the server offers ${offered.map((v) => v.version).join(', ')}; this app reads ${SUPPORTED_VERSIONS.join(', ')}.`,
      'Ask the party for a 2.1.1, 2.2.1 or 2.3.0 endpoint.',
    );
  const best = mutual.reduce((a, b) => (compareVersions(b.version, a.version) > 0 ? b : a));
  return { ok: true, value: best };
}

/** Versions from 2.2 on have roles, Base64 tokens and routing headers. */
export const isRoleVersion = (version: string): boolean => compareVersions(version, '2.2') >= 0;

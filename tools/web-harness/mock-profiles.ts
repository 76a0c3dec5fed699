/** Profiles pointing at the harness's local OCPI server (or at a closed port), created through the real handler. */
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { DEFAULT_MAX_BYTES } from '../../shared/domain/profile';
import type { Profile, ProfileInput } from '../../shared/domain/profile';
import { MOCK_PREFIXES } from '../mock-api/server';
import type { Harness } from './harness';

/** A generated vendor session the local OCPI server serves. */
export const MOCK_SESSION = 'gen-120';

export function vendorBaseUrl(origin: string): string {
  return `${origin}${MOCK_PREFIXES.vendor}`;
}

export function mockProfileInput(name: string, baseUrl: string): ProfileInput {
  return {
    name,
    baseUrl,
    flavour: 'vendor',
    auth: { kind: 'token' },
    base64Token: false,
    // Short, so the offline path answers at once and a hang fails the test instead of the suite.
    timeouts: { connectMs: 3_000, totalMs: 15_000 },
    maxBytes: DEFAULT_MAX_BYTES,
  };
}

export async function saveProfile(harness: Harness, input: ProfileInput): Promise<Profile> {
  const saved = await harness.invoke('profiles:save', input);
  if (!saved.ok) throw new Error(`profiles:save failed: ${saved.error.message}`);
  return saved.value;
}

/** A 127.0.0.1 port nothing listens on: bound once by us, then released. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

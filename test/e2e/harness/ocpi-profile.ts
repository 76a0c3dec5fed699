/** An OCPI 2.2.1 profile on the harness's spec-conformant local server, with its token in memory. */
import { DEFAULT_MAX_BYTES, type Profile } from '../../../shared/domain/profile';
import type { OcpiProfileSettings } from '../../../shared/ocpi/profile-settings';
import type { Harness } from '../../../tools/web-harness/harness';

export async function saveOcpiProfile(
  harness: Harness,
  name: string,
  token: string,
  ocpi: Partial<OcpiProfileSettings> = {},
): Promise<Profile> {
  const saved = await harness.invoke('profiles:save', {
    name,
    baseUrl: harness.ocpi.baseUrl,
    flavour: 'ocpi-2.2.1',
    auth: { kind: 'token' },
    base64Token: false,
    timeouts: { connectMs: 3_000, totalMs: 15_000 },
    maxBytes: DEFAULT_MAX_BYTES,
    ocpi: { versionsUrl: harness.ocpi.versionsUrl(''), ...ocpi },
  });
  if (!saved.ok) throw new Error(saved.error.message);
  await harness.invoke('token:set', { profileId: saved.value.id, token, memoryOnly: true });
  return saved.value;
}

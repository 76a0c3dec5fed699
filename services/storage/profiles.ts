/**
 * Environment profiles, stored as JSON in the user-data folder (never with a token). The Demo profile is
 * built in and always first; a corrupt file is moved aside and the app starts with what it could read.
 */
import { DEMO_OCPI_VERSIONS_URL } from '../ocpi/demo-ocpi-transport';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { appError, type Result } from '../../shared/domain/errors';
import {
  DEFAULT_MAX_BYTES,
  DEFAULT_TIMEOUTS,
  type Profile,
  type ProfileInput,
} from '../../shared/domain/profile';
import type { ProfilesSnapshot } from '../../shared/domain/profile';
import { parseProfileInput } from '../../shared/ipc/validate';
import { DEMO_BASE_URL } from '../http/demo-transport';
import { readJsonFile, writeJsonFile } from './json-file';

export const PROFILES_FILE = 'profiles.json';
export const DEMO_PROFILE_ID = 'demo';

export const DEMO_PROFILE: Profile = {
  id: DEMO_PROFILE_ID,
  name: 'Demo (bundled sessions)',
  baseUrl: DEMO_BASE_URL,
  flavour: 'ocpi-2.2.1',
  auth: { kind: 'token' },
  base64Token: false,
  timeouts: DEFAULT_TIMEOUTS,
  maxBytes: DEFAULT_MAX_BYTES,
  demo: true,
  // An OCPI 2.2.1 CPO served in process, for discovery, listing and search with no network.
  ocpi: { versionsUrl: DEMO_OCPI_VERSIONS_URL },
};

export class ProfileStore {
  private constructor(
    private readonly path: string,
    private profiles: Profile[],
    private readonly notices: string[],
  ) {}

  static async open(userDataDir: string): Promise<ProfileStore> {
    const path = join(userDataDir, PROFILES_FILE);
    const notices: string[] = [];
    const profiles: Profile[] = [];
    const read = await readJsonFile(path);
    if (read.kind === 'corrupt') {
      notices.push(
        `The profiles file could not be read and was moved aside to ${read.movedTo}. Only the Demo profile is available; add your environments again.`,
      );
    } else if (read.kind === 'ok') {
      const list = (read.value as { profiles?: unknown } | null)?.profiles;
      const entries = Array.isArray(list) ? list : [];
      if (!Array.isArray(list))
        notices.push(`The profiles file ${path} has no profile list; it was ignored.`);
      for (const entry of entries) {
        const parsed = parseProfileInput(entry);
        if (parsed.ok && parsed.value.id && parsed.value.id !== DEMO_PROFILE_ID)
          profiles.push({ ...parsed.value, id: parsed.value.id });
        else
          notices.push(
            `A profile in ${path} was skipped: ${parsed.ok ? 'it has no id' : parsed.error.message}`,
          );
      }
    }
    return new ProfileStore(path, profiles, notices);
  }

  list(): ProfilesSnapshot {
    return { profiles: [DEMO_PROFILE, ...this.profiles], notices: [...this.notices] };
  }

  get(id: string): Profile | undefined {
    return id === DEMO_PROFILE_ID ? DEMO_PROFILE : this.profiles.find((p) => p.id === id);
  }

  findByName(name: string): Profile | undefined {
    return this.list().profiles.find((p) => p.name.toLowerCase() === name.toLowerCase());
  }

  /** Saves a checked profile (see `parseProfileInput`), enforcing the store's own rules. */
  async save(input: ProfileInput): Promise<Result<Profile>> {
    if (input.id === DEMO_PROFILE_ID)
      return {
        ok: false,
        error: appError(
          'invalid-argument',
          'The Demo profile cannot be changed.',
          'Add a new profile instead.',
        ),
      };
    if (input.id !== undefined && !this.profiles.some((p) => p.id === input.id))
      return {
        ok: false,
        error: appError('unknown-profile', 'That profile no longer exists.', 'Add it again.'),
      };
    const clash = this.findByName(input.name);
    if (clash && clash.id !== input.id)
      return {
        ok: false,
        error: appError(
          'invalid-argument',
          `A profile named "${clash.name}" already exists.`,
          'Choose another name.',
        ),
      };
    const profile: Profile = { ...input, id: input.id ?? randomUUID() };
    const next = input.id
      ? this.profiles.map((p) => (p.id === profile.id ? profile : p))
      : [...this.profiles, profile];
    await writeJsonFile(this.path, { version: 1, profiles: next });
    this.profiles = next;
    return { ok: true, value: profile };
  }

  async delete(id: string): Promise<Result<ProfilesSnapshot>> {
    if (id === DEMO_PROFILE_ID)
      return {
        ok: false,
        error: appError(
          'invalid-argument',
          'The Demo profile cannot be deleted.',
          'It needs no token and no network; just pick another profile.',
        ),
      };
    if (!this.profiles.some((p) => p.id === id))
      return {
        ok: false,
        error: appError('unknown-profile', 'That profile no longer exists.', 'Reload the profile list.'),
      };
    const next = this.profiles.filter((p) => p.id !== id);
    await writeJsonFile(this.path, { version: 1, profiles: next });
    this.profiles = next;
    return { ok: true, value: this.list() };
  }
}

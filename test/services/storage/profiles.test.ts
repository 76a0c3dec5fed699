import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/domain/errors';
import { DEFAULT_MAX_BYTES, type Profile, type ProfileInput } from '../../../shared/domain/profile';
import type { Settings } from '../../../shared/domain/settings';
import { parseProfileInput, parseSettingsPatch } from '../../../shared/ipc/validate';
import { DEMO_PROFILE_ID, PROFILES_FILE, ProfileStore } from '../../../services/storage/profiles';
import { DEFAULT_SETTINGS, SETTINGS_FILE, SettingsStore } from '../../../services/storage/settings';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'profiles-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const input = (name: string): ProfileInput => ({
  name,
  baseUrl: 'https://api.example.com/ocpi/2.2.1/',
  flavour: 'ocpi-2.2.1',
  auth: { kind: 'bearer' },
  base64Token: true,
  timeouts: { connectMs: 5000, totalMs: 30000 },
  maxBytes: DEFAULT_MAX_BYTES,
});

/** As `profiles:save` and `settings:update` do it: the channel's parser, then the store. */
const saveRaw = async (store: ProfileStore, raw: unknown): Promise<Result<Profile>> => {
  const parsed = parseProfileInput(raw);
  return parsed.ok ? store.save(parsed.value) : parsed;
};
const updateRaw = async (store: SettingsStore, raw: unknown): Promise<Result<Settings>> => {
  const parsed = parseSettingsPatch(raw);
  return parsed.ok ? { ok: true, value: await store.update(parsed.value) } : parsed;
};

describe('ProfileStore', () => {
  it('starts with the Demo profile and no file', async () => {
    const store = await ProfileStore.open(dir);
    expect(store.list()).toMatchObject({ profiles: [{ id: DEMO_PROFILE_ID, demo: true }], notices: [] });
    expect(await readdir(dir)).toEqual([]);
  });

  it('saves, updates and deletes profiles, persisted across restarts, with no temp file left', async () => {
    const store = await ProfileStore.open(dir);
    const saved = await saveRaw(store, input('Staging'));
    if (!saved.ok) throw new Error(saved.error.message);
    expect(saved.value.baseUrl).toBe('https://api.example.com/ocpi/2.2.1');
    const updated = await saveRaw(store, { ...input('Staging EU'), id: saved.value.id });
    expect(updated.ok).toBe(true);
    const reopened = await ProfileStore.open(dir);
    expect(reopened.list().profiles.map((p) => p.name)).toEqual(['Demo (bundled sessions)', 'Staging EU']);
    expect(reopened.findByName('staging eu')?.id).toBe(saved.value.id);
    expect(await readdir(dir)).toEqual([PROFILES_FILE]);
    expect((await reopened.delete(saved.value.id)).ok).toBe(true);
    expect((await ProfileStore.open(dir)).list().profiles).toHaveLength(1);
  });

  it('never stores anything token-like: the file holds only profile fields', async () => {
    const store = await ProfileStore.open(dir);
    await saveRaw(store, { ...input('X'), token: 'sneaky' });
    expect(await readFile(join(dir, PROFILES_FILE), 'utf8')).not.toContain('sneaky');
  });

  it('refuses invalid profiles, duplicate names and changes to the Demo profile', async () => {
    const store = await ProfileStore.open(dir);
    expect((await saveRaw(store, { ...input('A'), baseUrl: 'http://api.example.com' })).ok).toBe(false);
    await saveRaw(store, input('A'));
    const dup = await saveRaw(store, input('a'));
    expect(dup.ok ? null : dup.error.message).toMatch(/already exists/);
    expect((await saveRaw(store, { ...input('D'), id: DEMO_PROFILE_ID })).ok).toBe(false);
    expect((await store.delete(DEMO_PROFILE_ID)).ok).toBe(false);
  });

  it('moves a corrupt file aside, starts with the Demo profile and says so', async () => {
    await writeFile(join(dir, PROFILES_FILE), '{"profiles": [ {"name": "half');
    const store = await ProfileStore.open(dir);
    const { profiles, notices } = store.list();
    expect(profiles.map((p) => p.id)).toEqual([DEMO_PROFILE_ID]);
    expect(notices[0]).toMatch(/moved aside/);
    const files = await readdir(dir);
    expect(files.some((f) => f.startsWith(`${PROFILES_FILE}.corrupt-`))).toBe(true);
    expect(files).not.toContain(PROFILES_FILE);
  });

  it('keeps the readable profiles of a file with one bad entry', async () => {
    const good = { ...input('Good'), id: 'g1' };
    await writeFile(
      join(dir, PROFILES_FILE),
      JSON.stringify({ version: 1, profiles: [good, { id: 'b', name: 'Bad' }] }),
    );
    const { profiles, notices } = (await ProfileStore.open(dir)).list();
    expect(profiles.map((p) => p.id)).toEqual([DEMO_PROFILE_ID, 'g1']);
    expect(notices).toHaveLength(1);
  });
});

describe('SettingsStore', () => {
  it('defaults to the OSM tiles, site time and the Demo profile, and persists updates', async () => {
    const store = await SettingsStore.open(dir);
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS.tileUrl).toBe('https://tile.openstreetmap.org/{z}/{x}/{y}.png');
    expect((await updateRaw(store, { timeZone: 'utc' })).ok).toBe(true);
    expect((await SettingsStore.open(dir)).get().timeZone).toBe('utc');
  });

  it('refuses a tile URL without https or placeholders', async () => {
    const store = await SettingsStore.open(dir);
    expect((await updateRaw(store, { tileUrl: 'http://tiles.example.com/{z}/{x}/{y}.png' })).ok).toBe(false);
    expect((await updateRaw(store, { tileUrl: 'https://tiles.example.com/tile.png' })).ok).toBe(false);
  });

  it('moves a corrupt file aside and keeps good fields of a partly bad one', async () => {
    await writeFile(join(dir, SETTINGS_FILE), 'not json');
    const store = await SettingsStore.open(dir);
    expect(store.notices[0]).toMatch(/moved aside/);
    await writeFile(
      join(dir, SETTINGS_FILE),
      JSON.stringify({ timeZone: 'local', tileUrl: 'javascript:alert(1)' }),
    );
    const partly = await SettingsStore.open(dir);
    expect(partly.get()).toEqual({ ...DEFAULT_SETTINGS, timeZone: 'local' });
  });

  it('recovers from a saved tile URL that would break the CSP: default tiles and a notice', async () => {
    await writeFile(
      join(dir, SETTINGS_FILE),
      JSON.stringify({ tileUrl: 'https://tiles.example;sandbox/{z}/{x}/{y}.png', timeZone: 'utc' }),
    );
    const store = await SettingsStore.open(dir);
    expect(store.get()).toEqual({ ...DEFAULT_SETTINGS, timeZone: 'utc' });
    expect(store.notices).toEqual([expect.stringMatching(/saved tile server was not valid.*default/)]);
  });

  it('refuses a 50 MiB active profile id', async () => {
    const store = await SettingsStore.open(dir);
    const r = await updateRaw(store, { activeProfileId: 'x'.repeat(50 * 1024 * 1024) });
    expect(r.ok ? null : r.error.kind).toBe('invalid-argument');
    expect(store.get().activeProfileId).toBe(DEFAULT_SETTINGS.activeProfileId);
  });
});

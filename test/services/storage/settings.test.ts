/** The follow interval and stale threshold in settings.json: defaults, persisted updates, bad saved values. */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseSettingsPatch } from '../../../shared/ipc/validate';
import { DEFAULT_SETTINGS, SETTINGS_FILE, SettingsStore } from '../../../services/storage/settings';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'settings-follow-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('follow settings in the SettingsStore', () => {
  it('start at 30 s and 15 minutes', async () => {
    const store = await SettingsStore.open(dir);
    expect(store.get()).toMatchObject({ followSeconds: 30, staleMinutes: 15 });
  });

  it('persist across a restart, beside the other settings', async () => {
    const store = await SettingsStore.open(dir);
    await store.update({ timeZone: 'utc' });
    const patch = parseSettingsPatch({ followSeconds: 7, staleMinutes: 90 });
    if (!patch.ok) throw new Error(patch.error.message);
    await store.update(patch.value);
    const reopened = await SettingsStore.open(dir);
    expect(reopened.get()).toEqual({
      ...DEFAULT_SETTINGS,
      timeZone: 'utc',
      followSeconds: 7,
      staleMinutes: 90,
    });
    expect(JSON.parse(await readFile(join(dir, SETTINGS_FILE), 'utf8'))).toMatchObject({
      followSeconds: 7,
      staleMinutes: 90,
    });
  });

  it('a bad saved value falls back to its default with a notice, the good ones are kept', async () => {
    await writeFile(
      join(dir, SETTINGS_FILE),
      JSON.stringify({ followSeconds: 1, staleMinutes: 45, timeZone: 'local' }),
    );
    const store = await SettingsStore.open(dir);
    expect(store.get()).toEqual({ ...DEFAULT_SETTINGS, timeZone: 'local', staleMinutes: 45 });
    expect(store.notices).toEqual([
      'The saved setting followSeconds was not valid (The follow interval must be a whole number of seconds from 5 to 3600; 1 is not.); its default is used.',
    ]);
  });

  it('a settings file from before these settings gets both defaults', async () => {
    await writeFile(join(dir, SETTINGS_FILE), JSON.stringify({ timeZone: 'utc', activeProfileId: null }));
    const store = await SettingsStore.open(dir);
    expect(store.get()).toMatchObject({ followSeconds: 30, staleMinutes: 15, timeZone: 'utc' });
    expect(store.notices).toEqual([]);
  });
});

/** App settings (tile URL, time-zone display, active profile, follow interval and stale threshold), stored as JSON in the user-data folder. */
import { join } from 'node:path';
import { DEFAULT_TILE_URL, type Settings } from '../../shared/domain/settings';
import { FOLLOW_SECONDS, STALE_MINUTES } from '../../shared/domain/settings-follow';
import { parseSettingsPatch } from '../../shared/ipc/validate';
import { readJsonFile, writeJsonFile } from './json-file';
import { DEMO_PROFILE_ID } from './profiles';

export const SETTINGS_FILE = 'settings.json';
export const DEFAULT_SETTINGS: Settings = {
  tileUrl: DEFAULT_TILE_URL,
  timeZone: 'site',
  activeProfileId: DEMO_PROFILE_ID,
  followSeconds: FOLLOW_SECONDS.default,
  staleMinutes: STALE_MINUTES.default,
};

export class SettingsStore {
  private constructor(
    private readonly path: string,
    private current: Settings,
    readonly notices: string[],
  ) {}

  static async open(userDataDir: string): Promise<SettingsStore> {
    const path = join(userDataDir, SETTINGS_FILE);
    const read = await readJsonFile(path);
    const notices: string[] = [];
    let settings = DEFAULT_SETTINGS;
    if (read.kind === 'corrupt')
      notices.push(
        `The settings file could not be read and was moved aside to ${read.movedTo}; defaults are used.`,
      );
    if (read.kind === 'ok') {
      // Field by field: one bad value falls back to its default with a notice, the rest is kept. A bad
      // tile URL must not reach the CSP header, where it could keep the window from ever starting.
      const fields = read.value !== null && typeof read.value === 'object' ? read.value : {};
      for (const [key, value] of Object.entries(fields)) {
        const patch = parseSettingsPatch({ [key]: value });
        if (patch.ok) settings = { ...settings, ...patch.value };
        else
          notices.push(
            key === 'tileUrl'
              ? `The saved tile server was not valid (${patch.error.message}); the default OpenStreetMap tiles are used. Set another in Settings.`
              : `The saved setting ${key.slice(0, 40)} was not valid (${patch.error.message}); its default is used.`,
          );
      }
    }
    return new SettingsStore(path, settings, notices);
  }

  get(): Settings {
    return { ...this.current };
  }

  /** Applies a checked patch (see `parseSettingsPatch`); a failed write throws and changes nothing. */
  async update(patch: Partial<Settings>): Promise<Settings> {
    const next = { ...this.current, ...patch };
    await writeJsonFile(this.path, next);
    this.current = next;
    return this.get();
  }
}

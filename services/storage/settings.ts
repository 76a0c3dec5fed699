/** App settings (tile URL, time-zone display, active profile), stored as JSON in the user-data folder. */
import { join } from 'node:path';
import type { Settings } from '../../shared/ipc/contract';
import { parseSettingsPatch } from '../../shared/ipc/validate';
import type { Result } from '../../shared/domain/errors';
import { readJsonFile, writeJsonFile } from './json-file';
import { DEMO_PROFILE_ID } from './profiles';

export const SETTINGS_FILE = 'settings.json';
export const DEFAULT_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
export const DEFAULT_SETTINGS: Settings = {
  tileUrl: DEFAULT_TILE_URL,
  timeZone: 'site',
  activeProfileId: DEMO_PROFILE_ID,
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
      // Field by field: one bad value falls back to its default, the rest is kept.
      for (const [key, value] of Object.entries(read.value ?? {})) {
        const patch = parseSettingsPatch({ [key]: value });
        if (patch.ok) settings = { ...settings, ...patch.value };
      }
    }
    return new SettingsStore(path, settings, notices);
  }

  get(): Settings {
    return { ...this.current };
  }

  async update(raw: unknown): Promise<Result<Settings>> {
    const patch = parseSettingsPatch(raw);
    if (!patch.ok) return patch;
    const next = { ...this.current, ...patch.value };
    await writeJsonFile(this.path, next);
    this.current = next;
    return { ok: true, value: this.get() };
  }
}

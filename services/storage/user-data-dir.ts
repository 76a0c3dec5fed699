/** Where Electron keeps the app's user data, for tools that run without Electron (the CLI). */
import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_DIR_NAME = 'Session Inspector';

export function defaultUserDataDir(
  env: Record<string, string | undefined> = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (env.OCPI_INSPECT_USER_DATA) return env.OCPI_INSPECT_USER_DATA;
  const home = env.HOME ?? homedir();
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_DIR_NAME);
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_DIR_NAME);
}

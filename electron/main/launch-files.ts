/**
 * Files handed to the app by the OS: on the command line of the first launch or of a second one (Windows and
 * Linux file associations, `session-inspector file.ocpi-session.json`), or by macOS `open-file`.
 */
import { isAbsolute, resolve } from 'node:path';

/** The `.json` files named on a command line (the bundle extension ends in `.json` too), made absolute. */
export function filesFromArgv(argv: readonly string[], cwd: string): string[] {
  // argv[0] is the executable; in development argv[1] is the app folder Electron was started with.
  return argv
    .slice(1)
    .filter((arg) => !arg.startsWith('-') && /\.json$/i.test(arg))
    .map((arg) => (isAbsolute(arg) ? arg : resolve(cwd, arg)));
}

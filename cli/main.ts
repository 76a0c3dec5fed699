/** `ocpi-inspect <command> …`: dispatches to one module per command under ./commands. */
import { APP_VERSION } from '../shared/export/app-version';
import { visibleText } from '../shared/present/visible-text';
import { CliError, type CliIo, nodeIo } from './io';

type Command = { run: (args: string[], io: CliIo) => Promise<number> };
// A Map: the command name comes from the user and must never reach Object.prototype ("constructor").
const COMMANDS = new Map<string, () => Promise<Command>>([
  ['summary', () => import('./commands/summary')],
  ['fetch', () => import('./commands/fetch')],
  ['fetch-cdr', () => import('./commands/fetch-cdr')],
  ['export', () => import('./commands/export')],
  ['cost', () => import('./commands/cost')],
  ['reconcile', () => import('./commands/reconcile')],
  ['discover', () => import('./commands/discover')],
  ['list', () => import('./commands/list')],
]);

const USAGE = `Usage:
  ocpi-inspect --version
  ocpi-inspect summary <file|-> [--json]
  ocpi-inspect fetch <id> (--profile NAME | --base-url URL [--flavour vendor|ocpi-2.1.1|ocpi-2.2.1|ocpi-2.3.0]
                      [--auth-scheme token|bearer|header:NAME] [--base64]) [--out FILE] [--verbose]
  ocpi-inspect fetch <id|CC/PARTY/ID|URL> (--versions-url URL [--version V] | --profile NAME) [--around ISO]
                      [--country-code CC --party-id ID] [--out FILE]
  ocpi-inspect fetch-cdr <session-id> (--versions-url URL [--version V] | --profile NAME) [--around ISO]
                      [--country-code CC --party-id ID] [--out FILE]
  ocpi-inspect discover (--versions-url URL [--version V] | --profile NAME) [--json]
  ocpi-inspect list (--versions-url URL [--version V] | --profile NAME) --from ISO --to ISO [--status S]
                      [--json|--csv]
  ocpi-inspect export <file|-> --format bundle|csv|html [--redact] --out PATH
  ocpi-inspect cost <session-or-cdr-file> [--tariff FILE …] [--location FILE] [--json]
  ocpi-inspect reconcile <session-file> <cdr-file> [--tariff FILE …] [--location FILE] [--json]`;

export async function main(argv: string[], io: CliIo = nodeIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-V' || name === 'version') {
    io.stdout(`ocpi-inspect ${APP_VERSION}\n`);
    return 0;
  }
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(USAGE + '\n');
    return name ? 0 : 2;
  }
  const load = COMMANDS.get(name);
  if (!load) {
    io.stderr(`ocpi-inspect: unknown command "${visibleText(name)}"\n${USAGE}\n`);
    return 2;
  }
  try {
    const command = await load();
    return await command.run(rest, io);
  } catch (err) {
    // One line, never a stack trace: the user needs the problem, not our internals.
    // Messages quote server text: ESC, BEL or a bidi override must reach the terminal as a visible mark.
    if (err instanceof CliError) {
      io.stderr(`ocpi-inspect: ${visibleText(err.message)}\n`);
      return err.exitCode;
    }
    io.stderr(
      `ocpi-inspect: unexpected failure: ${visibleText(err instanceof Error ? err.message : String(err))}\n`,
    );
    return 1;
  }
}

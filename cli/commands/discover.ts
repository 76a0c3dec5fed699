/**
 * `ocpi-inspect discover --versions-url URL [--version V] [--json]` (or `--profile NAME`): the version chosen,
 * the token form that worked, and every endpoint with its interface role.
 */
import { CliError, type CliIo, parseArgs } from '../io';
import { connectOcpi } from '../ocpi-target';

export async function run(args: string[], io: CliIo): Promise<number> {
  const { positionals, options } = parseArgs(args, ['json']);
  if (positionals.length > 0)
    throw new CliError(`discover takes no positional argument (got "${positionals[0]}")`);
  const { discovery } = await connectOcpi(options, io);
  const endpoints = discovery.endpoints.map((e) => ({ identifier: e.identifier, role: e.role, url: e.url }));
  if (options.json === true) {
    io.stdout(
      `${JSON.stringify({ version: discovery.version, tokenEncoding: discovery.tokenForm, endpoints })}\n`,
    );
    return 0;
  }
  const lines = [
    `OCPI ${discovery.version} at ${discovery.versionUrl}`,
    `Token form that worked: ${discovery.tokenForm === 'base64' ? 'Base64' : 'plain'}`,
    ...endpoints.map((e) => `  ${e.identifier.padEnd(16)} ${(e.role ?? '-').padEnd(9)} ${e.url}`),
  ];
  io.stdout(`${lines.join('\n')}\n`);
  return 0;
}

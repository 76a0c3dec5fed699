/** `npm run mock-api [-- --port N]`: starts the local OCPI server and prints where and how to reach it. */
import { DEMO_SESSIONS } from '../../shared/demo/catalog';
import { FAULT_IDS, MOCK_PREFIXES, startMockOcpiServer } from './server';

const portArg = process.argv.indexOf('--port');
const port = portArg > 0 ? Number(process.argv[portArg + 1]) : Number(process.env.PORT ?? 0);
const server = await startMockOcpiServer({ port, token: process.env.MOCK_API_TOKEN });

const lines = [
  `Local OCPI server on ${server.baseUrl}`,
  `Token: ${server.token}   (send as "Authorization: Token <token>", Bearer, Base64 or X-Api-Key)`,
  '',
  'Base URLs for a profile:',
  ...Object.entries(MOCK_PREFIXES).map(
    ([flavour, prefix]) => `  ${flavour.padEnd(11)} ${server.baseUrl}${prefix}`,
  ),
  '',
  'Session ids: gen-<periods> (e.g. gen-200000), ' + DEMO_SESSIONS.map((s) => s.id).join(', '),
  `Fault scenarios: ${FAULT_IDS.join(', ')}`,
  '',
  `Try: OCPI_INSPECT_TOKEN=${server.token} npx ocpi-inspect fetch gen-100 --base-url ${server.baseUrl}${MOCK_PREFIXES.vendor}`,
  'Ctrl+C stops it.',
];
process.stdout.write(lines.join('\n') + '\n');

const stop = (): void => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

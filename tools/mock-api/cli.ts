/** `npm run mock-api [-- --port N]`: starts the local OCPI server and prints where and how to reach it. */
import { DEMO_SESSIONS } from '../../shared/demo/catalog';
import { SCENARIOS, type Scenario, startOcpiServer } from './ocpi-server';
import { FAULT_IDS, MOCK_PREFIXES, startMockOcpiServer } from './server';

const portArg = process.argv.indexOf('--port');
const port = portArg > 0 ? Number(process.argv[portArg + 1]) : Number(process.env.PORT ?? 0);
const server = await startMockOcpiServer({ port, token: process.env.MOCK_API_TOKEN });
const sessionsArg = process.argv.indexOf('--ocpi-sessions');
// The spec-conformant OCPI server, beside the vendor gateway (its own port, the same token).
const ocpi = await startOcpiServer({
  port: port ? port + 1 : 0,
  token: server.token,
  sessions: sessionsArg > 0 ? Number(process.argv[sessionsArg + 1]) : 10_000,
  maxPageSize: 25,
});

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
  '',
  `OCPI server written from the spec on ${ocpi.baseUrl} (Sender lists of S000001…, X-Limit 25; --ocpi-sessions N):`,
  ...(Object.entries(SCENARIOS) as [Scenario, string][]).map(
    ([scenario, what]) => `  ${ocpi.versionsUrl(scenario).padEnd(60)} ${what}`,
  ),
  `Try: OCPI_INSPECT_TOKEN=${server.token} npx ocpi-inspect list --versions-url ${ocpi.versionsUrl()} --from 2024-05-01T00:00:00Z --to 2024-05-02T00:00:00Z`,
  'Ctrl+C stops it.',
];
process.stdout.write(lines.join('\n') + '\n');

const stop = (): void => void Promise.all([server.close(), ocpi.close()]).then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

/**
 * The local OCPI server written from the specification: the CPO of shared/demo/ocpi-cpo.ts over HTTP on
 * 127.0.0.1, unlike `server.ts`, which serves the vendor gateway's `{base}/sessions/{id}` for every flavour
 * and its fault scenarios. Every request is recorded (path, headers, status).
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createOcpiCpo, type OcpiCpo, type RecordedRequest, type Scenario } from '../../shared/demo/ocpi-cpo';

export { OCPI_VERSIONS, SCENARIOS, type OcpiVersion, type Scenario } from '../../shared/demo/ocpi-cpo';

export interface OcpiServerOptions {
  port?: number;
  token?: string;
  /** Sessions in each version's Sender list; default 200. */
  sessions?: number;
  /** X-Limit: the largest page the server sends; default 100. */
  maxPageSize?: number;
  /** When the first listed session starts (ISO) and how far apart they are: see sessionDataset. */
  startAt?: string;
  spacingMinutes?: number;
}

export interface MockOcpiServer {
  baseUrl: string;
  token: string;
  /** The versions URL of a scenario ('' the conformant one). */
  versionsUrl(scenario?: Scenario): string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export async function startOcpiServer(opts: OcpiServerOptions = {}): Promise<MockOcpiServer> {
  const token = opts.token ?? `ocpi-${randomBytes(12).toString('hex')}`;
  let cpo: OcpiCpo | null = null;
  const server = createServer((req, res) => {
    if (!cpo) return void res.writeHead(503).end();
    const answer = cpo.handle({ method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers });
    res.writeHead(answer.status, { ...answer.headers, 'content-length': Buffer.byteLength(answer.body) });
    res.end(answer.body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  cpo = createOcpiCpo({ ...opts, origin, token });
  return {
    baseUrl: origin,
    token,
    versionsUrl: cpo.versionsUrl,
    requests: cpo.requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

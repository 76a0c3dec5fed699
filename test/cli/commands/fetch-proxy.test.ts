/**
 * The CLI behind a corporate network: HTTPS_PROXY / HTTP_PROXY / NO_PROXY through a local forward proxy the
 * test starts, and NODE_EXTRA_CA_CERTS for a server whose certificate only that file vouches for.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProxy, type ProxyServer } from 'proxy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MOCK_PREFIXES, startMockOcpiServer, type MockOcpiServer } from '../../../tools/mock-api/server';

const BIN = new URL('../../../bin/ocpi-inspect.mjs', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'cli-proxy-'));
let mock: MockOcpiServer;
let proxy: ProxyServer;
let proxyUrl = '';
const tunnels: string[] = [];

const listen = (server: Server): Promise<number> =>
  new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );

beforeAll(async () => {
  mock = await startMockOcpiServer({ token: 'proxy-test-token' });
  proxy = createProxy(createHttpServer());
  proxy.on('connect', (req: { url?: string }) => tunnels.push(req.url ?? ''));
  proxyUrl = `http://127.0.0.1:${await listen(proxy)}`;
});
afterAll(async () => {
  await mock.close();
  await new Promise((resolve) => proxy.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

/** Runs the real CLI process with exactly these proxy variables (none inherited from this machine). */
function run(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; out: string; err: string }> {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(https?|all|no)_proxy$|^node_extra_ca_certs$/i.test(k)),
  );
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'fetch', ...args], {
      env: { ...base, OCPI_INSPECT_FROM_SOURCE: '1', OCPI_INSPECT_USER_DATA: dir, ...env },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out, err });
    });
  });
}

describe('ocpi-inspect fetch behind a proxy', () => {
  it('tunnels through HTTPS_PROXY / HTTP_PROXY, and goes direct for hosts in NO_PROXY', async () => {
    const base = `${mock.baseUrl}${MOCK_PREFIXES.vendor}`;
    const host = new URL(mock.baseUrl).host;
    const token = { OCPI_INSPECT_TOKEN: mock.token };

    const before = tunnels.length;
    const viaProxy = await run(['gen-3', '--base-url', base], { ...token, HTTP_PROXY: proxyUrl });
    expect(viaProxy.err).toBe('');
    expect(viaProxy.code).toBe(0);
    expect(JSON.parse(viaProxy.out).data.id).toBe('gen-3');
    expect(tunnels.slice(before)).toEqual([host]);

    const direct = await run(['gen-3', '--base-url', base], {
      ...token,
      HTTP_PROXY: proxyUrl,
      NO_PROXY: '127.0.0.1',
    });
    expect(direct.code).toBe(0);
    expect(tunnels.length).toBe(before + 1);
  });

  it('says the proxy cannot be reached instead of hanging', async () => {
    const dead = createHttpServer();
    const port = await listen(dead);
    await new Promise((resolve) => dead.close(resolve));
    const r = await run(['gen-3', '--base-url', `${mock.baseUrl}${MOCK_PREFIXES.vendor}`], {
      OCPI_INSPECT_TOKEN: mock.token,
      HTTP_PROXY: `http://127.0.0.1:${port}`,
    });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/ocpi-inspect: .*(reach|connect)/i);
  });

  it('trusts a server certificate from NODE_EXTRA_CA_CERTS, and refuses it without', async () => {
    const key = join(dir, 'key.pem');
    const cert = join(dir, 'cert.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
        '-addext',
        'subjectAltName=DNS:localhost,IP:127.0.0.1',
        '-keyout',
        key,
        '-out',
        cert,
      ],
      { stdio: 'ignore' },
    );
    const body = JSON.stringify({
      status_code: 1000,
      data: { id: 'tls-1', kwh: 1, status: 'COMPLETED', start_date_time: '2024-01-01T00:00:00Z' },
    });
    const server = createHttpsServer({ key: readFileSync(key), cert: readFileSync(cert) }, (_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(body);
    });
    const port = await listen(server as unknown as Server);
    try {
      const args = ['tls-1', '--base-url', `https://localhost:${port}/api`];
      const refused = await run(args, { OCPI_INSPECT_TOKEN: 't0k3n-value' });
      expect(refused.code).toBe(1);
      expect(refused.err).toMatch(/secure connection|certificate/i);
      const trusted = await run(args, { OCPI_INSPECT_TOKEN: 't0k3n-value', NODE_EXTRA_CA_CERTS: cert });
      expect(trusted.err).toBe('');
      expect(JSON.parse(trusted.out).data.id).toBe('tls-1');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

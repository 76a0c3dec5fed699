/**
 * A local OCPI server on 127.0.0.1 for integration tests, browser tests and try-outs. It serves the vendor
 * endpoint, OCPI 2.1.1 / 2.2.1 / 2.3.0 sessions and 2.2.1 / 2.3.0 locations, generated sessions of any
 * length (`gen-<periods>`), the Demo catalog's sessions, and one `fault-*` scenario per failure the client
 * must survive. Every request needs the token; every request is recorded (path and headers).
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { demoLocation, demoSession } from '../../shared/demo/catalog';
import { generateSession, type GeneratedShape } from '../../shared/demo/generate-session';

export interface MockOcpiServer {
  /** `http://127.0.0.1:<port>`; append a prefix from `MOCK_PREFIXES`. */
  baseUrl: string;
  token: string;
  close(): Promise<void>;
  requests: { path: string; headers: Record<string, string | string[] | undefined> }[];
}

export interface MockOptions {
  token?: string;
  port?: number;
  /** Where `fault-redirect-cross` points (another origin); default `http://localhost:<port>`. */
  crossOriginBase?: string;
}

/** Path prefix per API shape: the profile base URL is `baseUrl + prefix`. */
export const MOCK_PREFIXES: Record<GeneratedShape, string> = {
  vendor: '/api/ocpi/api/v1',
  'ocpi-2.1.1': '/ocpi/2.1.1',
  'ocpi-2.2.1': '/ocpi/2.2.1',
  'ocpi-2.3.0': '/ocpi/2.3.0',
};

export const MAX_GENERATED_PERIODS = 2_000_000;

/** Every fault scenario, by session id. */
export const FAULT_IDS = [
  'fault-timeout',
  'fault-slow-drip',
  'fault-reset',
  'fault-truncated',
  'fault-invalid-json',
  'fault-html-502',
  'fault-429',
  'fault-429-once',
  'fault-500',
  'fault-503',
  'fault-401',
  'fault-403',
  'fault-404',
  'fault-2003',
  'fault-3000',
  'fault-redirect-same',
  'fault-redirect-cross',
  'fault-redirect-loop',
  'fault-oversize',
  'fault-oversize-declared',
  'fault-location-404',
  'fault-location-dotdot',
  // A chain of distinct same-origin redirects: `fault-redirect-chain-<n>` makes n hops before gen-10.
  'fault-redirect-chain-3',
  'fault-redirect-chain-4',
  'fault-header-overflow',
  'fault-503-retry-negative',
  'fault-503-retry-fraction',
  // Servers that echo the token back (in what they say, not in what they serve).
  'fault-echo-request-id',
  'fault-echo-header',
  'fault-echo-1001',
  'fault-echo-1001-escaped',
  'fault-echo-prefix',
  'fault-echo-2001',
  'fault-echo-401-long',
  'fault-echo-location',
  // An error message that would retitle the terminal window, ring the bell and clear the screen.
  'fault-terminal-escapes',
  'fault-no-data',
] as const;

/** The Location id whose GET answers 200 with an envelope 1001 whose message echoes the auth header. */
export const ECHO_LOCATION_ID = 'LOC-ECHO';

/** Every character as a JSON `\u` escape, as some servers write non-ASCII (and PHP writes `/` as `\/`). */
const jsonEscaped = (text: string): string =>
  [...text].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');

const envelope = (status_code: number, status_message: string, data?: unknown) => ({
  status_code,
  status_message,
  timestamp: new Date().toISOString(),
  ...(data === undefined ? {} : { data }),
});

export async function startMockOcpiServer(opts: MockOptions = {}): Promise<MockOcpiServer> {
  const token = opts.token ?? `mock-${randomBytes(12).toString('hex')}`;
  const accepted = new Set([token, Buffer.from(token).toString('base64')]);
  const requests: MockOcpiServer['requests'] = [];
  const timers = new Set<NodeJS.Timeout>();
  const seen = new Map<string, number>();
  // A few generated bodies kept as text: a 200,000-period session takes a while to build.
  const cache = new Map<string, string>();
  let crossOriginBase = opts.crossOriginBase ?? '';

  const generated = (shape: GeneratedShape, id: string, periods: number): string => {
    const key = `${shape}:${id}`;
    let text = cache.get(key);
    if (text === undefined) {
      text = JSON.stringify(generateSession({ periods, shape, id }).body);
      if (cache.size >= 4) cache.delete(cache.keys().next().value as string);
      cache.set(key, text);
    }
    return text;
  };

  const authorized = (req: IncomingMessage): boolean => {
    const auth = req.headers.authorization ?? '';
    const match = /^(?:Token|Bearer) (.+)$/.exec(auth);
    const apiKey = req.headers['x-api-key'];
    return (match !== null && accepted.has(match[1])) || (typeof apiKey === 'string' && accepted.has(apiKey));
  };

  const send = (
    req: IncomingMessage,
    res: ServerResponse,
    status: number,
    body: unknown,
    type = 'application/json',
  ) => {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    res.writeHead(status, {
      'content-type': type,
      'content-length': Buffer.byteLength(text),
      ...echoIds(req),
    });
    res.end(text);
  };

  const fault = (
    req: IncomingMessage,
    res: ServerResponse,
    prefix: string,
    shape: GeneratedShape,
    id: string,
  ) => {
    const count = (seen.get(id) ?? 0) + 1;
    seen.set(id, count);
    const okBody = () => generated(shape, 'gen-10', 10);
    const echoed = req.headers.authorization ?? String(req.headers['x-api-key'] ?? '');
    const withData = (code: number, message: string): string => {
      const body = JSON.parse(okBody()) as Record<string, unknown>;
      return JSON.stringify({ ...body, status_code: code, status_message: message });
    };
    const chain = /^fault-redirect-chain-(\d)$/.exec(id);
    if (chain) {
      const left = Number(chain[1]) - 1;
      res.writeHead(302, {
        location: `${prefix}/sessions/${left > 0 ? `fault-redirect-chain-${left}` : 'gen-10'}`,
      });
      return res.end();
    }
    switch (id) {
      case 'fault-timeout':
        return; // never answers; the socket is destroyed on close()
      case 'fault-slow-drip': {
        res.writeHead(200, { 'content-type': 'application/json', ...echoIds(req) });
        res.write('{"status_code":1000,"data":');
        const timer = setInterval(() => res.write(' '), 50);
        timers.add(timer);
        res.on('close', () => clearInterval(timer));
        return;
      }
      case 'fault-reset':
        req.socket.resetAndDestroy();
        return;
      case 'fault-truncated': {
        const text = okBody();
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
        res.write(text.slice(0, Math.floor(text.length / 2)), () => res.destroy());
        return;
      }
      case 'fault-invalid-json':
        return send(req, res, 200, '{"status_code": 1000, "data": {id: \'not json\'}}');
      case 'fault-html-502':
        return send(
          req,
          res,
          502,
          '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>',
          'text/html',
        );
      case 'fault-429':
        res.setHeader('retry-after', '1');
        return send(req, res, 429, envelope(2000, 'Too many requests'));
      case 'fault-429-once':
        if (count % 2 === 1) {
          res.setHeader('retry-after', '1');
          return send(req, res, 429, envelope(2000, 'Too many requests'));
        }
        return send(req, res, 200, okBody());
      case 'fault-500':
        return send(req, res, 500, envelope(3000, 'Internal server error: NullReferenceException'));
      case 'fault-503':
        res.setHeader('retry-after', '1');
        return send(req, res, 503, envelope(3000, 'Service unavailable'));
      case 'fault-401':
        return send(req, res, 401, envelope(2001, 'Invalid or missing token'));
      case 'fault-403':
        return send(req, res, 403, envelope(2001, 'Token has no access to this party'));
      case 'fault-404':
        return send(req, res, 404, envelope(2003, 'Unknown session'));
      case 'fault-2003':
        return send(req, res, 200, envelope(2003, 'Unknown session'));
      case 'fault-3000':
        return send(req, res, 200, envelope(3000, 'Generic server error'));
      case 'fault-redirect-same':
        res.writeHead(302, { location: `${prefix}/sessions/gen-10` });
        return res.end();
      case 'fault-redirect-cross':
        res.writeHead(302, { location: `${crossOriginBase}${prefix}/sessions/gen-10` });
        return res.end();
      case 'fault-redirect-loop':
        res.writeHead(302, { location: `${prefix}/sessions/fault-redirect-loop` });
        return res.end();
      case 'fault-oversize':
        return streamPadding(res, 256 * 1024 * 1024);
      case 'fault-oversize-declared':
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(10 * 1024 ** 3) });
        res.write('{', () => res.destroy());
        return;
      case 'fault-location-404':
      case 'fault-location-dotdot':
      case 'fault-echo-location': {
        const body = JSON.parse(generated(shape, id, 20)) as { data: Record<string, unknown> };
        body.data.location_id =
          id === 'fault-location-404'
            ? 'LOC-MISSING'
            : id === 'fault-echo-location'
              ? ECHO_LOCATION_ID
              : '..';
        return send(req, res, 200, body);
      }
      case 'fault-header-overflow':
        res.writeHead(200, { 'content-type': 'application/json', 'x-padding': 'x'.repeat(20 * 1024) });
        return res.end(okBody());
      case 'fault-503-retry-negative':
      case 'fault-503-retry-fraction':
        res.setHeader('retry-after', id === 'fault-503-retry-negative' ? '-5' : '1.5');
        return send(req, res, 503, envelope(3000, 'Service unavailable'));
      case 'fault-echo-request-id':
        res.writeHead(200, { 'content-type': 'application/json', 'x-request-id': echoed });
        return res.end(okBody());
      case 'fault-echo-header':
        res.writeHead(200, {
          'content-type': 'application/json',
          'x-correlation-id': `seen ${echoed}`,
          'x-debug-auth': echoed,
        });
        return res.end(okBody());
      case 'fault-echo-1001':
        return send(req, res, 200, withData(1001, `Accepted with warnings for ${echoed}`));
      case 'fault-echo-1001-escaped': {
        // The token JSON-escaped character by character: the same string to a parser, other bytes.
        const text = withData(1001, 'ECHO').replace('"ECHO"', `"Accepted for ${jsonEscaped(echoed)}"`);
        return send(req, res, 200, text);
      }
      case 'fault-echo-prefix':
        // Servers that shorten what they log: the first 12 characters of the token, then an ellipsis.
        return send(req, res, 200, withData(1001, `Seen key ${echoed.replace(/^\S+ /, '').slice(0, 12)}…`));
      case 'fault-no-data':
        return send(req, res, 200, envelope(1000, 'Success'));
      case 'fault-terminal-escapes':
        return send(req, res, 200, envelope(2001, 'Denied\u001b]0;pwned\u0007\u001b[2J\u202Etxt.exe'));
      case 'fault-echo-2001':
        return send(req, res, 200, envelope(2001, `Token not accepted: ${echoed}`));
      case 'fault-echo-401-long':
        // Over 200 characters, the token straddling the 200th: a cut before scrubbing leaks its start.
        return send(
          req,
          res,
          401,
          envelope(2001, `${'The credentials were refused. '.repeat(6)}Sent: ${echoed}`),
        );
    }
    send(req, res, 404, envelope(2003, `Unknown fault scenario ${id}`));
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    requests.push({ path: req.url ?? '', headers: { ...req.headers } });
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const entry = Object.entries(MOCK_PREFIXES).find(([, p]) => path.startsWith(`${p}/`));
    const match = entry && /^\/(sessions|locations)\/([^/]+)$/.exec(path.slice(entry[1].length));
    if (req.method !== 'GET' || !entry || !match)
      return send(
        req,
        res,
        req.method === 'GET' ? 404 : 405,
        envelope(2000, `No route for ${req.method} ${path}`),
      );
    const [shapeName, prefix] = entry as [GeneratedShape, string];
    const id = decodeURIComponent(match[2]);
    if (id !== 'fault-401' && !authorized(req))
      return send(req, res, 401, envelope(2001, 'Invalid or missing token'));
    if (match[1] === 'locations') {
      if (id === ECHO_LOCATION_ID && shapeName !== 'vendor' && shapeName !== 'ocpi-2.1.1') {
        const echo = generateSession({ periods: 0, shape: shapeName }).location;
        const said = `Location served to ${req.headers.authorization ?? ''}`;
        return send(req, res, 200, envelope(1001, said, { ...echo, id: ECHO_LOCATION_ID }));
      }
      const location =
        id === 'LOC-ZUIDAS' ? generateSession({ periods: 0, shape: shapeName }).location : demoLocation(id);
      return location && shapeName !== 'vendor' && shapeName !== 'ocpi-2.1.1'
        ? send(req, res, 200, envelope(1000, 'Success', location))
        : send(req, res, 404, envelope(2003, `Unknown location ${id}`));
    }
    if (id.startsWith('fault-')) return fault(req, res, prefix, shapeName, id);
    const gen = /^gen-(\d+)$/.exec(id);
    if (gen && Number(gen[1]) <= MAX_GENERATED_PERIODS)
      return send(req, res, 200, generated(shapeName, id, Number(gen[1])));
    const demo = demoSession(id);
    if (demo) return send(req, res, 200, demo.body);
    send(req, res, 404, envelope(2003, `Unknown session ${id}`));
  };

  const server = createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  // localhost and 127.0.0.1 are different origins: by default the "other site" is this server by its name.
  crossOriginBase ||= `http://localhost:${port}`;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    token,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearInterval(timer);
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function echoIds(req: IncomingMessage): Record<string, string> {
  const ids: Record<string, string> = {};
  for (const name of ['x-request-id', 'x-correlation-id']) {
    const value = req.headers[name];
    if (typeof value === 'string') ids[name] = value;
  }
  return ids;
}

/** Streams a JSON-looking body of `total` bytes, respecting back-pressure, until the client goes away. */
function streamPadding(res: ServerResponse, total: number): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  const chunk = Buffer.alloc(64 * 1024, 'x');
  let sent = 0;
  const pump = (): void => {
    while (sent < total && !res.destroyed) {
      sent += chunk.byteLength;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    if (!res.destroyed) res.end();
  };
  res.write('{"status_code":1000,"data":"');
  pump();
}

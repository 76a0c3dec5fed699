/**
 * The harness's HTTP server on 127.0.0.1: serves the built renderer (file:// would break module scripts),
 * injects the page bridge before the renderer's module, and carries the IPC: `POST /__ipc/<channel>` calls a
 * handler, `GET /__ipc/events` streams pushed events (server-sent events). Bodies use the typed-array codec.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { extname, join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import ts from 'typescript';
import { IPC_CHANNELS } from '../../shared/ipc/contract';
import type { IpcEvent, IpcEvents } from '../../shared/ipc/contract';
import { decodeIpc, encodeIpc } from './codec';

export interface HarnessServerOptions {
  /** The built renderer, e.g. `out/renderer`. */
  rendererDir: string;
  /** Repository root: the bridge and the shared modules it imports are served from here, transpiled. */
  repoRoot: string;
  invoke(channel: (typeof IPC_CHANNELS)[number], args: unknown): Promise<unknown>;
  /** Extra headers for the page itself, e.g. the CSP the app sends. */
  documentHeaders?: () => Record<string, string>;
}

export interface HarnessServer {
  url: string;
  emit<E extends IpcEvent>(event: E, payload: IpcEvents[E]): void;
  close(): Promise<void>;
}

const SOURCE_PREFIX = '/__harness/src/';
/** axe-core for the accessibility checks, from node_modules. */
export const AXE_URL = '/__harness/axe.min.js';
const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
/** Only these source folders are served to the page (the bridge and what it imports). */
const SERVED_SOURCES = ['tools/web-harness/', 'shared/'];
const BRIDGE_TAG = `<script type="module" src="${SOURCE_PREFIX}tools/web-harness/page-bridge"></script>`;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

const isChannel = (name: string): name is (typeof IPC_CHANNELS)[number] =>
  (IPC_CHANNELS as readonly string[]).includes(name);

function send(
  response: ServerResponse,
  status: number,
  contentType: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { ...headers, 'content-type': contentType, 'cache-control': 'no-store' });
  response.end(body);
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Puts the bridge first in <head>, so `window.inspector` exists before any renderer module runs. */
export function injectBridge(html: string): string {
  const head = /<head[^>]*>/i.exec(html);
  if (!head) throw new Error('renderer index.html has no <head>');
  const at = head.index + head[0].length;
  return `${html.slice(0, at)}\n    ${BRIDGE_TAG}${html.slice(at)}`;
}

export async function startHarnessServer(options: HarnessServerOptions): Promise<HarnessServer> {
  const eventStreams = new Set<ServerResponse>();
  const transpiled = new Map<string, string>();

  async function serveSource(path: string, response: ServerResponse): Promise<void> {
    const relative = normalize(path).split(sep).join('/');
    if (!SERVED_SOURCES.some((folder) => relative.startsWith(folder)) || relative.includes('..')) {
      send(response, 404, 'text/plain', 'not served');
      return;
    }
    let code = transpiled.get(relative);
    if (code === undefined) {
      const source = await readFile(join(options.repoRoot, `${relative}.ts`), 'utf8');
      code = ts.transpileModule(source, {
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
      }).outputText;
      transpiled.set(relative, code);
    }
    send(response, 200, CONTENT_TYPES['.js'], code);
  }

  async function serveStatic(path: string, response: ServerResponse): Promise<void> {
    const file = normalize(join(options.rendererDir, path === '/' ? 'index.html' : path));
    if (!file.startsWith(normalize(options.rendererDir) + sep)) {
      send(response, 403, 'text/plain', 'outside the renderer');
      return;
    }
    const body = await readFile(file).catch(() => null);
    if (body === null) {
      send(response, 404, 'text/plain', 'not found');
      return;
    }
    const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
    if (file.endsWith('index.html')) {
      send(response, 200, type, injectBridge(body.toString('utf8')), options.documentHeaders?.());
    } else {
      send(response, 200, type, body);
    }
  }

  async function serveIpc(
    channel: string,
    request: IncomingMessage,
    response: ServerResponse,
  ): Promise<void> {
    if (!isChannel(channel)) {
      send(response, 404, 'text/plain', `unknown channel ${channel}`);
      return;
    }
    const args = decodeIpc(await readBody(request));
    send(response, 200, 'application/json', encodeIpc(await options.invoke(channel, args)));
  }

  function openEventStream(response: ServerResponse): void {
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
    response.write(': connected\n\n');
    eventStreams.add(response);
    response.on('close', () => eventStreams.delete(response));
  }

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    if (path === '/__ipc/events') openEventStream(response);
    // The renderer has no icon (Electron never asks); answer so the console stays clean.
    else if (path === '/favicon.ico') send(response, 204, 'image/x-icon', '');
    // Served from here because the app's CSP (script-src 'self') refuses injected inline scripts.
    else if (path === AXE_URL) send(response, 200, CONTENT_TYPES['.js'], await readFile(AXE_PATH));
    else if (request.method === 'POST' && path.startsWith('/__ipc/'))
      await serveIpc(path.slice(7), request, response);
    else if (path.startsWith(SOURCE_PREFIX)) await serveSource(path.slice(SOURCE_PREFIX.length), response);
    else await serveStatic(path, response);
  }

  const server = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      if (!response.headersSent) send(response, 500, 'text/plain', String(error));
      else response.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/`,
    emit(event, payload) {
      const frame = `data: ${encodeIpc({ event, payload })}\n\n`;
      for (const stream of eventStreams) stream.write(frame);
    },
    async close() {
      for (const stream of eventStreams) stream.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

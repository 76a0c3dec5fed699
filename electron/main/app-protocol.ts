/**
 * The `app://` protocol: serves the renderer's files with the CSP as a real header, and nothing outside
 * the renderer folder. Electron-free (a `Request` in, a `Response` out), so tests can call it directly.
 */
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/**
 * The file a raw (still percent-encoded) URL path names inside `rendererDir`, or null when it names
 * anything else: malformed escapes, NUL, or a path that leaves the folder once decoded and normalised
 * (`..%2f..%2fpackage.json`).
 */
export function rendererFilePath(rendererDir: string, rawPathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPathname === '/' ? '/index.html' : rawPathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const root = normalize(rendererDir);
  const file = normalize(join(root, decoded));
  return file.startsWith(root.endsWith(sep) ? root : root + sep) ? file : null;
}

/** Outside the renderer folder (or not a path at all): refused before any file is looked at. */
const refused = (): Response => new Response('Not served', { status: 403 });
const notFound = (): Response => new Response('Not found', { status: 404 });

export function createAppProtocolHandler(opts: {
  rendererDir: string;
  /** The current CSP (it names the tile host, which the user may change). */
  csp: () => string;
}): (request: Request) => Promise<Response> {
  return async (request) => {
    // No request can make the handler throw: a URL that does not parse is refused like a traversal.
    let file: string | null;
    try {
      file = rendererFilePath(opts.rendererDir, new URL(request.url).pathname);
    } catch {
      file = null;
    }
    if (file === null) return refused();
    try {
      const body = await readFile(file);
      return new Response(body, {
        headers: {
          'content-type': MIME[extname(file)] ?? 'application/octet-stream',
          'content-security-policy': opts.csp(),
          'x-content-type-options': 'nosniff',
        },
      });
    } catch {
      return notFound();
    }
  };
}

/**
 * The app:// protocol: raw, still-encoded request paths against a real renderer folder with a secret file
 * beside it, so a traversal that escaped would really be served (these fail with the folder guard removed).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler, rendererFilePath } from '../../../electron/main/app-protocol';

let root: string;
let rendererDir: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'app-protocol-'));
  rendererDir = join(root, 'out', 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>app</title>');
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  // What a traversal would reach: beside and above the renderer folder.
  await writeFile(join(root, 'package.json'), '{"secret": true}');
  await writeFile(join(root, 'out', 'main.js'), 'secret');
  await mkdir(join(root, 'out', 'renderer-evil'));
  await writeFile(join(root, 'out', 'renderer-evil', 'x.js'), 'secret');
});
afterAll(() => rm(root, { recursive: true, force: true }));

const TRAVERSALS = [
  '/..%2f..%2fpackage.json',
  '/..%2F..%2Fpackage.json',
  '/%2e%2e/%2e%2e/package.json',
  '/%2e%2e%2f%2e%2e%2fpackage.json',
  '/assets/..%2f..%2f..%2fpackage.json',
  '/..%2fmain.js',
  '/..%2frenderer-evil%2fx.js',
  '/%2e%2e',
  '/..%2f',
];

describe('rendererFilePath', () => {
  it('maps the root to index.html and plain paths into the folder', () => {
    expect(rendererFilePath(rendererDir, '/')).toBe(join(rendererDir, 'index.html'));
    expect(rendererFilePath(rendererDir, '/assets/app.js')).toBe(join(rendererDir, 'assets', 'app.js'));
    expect(rendererFilePath(rendererDir, '/assets/a%20b.js')).toBe(join(rendererDir, 'assets', 'a b.js'));
  });

  it.each(TRAVERSALS)('refuses %s', (raw) => {
    expect(rendererFilePath(rendererDir, raw)).toBeNull();
  });

  it.each(['/%', '/%E0%A4%A', '/%zz', '/index.html%00.png'])('refuses %s without throwing', (raw) => {
    expect(rendererFilePath(rendererDir, raw)).toBeNull();
  });
});

describe('the app:// handler', () => {
  const csp = "default-src 'none'; script-src 'self'";
  const serve = () => createAppProtocolHandler({ rendererDir, csp: () => csp });

  it('serves renderer files with the CSP, nosniff and their type', async () => {
    const page = await serve()(new Request('app://inspector/'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(csp);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<title>app</title>');
    const script = await serve()(new Request('app://inspector/assets/app.js'));
    expect(script.headers.get('content-security-policy')).toBe(csp);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it.each(TRAVERSALS)('never serves %s', async (raw) => {
    const response = await serve()({ url: `app://inspector${raw}` } as Request);
    // 403 when the decoded path leaves the folder; 404 when the URL parser already folded the dots.
    expect([403, 404]).toContain(response.status);
    expect(await response.text()).not.toContain('secret');
  });

  it('refuses a malformed escape or URL instead of throwing, and says 404 for a missing file', async () => {
    for (const url of ['app://inspector/%E0%A4%A', 'not a url']) {
      const response = await serve()({ url } as Request);
      expect(response.status, url).toBe(403);
    }
    const missing = await serve()(new Request('app://inspector/assets/missing.js'));
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe('Not found');
  });

  it.each([
    ['style.css', 'text/css; charset=utf-8'],
    ['data.json', 'application/json'],
    ['icon.svg', 'image/svg+xml'],
    ['tile.png', 'image/png'],
    ['font.woff2', 'font/woff2'],
    ['blob.bin', 'application/octet-stream'],
  ])('serves %s as %s', async (name, type) => {
    await writeFile(join(rendererDir, 'assets', name), 'x');
    const response = await serve()(new Request(`app://inspector/assets/${name}`));
    expect(response.headers.get('content-type')).toBe(type);
  });
});

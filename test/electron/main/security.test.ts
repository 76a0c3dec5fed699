import { describe, expect, it } from 'vitest';
import { tileOrigin } from '../../../shared/ipc/validate';
import {
  APP_ORIGIN,
  buildCsp,
  buildWebPreferences,
  isAllowedExternalUrl,
  isAllowedNavigation,
  isTileRequest,
  isTrustedSender,
  tileUserAgent,
} from '../../../electron/main/security';

const ORIGINS = [APP_ORIGIN];

describe('buildWebPreferences', () => {
  it('isolates and sandboxes the renderer with no Node', () => {
    expect(buildWebPreferences('/p/index.cjs')).toEqual({
      preload: '/p/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    });
  });
});

describe('buildCsp', () => {
  const csp = buildCsp({ tileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png' });
  const directive = (name: string): string | undefined =>
    csp.split('; ').find((d) => d.startsWith(`${name} `));

  it('allows scripts from the app only', () => {
    expect(directive('script-src')).toBe("script-src 'self'");
    expect(directive('default-src')).toBe("default-src 'none'");
    expect(csp).not.toMatch(/unsafe-eval/);
  });

  it('allows images from the app, data: and the tile host only', () => {
    expect(directive('img-src')).toBe("img-src 'self' data: blob: https://tile.openstreetmap.org");
  });

  it('is exactly this policy: nothing from elsewhere, no frames, forms, base or inline styles', () => {
    expect(csp).toBe(
      [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data: blob: https://tile.openstreetmap.org",
        "font-src 'self' data:",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "frame-src 'none'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "form-action 'none'",
      ].join('; '),
    );
  });

  it('allows no connections beyond the app', () => {
    expect(directive('connect-src')).toBe("connect-src 'self'");
    expect(directive('object-src')).toBe("object-src 'none'");
  });

  it('turns {s} subdomains into a wildcard host', () => {
    expect(tileOrigin('https://{s}.tile.example.org/{z}/{x}/{y}.png')).toBe('https://*.tile.example.org');
    expect(tileOrigin('javascript:alert(1)')).toBeNull();
  });

  it('keeps the port and lower-cases the host', () => {
    expect(tileOrigin('https://Tiles.Example.com:8443/{z}/{x}/{y}.png')).toBe(
      'https://tiles.example.com:8443',
    );
    expect(tileOrigin('http://127.0.0.1:9/{z}/{x}/{y}.png')).toBe('http://127.0.0.1:9');
  });

  it('never lets a tile URL add a directive', () => {
    const injected = buildCsp({ tileUrl: 'https://tiles.example;sandbox/{z}/{x}/{y}.png' });
    expect(injected).not.toMatch(/sandbox/);
    expect(injected.split('; ').find((d) => d.startsWith('img-src '))).toBe("img-src 'self' data: blob:");
    expect(tileOrigin('https://tiles.example,https://evil.example/{z}/{x}/{y}.png')).toBeNull();
  });
});

describe('navigation and senders', () => {
  it('allows navigation within the app only', () => {
    expect(isAllowedNavigation(`${APP_ORIGIN}/index.html#x`, ORIGINS)).toBe(true);
    expect(isAllowedNavigation('https://evil.example.com/', ORIGINS)).toBe(false);
    expect(isAllowedNavigation('app://other/index.html', ORIGINS)).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd', ORIGINS)).toBe(false);
    expect(isAllowedNavigation('not a url', ORIGINS)).toBe(false);
  });

  it('trusts IPC only from the app’s own frames', () => {
    expect(isTrustedSender(`${APP_ORIGIN}/index.html`, ORIGINS)).toBe(true);
    expect(isTrustedSender('http://localhost:5173/', [...ORIGINS, 'http://localhost:5173'])).toBe(true);
    expect(isTrustedSender('https://tile.openstreetmap.org/', ORIGINS)).toBe(false);
    expect(isTrustedSender(undefined, ORIGINS)).toBe(false);
  });
});

describe('external links and tiles', () => {
  it('opens only https links on the allow-list without asking', () => {
    expect(isAllowedExternalUrl('https://www.openstreetmap.org/copyright')).toBe(true);
    expect(isAllowedExternalUrl('http://www.openstreetmap.org/copyright')).toBe(false);
    expect(isAllowedExternalUrl('https://openstreetmap.org.evil.com/')).toBe(false);
    expect(isAllowedExternalUrl('https://user@www.openstreetmap.org/')).toBe(false);
    expect(isAllowedExternalUrl('https://:pw@github.com/')).toBe(false);
    for (const host of ['openstreetmap.org', 'evroaming.org', 'github.com'])
      expect(isAllowedExternalUrl(`https://${host}/x`), host).toBe(true);
    expect(isAllowedExternalUrl('not a url')).toBe(false);
  });

  it('identifies the app to the tile server only', () => {
    const tiles = 'https://{s}.tile.example.org/{z}/{x}/{y}.png';
    expect(isTileRequest('https://a.tile.example.org/1/2/3.png', tiles)).toBe(true);
    expect(isTileRequest('https://tile.example.org.evil.com/1.png', tiles)).toBe(false);
    expect(isTileRequest('http://a.tile.example.org/1/2/3.png', tiles)).toBe(false);
    expect(isTileRequest('not a url', tiles)).toBe(false);
    expect(isTileRequest('https://a.tile.example.org/1.png', 'https://bad;host/{z}/{x}/{y}')).toBe(false);
    const fixed = 'https://tiles.example.com:8443/{z}/{x}/{y}.png';
    expect(isTileRequest('https://tiles.example.com:8443/1/2/3.png', fixed)).toBe(true);
    expect(isTileRequest('https://a.tiles.example.com:8443/1/2/3.png', fixed)).toBe(false);
    expect(isTileRequest('https://tiles.example.com/1/2/3.png', fixed)).toBe(false);
    expect(
      isTileRequest(
        'https://tile.openstreetmap.org/1/2/3.png',
        'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
      ),
    ).toBe(true);
    expect(tileUserAgent('1.2.3')).toMatch(/^SessionInspector\/1\.2\.3 /);
  });
});

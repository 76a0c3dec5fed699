import { describe, expect, it } from 'vitest';
import {
  APP_ORIGIN,
  buildCsp,
  buildWebPreferences,
  isAllowedExternalUrl,
  isAllowedNavigation,
  isTileRequest,
  isTrustedSender,
  tileSource,
  tileUserAgent,
} from '../../../electron/main/security';

const ORIGINS = [APP_ORIGIN];

describe('buildWebPreferences', () => {
  it('isolates and sandboxes the renderer with no Node', () => {
    expect(buildWebPreferences('/p/index.cjs')).toMatchObject({
      preload: '/p/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
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

  it('allows no connections beyond the app', () => {
    expect(directive('connect-src')).toBe("connect-src 'self'");
    expect(directive('object-src')).toBe("object-src 'none'");
  });

  it('turns {s} subdomains into a wildcard host', () => {
    expect(tileSource('https://{s}.tile.example.org/{z}/{x}/{y}.png')).toBe('https://*.tile.example.org');
    expect(tileSource('javascript:alert(1)')).toBeNull();
  });

  it('never lets a tile URL add a directive', () => {
    const injected = buildCsp({ tileUrl: 'https://tiles.example;sandbox/{z}/{x}/{y}.png' });
    expect(injected).not.toMatch(/sandbox/);
    expect(injected.split('; ').find((d) => d.startsWith('img-src '))).toBe("img-src 'self' data: blob:");
    expect(tileSource('https://tiles.example,https://evil.example/{z}/{x}/{y}.png')).toBeNull();
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
  });

  it('identifies the app to the tile server only', () => {
    const tiles = 'https://{s}.tile.example.org/{z}/{x}/{y}.png';
    expect(isTileRequest('https://a.tile.example.org/1/2/3.png', tiles)).toBe(true);
    expect(isTileRequest('https://tile.example.org.evil.com/1.png', tiles)).toBe(false);
    expect(
      isTileRequest(
        'https://tile.openstreetmap.org/1/2/3.png',
        'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
      ),
    ).toBe(true);
    expect(tileUserAgent('1.2.3')).toMatch(/^SessionInspector\/1\.2\.3 /);
  });
});

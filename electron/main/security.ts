/**
 * The window's security settings as pure functions (Electron's security checklist), so tests can check
 * them without Electron: web preferences, the CSP header, the navigation guard, the IPC sender check and
 * the external-link allow-list.
 */
import type { WebPreferences } from 'electron';
import { tileOrigin } from '../../shared/ipc/validate';

/** The renderer is served from this privileged scheme, so it has a real origin and gets CSP headers. */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://inspector`;

export function buildWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
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
  };
}

/** Scripts from the app only; images from the app, data: and the tile host; nothing to fetch beyond the app. */
export function buildCsp(opts: { tileUrl: string }): string {
  // Only a valid template's scheme, host and port reach the header (see checkTileUrl).
  const tiles = tileOrigin(opts.tileUrl);
  return [
    "default-src 'none'",
    "script-src 'self'",
    // Stylesheets from the app only: no <style> or style="" from data. Leaflet, uPlot and React set
    // element styles through the CSSOM (element.style), which CSP does not restrict.
    "style-src 'self'",
    `img-src 'self' data: blob:${tiles ? ` ${tiles}` : ''}`,
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** `scheme://host[:port]`; Node reports `null` as the origin of non-special schemes like app:. */
function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.host ? `${u.protocol}//${u.host}` : null;
  } catch {
    return null;
  }
}

/** The renderer may only navigate within the app itself. */
export function isAllowedNavigation(url: string, appOrigins: readonly string[]): boolean {
  const origin = originOf(url);
  return origin !== null && appOrigins.includes(origin);
}

/** IPC is answered only for the app's own page (main frame or its own frames), never a foreign one. */
export function isTrustedSender(frameUrl: string | undefined, appOrigins: readonly string[]): boolean {
  return frameUrl !== undefined && isAllowedNavigation(frameUrl, appOrigins);
}

/** Sites a link may open without asking: the map's attribution and the OCPI documentation. */
export const EXTERNAL_ALLOW_LIST = [
  'www.openstreetmap.org',
  'openstreetmap.org',
  'evroaming.org',
  'github.com',
];

export function isAllowedExternalUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && !u.username && !u.password && EXTERNAL_ALLOW_LIST.includes(u.hostname);
  } catch {
    return false;
  }
}

/** The OpenStreetMap tile policy asks apps to identify themselves. */
export function tileUserAgent(version: string): string {
  return `SessionInspector/${version} (EV charging session support tool; Electron)`;
}

/** Whether a request goes to the configured tile host, so it gets the app's User-Agent. */
export function isTileRequest(url: string, tileUrl: string): boolean {
  const source = tileOrigin(tileUrl);
  const origin = originOf(url);
  if (source === null || origin === null) return false;
  // `https://*.tiles.example` stands for any subdomain, as in the CSP; otherwise the origin itself.
  const [scheme, host] = source.split('://');
  return host.startsWith('*.')
    ? origin.startsWith(`${scheme}://`) && origin.endsWith(host.slice(1))
    : origin === source;
}

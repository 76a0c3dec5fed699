/**
 * Installers (`npm run dist`): AppImage and deb on Linux, NSIS on Windows, DMG on macOS (x64 and arm64).
 * Only the built app (`out/main`, `out/preload`, `out/renderer`) and the production dependencies are packaged;
 * sources, tests and the CLI bundle stay out. test/packaging checks what this lays out.
 */
import type { Configuration } from 'electron-builder';

export const APP_ID = 'io.github.session-inspector';
export const BUNDLE_EXTENSION = 'ocpi-session.json';

const config: Configuration = {
  appId: APP_ID,
  productName: 'Session Inspector',
  copyright: 'Session Inspector contributors',
  directories: { output: 'dist', buildResources: 'build' },
  files: ['package.json', 'out/main/**', 'out/preload/**', 'out/renderer/**', '!**/*.map'],
  asar: true,
  // keytar's native module cannot be loaded from inside the asar archive.
  asarUnpack: ['**/node_modules/keytar/**/*.node'],
  // keytar is N-API: the Node build works in Electron. A rebuild would try to download Electron headers.
  npmRebuild: false,
  nodeGypRebuild: false,
  electronLanguages: ['en-US'],
  fileAssociations: [
    {
      ext: BUNDLE_EXTENSION,
      name: 'OCPI session bundle',
      description: 'A charging session exported by Session Inspector',
      mimeType: 'application/x-ocpi-session+json',
      role: 'Viewer',
    },
  ],
  // Electron's security checklist: no Node through env vars or CLI flags, code only from the verified asar.
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    // The renderer is served from app://, never file://.
    grantFileProtocolExtraPrivileges: false,
  },
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Utility',
    icon: 'build/icon.png',
    maintainer: 'Session Inspector contributors <session-inspector@users.noreply.github.com>',
  },
  deb: { depends: ['libsecret-1-0', 'libnss3', 'libgtk-3-0'] },
  win: { target: [{ target: 'nsis', arch: ['x64'] }], icon: 'build/icon.png' },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
  mac: {
    target: [{ target: 'dmg', arch: ['x64', 'arm64'] }],
    category: 'public.app-category.developer-tools',
    icon: 'build/icon.png',
  },
};

export default config;

// Renders build/icon.svg to build/icon.png (1024 px, transparent) in headless Chromium; electron-builder makes the
// .ico and .icns from that PNG. Run after editing the SVG: `node scripts/render-icon.mjs`.
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const SIZE = 1024;
const svg = readFileSync(new URL('../build/icon.svg', import.meta.url), 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
try {
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE } });
  await page.setContent(
    `<body style="margin:0">${svg.replace('<svg ', `<svg width="${SIZE}" height="${SIZE}" `)}</body>`,
  );
  await page.screenshot({
    path: new URL('../build/icon.png', import.meta.url).pathname,
    omitBackground: true,
  });
} finally {
  await browser.close();
}

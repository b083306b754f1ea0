// Draws the app icons (web/icons/icon-192.png, icon-512.png) in Debian's
// Chromium: 实录 in white on the accent red, inside the central 60% so the
// same picture serves as a maskable icon. Run by hand after changing it:
//   node web/make-icons.mjs   (uses tests/e2e's playwright-core)
// The PNGs are committed; the build copies them (index.html, copy-dir).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, '../tests/e2e/package.json'));
const { chromium } = require('playwright-core');

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--headless'] });
for (const size of [192, 512]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<!doctype html><meta charset=utf-8>
    <body style="margin:0;width:${size}px;height:${size}px;display:grid;place-items:center;background:#a4262c">
    <div style="color:#fff;font:700 ${Math.round(size * 0.3)}px 'WenQuanYi Zen Hei',sans-serif;letter-spacing:-0.02em">实录</div>`);
  await page.screenshot({ path: path.join(here, 'icons', `icon-${size}.png`), omitBackground: false });
  await page.close();
}
await browser.close();
console.log('wrote web/icons/icon-192.png and icon-512.png');

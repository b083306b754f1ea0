// Screenshots of a built corpus site (not a test): node shoot-site.mjs SITE OUTDIR PATH...
import { serveDist, browser, closeAll } from './helpers.mjs';
import fs from 'node:fs';
import path from 'node:path';
const [root, outDir, ...paths] = process.argv.slice(2);
const csp = fs.readFileSync(path.join(root, '_headers'), 'utf8').match(/Content-Security-Policy: (.*)/)[1];
const srv = await serveDist({ root: path.resolve(root), headers: { 'Content-Security-Policy': csp } });
const b = await browser();
for (const p of paths) {
  for (const [w, h, theme] of [[1280, 900, 'light'], [375, 740, 'dark']]) {
    const ctx = await b.newContext({ viewport: { width: w, height: h }, colorScheme: theme });
    const page = await ctx.newPage();
    const errors = [];
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('requestfailed', (r) => errors.push('failed ' + r.url()));
    page.on('response', (r) => { if (r.status() >= 400) errors.push(r.status() + ' ' + r.url()); });
    await page.goto(srv.url + p, { waitUntil: 'load' });
    await page.waitForTimeout(2500);
    const name = p.replace(/[^\w]+/g, '_') || 'home';
    await page.screenshot({ path: path.join(outDir, `${name}-${w}-${theme}.png`) });
    console.log(p, w, theme, errors.length ? errors : 'clean');
    await ctx.close();
  }
}
await srv.close();
await closeAll();

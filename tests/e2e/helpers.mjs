// Shared e2e harness for shilu: serves the release dist, drives Debian's
// Chromium with playwright-core, and fails a test on any console error,
// uncaught page exception or failed request.
//
// A spec is a handful of lines:
//
//   import { test } from 'node:test';
//   import assert from 'node:assert/strict';
//   import { withPage } from '../helpers.mjs';
//
//   test('the calendar shows October 2017', () => withPage(async (page) => {
//     await page.getByRole('button', { name: '10月' }).click();
//     assert.equal(await page.getByRole('grid').count(), 1);
//   }));
//
// withPage(fn, { prefix: '/shilu/', width: 375, path: '#q=扶贫', screenshot: 'name', init,
//                headers: { 'Content-Security-Policy': CSP }, serviceWorkers: 'block',
//                javaScript: false, waitForApp: false })
//   opens a fresh page at the served app, waits until the wasm has started
//   (the loading indicator is gone), runs fn(page, ctx), then fails if anything
//   was logged as an error. ctx = { url, base, errors, server }. `init` is a
//   function run in every page of the context before its scripts (addInitScript).
//
// Environment: SHILU_DIST (default ../../dist), CHROMIUM (default /usr/bin/chromium),
// SHILU_E2E_HEADED=1 to watch, SHILU_E2E_SLOWMO=ms.

import { after } from 'node:test';
import http from 'node:http';
import http2 from 'node:http2';
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { brotliOf, precompress, wantsBrotli } from './compress.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const REPO = path.resolve(here, '../..');
export const DIST = path.resolve(process.env.SHILU_DIST || path.join(REPO, 'dist'));
export const SCREENSHOTS = path.join(here, 'screenshots');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

// Flags for Chromium as root on a machine whose only network is loopback.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

export const DESKTOP = { width: 1280, height: 800 };
export const MOBILE = { width: 375, height: 740 };

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
};

/**
 * The strict Content-Security-Policy the dist must work under (README, issues
 * 11 and 24): nothing inline but the page's one <style> and one classic
 * <script>, each allowed by its hash, computed here from dist/index.html (not
 * taken from the build's dist/_headers, which specs/csp.test.mjs checks
 * against it).
 */
export const STRICT_CSP = strictCsp();

function strictCsp() {
  const file = path.join(DIST, 'index.html');
  const page = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const hash = (re) => {
    const m = page.match(re);
    return m ? ` 'sha256-${crypto.createHash('sha256').update(m[1], 'utf8').digest('base64')}'` : '';
  };
  return `default-src 'self'; script-src 'self'${hash(/<script>([\s\S]*?)<\/script>/)} 'wasm-unsafe-eval'; ` +
    `style-src 'self'${hash(/<style>([\s\S]*?)<\/style>/)}; img-src 'self' data:; connect-src 'self'`;
}

/**
 * Serve `root` read-only on 127.0.0.1 (a free port) under `prefix` ('/' or
 * '/shilu/'), like a static host: directories serve index.html, `/shilu`
 * redirects to `/shilu/`, anything outside the prefix is a 404. `headers`
 * are added to every response (e.g. a Content-Security-Policy).
 * With `brotli: true` it serves like a host that pre-compresses: a request
 * whose Accept-Encoding has `br` gets brotli (quality 11) of every file but
 * the already-compressed images and fonts (compress.mjs), with
 * Content-Encoding, Vary and the compressed Content-Length; each file is
 * compressed once (per modification time), before the server answers.
 * Resolves to { url, close(), requests, log } where requests lists every path
 * asked for, and log the same as { path, at } (`at`: performance.now() when it arrived).
 */
/**
 * A `Range: bytes=…` header read for a body of `len` bytes: [first, last]
 * (inclusive), undefined for the whole body (no header, several ranges or
 * another unit), null when past the end (416).
 */
export function byteRange(header, len) {
  const m = /^bytes=(\d*)-(\d*)$/.exec((header || '').trim());
  if (!m || (m[1] === '' && m[2] === '')) return undefined;
  let a, b;
  if (m[1] === '') {
    const n = Number(m[2]);
    if (n === 0) return null;
    [a, b] = [Math.max(0, len - n), len - 1];
  } else {
    a = Number(m[1]);
    b = m[2] === '' ? len - 1 : Math.min(Number(m[2]), len - 1);
    if (m[2] !== '' && Number(m[2]) < a) return undefined;
  }
  return a >= len ? null : [a, b];
}

/**
 * A self-signed key and certificate for 127.0.0.1 (made once per machine
 * with `openssl`, kept in the temporary folder): what an HTTP/2 server
 * needs, since browsers speak HTTP/2 only over TLS. The browser is told
 * to accept it (`ignoreHTTPSErrors`).
 */
function loopbackCert() {
  const dir = path.join(os.tmpdir(), 'shilu-loopback-tls');
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  if (!fs.existsSync(cert)) {
    fs.mkdirSync(dir, { recursive: true });
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
      '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-days', '3650',
      '-keyout', key, '-out', cert], { stdio: 'ignore' });
  }
  return { key: fs.readFileSync(key), cert: fs.readFileSync(cert) };
}

// `compressFirst`: which files (by path under `root`) are compressed before
// the server answers (default all; a corpus site of ~900 MB names the few its
// page reads whole), the rest on their first request.
// `h2`: served over HTTP/2 (TLS, a self-signed certificate for 127.0.0.1;
// HTTP/1.1 still answered), as static hosts serve today: the browser asks
// for every file over one connection, not six at a time.
export function serveDist({ root = DIST, prefix = '/', headers = {}, brotli = false, compressFirst, h2 = false } = {}) {
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    throw new Error(`${root}/index.html not found: run \`cargo xtask dist\` first`);
  }
  if (!prefix.startsWith('/') || !prefix.endsWith('/')) throw new Error(`prefix must be /…/: ${prefix}`);
  if (brotli) precompress(root, compressFirst);
  const requests = [];
  const log = [];
  const answer = (req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    requests.push(urlPath);
    log.push({ path: urlPath, at: performance.now() });
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    if (prefix !== '/' && urlPath === prefix.slice(0, -1)) {
      res.writeHead(301, { Location: prefix }).end();
      return;
    }
    if (!urlPath.startsWith(prefix)) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end(`not under ${prefix}`);
      return;
    }
    let file = path.join(root, urlPath.slice(prefix.length));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    // One byte range, as static hosts answer it (the corpus site's index
    // is read by ranges): 206 with those bytes, uncompressed, read alone.
    if (req.headers.range && fs.existsSync(file)) {
      const len = fs.statSync(file).size;
      const range = byteRange(req.headers.range, len);
      if (range === null) {
        res.writeHead(416, { 'Content-Range': `bytes */${len}`, ...headers }).end();
        return;
      }
      if (range) {
        const [a, b] = range;
        res.writeHead(206, {
          'Content-Type': MIME[path.extname(file)] || 'application/octet-stream',
          'Content-Length': b - a + 1,
          'Content-Range': `bytes ${a}-${b}/${len}`,
          'Cache-Control': 'no-store',
          ...headers,
        });
        if (req.method === 'HEAD') res.end();
        else fs.createReadStream(file, { start: a, end: b }).pipe(res);
        return;
      }
    }
    fs.readFile(file, (err, body) => {
      if (err) {
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
        return;
      }
      const encoding = {};
      if (brotli && wantsBrotli(req.headers, file)) {
        body = brotliOf(file, body);
        Object.assign(encoding, { 'Content-Encoding': 'br', Vary: 'Accept-Encoding' });
      }
      res.writeHead(200, {
        'Content-Type': MIME[path.extname(file)] || 'application/octet-stream',
        'Content-Length': body.length,
        'Cache-Control': 'no-store',
        ...encoding,
        ...headers,
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    });
  };
  const server = h2 ? http2.createSecureServer({ ...loopbackCert(), allowHTTP1: true }, answer) : http.createServer(answer);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        url: `${h2 ? 'https' : 'http'}://127.0.0.1:${port}${prefix}`,
        requests,
        log,
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}

// One browser and one server per prefix, per spec file (each file is its own
// process under `node --test`); closed when the file's tests are done.
let browserPromise;
const servers = new Map();

export function browser() {
  browserPromise ??= chromium.launch({
    executablePath: CHROMIUM,
    headless: !process.env.SHILU_E2E_HEADED,
    slowMo: Number(process.env.SHILU_E2E_SLOWMO || 0),
    args: CHROMIUM_ARGS,
  });
  return browserPromise;
}

export function server(prefix = '/', headers = {}, root = DIST) {
  const key = root + prefix + JSON.stringify(headers);
  if (!servers.has(key)) servers.set(key, serveDist({ root, prefix, headers }));
  return servers.get(key);
}

/** Closes the browser and the servers (after a spec file, or a benchmark). */
export async function closeAll() {
  if (browserPromise) await (await browserPromise).close();
  for (const s of servers.values()) await (await s).close();
  browserPromise = undefined;
  servers.clear();
}

// A spec file closes them when its tests are done; a benchmark (run with
// SHILU_BENCH=1 by `cargo xtask bench`) calls closeAll itself.
if (!process.env.SHILU_BENCH) after(closeAll);

/**
 * Open a fresh page on the app; every console error, uncaught exception,
 * failed request or HTTP status ≥ 400 is collected into `errors`.
 */
export async function openApp({ prefix = '/', path: sub = '', width, height, viewport, waitForApp = true, headers, serviceWorkers = 'allow', init, javaScript = true, root = DIST } = {}) {
  const srv = await server(prefix, headers, root);
  const size = viewport || { ...DESKTOP, ...(width ? { width, height: height || DESKTOP.height } : {}) };
  const context = await (await browser()).newContext({ viewport: size, locale: 'zh-CN', serviceWorkers, javaScriptEnabled: javaScript });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const errors = collectErrors(page);
  const url = srv.url + sub;
  try {
    await page.goto(url, { waitUntil: 'load' });
    if (waitForApp) await appReady(page);
  } catch (e) {
    await context.close();
    if (errors.length) e.message += `\n  while the page reported:\n  ${errors.join('\n  ')}`;
    throw e;
  }
  return { page, context, ctx: { url, base: srv.url, errors, server: srv } };
}

/** Every console error, uncaught exception, failed request or HTTP status ≥ 400 of `page`, as it happens. */
export function collectErrors(page) {
  const errors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console.error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`uncaught exception: ${err.message}`));
  page.on('requestfailed', (req) => errors.push(`request failed: ${req.url()} (${req.failure()?.errorText})`));
  page.on('response', (res) => {
    if (res.status() >= 400) errors.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  return errors;
}

/** Resolves once the app has taken over the page and applied the view in the URL: it then removes the loading indicator (hidden all along unless a link names a kept transcript). */
export async function appReady(page, { timeout = 20_000 } = {}) {
  await page.locator('#loading').waitFor({ state: 'detached', timeout });
  await page.locator('main').first().waitFor({ state: 'visible', timeout });
}

/** Fail with every collected error, one per line. */
export function assertNoErrors(errors, where = 'page') {
  if (errors.length) {
    throw new Error(`${where} reported ${errors.length} error(s):\n  ${errors.join('\n  ')}`);
  }
}

/**
 * Run `fn(page, ctx)` on a fresh page of the app, then assert that nothing
 * errored; the page is closed either way. Options: see openApp, plus
 * `screenshot: 'name'` to save screenshots/name-<width>.png afterwards.
 */
export async function withPage(fn, options = {}) {
  const { page, context, ctx } = await openApp(options);
  try {
    const result = await fn(page, ctx);
    if (options.screenshot) await screenshot(page, options.screenshot);
    assertNoErrors(ctx.errors, ctx.url);
    return result;
  } finally {
    await context.close();
  }
}

/**
 * Save a screenshot of the viewport (or of the whole page with `{ fullPage: true }`)
 * to tests/e2e/screenshots/<name>-<width>.png; returns its path.
 */
export async function screenshot(page, name, { fullPage = false } = {}) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const width = page.viewportSize()?.width ?? 0;
  const file = path.join(SCREENSHOTS, `${name}-${width}.png`);
  await page.screenshot({ path: file, fullPage });
  return file;
}

/** Letters and digits only: compares text across whitespace, punctuation and layout changes. */
export function letters(text) {
  return (text.match(/[\p{L}\p{N}]+/gu) || []).join('');
}

/** The seed transcript's raw text. */
export function seedText() {
  const dir = path.join(REPO, 'seeds');
  const file = fs.readdirSync(dir).find((f) => f.endsWith('.txt'));
  return fs.readFileSync(path.join(dir, file), 'utf8');
}

/** Run axe-core on the page; resolves to violations of at least `minImpact` ('serious' by default). */
export async function axe(page, { minImpact = 'serious' } = {}) {
  const source = fs.readFileSync(path.join(here, 'node_modules/axe-core/axe.min.js'), 'utf8');
  await page.addScriptTag({ content: source });
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const rank = { minor: 0, moderate: 1, serious: 2, critical: 3 };
  return results.violations
    .filter((v) => rank[v.impact] >= rank[minImpact])
    .map((v) => `${v.impact}: ${v.id}: ${v.help} (${v.nodes.length}× e.g. ${v.nodes[0]?.target})`);
}

/**
 * The search's matches on the page (CSS highlights, `web/highlights.js`), in
 * document order: { text, current, block, turn, inTitle, visible }.
 */
export function searchMatches(page) {
  return page.evaluate(() => {
    const out = [];
    for (const name of ['search', 'search-current']) {
      for (const r of CSS.highlights.get(name) || []) out.push([r, name === 'search-current']);
    }
    out.sort(([a], [b]) => a.compareBoundaryPoints(Range.START_TO_START, b));
    return out.map(([r, current]) => {
      const el = r.startContainer.parentElement;
      return {
        text: r.toString(),
        current,
        block: el.closest('[data-block]')?.id ?? null,
        turn: el.closest('[data-turn]')?.id ?? null,
        inTitle: !!el.closest('h1'),
        visible: el.checkVisibility(),
      };
    });
  });
}

/** Waits until exactly `n` search matches are highlighted. */
export function waitForMatches(page, n, { timeout = 10_000 } = {}) {
  return page.waitForFunction(
    (n) => ['search', 'search-current'].reduce((a, k) => a + (CSS.highlights.get(k)?.size || 0), 0) === n,
    n,
    { timeout },
  );
}

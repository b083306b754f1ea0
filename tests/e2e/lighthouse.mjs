// Lighthouse 12 (npm, pinned in package.json) on Debian's Chromium, for the
// e2e gate (specs/lighthouse.test.mjs) and `cargo xtask bench web`
// (bench-web.mjs). The pages are served from loopback, brotli-compressed
// like a host that pre-compresses (quality 11, as the size table counts).
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import lighthouse from 'lighthouse';
// Lighthouse's simulation (Lantern), for what its LCP is made of: the
// timings of the last run's simulated graphs (Lighthouse 12.2.3, pinned).
import * as Lantern from 'lighthouse/core/lib/lantern/lantern.js';
import * as chromeLauncher from 'chrome-launcher';
import { fileURLToPath } from 'node:url';
import { brotliOf, precompress, wantsBrotli } from './compress.mjs';

// As in helpers.mjs, which this file does not import: it loads node:test,
// and bench-web.mjs is a script, not a test file.
export const DIST = path.resolve(process.env.SHILU_DIST || fileURLToPath(new URL('../../dist', import.meta.url)));
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serve `sites` ({ '/': dir, '/plain/': dir2 }) on 127.0.0.1, brotli when
 * asked for (every file compressed before the server answers, as a host
 * that pre-compresses). Resolves to { origin, close() }.
 */
export function serveBrotli(sites = { '/': DIST }) {
  for (const root of Object.values(sites)) precompress(root);
  const prefixes = Object.keys(sites).sort((a, b) => b.length - a.length);
  const server = http.createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const prefix = prefixes.find((p) => urlPath.startsWith(p));
    if (!prefix) return res.writeHead(404).end();
    const root = sites[prefix];
    let file = path.join(root, urlPath.slice(prefix.length));
    if (!file.startsWith(root)) return res.writeHead(403).end();
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) return res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    const type = MIME[path.extname(file)] || 'application/octet-stream';
    const headers = { 'Content-Type': type, 'Cache-Control': 'no-cache' };
    let body = fs.readFileSync(file);
    if (wantsBrotli(req.headers, file)) {
      body = brotliOf(file, body);
      headers['Content-Encoding'] = 'br';
    }
    headers['Content-Length'] = body.length;
    res.writeHead(200, headers).end(req.method === 'HEAD' ? undefined : body);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve({
      origin: `http://127.0.0.1:${server.address().port}`,
      close: () => new Promise((r) => server.close(() => r())),
    }));
  });
}

/** Start Chromium for Lighthouse; resolves to { port, kill() }. */
export function launchChromium() {
  return chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH || CHROMIUM,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
}

/**
 * One Lighthouse run of `url` (mobile, Lighthouse's default simulated
 * throttling) in the Chromium at `port`; resolves to the report (lhr).
 */
export async function audit(url, port, categories) {
  const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: categories });
  if (result.lhr.runtimeError) throw new Error(`Lighthouse: ${result.lhr.runtimeError.code}: ${result.lhr.runtimeError.message}`);
  return result.lhr;
}

/** The audits of `category` that lost points, as lines (id, score, what, e.g. where). */
export function failures(lhr, category) {
  return lhr.categories[category].auditRefs
    .filter((ref) => ref.weight > 0)
    .map((ref) => lhr.audits[ref.id])
    .filter((a) => a.score !== null && a.score < 1)
    .map((a) => `${a.id} (${a.score}): ${a.title}${a.details?.items?.[0]?.node ? ` e.g. ${a.details.items[0].node.selector}` : ''}`);
}

/**
 * What the last audit's simulated LCP (the optimistic graph) is made of,
 * for the page at `url`: `loaded`, when the page's last byte arrived;
 * `work`, the main thread's simulated time before the paint; `others`,
 * when the last of the other requests the paint waited for (those that
 * ended before it was seen) ended, 0 if none. The LCP is about the later
 * of `loaded + work` and `others`.
 */
export function firstPaintPath(url) {
  const timings = Lantern.Simulation.Simulator.allNodeTimings.get('optimisticLargestContentfulPaint');
  if (!timings) throw new Error('Lighthouse ran no LCP simulation (did its version change?)');
  let loaded = 0;
  let work = 0;
  let others = 0;
  for (const [node, t] of timings) {
    if (node.type === 'cpu') work += t.endTime - t.startTime;
    else if (node.request.url === url) loaded = t.endTime;
    else others = Math.max(others, t.endTime);
  }
  Lantern.Simulation.Simulator.allNodeTimings.clear();
  return { loaded, work, others };
}

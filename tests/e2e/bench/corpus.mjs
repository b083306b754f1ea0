// Pagefind's side of `cargo xtask bench corpus`: its own JS, in headless
// Chromium, over the pages and index the benchmark built. For each query,
// in a fresh browser context (a cold query: nothing cached), it searches,
// loads the first 20 results' fragments (what a page shows), and records
// the bytes of the index files fetched until then (pagefind.js and its
// wasm are the search page's own code, counted apart), and the time from
// the search call to the 20 fragments; then it loads every result's
// fragment (not counted) for the set of pages it returned.
//
// usage: node bench/corpus.mjs SITE QUERIES.json OUT.json
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../helpers.mjs';

const [site, queriesFile, outFile] = process.argv.slice(2);
const queries = JSON.parse(fs.readFileSync(queriesFile, 'utf8'));
const SHOWN = 20;

let log = [];
const server = http.createServer((req, res) => {
  const url = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  if (url === '/') {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><title>bench</title>');
    return;
  }
  const file = path.join(site, url);
  if (!file.startsWith(path.resolve(site)) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
    res.writeHead(404);
    res.end();
    return;
  }
  const body = fs.readFileSync(file);
  const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.json') ? 'application/json' : 'application/octet-stream';
  res.writeHead(200, { 'content-type': type, 'content-length': body.length });
  res.end(body);
  log.push({ url, bytes: body.length });
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
const code = (u) => u.endsWith('.js') || u.includes('wasm');
const out = [];
for (const q of queries) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(origin + '/');
  log = [];
  const first = await page.evaluate(async ({ q, shown }) => {
    const pf = await import('/pagefind/pagefind.js');
    await pf.init();
    const t0 = performance.now();
    const r = await pf.search(q);
    await Promise.all(r.results.slice(0, shown).map((x) => x.data()));
    return { ms: performance.now() - t0, total: r.results.length };
  }, { q, shown: SHOWN });
  const fetched = log.slice();
  const urls = await page.evaluate(async ({ q }) => {
    const pf = await import('/pagefind/pagefind.js');
    const r = await pf.search(q);
    const all = await Promise.all(r.results.map((x) => x.data()));
    return all.map((d) => d.url);
  }, { q });
  await context.close();
  const sum = (xs) => xs.reduce((a, f) => a + f.bytes, 0);
  out.push({
    q,
    ms: first.ms,
    results: first.total,
    index_bytes: sum(fetched.filter((f) => !code(f.url))),
    code_bytes: sum(fetched.filter((f) => code(f.url))),
    requests: fetched.length,
    urls: urls.map((u) => decodeURIComponent(u).replace(/index\.html$/, '')),
  });
  process.stderr.write(`${q}: ${first.total} pages, ${out.at(-1).index_bytes} bytes\n`);
}
fs.writeFileSync(outFile, JSON.stringify(out));
await browser.close();
server.close();

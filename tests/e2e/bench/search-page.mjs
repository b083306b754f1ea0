// shilu's search page in `cargo xtask bench corpus`: the corpus site's
// search/ page in headless Chromium, served from loopback as a static
// host serves it (whole files brotli-compressed, byte ranges as they
// are), under the site's Content-Security-Policy. For each query, in a
// fresh browser context (nothing cached), it opens search/?q=… and
// records the time from navigation to the first results painted (the
// first frame after the first result is in the page: the page shows a
// few results first, then the rest of its first page), the time to the
// first page of results complete, and the bytes the page fetched by then
// beyond its own code (the HTML, the loader, the panels' module): the
// index's files and ranges, finished by then.
//
// Then, in another fresh context, the same query typed into the search
// page already open (its module running, the index's meta and key table
// read): the time from the key press to the first results painted, and
// the index bytes the query fetched by then. This is what the benchmark's
// Pagefind side times (its `search()` call after `init()`), and what a
// reader waits for on each query they type.
//
// With SHILU_TRACE=1 it also prints, per query, each request the page
// made before its first page of results (the page's resource timings: start and
// end in ms after navigation), to see where the time goes.
//
// usage: node bench/search-page.mjs SITE QUERIES.json OUT.json
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../helpers.mjs';
import { freshContext, openFirstResults, serveSite, typeFirstResults } from './search-site.mjs';

const [site, queriesFile, outFile] = process.argv.slice(2);
const queries = JSON.parse(fs.readFileSync(queriesFile, 'utf8'));
const srv = await serveSite(site);
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });

// The server compresses each file once: a first visit, not counted,
// so no query waits for it.
{
  const context = await freshContext(browser);
  const page = await context.newPage();
  await page.goto(`${srv.url}search/?q=${encodeURIComponent(queries[0])}`, { waitUntil: 'networkidle' });
  await context.close();
}

const out = [];
for (const q of queries) {
  const { context, page, ms, pageMs, errors } = await openFirstResults(browser, `${srv.url}search/?q=${encodeURIComponent(q)}`);
  const shown = await page.locator('.search-hit').count();
  // What the page had fetched by then (its resource timings: the body's
  // bytes as sent, compressed or a range), of the index.
  const timings = await page.evaluate((until) => performance.getEntriesByType('resource')
    .filter((e) => e.responseEnd <= until)
    .map((e) => ({ name: new URL(e.name).pathname, start: e.startTime, end: e.responseEnd, bytes: e.encodedBodySize })), pageMs);
  const index = timings.filter((t) => t.name.includes('/index/'));
  const index_bytes = index.reduce((a, t) => a + t.bytes, 0);
  if (errors.length) throw new Error(`${q}: ${errors.join('; ')}`);
  if (process.env.SHILU_TRACE) {
    for (const t of timings) process.stderr.write(`  ${t.start.toFixed(0).padStart(5)} → ${t.end.toFixed(0).padStart(5)} ms  ${t.name} (${t.bytes} B)\n`);
  }
  await context.close();
  const typed = await typeFirstResults(browser, `${srv.url}search/`, q);
  const typedShown = await typed.page.locator('.search-hit').count();
  const typedIndex = await typed.page.evaluate(([from, until]) => performance.getEntriesByType('resource')
    .filter((e) => e.startTime >= from && e.responseEnd <= until && new URL(e.name).pathname.includes('/index/'))
    .map((e) => e.encodedBodySize), [typed.asked, typed.asked + typed.pageMs]);
  if (typed.errors.length) throw new Error(`${q} (typed): ${typed.errors.join('; ')}`);
  if (typedShown !== shown) throw new Error(`${q}: ${shown} shown from the URL, ${typedShown} typed`);
  await typed.context.close();
  const typed_bytes = typedIndex.reduce((a, b) => a + b, 0);
  out.push({ q, ms, page_ms: pageMs, shown, index_bytes, requests: index.length, typed_ms: typed.ms, typed_page_ms: typed.pageMs, typed_bytes, typed_requests: typedIndex.length });
  process.stderr.write(`${q}: ${shown} shown, first in ${ms.toFixed(0)} ms, page in ${pageMs.toFixed(0)} ms, ${index_bytes} bytes of index; typed: ${typed.ms.toFixed(0)} / ${typed.pageMs.toFixed(0)} ms, ${typed_bytes} bytes\n`);
}
await browser.close();
srv.close();
fs.writeFileSync(outFile, JSON.stringify(out));

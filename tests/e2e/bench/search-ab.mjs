// Two versions of the corpus site's search page, side by side, on a
// machine whose load changes from one minute to the next: each query runs
// on page A and on page B (two folders of one site, sharing its index) in
// fresh browser contexts one after the other, in turn A then B and B then
// A, timed as search-page.mjs times them (navigation to the first results
// painted), and when the query's first index read left (the page's start,
// before the query's round trips), and the index's requests and bytes
// the page had by then (as search-page.mjs counts them). Prints each
// query's pair, the medians and quartiles, the median of the
// differences (which a load that drifts during the run moves less than
// it moves two runs made minutes apart), and each page's requests and
// bytes by the paint (how many over the 100 KB budget); with OUT.json,
// writes each pair there.
//
// usage: node bench/search-ab.mjs SITE QUERIES.json A_FOLDER B_FOLDER [ROUNDS] [OUT.json]
//   e.g. search-old/ search/ (the site's own search/ and a copy of an
//   older page, with the older module's files it names, in search-old/).
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../helpers.mjs';
import { openFirstResults, serveSite } from './search-site.mjs';

const [site, queriesFile, a, b, rounds = '1', outFile] = process.argv.slice(2);
if (!b) {
  console.error('usage: node bench/search-ab.mjs SITE QUERIES.json A_FOLDER B_FOLDER [ROUNDS]');
  process.exit(2);
}
const queries = JSON.parse(fs.readFileSync(queriesFile, 'utf8'));
const srv = await serveSite(site, [a, b]);
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });

async function time(folder, q, waitUntil) {
  const { context, page, ms, errors } = await openFirstResults(browser, `${srv.url}${folder}?q=${encodeURIComponent(q)}`, waitUntil);
  // When the query's first read left: the page's start, before its round trips.
  const { read, requests, bytes } = await page.evaluate((until) => {
    const index = performance.getEntriesByType('resource').filter((e) => /\/index\//.test(e.name));
    const byPaint = index.filter((e) => e.responseEnd <= until);
    return {
      read: Math.min(...index.filter((e) => !/(meta\.json|keys\.bin)$/.test(e.name)).map((e) => e.startTime)),
      requests: byPaint.length,
      bytes: byPaint.reduce((n, e) => n + e.encodedBodySize, 0),
    };
  }, ms);
  await context.close();
  if (errors.length) throw new Error(`${folder} ${q}: ${errors.join('; ')}`);
  return { ms, read, requests, bytes };
}

// A first visit to each, not counted: the server compresses each file once.
await time(a, queries[0], 'networkidle');
await time(b, queries[0], 'networkidle');

const median = (xs) => {
  const s = [...xs].sort((x, y) => x - y);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const as = [];
const bs = [];
const reads = { a: [], b: [] };
const pairs = [];
let turn = 0;
for (let r = 0; r < Number(rounds); r++) {
  for (const q of queries) {
    const first = turn++ % 2 === 0;
    const ta = first ? await time(a, q) : null;
    const tb = await time(b, q);
    const pa = first ? ta : await time(a, q);
    as.push(pa.ms);
    bs.push(tb.ms);
    reads.a.push(pa.read);
    reads.b.push(tb.read);
    pairs.push({ q, a: pa, b: tb });
    process.stderr.write(`${q}: A ${pa.ms.toFixed(0)} ms (first read ${pa.read.toFixed(0)}), B ${tb.ms.toFixed(0)} ms (first read ${tb.read.toFixed(0)})\n`);
  }
}
await browser.close();
srv.close();
const quartiles = (xs) => {
  const s = [...xs].sort((x, y) => x - y);
  const at = (f) => {
    const i = f * (s.length - 1);
    return s[Math.floor(i)] + (s[Math.ceil(i)] - s[Math.floor(i)]) * (i - Math.floor(i));
  };
  return `${at(0.25).toFixed(0)}–${at(0.75).toFixed(0)}`;
};
const diffs = as.map((x, i) => bs[i] - x);
console.log(`A ${a}: median ${median(as).toFixed(0)} ms; B ${b}: median ${median(bs).toFixed(0)} ms; B − A: median ${median(diffs).toFixed(0)} ms over ${as.length} pairs`);
console.log(`quartiles: A ${quartiles(as)} ms, B ${quartiles(bs)} ms`);
for (const [name, side] of [[a, 'a'], [b, 'b']]) {
  const req = pairs.map((p) => p[side].requests);
  const bytes = pairs.map((p) => p[side].bytes);
  console.log(`${name}: index requests by the paint median ${median(req)} (quartiles ${quartiles(req)}), bytes median ${(median(bytes) / 1000).toFixed(1)} KB, max ${(Math.max(...bytes) / 1000).toFixed(1)} KB, ${bytes.filter((x) => x > 100_000).length} over 100 KB`);
}
if (outFile) fs.writeFileSync(outFile, JSON.stringify(pairs));
const readDiffs = reads.a.map((x, i) => reads.b[i] - x);
console.log(`the query's first index read (after meta and keys): A median ${median(reads.a).toFixed(0)} ms, B ${median(reads.b).toFixed(0)} ms; B − A: median ${median(readDiffs).toFixed(0)} ms`);

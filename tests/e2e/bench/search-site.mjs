// What the search page's benchmarks share (search-page.mjs, search-ab.mjs,
// search-trace.mjs): the corpus site served from loopback as a static host
// serves it, under its own Content-Security-Policy, and the watcher that
// times the first results.
import fs from 'node:fs';
import path from 'node:path';
import { serveDist } from '../helpers.mjs';

/**
 * Serves the built site at `site` (whole files brotli-compressed, byte
 * ranges as they are). Compressed before the first query: the files the
 * page reads whole (its own, the site's shared assets, the index's meta
 * and key table, and anything under `alsoWhole`'s folders), not the
 * ~900 MB of transcripts' pages, corpus.jsonl and packs, which it does not
 * read or reads by ranges. Resolves to the server (`url`, `close()`).
 */
export function serveSite(site, alsoWhole = [], h2 = H2) {
  const policy = fs.readFileSync(path.join(site, '_headers'), 'utf8').match(/Content-Security-Policy: (.*)/)[1];
  const whole = (f) =>
    (!f.includes(path.sep) && !f.endsWith('.jsonl')) ||
    /^(search|panels|icons)\//.test(f) ||
    /^index\/[^/]+$/.test(f) ||
    alsoWhole.some((folder) => f.startsWith(folder));
  return serveDist({ root: path.resolve(site), headers: { 'Content-Security-Policy': policy }, brotli: true, compressFirst: whole, h2 });
}

/**
 * SHILU_H2=1: the benchmarks serve the site over HTTP/2 (TLS on loopback,
 * helpers.mjs `serveDist`), as static hosts do; by default HTTP/1.1, where
 * the browser opens at most six connections to the host.
 */
export const H2 = !!process.env.SHILU_H2;

/** A fresh browser context as the benchmarks open one: nothing cached, no service worker. */
export const freshContext = (browser) => browser.newContext({ serviceWorkers: 'block', ignoreHTTPSErrors: H2 });

/**
 * In the page, before its scripts (`page.addInitScript`): sets
 * `window.__inPage` to the time a result (or the answer that there is
 * none) is in the page, and `window.__first` to that of the first frame
 * rendered after it; `window.__page` to the time the first page of
 * results is complete (the status says every match is being counted, or
 * gives the totals, or that there is none: for a query with no results,
 * once every match is counted).
 */
export const watchFirstResults = () => {
  const status = () => document.querySelector('.search-status')?.textContent || '';
  const seen = () => document.querySelector('.search-hit') || /Nothing found|没有找到/.test(status());
  const paged = () => /counting all|passages in|Nothing found|没有找到/.test(status());
  new MutationObserver((_, obs) => {
    if (window.__inPage == null && seen()) {
      window.__inPage = performance.now();
      requestAnimationFrame(() => setTimeout(() => { window.__first = performance.now(); }, 0));
    }
    if (window.__page == null && paged()) window.__page = performance.now();
    if (window.__inPage != null && window.__page != null) obs.disconnect();
  }).observe(document, { childList: true, subtree: true, characterData: true });
};

/**
 * A page in a fresh context of `browser`, the first-results watcher in
 * place: `{ context, page, errors }`, `errors` the page's errors as they
 * come; the caller closes `context`.
 */
async function watchedPage(browser) {
  const context = await freshContext(browser);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.addInitScript(watchFirstResults);
  return { context, page, errors };
}

/**
 * Opens `url` in a fresh context of `browser` (nothing cached, no service
 * worker), the first-results watcher in place, and waits for the first
 * results and the first page of them. Resolves to `{ context, page, ms,
 * pageMs, errors }`: `ms` from navigation to the first frame after the
 * first results, `pageMs` to the first page complete, `errors` the
 * page's errors meanwhile; the caller closes `context`.
 */
export async function openFirstResults(browser, url, waitUntil) {
  const { context, page, errors } = await watchedPage(browser);
  await page.goto(url, waitUntil ? { waitUntil } : {});
  await page.waitForFunction(() => window.__first != null && window.__page != null, null, { timeout: 60_000 });
  const { ms, pageMs } = await page.evaluate(() => ({ ms: window.__first, pageMs: window.__page }));
  return { context, page, ms, pageMs, errors };
}

/**
 * A query typed into the search page already open: opens `url` (the
 * search page with no query) in a fresh context of `browser`, waits
 * until its module is running and the network is idle (the page has read
 * the index's meta and key table, as Pagefind's `init()` reads its
 * entry), types `q` into the page's search box and presses Enter.
 * Resolves to `{ context, page, ms, pageMs, asked, errors }`: `ms` from
 * the key press to the first frame after the first results (the same
 * watcher as [`openFirstResults`]), `pageMs` to the first page of
 * results complete, `asked` the key press's time in the page's clock;
 * the caller closes `context`. Every index read of the query is
 * cold: nothing of it is cached.
 */
export async function typeFirstResults(browser, url, q) {
  const { context, page, errors } = await watchedPage(browser);
  await page.goto(url, { waitUntil: 'networkidle' });
  // The module mounts its results region once it runs.
  await page.waitForFunction(() => document.getElementById('search-results')?.childElementCount > 0, null, { timeout: 60_000 });
  if (await page.evaluate(() => window.__first != null)) throw new Error(`${url} shows results before a query`);
  const box = page.locator('#search-q');
  await box.fill(q);
  await page.evaluate(() => document.getElementById('search-form').addEventListener('submit', () => { window.__asked = performance.now(); }, { capture: true, once: true }));
  await box.press('Enter');
  await page.waitForFunction(() => window.__first != null && window.__page != null, null, { timeout: 60_000 });
  const { first, asked, paged } = await page.evaluate(() => ({ first: window.__first, asked: window.__asked, paged: window.__page }));
  if (asked == null) throw new Error(`${q}: the form was not submitted in place`);
  return { context, page, ms: first - asked, pageMs: paged - asked, asked, errors };
}

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
export function serveSite(site, alsoWhole = []) {
  const policy = fs.readFileSync(path.join(site, '_headers'), 'utf8').match(/Content-Security-Policy: (.*)/)[1];
  const whole = (f) =>
    (!f.includes(path.sep) && !f.endsWith('.jsonl')) ||
    /^(search|panels|icons)\//.test(f) ||
    /^index\/[^/]+$/.test(f) ||
    alsoWhole.some((folder) => f.startsWith(folder));
  return serveDist({ root: path.resolve(site), headers: { 'Content-Security-Policy': policy }, brotli: true, compressFirst: whole });
}

/**
 * In the page, before its scripts (`page.addInitScript`): sets
 * `window.__inPage` to the time a result (or the answer that there is
 * none) is in the page, and `window.__first` to that of the first frame
 * rendered after it.
 */
export const watchFirstResults = () => {
  const seen = () => document.querySelector('.search-hit') || /Nothing found|没有找到/.test(document.querySelector('.search-status')?.textContent || '');
  new MutationObserver((_, obs) => {
    if (window.__first == null && seen()) {
      obs.disconnect();
      window.__inPage = performance.now();
      requestAnimationFrame(() => setTimeout(() => { window.__first = performance.now(); }, 0));
    }
  }).observe(document, { childList: true, subtree: true, characterData: true });
};

/**
 * Opens `url` in a fresh context of `browser` (nothing cached, no service
 * worker), the first-results watcher in place, and waits for the first
 * results. Resolves to `{ context, page, ms, errors }`: `ms` from
 * navigation to the first frame after them, `errors` the page's errors
 * meanwhile; the caller closes `context`.
 */
export async function openFirstResults(browser, url, waitUntil) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.addInitScript(watchFirstResults);
  await page.goto(url, waitUntil ? { waitUntil } : {});
  await page.waitForFunction(() => window.__first != null, null, { timeout: 60_000 });
  const ms = await page.evaluate(() => window.__first);
  return { context, page, ms, errors };
}

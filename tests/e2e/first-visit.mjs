// A cold load measured as Chromium fetches it: the first-visit budget's
// measure (specs/size.test.mjs says what counts, precisely), for the app's
// dist and for the corpus site's pages (specs/site-size.test.mjs).
import assert from 'node:assert/strict';
import path from 'node:path';
import { DESKTOP, appReady, assertNoErrors, browser, collectErrors, serveDist } from './helpers.mjs';
import { FIRST_VISIT_BUDGET_BYTES } from './budget.mjs';
import { PRECOMPRESSED } from './compress.mjs';

export const kb = (n) => `${(n / 1000).toFixed(1)} KB`;

/** `url` without the server's origin (the port changes every run). */
const short = (url, origin) => (url.startsWith(origin) ? url.slice(origin.length) : url);

/**
 * Cold load of the page at `sub` (relative to `prefix`) of the folder
 * `root` (the dist by default), served under `prefix`; `app`: whether the
 * page is the app's, to be waited for until usable. Resolves to what it
 * fetched (see specs/size.test.mjs).
 */
export async function coldLoad(prefix, { root, sub = '', app = true } = {}) {
  const srv = await serveDist({ prefix, brotli: true, ...(root ? { root } : {}) });
  // A fresh context: no HTTP cache, no service worker, no storage.
  const context = await (await browser()).newContext({ viewport: DESKTOP, locale: 'zh-CN' });
  try {
    const workerRequests = [];
    context.on('request', (r) => {
      if (r.serviceWorker()) workerRequests.push(r.url());
    });
    const page = await context.newPage();
    const errors = collectErrors(page);
    const cdp = await context.newCDPSession(page);
    const byId = new Map(); // CDP requestId → the current hop
    const counted = []; // every hop sent before the cutoff, in order
    const late = []; // the page's own requests after it (listed, not counted)
    let cutoff = false;
    cdp.on('Network.requestWillBeSent', (e) => {
      const prev = byId.get(e.requestId);
      if (prev && e.redirectResponse) {
        // A redirect: the hop before is done, with its headers and no body.
        Object.assign(prev, { status: e.redirectResponse.status, headers: e.redirectResponse.encodedDataLength, body: 0, done: true });
      }
      if (!/^https?:/.test(e.request.url)) return; // data: and blob: URLs are in bytes already counted
      const hop = { url: e.request.url, type: e.type, status: 0, headers: 0, body: 0, length: null, encoding: '', cached: false, done: false };
      byId.set(e.requestId, hop);
      (cutoff ? late : counted).push(hop);
    });
    cdp.on('Network.responseReceived', (e) => {
      const hop = byId.get(e.requestId);
      if (!hop) return;
      const h = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
      Object.assign(hop, {
        // Not from the network (a cold load has none, but a change could add one): no bytes fetched.
        cached: e.response.fromDiskCache || e.response.fromPrefetchCache || e.response.fromServiceWorker || hop.cached,
        status: e.response.status,
        headers: e.response.encodedDataLength,
        length: h['content-length'] === undefined ? null : Number(h['content-length']),
        encoding: h['content-encoding'] || '',
      });
    });
    cdp.on('Network.requestServedFromCache', (e) => {
      const hop = byId.get(e.requestId);
      if (hop) hop.cached = true;
    });
    cdp.on('Network.loadingFinished', (e) => {
      const hop = byId.get(e.requestId);
      if (hop) Object.assign(hop, { body: hop.cached ? 0 : e.encodedDataLength - hop.headers, done: true });
    });
    cdp.on('Network.loadingFailed', (e) => {
      const hop = byId.get(e.requestId);
      if (hop) Object.assign(hop, { failed: e.errorText, done: true });
    });
    await cdp.send('Network.enable');

    await page.goto(srv.url + sub, { waitUntil: 'load' });
    if (app) await appReady(page);
    cutoff = true;
    const cutoffAt = performance.now();
    // Each counted request to its end (a request still in flight at the cutoff counts in full).
    const deadline = Date.now() + 15_000;
    while (counted.some((h) => !h.done)) {
      if (Date.now() > deadline) {
        // A worker's script, for one, starts in the page's session and ends in
        // the worker's: this test would have to follow the worker's target too.
        throw new Error(
          `still loading 15 s after the cutoff, as the page's CDP session sees it: ${counted.filter((h) => !h.done).map((h) => h.url).join(', ')} ` +
            '(a dedicated worker? its requests are on its own target, which this test does not follow yet)',
        );
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    // Let the worker finish precaching, so that the table shows what it fetched.
    const registered = await page.evaluate(async () => Boolean(await navigator.serviceWorker.getRegistration()));
    if (registered) await page.evaluate(() => Promise.race([
      navigator.serviceWorker.ready.then(async (reg) => {
        const w = reg.active;
        if (w.state !== 'activated') await new Promise((r) => w.addEventListener('statechange', () => w.state === 'activated' && r()));
      }),
      new Promise((r) => setTimeout(r, 10_000)),
    ]));
    assertNoErrors(errors, srv.url);
    const served = srv.log.filter((r) => r.at <= cutoffAt).map((r) => r.path);
    return { counted, late, workerRequests, served, origin: new URL(srv.url).origin, url: srv.url + sub };
  } finally {
    await context.close();
    await srv.close();
  }
}

/** The per-response table and total, for the CI log. */
function report(prefix, { counted, late, workerRequests, origin }) {
  const width = Math.max(...counted.map((h) => short(h.url, origin).length), 20);
  const lines = [
    `first visit at ${prefix}, as Chromium fetched it (brotli bodies; headers not counted):`,
    `  ${'response'.padEnd(width)}  ${'type'.padEnd(10)} ${'enc'.padEnd(4)} ${'body'.padStart(8)} ${'headers'.padStart(8)}`,
  ];
  for (const h of counted) {
    lines.push(`  ${short(h.url, origin).padEnd(width)}  ${h.type.padEnd(10)} ${(h.encoding || '-').padEnd(4)} ${String(h.body).padStart(8)} ${String(h.headers).padStart(8)}${h.cached ? '  (from a cache)' : ''}${h.failed ? `  FAILED ${h.failed}` : ''}`);
  }
  const total = counted.reduce((s, h) => s + h.body, 0);
  const headers = counted.reduce((s, h) => s + h.headers, 0);
  lines.push(`  ${'total'.padEnd(width)}  ${''.padEnd(15)} ${String(total).padStart(8)} ${String(headers).padStart(8)}`);
  lines.push(`  = ${kb(total)} of the ${kb(FIRST_VISIT_BUDGET_BYTES)} budget (${(total * 100 / FIRST_VISIT_BUDGET_BYTES).toFixed(1)}%), ${counted.length} responses`);
  for (const h of late) lines.push(`  not counted, the page's after the cutoff: ${short(h.url, origin)} (${h.body} B)`);
  for (const url of workerRequests) lines.push(`  not counted, the service worker's: ${short(url, origin)}`);
  console.log(lines.join('\n'));
  return total;
}

/**
 * Fails unless the measure itself is sound and the total, less `allowance`
 * bytes (a corpus page's own text), is within the budget; `app`: whether
 * the app's wasm must be among what was fetched. Returns the total.
 */
export function check(prefix, load, { app = true, allowance = 0 } = {}) {
  const { counted, workerRequests, served, origin } = load;
  const total = report(prefix, load);
  assert.ok(counted.length > 0, `at ${prefix}: no response was counted, so nothing was measured`);
  assert.ok(
    !app || counted.some((h) => new URL(h.url).pathname.endsWith('.wasm') && h.body > 0),
    `at ${prefix}: the app's wasm is not among the counted responses: ${counted.map((h) => h.url).join(', ')}`,
  );
  for (const h of counted) {
    assert.ok(!h.failed && h.status > 0 && h.status < 400, `at ${prefix}: ${h.url} failed (${h.failed || h.status})`);
    assert.ok(h.body >= 0, `at ${prefix}: ${h.url}: a negative body (${h.body} B): the count is wrong`);
    if (h.length !== null && !h.cached) {
      assert.equal(h.body, h.length, `at ${prefix}: ${h.url}: the counted body (${h.body} B) is not its Content-Length (${h.length} B)`);
    }
    if (h.length !== 0 && !h.cached && !PRECOMPRESSED.has(path.extname(new URL(h.url).pathname))) {
      assert.equal(h.encoding, 'br', `at ${prefix}: ${h.url} came without brotli: the measure is of brotli bodies`);
    }
  }
  // Nothing the server served before the cutoff escaped: the page's session
  // counted it, or the service worker asked for it.
  // The server logs paths decoded (a speaker page is /s/p-唐凤/).
  const pathOf = (u) => decodeURIComponent(new URL(u).pathname);
  const known = new Set([...counted.map((h) => pathOf(h.url)), ...workerRequests.map(pathOf)]);
  const escaped = served.filter((p) => !known.has(p));
  assert.deepEqual(escaped, [], `at ${prefix}: served before the cutoff but counted by no one: ${escaped.join(', ')}`);
  if (allowance) console.log(`  less the page's own text: ${kb(allowance)}, so ${kb(total - allowance)} of the budget`);
  if (total - allowance > FIRST_VISIT_BUDGET_BYTES) {
    const list = counted.map((h) => `  ${short(h.url, origin)}: ${h.body} B`).join('\n');
    assert.fail(
      `at ${prefix}: the first visit is ${total} bytes of brotli (${kb(total)}, ${allowance} B of them the page's own text), over the ${kb(FIRST_VISIT_BUDGET_BYTES)} budget ` +
        `(${FIRST_VISIT_BUDGET_BYTES} bytes, tests/e2e/budget.mjs) by ${total - allowance - FIRST_VISIT_BUDGET_BYTES} bytes:\n${list}`,
    );
  }
  return total;
}


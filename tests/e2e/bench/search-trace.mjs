// Where a cold query's time goes on the corpus site's search page: one
// query in a fresh browser context (nothing cached), served as
// search-page.mjs serves it (loopback, brotli, byte ranges, the site's
// CSP), with a Chrome trace. Prints one timeline in ms after navigation:
// each request (sent → last byte, its size), the main thread's tasks over
// 1 ms (what ran: parsing, a script, the wasm's compile, a fetch's
// callback, a frame), the wasm's compile on other threads, and the first
// results painted (as search-page.mjs times it).
//
// SHILU_TYPED=1: the query typed into the search page already open (as
// search-page.mjs's "typed" figure): the trace starts once the page is
// idle, and its times are ms after the key press.
//
// usage: node bench/search-trace.mjs SITE QUERY [OUT.json]
//   OUT.json: the raw trace, to open in chrome://tracing or Perfetto.
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../helpers.mjs';
import { freshContext, serveSite, watchFirstResults } from './search-site.mjs';

const [site, q, traceOut] = process.argv.slice(2);
if (!site || !q) {
  console.error('usage: node bench/search-trace.mjs SITE QUERY [OUT.json]');
  process.exit(2);
}
const srv = await serveSite(site);
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
const typed = !!process.env.SHILU_TYPED;
const url = typed ? `${srv.url}search/` : `${srv.url}search/?q=${encodeURIComponent(q)}`;

// A first visit, not traced: the server compresses each file once.
{
  const context = await freshContext(browser);
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'networkidle' });
  await context.close();
}

const context = await freshContext(browser);
const page = await context.newPage();
await page.addInitScript(watchFirstResults);
const cdp = await context.newCDPSession(page);
const categories = [
  'devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'loading', 'netlog',
  'v8', 'v8.wasm', 'disabled-by-default-v8.wasm.detailed', 'toplevel', 'blink', 'navigation',
];
if (typed) {
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.waitForFunction(() => document.getElementById('search-results')?.childElementCount > 0);
  await page.locator('#search-q').fill(q);
  await page.evaluate(() => document.getElementById('search-form').addEventListener('submit', () => { window.__asked = performance.now(); }, { capture: true, once: true }));
}
await cdp.send('Tracing.start', { transferMode: 'ReturnAsStream', traceConfig: { includedCategories: categories } });
// SHILU_PROFILE=1: V8's sampling profiler too, for where the main thread's
// long tasks spend their time (the wasm's functions are named only in a
// build that keeps its name section).
const profiling = !!process.env.SHILU_PROFILE;
if (profiling) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
}
if (typed) await page.locator('#search-q').press('Enter');
else await page.goto(url);
await page.waitForFunction(() => window.__first != null, null, { timeout: 60_000 });
// Typed: page times after the submit (a few tenths of a ms after the key press).
const { first, inPage, origin } = await page.evaluate(() => {
  const from = window.__asked ?? 0;
  return { first: window.__first - from, inPage: window.__inPage - from, origin: performance.timeOrigin };
});
await page.waitForTimeout(200);
const profile = profiling ? (await cdp.send('Profiler.stop')).profile : null;
const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
await cdp.send('Tracing.end');
const { stream } = await done;
let raw = '';
for (;;) {
  const { data, eof, base64Encoded } = await cdp.send('IO.read', { handle: stream, size: 1 << 20 });
  raw += base64Encoded ? Buffer.from(data, 'base64').toString() : data;
  if (eof) break;
}
await cdp.send('IO.close', { handle: stream });
await context.close();
await browser.close();
srv.close();
if (traceOut) fs.writeFileSync(traceOut, raw);

const events = (JSON.parse(raw).traceEvents || JSON.parse(raw));
// Navigation start: the renderer's navigationStart mark of the page's frame.
// Typed: the key press (the renderer's keydown).
const nav = typed
  ? events.find((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'keydown')
  : events.find((e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL?.startsWith(url))
    || events.find((e) => e.name === 'navigationStart' && e.args?.data?.isLoadingMainFrame);
const t0 = nav.ts;
const ms = (ts) => (ts - t0) / 1000;
const rows = [];
const short = (u) => (u || '').replace(srv.url, '/').replace(/\?q=.*/, '?q=…');

// Requests: sent, then the last byte.
const reqs = new Map();
for (const e of events) {
  const d = e.args?.data;
  if (!d?.requestId) continue;
  const r = reqs.get(d.requestId) || {};
  if (e.name === 'ResourceSendRequest') Object.assign(r, { url: d.url, sent: e.ts, range: d.headers?.Range });
  if (e.name === 'ResourceReceiveResponse') Object.assign(r, { head: e.ts, status: d.statusCode });
  if (e.name === 'ResourceFinish') Object.assign(r, { end: e.ts, bytes: d.encodedDataLength });
  reqs.set(d.requestId, r);
}
for (const r of reqs.values()) {
  if (r.sent == null || r.sent < t0 || !r.url?.startsWith('http')) continue;
  rows.push({ at: ms(r.sent), text: `request ${short(r.url)} → ${r.end ? ms(r.end).toFixed(1) : '?'} (${r.bytes ?? '?'} B)` });
}

// The renderer's main thread: its top-level tasks over 1 ms, named after
// what ran in them.
const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && e.pid === nav.pid && (typed ? e.tid === nav.tid : events.some((n) => n.pid === e.pid && n.name === 'navigationStart' && n.ts === t0)));
const onMain = (e) => main && e.pid === main.pid && e.tid === main.tid;
const tasks = events.filter((e) => onMain(e) && e.ph === 'X' && e.name === 'RunTask' && e.ts >= t0 && e.dur > 1000);
const inside = events.filter((e) => onMain(e) && e.ph === 'X' && e.ts >= t0 && e.name !== 'RunTask');
const label = (e) => {
  const d = e.args?.data || {};
  if (e.name === 'EvaluateScript' || e.name === 'v8.evaluateModule') return `${e.name} ${short(d.url)}`;
  if (e.name === 'FunctionCall') return `FunctionCall ${short(d.url)}:${d.lineNumber ?? ''} ${d.functionName || ''}`;
  if (e.name === 'ResourceReceivedData' || e.name === 'EventDispatch') return `${e.name} ${d.type || ''}`;
  return e.name;
};
const interesting = /ParseHTML|EvaluateScript|evaluateModule|FunctionCall|v8.compile|wasm|Wasm|TimerFire|FireAnimationFrame|Paint|Layout|UpdateLayoutTree|RunMicrotasks|EventDispatch|HandlePostMessage|Commit|Compile/;
for (const t of tasks) {
  const parts = inside.filter((e) => e.ts >= t.ts && e.ts < t.ts + t.dur && interesting.test(e.name) && e.dur > 300)
    .sort((a, b) => b.dur - a.dur).slice(0, 4)
    .map((e) => `${label(e)} ${(e.dur / 1000).toFixed(1)}`);
  rows.push({ at: ms(t.ts), text: `main ${(t.dur / 1000).toFixed(1)} ms: ${parts.join('; ')}` });
}
// The wasm's compile and instantiation, wherever they ran.
for (const e of events.filter((e) => e.ts >= t0 && /wasm/i.test(e.cat || '') && e.ph === 'X' && e.dur > 2000)) {
  rows.push({ at: ms(e.ts), text: `wasm ${e.name} ${(e.dur / 1000).toFixed(1)} ms${onMain(e) ? ' (main)' : ''}` });
}
// Each long task's busiest functions (self time), from the profile.
if (profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const samples = [];
  // Each sample stands for the time until the next one.
  let ts = profile.startTime;
  profile.samples.forEach((id, i) => {
    ts += profile.timeDeltas[i];
    samples.push({ ts, node: byId.get(id), us: profile.timeDeltas[i + 1] ?? 0 });
  });
  const name = (n) => `${n.callFrame.functionName || '(anonymous)'}${n.callFrame.url ? ` ${short(n.callFrame.url).replace(/.*\//, '')}` : ''}`;
  for (const t of tasks.filter((t) => t.dur > 8000)) {
    const self = new Map();
    for (const s of samples) {
      if (s.ts < t.ts || s.ts >= t.ts + t.dur) continue;
      const k = name(s.node);
      self.set(k, (self.get(k) || 0) + s.us);
    }
    const top = [...self].filter(([k]) => k !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, 8)
      .map(([k, us]) => `${k.replace(/::h[0-9a-f]{16}/g, '')} ${(us / 1000).toFixed(1)}`);
    rows.push({ at: ms(t.ts) + 0.01, text: `  profile: ${top.join('; ')}` });
  }
}
rows.push({ at: inPage, text: 'first result in the page' });
rows.push({ at: first, text: 'FIRST RESULTS PAINTED (bench time)' });
rows.sort((a, b) => a.at - b.at);
console.log(`${q}: ${url}`);
for (const r of rows) console.log(`${r.at.toFixed(1).padStart(7)}  ${r.text}`);
console.log(`${typed ? 'key press' : 'navigation'} → first results painted: ${first.toFixed(0)} ms (performance.timeOrigin ${origin.toFixed(0)})`);

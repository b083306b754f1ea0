// `cargo xtask bench web`: Lighthouse 12 mobile (simulated throttling) on the
// release dist and on a plain static HTML page of the same transcript
// (`shilu html`, written by the xtask to SHILU_PLAIN), served by the same
// loopback server (brotli) in the same run, alternating, RUNS times each.
// Prints the medians of the performance score, FCP, LCP, TBT and CLS, the
// page's transferred bytes (Lighthouse's simulation charges a slow 4G
// round trip for each doubling of TCP's window past the first 14.6 KB),
// and the LCP ratio (explorer ÷ plain page). Figures, not a test: they vary
// with the machine's load.
import fs from 'node:fs';
import path from 'node:path';
import { DIST, audit, firstPaintPath, launchChromium, serveBrotli } from './lighthouse.mjs';

const plain = process.env.SHILU_PLAIN;
if (!plain || !fs.existsSync(path.join(plain, 'index.html'))) {
  throw new Error('SHILU_PLAIN must name a folder with the plain page (run `cargo xtask bench web`)');
}
if (!fs.existsSync(path.join(DIST, 'index.html'))) throw new Error(`${DIST}/index.html not found: run \`cargo xtask dist\``);
const RUNS = Number(process.env.SHILU_BENCH_RUNS || 3);

// What the TBT is made of: Lighthouse's long tasks (simulated, 4× slower,
// layout 2×) after the first contentful paint, each blocking for what it
// took over 50 ms, by the script they are charged to: the page itself
// (its inline early script, parsing, style and layout), the app's module
// (its wasm: instantiation, taking over, first effects), anything else.
function blockingBySource(lhr, url) {
  const fcp = lhr.audits['first-contentful-paint'].numericValue;
  const sum = { blockPage: 0, blockApp: 0, blockOther: 0 };
  for (const t of lhr.audits['long-tasks']?.details?.items || []) {
    const end = t.startTime + t.duration;
    if (end <= fcp) continue;
    const blocking = Math.max(0, end - Math.max(t.startTime, fcp) - 50);
    const key = t.url === url ? 'blockPage' : /\/shilu-app-[^/]*\.js$/.test(t.url) ? 'blockApp' : 'blockOther';
    sum[key] += Math.round(blocking);
  }
  return sum;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const server = await serveBrotli({ '/': DIST, '/plain/': plain });
const pages = { shilu: `${server.origin}/`, plain: `${server.origin}/plain/` };
const runs = { shilu: [], plain: [] };
try {
  for (let i = 0; i < RUNS; i++) {
    for (const [name, url] of Object.entries(pages)) {
      // A fresh browser per run: nothing cached, no worker installed.
      const chrome = await launchChromium();
      try {
        const lhr = await audit(url, chrome.port, ['performance']);
        const a = lhr.audits;
        const run = {
          performance: Math.round(lhr.categories.performance.score * 100),
          fcp: a['first-contentful-paint'].numericValue,
          lcp: a['largest-contentful-paint'].numericValue,
          tbt: a['total-blocking-time'].numericValue,
          cls: a['cumulative-layout-shift'].numericValue,
          page: a.diagnostics.details.items[0].mainDocumentTransferSize,
          ...firstPaintPath(url),
          ...blockingBySource(lhr, url),
        };
        runs[name].push(run);
        console.log(`run ${i + 1}/${RUNS} ${name.padEnd(5)}  performance ${run.performance}  FCP ${(run.fcp / 1000).toFixed(2)} s  LCP ${(run.lcp / 1000).toFixed(2)} s  TBT ${Math.round(run.tbt)} ms  CLS ${run.cls.toFixed(3)}  (loaded ${Math.round(run.loaded)} ms, work ${Math.round(run.work)} ms, others ${Math.round(run.others)} ms; blocking: page ${run.blockPage} ms, app ${run.blockApp} ms, other ${run.blockOther} ms)`);
      } finally {
        await chrome.kill();
      }
    }
  }
} finally {
  await server.close();
}

const m = (name, key) => median(runs[name].map((r) => r[key]));
console.log(`\nLighthouse 12 mobile, median of ${RUNS} runs each, brotli from 127.0.0.1:\n`);
console.log('page                 performance      FCP      LCP      TBT     CLS      page');
for (const [name, label] of [['shilu', 'shilu (dist/)'], ['plain', 'plain static page']]) {
  const secs = (key) => `${(m(name, key) / 1000).toFixed(2).padStart(6)} s`;
  console.log(`${label.padEnd(20)} ${String(m(name, 'performance')).padStart(11)} ${secs('fcp')} ${secs('lcp')} ${String(Math.round(m(name, 'tbt'))).padStart(5)} ms ${m(name, 'cls').toFixed(3).padStart(7)} ${(m(name, 'page') / 1024).toFixed(1).padStart(6)} KB`);
}
console.log('\nWhat blocked the main thread after the first paint (long tasks over 50 ms, simulated), median of the runs:\n');
console.log('page                       page      app    other');
for (const [name, label] of [['shilu', 'shilu (dist/)'], ['plain', 'plain static page']]) {
  const ms = (key) => `${String(Math.round(m(name, key))).padStart(5)} ms`;
  console.log(`${label.padEnd(20)} ${ms('blockPage')} ${ms('blockApp')} ${ms('blockOther')}`);
}
console.log(`\nLCP ratio (shilu ÷ plain): ${(m('shilu', 'lcp') / m('plain', 'lcp')).toFixed(2)}×`);
// Where the simulated LCP goes (Lighthouse's optimistic LCP graph): the
// page's own download (connection, server, its bytes), the main thread's
// work before the paint (4× slower, layout 2×), and when the other
// requests the paint waited for (those that ended before it) ended.
console.log('\nThe simulated LCP (optimistic graph), median of the runs:\n');
console.log('page                 page loaded   work before paint   other requests ended');
for (const [name, label] of [['shilu', 'shilu (dist/)'], ['plain', 'plain static page']]) {
  const ms = (key) => `${String(Math.round(m(name, key))).padStart(5)} ms`;
  console.log(`${label.padEnd(20)} ${ms('loaded').padStart(11)} ${ms('work').padStart(19)} ${ms('others').padStart(22)}`);
}

// `cargo xtask bench web`: Lighthouse 12 mobile (simulated throttling) on the
// release dist and on a plain static HTML page of the same transcript
// (`shilu html`, written by the xtask to SHILU_PLAIN), served by the same
// loopback server (brotli) in the same run, alternating, RUNS times each.
// Prints the medians of the performance score, LCP, TBT and CLS, and the
// LCP ratio (explorer ÷ plain page). Figures, not a test: they vary with the
// machine's load.
import fs from 'node:fs';
import path from 'node:path';
import { DIST, audit, launchChromium, serveBrotli } from './lighthouse.mjs';

const plain = process.env.SHILU_PLAIN;
if (!plain || !fs.existsSync(path.join(plain, 'index.html'))) {
  throw new Error('SHILU_PLAIN must name a folder with the plain page (run `cargo xtask bench web`)');
}
if (!fs.existsSync(path.join(DIST, 'index.html'))) throw new Error(`${DIST}/index.html not found: run \`cargo xtask dist\``);
const RUNS = Number(process.env.SHILU_BENCH_RUNS || 3);

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
          lcp: a['largest-contentful-paint'].numericValue,
          tbt: a['total-blocking-time'].numericValue,
          cls: a['cumulative-layout-shift'].numericValue,
        };
        runs[name].push(run);
        console.log(`run ${i + 1}/${RUNS} ${name.padEnd(5)}  performance ${run.performance}  LCP ${(run.lcp / 1000).toFixed(2)} s  TBT ${Math.round(run.tbt)} ms  CLS ${run.cls.toFixed(3)}`);
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
console.log('page                 performance      LCP      TBT     CLS');
for (const [name, label] of [['shilu', 'shilu (dist/)'], ['plain', 'plain static page']]) {
  console.log(`${label.padEnd(20)} ${String(m(name, 'performance')).padStart(11)} ${(m(name, 'lcp') / 1000).toFixed(2).padStart(6)} s ${String(Math.round(m(name, 'tbt'))).padStart(5)} ms ${m(name, 'cls').toFixed(3).padStart(7)}`);
}
console.log(`\nLCP ratio (shilu ÷ plain): ${(m('shilu', 'lcp') / m('plain', 'lcp')).toFixed(2)}×`);

// Search speed in the browser: keystroke → highlights painted, on the seed
// and on 10 and 100 copies of it, for a rare and a common word. A benchmark
// that prints figures (`cargo xtask bench search`), not a timed test: the
// machines here are shared and noisy.
//
// Each sample types the word into the search box (one input event, as a
// paste or the last keystroke of a word does), then waits until the match
// count shows and the next frame, with the matches highlighted, has been
// rendered. Between samples the box is
// cleared the same way, so every sample paints marks from none.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openApp, closeAll, REPO } from '../helpers.mjs';

const SEED = path.join(REPO, 'seeds', 'shanxi-2017-10-12-deep-poverty-press-conference.txt');
const quick = process.argv.includes('--quick');
const SAMPLES = quick ? 3 : 7;
const COPIES = [1, 10, 100];
// 光伏 is said 5 times in the seed; 扶贫 about 120 times.
const WORDS = [
  ['rare', '光伏'],
  ['common', '扶贫'],
];

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// In the page: set the box to `q`, fire `input`, and time until the summary
// says something other than `before` (`script`: the app's own work, done
// in the input's task and its microtasks), and until the first frame after
// that has been rendered (`ms`: a task posted from that frame's
// animation-frame callback runs once its style, layout and paint are done).
// The second includes waiting for the frame, up to 16.7 ms at 60 Hz.
async function typeAndPaint(page, q) {
  return page.evaluate(async (q) => {
    const box = document.getElementById('search');
    const summary = document.getElementById('search-summary');
    const before = summary.textContent;
    const marks = () => ['search', 'search-current'].reduce((a, k) => a + (CSS.highlights.get(k)?.size || 0), 0);
    const rendered = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    if (box.value === q) return { ms: 0, script: 0, marks: marks() };
    const t0 = performance.now();
    box.value = q;
    box.dispatchEvent(new Event('input', { bubbles: true }));
    let script;
    for (let i = 0; i < 50 && summary.textContent === before; i++) await Promise.resolve();
    if (summary.textContent !== before) script = performance.now() - t0;
    for (let i = 0; summary.textContent === before && i < 3_000; i++) await rendered();
    script ??= performance.now() - t0;
    await rendered();
    return { ms: performance.now() - t0, script, marks: marks() };
  }, q);
}

const seed = fs.readFileSync(SEED, 'utf8');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'shilu-bench-'));
const rows = [];
try {
  for (const copies of COPIES) {
    const { page, context, ctx } = await openApp({ width: 1280 });
    try {
      // Not while the service worker precaches the dist after the first load.
      await page.evaluate(() => navigator.serviceWorker?.ready);
      await page.waitForTimeout(1_500);
      if (copies > 1) {
        const file = path.join(tmp, `seed-x${copies}.txt`);
        fs.writeFileSync(file, Array(copies).fill(seed).join('\n\n'));
        const turns = await page.locator('[data-turn]').count();
        await page.locator('input[type=file]').first().setInputFiles(file);
        // The opened copies replace the seed: wait until every part is in
        // (a long transcript goes into the page by parts) and laid out.
        await page.waitForFunction(
          (n) => document.querySelectorAll('[data-turn]').length === n,
          copies * turns,
          { timeout: 120_000 },
        );
        await page.waitForTimeout(1_000);
      }
      for (const [kind, word] of WORDS) {
        const times = [];
        const scripts = [];
        let marks = 0;
        for (let i = 0; i < SAMPLES; i++) {
          await typeAndPaint(page, '');
          const r = await typeAndPaint(page, word);
          times.push(r.ms);
          scripts.push(r.script);
          marks = r.marks;
        }
        rows.push({ copies, kind, word, marks, median: median(times), script: median(scripts), min: Math.min(...times), max: Math.max(...times) });
      }
      if (ctx.errors.length) throw new Error(ctx.errors.join('\n'));
    } finally {
      await context.close();
    }
  }
} finally {
  await closeAll();
  fs.rmSync(tmp, { recursive: true, force: true });
}

const pad = (s, n) => String(s).padStart(n);
console.log(`search: keystroke → highlights painted, headless Chromium, median of ${SAMPLES} (ms)`);
console.log(`${'input'.padEnd(12)}${pad('word', 8)}${pad('marks', 8)}${pad('painted', 9)}${pad('script', 8)}${pad('min', 8)}${pad('max', 8)}`);
for (const r of rows) {
  const input = r.copies === 1 ? 'seed' : `${r.copies}× seed`;
  console.log(
    `${input.padEnd(12)}${pad(r.word, 6)}${pad(r.marks, 8)}${pad(r.median.toFixed(1), 9)}${pad(r.script.toFixed(1), 8)}${pad(r.min.toFixed(1), 8)}${pad(r.max.toFixed(1), 8)}`,
  );
}

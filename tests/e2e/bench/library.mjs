// The reader's library search at its budget's size (issue 22: 500
// transcripts, about 20 MB, indexed in the worker with no main-thread task
// over 200 ms, a query answered within 300 ms). A benchmark that prints
// figures (`cargo xtask bench library`), not a timed test.
//
// It copies the first 500 `.md`/`.txt` files (by path) under
// SHILU_LIBRARY_DIR into a temporary folder, picks that folder in 我的实录
// (one worker reads, decodes, parses and folds them, the page keeps each
// with its search part in IndexedDB), and records every long task
// (PerformanceObserver `longtask`, ≥ 50 ms) on the page's thread. Then it
// asks a list of queries in the library's search box: the first reads
// every part from storage; each answer's time is from the input event
// until the status says the count (and, as `scan`, the core's own time).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openApp, closeAll } from '../helpers.mjs';

const DIR = process.env.SHILU_LIBRARY_DIR;
const COUNT = Number(process.env.SHILU_LIBRARY_COUNT || 500);
if (!DIR || !fs.existsSync(DIR)) {
  console.error('bench library: set SHILU_LIBRARY_DIR to a folder of transcripts (e.g. the shared archive)');
  process.exit(2);
}
const QUERIES = ['数位', '倫理', '地方创生', '开放政府', 'AI', '社会创新 -数位', '"开放 资料"', '是', '没有这样的一句话'];

const walk = (d) => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) =>
  e.isDirectory() ? walk(path.join(d, e.name)) : /\.(md|txt)$/i.test(e.name) ? [path.join(d, e.name)] : []);
const files = walk(DIR).sort().slice(0, COUNT);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'shilu-library-'));
const folder = path.join(tmp, 'library');
fs.mkdirSync(folder);
let bytes = 0;
for (const [i, f] of files.entries()) {
  fs.copyFileSync(f, path.join(folder, `${String(i).padStart(4, '0')}-${path.basename(f)}`));
  bytes += fs.statSync(f).size;
}
console.log(`bench library: ${files.length} transcripts, ${(bytes / 1e6).toFixed(1)} MB, from ${DIR}`);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

try {
  const { page, context } = await openApp({
    init: () => {
      window.longTasks = [];
      new PerformanceObserver((l) => { for (const e of l.getEntries()) window.longTasks.push(e.duration); })
        .observe({ type: 'longtask', buffered: true });
    },
  });
  await page.getByRole('button', { name: '我的实录' }).click();
  const dialog = page.getByRole('dialog', { name: '我的实录' });
  await dialog.waitFor();
  await page.evaluate(() => { window.longTasks = []; });
  const t0 = Date.now();
  await dialog.locator('input[type=file]').setInputFiles(folder);
  const report = page.getByRole('alert').filter({ hasText: '从文件夹保存' });
  await report.waitFor({ timeout: 30 * 60_000 });
  const took = Date.now() - t0;
  const said = (await report.locator('.library-alert__message').innerText()).trim();
  const tasks = await page.evaluate(() => window.longTasks);
  console.log(`kept: ${said}`);
  console.log(`index (read, decode, parse, fold in the worker; keep in IndexedDB): ${(took / 1000).toFixed(1)} s, ${(took / files.length).toFixed(1)} ms per transcript`);
  console.log(`main thread while indexing: ${tasks.length} long tasks, longest ${tasks.length ? Math.max(...tasks).toFixed(0) : 0} ms (budget 200 ms)`);

  const box = dialog.getByRole('searchbox', { name: '搜索我的实录' });
  const ask = async (q) => page.evaluate(async (q) => {
    const box = document.querySelector('.library-search__input');
    const status = document.querySelector('.library-search__status');
    const t0 = performance.now();
    box.value = q;
    box.dispatchEvent(new Event('input', { bubbles: true }));
    // The status carries the scan's time once it says the count, and none
    // while the box is empty.
    const done = () => (q ? status.dataset.ms !== undefined : status.dataset.ms === undefined);
    while (!done()) await new Promise((r) => setTimeout(r, 1));
    return { ms: performance.now() - t0, scan: Number(status.dataset.ms), said: status.textContent };
  }, q);
  // The dialog gave way to the progress and the report: open it again.
  // Its list (older than search) reads every kept transcript and makes
  // each one's line on the page's thread: timed apart from the queries.
  await page.evaluate(() => { window.longTasks = []; });
  const l0 = Date.now();
  await page.getByRole('button', { name: '我的实录' }).click();
  await box.waitFor();
  await dialog.getByRole('listitem').nth(files.length).waitFor({ timeout: 5 * 60_000 });
  const listed = Date.now() - l0;
  const listTasks = await page.evaluate(() => window.longTasks);
  console.log(`opening 我的实录 (the list of ${files.length + 1}): ${listed} ms; long tasks ${listTasks.length}, longest ${listTasks.length ? Math.max(...listTasks).toFixed(0) : 0} ms`);
  await page.evaluate(() => { window.longTasks = []; });
  const first = await ask(QUERIES[0]);
  const loadTasks = await page.evaluate(() => window.longTasks);
  console.log(`first query (reads every part from IndexedDB): ${first.ms.toFixed(0)} ms; long tasks ${loadTasks.length}, longest ${loadTasks.length ? Math.max(...loadTasks).toFixed(0) : 0} ms`);
  const times = [];
  for (const q of QUERIES) {
    await ask('');
    const r = await ask(q);
    times.push(r.ms);
    console.log(`  ${q.padEnd(12)} ${r.ms.toFixed(0).padStart(5)} ms (scan ${r.scan.toFixed(0)} ms)  ${r.said}`);
  }
  console.log(`query (parts in memory): median ${median(times).toFixed(0)} ms, slowest ${Math.max(...times).toFixed(0)} ms (budget 300 ms)`);
  // What storage alone costs: every part read from IndexedDB by plain
  // JavaScript, as the page reads them (8 at a time), nothing parsed.
  const raw = await page.evaluate(async () => {
    const db = await new Promise((ok, no) => { const r = indexedDB.open('shilu'); r.onsuccess = () => ok(r.result); r.onerror = () => no(r.error); });
    const t0 = performance.now();
    let after = null, n = 0, chars = 0;
    for (;;) {
      const batch = await new Promise((ok, no) => {
        const store = db.transaction('parts').objectStore('parts');
        const r = store.getAll(after === null ? null : IDBKeyRange.lowerBound(after, true), 8);
        r.onsuccess = () => ok(r.result); r.onerror = () => no(r.error);
      });
      if (!batch.length) break;
      n += batch.length;
      for (const v of batch) chars += v.part.length;
      after = batch[batch.length - 1].key;
    }
    db.close();
    return { ms: performance.now() - t0, n, chars };
  });
  console.log(`storage alone (${raw.n} parts, ${(raw.chars / 1e6).toFixed(1)} M characters, read 8 at a time, not parsed): ${raw.ms.toFixed(0)} ms`);
  await context.close();
} finally {
  await closeAll();
  fs.rmSync(tmp, { recursive: true, force: true });
}

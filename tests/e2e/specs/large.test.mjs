// A large transcript (100 copies of the seed, 3.4 MB) opens behind a
// progress bar, read and parsed in a worker and put into the page by
// parts: no task on the page's thread takes 200 ms or more, and then it is
// all there, to read and to search.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { withPage, seedText, waitForMatches } from '../helpers.mjs';

const COPIES = 100;

test('a 3.4 MB file opens behind a progress bar, with no task of 200 ms or more on the page', () =>
  withPage(async (page) => {
    const seed = seedText();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shilu-large-'));
    const file = path.join(dir, 'hundred.txt');
    fs.writeFileSync(file, Array(COPIES).fill(seed).join('\n\n'));
    assert.ok(fs.statSync(file).size > 3_300_000);
    try {
      const turns = await page.locator('[data-turn]').count();
      // Long tasks, and each progress bar shown, with its name, as they come.
      await page.evaluate(() => {
        window.longTasks = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) window.longTasks.push(Math.round(e.duration));
        }).observe({ type: 'longtask' });
        window.bars = [];
        new MutationObserver(() => {
          for (const bar of document.querySelectorAll('[role=progressbar]')) {
            const seen = [bar.getAttribute('aria-label'), bar.getAttribute('aria-valuetext')].join(' · ');
            if (!window.bars.includes(seen)) window.bars.push(seen);
          }
        }).observe(document.body, { childList: true, subtree: true, attributes: true });
      });
      await page.locator('input[type=file][data-library]').setInputFiles(file);
      await page.waitForFunction((n) => document.querySelectorAll('[data-turn]').length === n,
        turns * COPIES, { timeout: 60_000 });
      await page.getByRole('progressbar').waitFor({ state: 'detached' });
      // Let the last parts' layout and the observers settle.
      await page.waitForTimeout(1_000);
      const { longTasks, bars } = await page.evaluate(() => ({ longTasks: window.longTasks, bars: window.bars }));
      assert.ok(bars.some((b) => b.startsWith('正在打开“hundred.txt”')), `a progress bar named after the file: ${bars}`);
      assert.ok(bars.some((b) => b.includes('正在分析发言人和结构')), `it says it parses: ${bars}`);
      assert.ok(Math.max(0, ...longTasks) < 200, `tasks on the page's thread: ${longTasks.join(', ')} ms`);
      // It is all there: the last copy's last words, and a search over every copy.
      const lastWords = seed.trim().split('\n').pop().trim().slice(-12);
      assert.ok(lastWords.length > 4);
      const text = await page.locator('#transcript-content').evaluate((el) => el.textContent);
      assert.equal(text.split(lastWords).length - 1, COPIES, 'each copy ends with the seed\'s last words');
      await page.getByRole('searchbox').fill('光伏');
      await waitForMatches(page, 5 * COPIES, { timeout: 30_000 });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }));

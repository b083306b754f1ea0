// Static first (issue 11): the page arrives as a document. Without
// JavaScript the whole transcript reads, with its speakers, their titles and
// working paragraph anchors, and a note says what needs script; a deep link
// with state shows the pre-rendered page first, then applies the state,
// without a jump; at / and under /shilu/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { withPage, openApp, assertNoErrors, letters, seedText, REPO } from '../helpers.mjs';

/** The seed as the core reads it (`shilu parse`): turns, speakers, blocks. */
function seedDoc() {
  const out = execFileSync('cargo', ['run', '--quiet', '--offline', '-p', 'shilu-core', '--bin', 'shilu', '--', 'parse', '-'], {
    cwd: REPO,
    input: seedText(),
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  return JSON.parse(out);
}
const doc = seedDoc();

for (const prefix of ['/', '/shilu/']) {
  test(`at ${prefix} without JavaScript: the whole transcript reads, with speakers, titles and anchors`, () =>
    withPage(
      async (page) => {
        // Every turn, with its speaker; every paragraph's text.
        const turns = page.locator('[data-turn]');
        assert.equal(await turns.count(), doc.turns.length);
        for (const [i, turn] of doc.turns.entries()) {
          const heading = turns.nth(i).locator('.turn__speaker');
          assert.equal((await heading.innerText()).trim(), turn.speaker);
          assert.ok(await heading.isVisible(), `${turn.speaker}'s heading shows`);
        }
        const shown = letters(await page.locator('#transcript').innerText());
        for (const turn of doc.turns) {
          for (const b of turn.blocks) assert.ok(shown.includes(letters(b.text)), `${b.id} reads`);
        }
        // The speakers' titles, in the header and beside each turn.
        const official = doc.participants.find((p) => p.title && p.role === 'official');
        assert.ok(await page.locator('.turn__title', { hasText: official.title }).first().isVisible());
        // The note says what needs script; the controls that need it are not shown.
        const note = page.locator('.noscript');
        assert.ok(await note.isVisible());
        assert.match(await note.innerText(), /JavaScript/);
        assert.equal(await page.locator('input[type=search]').isVisible(), false, 'no search box without script');
        assert.equal(await page.locator('#loading').isVisible(), false, 'no loading indicator waits for a script');
        // A paragraph anchor scrolls to its paragraph.
        const target = doc.turns[2].blocks[1].id;
        await page.goto(`${page.url().split('#')[0]}#${target}`);
        const { top, y } = await page.locator(`[id="${target}"]`).evaluate((el) => ({ top: el.getBoundingClientRect().top, y: scrollY }));
        // (At the top, below the sticky bar's scroll margin.)
        assert.ok(y > 0 && top >= 0 && top < 200, `#${target} is at the top of the viewport (${top}, scrolled ${y})`);
      },
      { prefix, javaScript: false, waitForApp: false },
    ));
}

/** Sums the layout shifts (not caused by input) the page has had so far. */
const trackShifts = () => {
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.hadRecentInput) continue;
      window.__shifts.push(e.value);
      window.__shiftSources = (window.__shiftSources || []).concat(
        e.sources.map((s) => `${e.value.toFixed(3)} ${s.node?.id || s.node?.className || s.node?.nodeName} ${JSON.stringify(s.previousRect)}→${JSON.stringify(s.currentRect)}`));
    }
  }).observe({ type: 'layout-shift', buffered: true });
};

for (const prefix of ['/', '/shilu/']) {
  test(`at ${prefix} a cold deep link with state shows the page first, then the state, with no jump`, async () => {
    const answerer = doc.turns.find((t) => t.role === 'official' && t.blocks.length > 2 && t !== doc.turns[1]);
    const block = answerer.blocks.slice(2).find((b) => b.text.length > 8);
    const word = block.text.slice(0, 2);
    const path = `?s=${encodeURIComponent(answerer.speaker)}&qa=0&q=${encodeURIComponent(word)}&day=2017-10-17#${block.id}`;
    const { page, context, ctx } = await openApp({ prefix, path, waitForApp: false, init: trackShifts });
    try {
      // Before the app has started, the pre-rendered transcript is there and
      // the link's paragraph in view (the browser scrolled to it).
      const pre = await page.evaluate((id) => ({
        ready: !document.getElementById('loading'),
        turns: document.querySelectorAll('[data-turn]').length,
        top: document.getElementById(id)?.getBoundingClientRect().top,
      }), block.id);
      assert.equal(pre.turns, doc.turns.length);
      await page.locator('#loading').waitFor({ state: 'detached', timeout: 20_000 });
      // Then the state: only that speaker, the search marked, the paragraph in view.
      await page.waitForFunction(() => document.querySelectorAll('#transcript mark').length > 0);
      const hidden = await page.locator('.turn__hidden:visible').count();
      assert.ok(hidden > 0, 'the other speakers are hidden');
      assert.equal(await page.getByRole('searchbox').inputValue(), word);
      await page.waitForTimeout(600);
      const top = await page.locator(`[id="${block.id}"]`).evaluate((el) => el.getBoundingClientRect().top);
      assert.ok(top >= -5 && top < 400, `#${block.id} is in view (${top}; before the app: ${pre.top})`);
      const shifts = await page.evaluate(() => window.__shifts.reduce((a, b) => a + b, 0));
      const sources = await page.evaluate(() => (window.__shiftSources || []).join('\n  '));
      assert.ok(shifts <= 0.02, `CLS ${shifts.toFixed(4)} ≤ 0.02:\n  ${sources}`);
      // The day: the calendar opens on it, its events listed.
      await page.getByRole('tab', { name: '日程' }).click();
      await page.locator('.day-events').getByRole('link', { name: /攻坚深度贫困论坛/ }).waitFor({ state: 'visible' });
      assertNoErrors(ctx.errors, ctx.url);
    } finally {
      await context.close();
    }
  });
}

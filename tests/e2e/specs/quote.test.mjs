// Quote links (issue 12, item 7), as a reader uses them: select a passage,
// choose 复制引文链接, and the link opens the transcript with exactly that
// passage highlighted and in view, on a cold load and after a reload. A
// selection beyond one paragraph quotes its first paragraph's part, and
// says so; a link to a passage the transcript does not have says so and
// marks nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withPage, openApp, appReady, assertNoErrors } from '../helpers.mjs';

const grant = (page, base) =>
  page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(base).origin });

/**
 * Selects, as a reader dragging over the text would, from character `from`
 * of block `block`'s text to character `to` of block `endBlock`'s (by
 * default the same block); resolves to the selected text.
 */
function select(page, { block, from, to, endBlock = block }) {
  return page.evaluate(({ block, from, to, endBlock }) => {
    const text = (id) => document.querySelector(`[id="${id}"] .block__text`).firstChild;
    const range = document.createRange();
    range.setStart(text(block), from);
    range.setEnd(text(endBlock), to);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    return range.toString();
  }, { block, from, to, endBlock });
}

/** Resolves once exactly one passage is marked as the quote, inside the window. */
const quoteInView = (page) =>
  page.waitForFunction(() => {
    const marks = document.querySelectorAll('mark.quote');
    if (marks.length !== 1) return false;
    const r = marks[0].getBoundingClientRect();
    return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight;
  }, null, { timeout: 5000 });

/** Copies the quote of the current selection; resolves to the link the clipboard holds. */
async function copyQuote(page, said = '已复制引文链接') {
  const button = page.getByRole('button', { name: '复制引文链接' });
  await button.waitFor({ state: 'visible' });
  await button.click();
  await page.getByText(said).waitFor();
  return page.evaluate(() => navigator.clipboard.readText());
}

test('a passage selected in a paragraph opens highlighted and in view from its quote link, cold and after a reload', async () => {
  const { link, passage } = await withPage(async (page, { base }) => {
    await grant(page, base);
    assert.equal(await page.getByRole('button', { name: '复制引文链接' }).isVisible(), false, 'no button without a selection');
    // Near the end of 高耀东's long answer.
    const passage = await select(page, { block: 't9-b1', from: 560, to: 590 });
    const link = await copyQuote(page);
    assert.match(link, /\?quote=t9-b1\.560-590\.[0-9a-f]{8}#t9-b1$/);
    assert.equal(await page.locator('mark.quote').textContent(), passage, 'marked here at once');
    assert.match(page.url(), /[?&]quote=t9-b1\.560-590\.[0-9a-f]{8}/, 'and in the address bar');
    return { link, passage };
  });
  // A new browser context: nothing cached, nothing kept.
  const { page, context, ctx } = await openApp({ path: link.slice(link.indexOf('?')) });
  try {
    await quoteInView(page);
    assert.equal(await page.locator('mark.quote').textContent(), passage);
    assert.equal(await page.locator('[id="t9-b1"] mark.quote').count(), 1);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.reload();
    await appReady(page);
    await quoteInView(page);
    assert.equal(await page.locator('mark.quote').textContent(), passage, 'a reload keeps it');
    assertNoErrors(ctx.errors);
  } finally {
    await context.close();
  }
});

test('a selection across two paragraphs quotes the first one\'s part, and says so', () =>
  withPage(async (page, { base }) => {
    await grant(page, base);
    const whole = await page.locator('[id="t9-b1"] .block__text').textContent();
    await select(page, { block: 't9-b1', from: 600, endBlock: 't9-b2', to: 10 });
    const link = await copyQuote(page, '引文限于一段之内');
    const end = [...whole].length;
    assert.match(link, new RegExp(`\\?quote=t9-b1\\.600-${end}\\.[0-9a-f]{8}#t9-b1$`));
    assert.equal(await page.locator('mark.quote').textContent(), whole.slice(600).trim());
    assert.equal(await page.locator('[id="t9-b2"] mark.quote').count(), 0);
    // The keyboard: q copies the selection's quote link.
    const passage = await select(page, { block: 't9-b2', from: 2, to: 9 });
    await page.getByText('已复制引文链接').waitFor({ state: 'detached' }).catch(() => {});
    await page.keyboard.press('q');
    await page.getByText('已复制引文链接').waitFor();
    assert.match(await page.evaluate(() => navigator.clipboard.readText()), /\?quote=t9-b2\.2-9\./);
    assert.equal(await page.locator('mark.quote').textContent(), passage.trim());
    // The button is labelled in English too.
    await page.getByRole('button', { name: 'English' }).click();
    await select(page, { block: 't9-b1', from: 0, to: 8 });
    await page.getByRole('button', { name: 'Copy quote link' }).waitFor({ state: 'visible' });
  }));

test('a passage after a marked figure is quoted by the text the reader sees, not the hint read after the figure', () =>
  withPage(async (page, { base }) => {
    await grant(page, base);
    // The figures are marked once the panels' module has loaded.
    await page.getByRole('tab', { name: '数据' }).click();
    await page.getByRole('tab', { name: '实录' }).click();
    const figure = page.locator('[id="t9-b2"] a.check-mark');
    await figure.waitFor();
    const selected = await page.evaluate(() => {
      const after = document.querySelector('[id="t9-b2"] a.check-mark').nextSibling;
      const range = document.createRange();
      range.setStart(after, 1);
      range.setEnd(after, 9);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      return range.toString();
    });
    const link = await copyQuote(page);
    const field = await page.locator('[id="t9-b2"] .block__text').evaluate((el) => {
      const copy = el.cloneNode(true);
      copy.querySelectorAll('.visually-hidden').forEach((h) => h.remove());
      return copy.textContent;
    });
    const start = [...field.slice(0, field.indexOf(selected))].length;
    assert.match(link, new RegExp(`\\?quote=t9-b2\\.${start}-${start + 8}\\.`));
    assert.equal(await page.locator('mark.quote').textContent(), selected);
  }));

for (const [what, quote] of [
  ['an edited passage', 't9-b1.560-590.00000000'],
  ['offsets past the paragraph', 't9-b1.5600-5900.00000000'],
  ['a paragraph that is not there', 't99-b1.0-4.00000000'],
  ['a garbled quote', '%E2%80%A6zz'],
]) {
  test(`a quote link to ${what} shows the transcript, marks nothing and says so`, () =>
    withPage(
      async (page) => {
        await page.getByText('引文链接所指的文字不在此实录中').waitFor();
        assert.equal(await page.locator('mark.quote').count(), 0);
        assert.equal(await page.locator('.turn__shown:visible').count(), 12);
        assert.doesNotMatch(page.url(), /quote=/, 'the link drops it');
      },
      { path: `?quote=${quote}#t9-b1` },
    ));
}

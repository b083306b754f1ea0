// Foundation: the release dist loads, says what it is, renders the seed
// transcript in full and in order, and works from a sub-path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withPage, letters, seedText, axe, MOBILE, DESKTOP } from '../helpers.mjs';

const TITLE = '“聚焦深度贫困 凝心聚力攻坚”新闻发布会';

/** The conference's paragraphs from the seed: from the opening summary to the closing words, without speaker labels. */
function conferenceParagraphs() {
  const lines = seedText().split(/\r?\n/).map((l) => l.trim()).filter((l) => letters(l).length > 0);
  const first = lines.findIndex((l) => l.startsWith('10月12日下午'));
  const last = lines.findIndex((l) => l.startsWith('今天的新闻发布会到此结束'));
  assert.ok(first > 0 && last > first, 'seed has the expected opening and closing paragraphs');
  return lines.slice(first, last + 1).filter((l) => !(/[:：]$/.test(l) && letters(l).length <= 12));
}

/** A short, distinctive piece from the middle of a paragraph (letters and digits only). */
function snippet(paragraph) {
  const l = letters(paragraph);
  if (l.length <= 12) return l;
  const mid = Math.floor(l.length / 2);
  return l.slice(mid - 6, mid + 6);
}

async function pageLetters(page) {
  return letters(await page.locator('body').innerText());
}

test('the page is Chinese, titled and described', () =>
  withPage(async (page) => {
    assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
    assert.match(await page.title(), /实录/);
    const description = await page.locator('meta[name="description"]').getAttribute('content');
    assert.ok(description && description.length >= 10, `meta description: ${description}`);
  }));

test('no loading indicator shows for the seed, and the app removes it once it has the page', () =>
  withPage(async (page, { url }) => {
    assert.equal(await page.locator('#loading').count(), 0);
    // …and it (shown only while a link's kept transcript is read), plus a
    // <noscript> message, are in the static HTML.
    const html = await (await page.request.get(url)).text();
    assert.match(html, /id="?loading"?[ >]/); // (the release HTML is minified: quotes are optional)
    assert.match(html, /<noscript>[\s\S]*JavaScript[\s\S]*<\/noscript>/);
  }));

test('the transcript title is shown as a heading', () =>
  withPage(async (page) => {
    const heading = page.getByRole('heading', { name: TITLE, level: 1 });
    await heading.waitFor({ state: 'visible' });
    assert.equal(await page.locator('h1').count(), 1, 'the title is the one page heading');
  }));

test('every paragraph of the conference renders, in order, after the title', () =>
  withPage(async (page) => {
    const text = await pageLetters(page);
    let at = text.indexOf(letters(TITLE));
    assert.ok(at >= 0, 'the title is on the page');
    assert.ok(text.includes('2017'), 'the date (2017) is on the page');
    const paragraphs = conferenceParagraphs();
    assert.ok(paragraphs.length >= 60, `found ${paragraphs.length} paragraphs in the seed`);
    for (const [i, p] of paragraphs.entries()) {
      const s = snippet(p);
      const found = text.indexOf(s, at);
      assert.ok(found >= 0, `paragraph ${i + 1}/${paragraphs.length} (“${p.slice(0, 30)}…”) is rendered after the previous one; looked for “${s}”`);
      at = found + s.length;
    }
  }));

test('no console errors, uncaught exceptions or failed requests while loading and settling', () =>
  withPage(async (page, { errors }) => {
    await page.waitForTimeout(500);
    assert.deepEqual(errors, []);
  }));

test('works when hosted under a sub-path (/shilu/)', () =>
  withPage(
    async (page, { base, server }) => {
      assert.ok(base.endsWith('/shilu/'));
      await page.getByRole('heading', { name: TITLE }).first().waitFor({ state: 'visible' });
      // The panels' module too, fetched when a panel tab first opens.
      await page.getByRole('tab', { name: '日程' }).click();
      await page.getByRole('grid', { name: '2017年10月' }).waitFor({ state: 'visible' });
      const outside = server.requests.filter((p) => !p.startsWith('/shilu/') && p !== '/favicon.ico');
      assert.deepEqual(outside, [], 'every asset is fetched from under /shilu/');
      assert.ok(server.requests.some((p) => /^\/shilu\/panels\/shilu-panels_bg-[0-9a-f]+\.wasm$/.test(p)), 'the panels came from under /shilu/');
    },
    { prefix: '/shilu/', screenshot: 'subpath' },
  ));

for (const size of [DESKTOP, MOBILE]) {
  test(`fits a ${size.width}px wide screen (screenshot saved)`, () =>
    withPage(
      async (page) => {
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
      },
      { viewport: size, screenshot: 'home' },
    ));
}

test('axe finds no serious or critical accessibility violations', () =>
  withPage(async (page) => {
    assert.deepEqual(await axe(page), []);
  }));

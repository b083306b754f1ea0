// What crawlers and link previews get before any script runs: a robots.txt
// and the document's Open Graph / Twitter meta in the served HTML, which
// say what the app then shows (title, date).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withPage } from '../helpers.mjs';

const meta = (html, attr, key) =>
  html.match(new RegExp(`<meta ${attr}="${key}" content="([^"]*)">`))?.[1];

for (const prefix of ['/', '/shilu/']) {
  test(`at ${prefix}: robots.txt allows crawling; the page's meta names the transcript the app shows`, () =>
    withPage(async (page, { url }) => {
      const robots = await page.request.get(new URL('robots.txt', url).href);
      assert.equal(robots.status(), 200);
      assert.match(robots.headers()['content-type'], /^text\/plain/);
      assert.equal(await robots.text(), 'User-agent: *\nAllow: /\n');

      const html = await (await page.request.get(url)).text();
      const h1 = (await page.getByRole('heading', { level: 1 }).innerText()).trim();
      assert.equal(meta(html, 'property', 'og:title'), h1, 'og:title is the heading');
      assert.equal(meta(html, 'property', 'og:type'), 'article');
      assert.equal(meta(html, 'property', 'article:published_time'), '2017-10-12');
      const description = meta(html, 'property', 'og:description');
      assert.match(description, /^2017年10月12日，.*发布人：刘志杰、/);
      assert.equal(meta(html, 'name', 'description'), description, 'the page describes the transcript');
      assert.equal((html.match(/name="?description/g) || []).length, 1, 'one description');
      assert.equal(meta(html, 'name', 'twitter:card'), 'summary');
      // No site address was given to this build (SHILU_SITE_URL): no canonical link.
      assert.doesNotMatch(html, /rel="?canonical/);
    }, { prefix }));
}

test('headings go down one level at a time, in the transcript and in both panels', () =>
  withPage(async (page) => {
    const skips = () => page.evaluate(() => {
      const found = [];
      let last = 0;
      for (const h of document.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
        if (h.closest('[hidden]') || !h.getClientRects().length) continue;
        const level = Number(h.tagName[1]);
        if (level > last + 1) found.push(`h${last} → ${h.tagName.toLowerCase()} “${h.textContent.trim().slice(0, 20)}”`);
        last = level;
      }
      return found;
    });
    assert.deepEqual(await skips(), [], 'the transcript');
    await page.getByRole('tab', { name: '日程' }).click();
    await page.getByRole('grid', { name: '2017年10月' }).waitFor({ state: 'visible' });
    assert.deepEqual(await skips(), [], 'the calendar');
    await page.getByRole('tab', { name: '数据' }).click();
    await page.getByRole('heading', { name: '数据与统计' }).waitFor({ state: 'visible' });
    assert.deepEqual(await skips(), [], 'the insights');
  }));

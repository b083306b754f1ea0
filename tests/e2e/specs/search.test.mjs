// The corpus site's search page (issue 22), on the site the e2e tier
// builds from the repository's own transcripts (SHILU_SITE, see
// specs/site.test.mjs): a query typed in the site bar of any page, in
// simplified Chinese, finds the traditional transcripts; phrases,
// exclusions, the speaker filter and a date range narrow it; the
// by-transcript view; a result's link opens the paragraph with the match
// highlighted; the URL reproduces the view; bad queries get an answer.
// Every count the page shows equals what `shilu search --json` prints
// over the same site (SHILU_BIN, built by the tier). All under the site's
// strict Content-Security-Policy, at / and under /shilu/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { withPage, serveDist, REPO } from '../helpers.mjs';

const SITE = path.resolve(process.env.SHILU_SITE || path.join(REPO, 'target/e2e-site'));
if (!fs.existsSync(path.join(SITE, 'search/index.html'))) {
  throw new Error(`${SITE}/search/index.html not found: the e2e tier builds the site (cargo xtask test e2e)`);
}
const BIN = process.env.SHILU_BIN || path.join(REPO, 'target/debug/shilu');
const policy = fs.readFileSync(path.join(SITE, '_headers'), 'utf8').match(/Content-Security-Policy: (.*)/)[1];
const headers = { 'Content-Security-Policy': policy };
const on = (prefix, sub = '', extra = {}) => ({ prefix, path: sub, root: SITE, headers, waitForApp: false, ...extra });

/** What `shilu search SITE q --json [flags]` prints. */
const cli = (q, ...flags) => JSON.parse(execFileSync(BIN, ['search', SITE, q, '--json', ...flags], { encoding: 'utf8' }));

/** The status line's totals once every match is counted. */
async function totals(page) {
  const status = page.getByRole('status').filter({ hasText: /passages in|Nothing found/ });
  await status.waitFor({ timeout: 20_000 });
  const text = await status.innerText();
  const m = text.match(/(\d+) passages in (\d+) transcripts, (\d+) hits/);
  return m ? { passages: +m[1], transcripts: +m[2], hits: +m[3] } : { passages: 0, transcripts: 0, hits: 0 };
}

const same = (page, expected, what) =>
  totals(page).then((t) =>
    assert.deepEqual(t, { passages: expected.passages, transcripts: expected.transcripts, hits: expected.hits }, what),
  );

const results = (page) => page.getByRole('main').locator('.search-hit');
/** The search page's own query box (the site bar has one too). */
const box = (page) => page.getByRole('main').getByRole('searchbox', { name: /Search words/ });

for (const prefix of ['/', '/shilu/']) {
  test(`search at ${prefix}: a simplified query from the site bar finds the traditional transcripts, as shilu search does`, () =>
    withPage(async (page, ctx) => {
      // The index is read by byte ranges, which the server answers as a static host does.
      const statuses = [];
      page.on('response', (r) => r.url().includes('/index/') && statuses.push([r.status(), r.request().headers().range]));
      const expected = cli('数位');
      assert.ok(expected.transcripts > 1, 'the fixtures hold 數位');
      const bar = page.getByRole('search', { name: /Search the transcripts/ });
      await bar.getByRole('searchbox').fill('数位');
      await bar.getByRole('searchbox').press('Enter');
      await page.waitForURL((u) => u.pathname === `${prefix}search/` && new URL(u).searchParams.get('q') === '数位');
      await same(page, expected, '数位');
      assert.equal(await results(page).count(), Math.min(20, expected.passages));
      // Newest first, each as the CLI shows it: its transcript, its match as written.
      const first = results(page).first();
      assert.equal(await first.getByRole('link').innerText(), expected.by_transcript[0].title);
      assert.equal(await first.locator('mark').first().innerText(), '數位');
      // Drawn by the panels' stylesheet, as the library's results are.
      assert.equal(await first.evaluate((el) => getComputedStyle(el).borderBottomStyle), 'solid');
      const traditional = expected.by_transcript.map((t) => t.title);
      for (const title of await results(page).locator('.search-hit__title').allInnerTexts()) {
        assert.ok(traditional.includes(title), title);
      }
      assert.ok(statuses.some(([s, range]) => s === 206 && range), JSON.stringify(statuses));
      assert.ok(statuses.every(([s, range]) => s === (range ? 206 : 200)), JSON.stringify(statuses));
      // The box on the search page holds the query.
      assert.equal(await box(page).inputValue(), '数位');
    }, on(prefix)));

  test(`search at ${prefix}: a phrase and an exclusion, with more results on demand`, () =>
    withPage(async (page, ctx) => {
      for (const q of ['"行政長官"', '政府 -开放', '开放 政府']) {
        await box(page).fill(q);
        await box(page).press('Enter');
        await page.waitForURL((u) => new URL(u).searchParams.get('q') === q);
        await same(page, cli(q), q);
      }
      const all = cli('政府 -开放');
      await page.goto(`${ctx.base}search/?q=${encodeURIComponent('政府 -开放')}`);
      await same(page, all, 'the link alone');
      assert.ok(all.passages > 20);
      await page.getByRole('button', { name: /More results/ }).click();
      await results(page).nth(Math.min(40, all.passages) - 1).waitFor();
      assert.equal(await results(page).count(), Math.min(40, all.passages));
      for (const text of await results(page).locator('.search-hit__text').allInnerTexts()) {
        assert.ok(!text.includes('开放') && !text.includes('開放'), text);
      }
    }, on(prefix, 'search/')));

  test(`search at ${prefix}: the speaker filter and a date range, in the URL`, () =>
    withPage(async (page, ctx) => {
      const q = '政府';
      const speaker = cli(q).speakers[0].speaker;
      await page.goto(`${ctx.base}search/?q=${encodeURIComponent(q)}`);
      await totals(page);
      await page.getByText(/Filters and order/).click();
      await page.getByLabel(/Speaker/).fill(speaker);
      await box(page).press('Enter');
      await page.waitForURL((u) => new URL(u).searchParams.get('speaker') === speaker);
      await same(page, cli(q, '--speaker', speaker), `${q} by ${speaker}`);
      for (const who of await results(page).locator('.search-hit__speaker').allInnerTexts()) {
        assert.ok(who.includes(speaker) || speaker.includes(who), who);
      }
      await page.getByLabel(/Speaker/).fill('');
      await page.getByLabel(/From/).fill('2016');
      await page.getByLabel(/To/).fill('2020-06');
      await box(page).press('Enter');
      await page.waitForURL((u) => new URL(u).searchParams.get('to') === '2020-06');
      const ranged = cli(q, '--from', '2016', '--to', '2020-06');
      await same(page, ranged, `${q} from 2016 to 2020-06`);
      for (const d of await results(page).locator('time').allInnerTexts()) assert.ok(d >= '2016' && d <= '2020-06-31', d);
      // The URL alone reproduces it, the form filled in.
      await page.goto(page.url());
      await same(page, ranged, 'reloaded');
      assert.equal(await page.getByLabel(/From/).inputValue(), '2016');
      // A date that cannot be read says so.
      await page.goto(`${ctx.base}search/?q=${encodeURIComponent(q)}&from=2016-1`);
      await page.getByRole('status').filter({ hasText: /YYYY-MM/ }).waitFor();
    }, on(prefix)));

  test(`search at ${prefix}: the by-transcript view, its trends, and the URL that reproduces it`, () =>
    withPage(async (page, ctx) => {
      const q = '政府';
      const expected = cli(q);
      await page.goto(`${ctx.base}search/?q=${encodeURIComponent(q)}`);
      await same(page, expected, q);
      await page.getByRole('link', { name: /By transcript/ }).click();
      await page.waitForURL((u) => new URL(u).searchParams.get('by') === 'transcript');
      const docs = page.locator('.search-doc');
      assert.equal(await docs.count(), Math.min(100, expected.transcripts));
      assert.deepEqual(
        await docs.locator('.search-doc__title').allInnerTexts(),
        expected.by_transcript.slice(0, 100).map((t) => t.title),
      );
      assert.match(await docs.first().innerText(), new RegExp(`${expected.by_transcript[0].hits} hits in ${expected.by_transcript[0].passages} passages`));
      assert.equal(await page.getByRole('link', { name: /By transcript/ }).getAttribute('aria-current'), 'page');
      // Trends: hits over time, and who says it the most.
      const trends = page.getByRole('region', { name: /Trends/ });
      assert.ok(await trends.locator('figure svg rect').count() > 0);
      const top = expected.speakers[0];
      assert.match(await trends.locator('.search-speakers__row').first().innerText(), new RegExp(`${top.speaker}\\s*${top.hits}`));
      // Reloaded, and back.
      await page.reload();
      await page.locator('.search-doc').first().waitFor();
      assert.equal(await page.locator('.search-doc').count(), Math.min(100, expected.transcripts));
      await page.goBack();
      await page.waitForURL((u) => !new URL(u).searchParams.has('by'));
      await results(page).first().waitFor();
    }, on(prefix)));

  test(`search at ${prefix}: a result's link opens its paragraph with the match highlighted`, () =>
    withPage(async (page, ctx) => {
      await page.goto(`${ctx.base}search/?q=${encodeURIComponent('台湾')}`);
      await totals(page);
      const link = results(page).first().getByRole('link');
      const href = await link.getAttribute('href');
      const block = href.split('#')[1];
      assert.match(block, /^t\d+/);
      await link.click();
      await page.waitForURL((u) => u.href.endsWith(`#${block}`) && u.pathname.startsWith(`${prefix}t/`));
      await page.locator('#loading').waitFor({ state: 'detached', timeout: 20_000 });
      const target = page.locator(`[id="${block}"]`);
      assert.ok(await target.isVisible());
      assert.ok(await target.evaluate((el) => { const r = el.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; }), 'in view');
      // The reader's search holds the match as written (臺灣 or 台灣), highlighted.
      const box = page.getByRole('searchbox').last();
      assert.match(await box.inputValue(), /^[台臺][灣湾]$/);
      await page.waitForFunction(() => (CSS.highlights.get('search')?.size || 0) + (CSS.highlights.get('search-current')?.size || 0) > 0);
    }, on(prefix)));

  test(`search at ${prefix}: bad queries get a clear answer, never a hang`, () =>
    withPage(async (page, ctx) => {
      const go = (q) => page.goto(`${ctx.base}search/?q=${encodeURIComponent(q)}`);
      await go('   ');
      await page.getByRole('status').filter({ hasText: /Type the words to find/ }).waitFor();
      await go('-政府');
      await page.getByRole('status').filter({ hasText: /Add a word to find/ }).waitFor();
      await go('府');
      await same(page, cli('府'), 'one character');
      await go('。，！');
      await same(page, cli('。，！'), 'punctuation');
      const long = '政府'.repeat(250);
      await go(long);
      await same(page, cli(long), '500 characters');
    }, on(prefix)));
}

test("search: the index's meta and key table are asked for once, by the page's head, and the query reads them from there", () =>
  withPage(async (page, ctx) => {
    // The head preloads them; the loader reads the preloaded answers and
    // hands them to the module, which opens the index without a fetch of
    // its own (a second request for either would be a file read twice).
    const asked = [];
    page.on('request', (r) => {
      const p = new URL(r.url()).pathname;
      if (/\/index\/(meta\.json|keys\.bin)$/.test(p)) asked.push(p);
    });
    await page.goto(`${ctx.base}search/?q=${encodeURIComponent('政府')}`);
    await same(page, cli('政府'), '政府');
    assert.deepEqual(asked.sort(), ['/index/keys.bin', '/index/meta.json']);
  }, on('/')));

test('search without JavaScript: the site bar leads to the page, which says search needs it', () =>
  withPage(async (page, ctx) => {
    const bar = page.getByRole('search', { name: /Search the transcripts/ });
    await bar.getByRole('searchbox').fill('数位');
    await bar.getByRole('button').click();
    await page.waitForURL((u) => u.pathname === '/search/');
    assert.ok(await page.getByText(/Search needs JavaScript/).isVisible());
  }, on('/', '', { javaScript: false })));

test("search under the site's service worker: byte ranges pass through it, and the whole files it keeps are whole", () =>
  withPage(async (page, ctx) => {
    // A transcript page registers the site's worker (web/site-sw.js).
    const first = JSON.parse(execFileSync(BIN, ['search', SITE, '政府', '--json'], { encoding: 'utf8' })).first[0];
    await page.goto(ctx.base + first.url);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.goto(`${ctx.base}search/?q=${encodeURIComponent('数位')}`);
    assert.ok(await page.evaluate(() => !!navigator.serviceWorker.controller), 'the worker controls the page');
    await same(page, cli('数位'), 'through the worker');
    await box(page).fill('扶贫');
    await box(page).press('Enter');
    await same(page, cli('扶贫'), 'a second query');
    // The worker keeps whole responses only (a cache cannot hold a 206).
    const kept = await page.evaluate(async () => {
      const c = await caches.open('shilu-site');
      const out = [];
      for (const req of await c.keys()) out.push([new URL(req.url).pathname, (await c.match(req)).status]);
      return out;
    });
    assert.ok(kept.some(([p]) => p.endsWith('/index/keys.bin')), JSON.stringify(kept));
    assert.ok(kept.every(([, status]) => status === 200), JSON.stringify(kept));
  }, on('/')));

test('the test server answers a byte range with 206, as static hosts do', async () => {
  const srv = await serveDist({ root: SITE });
  try {
    const url = `${srv.url}index/keys.bin`;
    const whole = Buffer.from(await (await fetch(url)).arrayBuffer());
    const r = await fetch(url, { headers: { Range: 'bytes=2-9' } });
    assert.equal(r.status, 206);
    assert.equal(r.headers.get('content-range'), `bytes 2-9/${whole.length}`);
    assert.deepEqual(Buffer.from(await r.arrayBuffer()), whole.subarray(2, 10));
    assert.equal((await fetch(url, { headers: { Range: `bytes=${whole.length}-` } })).status, 416);
  } finally {
    srv.close();
  }
});

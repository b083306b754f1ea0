// The corpus site (issue 21), built by the e2e tier over the repository's
// own transcripts (SHILU_SITE: `shilu-site` into target/e2e-site, see
// xtask/src/tiers.rs): the home list and its year filter with the URL, a
// speaker page and its links into context, a transcript page's previous
// and next; under the site's strict Content-Security-Policy, at / and
// under /shilu/, and without JavaScript.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { withPage, REPO } from '../helpers.mjs';

const SITE = path.resolve(process.env.SHILU_SITE || path.join(REPO, 'target/e2e-site'));
if (!fs.existsSync(path.join(SITE, 'index.html'))) {
  throw new Error(`${SITE}/index.html not found: the e2e tier builds it (cargo xtask test e2e)`);
}
const policy = fs.readFileSync(path.join(SITE, '_headers'), 'utf8').match(/Content-Security-Policy: (.*)/)[1];
const headers = { 'Content-Security-Policy': policy };
const records = fs
  .readFileSync(path.join(SITE, 'corpus.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l));

const on = (prefix, sub = '', extra = {}) => ({ prefix, path: sub, root: SITE, headers, waitForApp: false, ...extra });

for (const prefix of ['/', '/shilu/']) {
  test(`site at ${prefix}: the home lists every transcript newest first, and a year filters it in the URL`, () =>
    withPage(async (page, ctx) => {
      const main = page.getByRole('main');
      assert.equal(await main.getByRole('heading', { level: 1 }).innerText(), '测试语料');
      const rows = main.locator('.catalog__row');
      assert.equal(await rows.count(), Math.min(100, records.length));
      const dates = await main.locator('.catalog__row time').allInnerTexts();
      assert.deepEqual(dates, [...dates].sort().reverse(), 'newest first');
      const years = main.getByRole('navigation', { name: /By year/ });
      const first = years.getByRole('link').nth(1);
      const year = (await first.innerText()).slice(0, 4);
      await first.click();
      await page.waitForURL(`${ctx.base}y/${year}/`);
      assert.equal(await years.getByRole('link', { name: new RegExp(`^${year}`) }).getAttribute('aria-current'), 'page');
      const expected = records.filter((r) => r.meta.date?.startsWith(year)).length;
      assert.equal(await main.locator('.catalog__row').count(), expected);
      assert.match(await main.getByRole('status').innerText(), new RegExp(`${year} 年 ${expected} 场`));
      for (const d of await main.locator('.catalog__row time').allInnerTexts()) assert.ok(d.startsWith(year), d);
      await years.getByRole('link', { name: '全部 All' }).click();
      await page.waitForURL(ctx.base);
    }, on(prefix)));

  test(`site at ${prefix}: the home's filters (speaker, role, organiser) apply at once, and the URL reproduces them`, () =>
    withPage(async (page, ctx) => {
      const catalog = JSON.parse(fs.readFileSync(path.join(SITE, 'catalog.json'), 'utf8'));
      // The speaker in the most transcripts, and what the filter must keep.
      const counts = new Map();
      for (const r of catalog.rows) for (const [n] of r.speakers) counts.set(n, (counts.get(n) || 0) + 1);
      const [n] = [...counts].sort((a, b) => b[1] - a[1])[0];
      const name = catalog.speakers[n][0];
      const expected = catalog.rows.filter((r) => r.speakers.some(([m]) => m === n));
      const filters = page.getByRole('search', { name: /Filter/ });
      await filters.getByLabel(/Speaker/).fill(name);
      await filters.getByLabel(/Speaker/).press('Enter');
      await page.waitForURL((u) => new URL(u).searchParams.get('speaker') === name);
      const rows = page.locator('.catalog__row');
      await page.getByRole('status').filter({ hasText: `${expected.length} 场 · 共 ${catalog.rows.length} 场` }).waitFor();
      assert.equal(await rows.count(), expected.length);
      assert.deepEqual(await rows.locator('.catalog__title').allInnerTexts(), expected.map((r) => r.title));
      // The same view from the link alone.
      await page.goto(page.url());
      await page.getByRole('status').filter({ hasText: `${expected.length} 场` }).waitFor();
      assert.equal(await page.locator('.catalog__row').count(), expected.length);
      assert.equal(await filters.getByLabel(/Speaker/).inputValue(), name);
      // A role, then an organiser too.
      await filters.getByLabel(/Role/).selectOption('journalist');
      const journalists = catalog.rows.filter((r) => r.speakers.some(([m, role]) => m === n && role === 'journalist'));
      await page.getByRole('status').filter({ hasText: `${journalists.length} 场 · 共` }).waitFor();
      assert.equal(new URL(page.url()).searchParams.get('role'), 'journalist');
      await filters.getByRole('button', { name: /Clear/ }).click();
      await page.waitForURL(ctx.base);
      assert.equal(await page.locator('.catalog__row').count(), Math.min(100, catalog.rows.length));
      const organiser = catalog.organisers[0];
      await filters.getByLabel(/Organiser/).focus();
      await filters.getByLabel(/Organiser/).locator(`option[value="${organiser}"]`).waitFor({ state: 'attached' });
      await filters.getByLabel(/Organiser/).selectOption(organiser);
      const of = catalog.rows.filter((r) => r.organiser === 0).length;
      await page.getByRole('status').filter({ hasText: `${of} 场 · 共` }).waitFor();
      assert.equal(await page.locator('.catalog__row').count(), of);
    }, on(prefix)));

  test(`site at ${prefix}: a speaker's page, and a question's link opens the transcript at the turn`, () =>
    withPage(async (page, ctx) => {
      await page.getByRole('link', { name: '发言人 Speakers' }).first().click();
      await page.waitForURL(`${ctx.base}speakers/`);
      const table = page.getByRole('table');
      const name = (await table.getByRole('rowheader').first().getByRole('link').innerText()).trim();
      await table.getByRole('link', { name, exact: true }).first().click();
      await page.getByRole('heading', { level: 1, name }).waitFor();
      assert.ok(page.url().startsWith(`${ctx.base}s/`), page.url());
      assert.ok(await page.getByRole('img', { name: /年 \d+ 场/ }).isVisible(), 'the chart per year');
      const question = page.locator('.questions a').first();
      const href = await question.getAttribute('href');
      const turn = href.split('#')[1];
      assert.match(turn, /^t\d+/);
      await question.click();
      await page.waitForURL((u) => u.href.endsWith(`#${turn}`));
      // The app takes the page over, and the turn is where the link points.
      await page.locator('#loading').waitFor({ state: 'detached', timeout: 20_000 });
      const target = page.locator(`[id="${turn}"]`);
      assert.ok(await target.isVisible());
      assert.ok(await target.evaluate((el) => el.matches(':target')));
      // Its speakers' pages link back: from the list below the reader, and
      // from the turn's heading in the app, which leads to the same page.
      assert.ok(await page.getByRole('link', { name, exact: true }).last().isVisible());
      const section = page.locator(`section[id="${turn.split('-')[0]}"]`);
      await section.getByRole('link', { name: '发言人页' }).click();
      await page.getByRole('heading', { level: 1, name }).waitFor();
      assert.ok(page.url().startsWith(`${ctx.base}s/`), page.url());
    }, on(prefix)));

  test(`site at ${prefix}: a transcript page's previous and next follow its series`, () =>
    withPage(async (page, ctx) => {
      // A transcript with a next one in its series.
      let from;
      for (const r of records) {
        const html = fs.readFileSync(path.join(SITE, r.url, 'index.html'), 'utf8');
        if (html.includes('rel="next"')) {
          from = r;
          break;
        }
      }
      assert.ok(from, 'some transcript has a next one');
      await page.goto(ctx.base + from.url);
      await page.locator('#loading').waitFor({ state: 'detached', timeout: 20_000 });
      const series = page.getByRole('navigation', { name: /In this series/ });
      await series.getByRole('link', { name: /下一场 Next/ }).click();
      await page.waitForURL((u) => u.href !== ctx.base + from.url && u.href.includes('/t/'));
      const back = page.getByRole('navigation', { name: /In this series/ }).getByRole('link', { name: /上一场 Previous/ });
      assert.equal(new URL(await back.getAttribute('href'), page.url()).href, new URL(from.url, ctx.base).href);
      await page.locator('#loading').waitFor({ state: 'detached', timeout: 20_000 });
    }, on(prefix)));

  test(`site at ${prefix} without JavaScript: the home, a speaker page and a transcript page read, and their links work`, () =>
    withPage(async (page, ctx) => {
      assert.ok(await page.locator('.catalog__row').first().isVisible());
      assert.equal(await page.locator('#catalog-filter').isVisible(), false, 'no filters that need script');
      const link = page.locator('.catalog__speakers a').first();
      const name = (await link.innerText()).trim();
      await link.click();
      await page.getByRole('heading', { level: 1, name }).waitFor();
      const t = page.locator('.appearances a').first();
      await t.click();
      await page.waitForURL((u) => u.href.includes('/t/'));
      assert.ok((await page.locator('[data-turn]').count()) > 0, 'the turns read');
      assert.ok(await page.locator('[data-turn]').first().isVisible());
      assert.ok(await page.locator('.provenance code').isVisible(), 'the source file shows');
      assert.ok(ctx.url.startsWith(ctx.base));
    }, on(prefix, '', { javaScript: false })));
}

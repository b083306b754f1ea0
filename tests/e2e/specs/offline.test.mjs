// Offline and installable (issue 11): the service worker Workbox writes
// (sw.js, registered by web/loader.js after the page's load event)
// precaches the app and the panels' module; after one visit the transcript
// and the calendar work offline, at / and under /shilu/. What the page
// itself fetches on a cold load is exactly the files the size table marks as the
// first visit (the budget itself is measured in specs/size.test.mjs). When
// a new version is deployed, a notice offers to reload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  DIST, DESKTOP, MOBILE, appReady, assertNoErrors, browser, collectErrors, openApp, screenshot, serveDist,
} from '../helpers.mjs';

/** Resolves once the page's service worker is active, to its scope. */
const workerActive = (page) =>
  page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    const w = reg.active;
    if (w.state !== 'activated') await new Promise((r) => w.addEventListener('statechange', () => w.state === 'activated' && r()));
    return reg.scope;
  });

/** The URLs the service worker has precached (all its caches). */
const cached = (page) =>
  page.evaluate(async () => {
    const urls = [];
    for (const name of await caches.keys()) {
      for (const req of await (await caches.open(name)).keys()) urls.push(new URL(req.url).pathname);
    }
    return urls;
  });

for (const prefix of ['/', '/shilu/']) {
  test(`at ${prefix}: after one visit the transcript reads and the calendar opens offline`, async () => {
    const { page, context, ctx } = await openApp({ prefix });
    try {
      assert.equal(await workerActive(page), ctx.base, 'the worker\'s scope is the site');
      const urls = await cached(page);
      for (const want of [/\/index\.html/, /\/shilu-app-[0-9a-f]{16}\.js$/, /_bg\.wasm$/, /\/panels\/shilu-panels_bg-[0-9a-f]{16}\.wasm$/, /\/panels\/panels-[0-9a-f]{16}\.css$/, /\/manifest\.webmanifest/]) {
        assert.ok(urls.some((u) => want.test(u) && u.startsWith(prefix)), `${want} precached under ${prefix}: ${urls.join(', ')}`);
      }

      await context.setOffline(true);
      const before = ctx.server.requests.length;
      await page.reload({ waitUntil: 'load' });
      await appReady(page);
      assert.equal(ctx.server.requests.length, before, 'nothing reached the server');
      await page.getByRole('heading', { level: 1, name: /聚焦深度贫困/ }).waitFor({ state: 'visible' });
      assert.match(await page.locator('[id="t2-b5"]').innerText(), /57万贫困人口脱贫/);
      await page.getByRole('tab', { name: '日程' }).click();
      await page.getByRole('grid', { name: '2017年10月' }).waitFor({ state: 'visible' });
      await page.getByRole('gridcell', { name: /10月17日/ }).click();
      await page.waitForURL(/[?&]day=2017-10-17/);
      // A deep link with state, offline: the worker serves the page for any query.
      await page.goto(`${ctx.base}?q=${encodeURIComponent('光伏')}`, { waitUntil: 'load' });
      await appReady(page);
      await page.waitForFunction(() => CSS.highlights.get('search-current')?.size === 1); // the search ran
      assertNoErrors(ctx.errors, ctx.url);
    } finally {
      await context.close();
    }
  });
}

test('a cold load: the page fetches exactly the first-visit files; the worker comes after `load`', async () => {
  const { page, context, ctx } = await openApp({});
  try {
    await workerActive(page);
    const { early, late } = await page.evaluate(() => {
      const loaded = performance.getEntriesByType('navigation')[0].loadEventEnd;
      const name = (e) => new URL(e.name).pathname.slice(1) || 'index.html';
      // The page's own requests (the worker's precaching is not among them);
      // the app's wasm is fetched once the page is painted, so it may come
      // after `load`. The manifest and its icons are not code.
      const all = performance.getEntriesByType('resource')
        .filter((e) => e.name.startsWith(location.origin) && /\.(js|wasm|css)$/.test(e.name));
      return {
        early: ['index.html', ...all.map(name)].sort(),
        late: performance.getEntriesByType('resource').filter((e) => e.startTime >= loaded).map(name),
      };
    });
    const counted = fs.readdirSync(DIST)
      .filter((f) => f === 'index.html' || (/\.(js|wasm|css)$/.test(f) && f !== 'sw.js' && f !== 'noscript.css'))
      .sort();
    assert.deepEqual(early, counted, 'what the page fetched = the first-visit files of the size table');
    assert.ok(ctx.server.requests.includes('/sw.js'), 'the worker is fetched');
    assert.ok(!late.includes('index.html'));
    assertNoErrors(ctx.errors, ctx.url);
  } finally {
    await context.close();
  }
});

test('a new version: the notice says so, and its button reloads into it', async () => {
  // A copy of the dist, so the test can deploy a "new version" of sw.js.
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'shilu-sw-'));
  fs.cpSync(DIST, root, { recursive: true });
  const srv = await serveDist({ root });
  try {
    for (const [viewport, colorScheme] of [[DESKTOP, 'light'], [DESKTOP, 'dark'], [MOBILE, 'light'], [MOBILE, 'dark']]) {
      const context = await (await browser()).newContext({ viewport, colorScheme, locale: 'zh-CN' });
      const page = await context.newPage();
      const errors = collectErrors(page);
      try {
        await page.goto(srv.url, { waitUntil: 'load' });
        await appReady(page);
        await workerActive(page);
        await page.reload({ waitUntil: 'load' });
        await appReady(page);
        assert.ok(await page.evaluate(() => !!navigator.serviceWorker.controller), 'the worker controls the page');
        assert.equal(await page.locator('.update').count(), 0, 'no notice without an update');

        fs.appendFileSync(path.join(root, 'sw.js'), `\n// deployed again: ${colorScheme} ${viewport.width}\n`);
        await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
        const notice = page.getByRole('status').filter({ hasText: '有新版本' });
        await notice.waitFor({ state: 'visible', timeout: 15_000 });
        await screenshot(page, `update-notice-${colorScheme}`);
        const reloaded = page.waitForEvent('framenavigated');
        await notice.getByRole('button', { name: '刷新' }).click();
        await reloaded;
        await appReady(page);
        assert.equal(await page.locator('.update').count(), 0, 'the notice is gone after the reload');
        assert.equal(await page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration()).waiting), false, 'the new worker took over');
        assertNoErrors(errors, srv.url);
      } finally {
        await context.close();
      }
    }
  } finally {
    await srv.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
});

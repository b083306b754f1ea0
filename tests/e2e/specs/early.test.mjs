// Issue 24: nothing the reader does before the app has taken over the page is
// lost. On a cold load whose wasm is held back (so the app cannot start), a
// speaker toggle is pressed and a word typed into the search box; both show
// as pending (web/early.js, a dashed outline, nothing moves), and once the
// wasm is let through, both are applied: the speaker's turns hidden, the
// matches highlighted, the URL updated. At / and under /shilu/, under the
// strict CSP (its hashes allowing the inline style and script).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browser, server, collectErrors, assertNoErrors, screenshot, STRICT_CSP, DESKTOP } from '../helpers.mjs';

const WORD = '扶贫';

for (const prefix of ['/', '/shilu/']) {
  test(`at ${prefix} under the strict CSP: a toggle pressed and a word typed before the app starts are applied once it has`, async () => {
    const srv = await server(prefix, { 'Content-Security-Policy': STRICT_CSP });
    // No service worker: the route below must see the wasm's request.
    const context = await (await browser()).newContext({ viewport: DESKTOP, locale: 'zh-CN', serviceWorkers: 'block' });
    await context.addInitScript(() => {
      window.cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(`${e.effectiveDirective}: ${e.blockedURI || 'inline'}`));
      window.shifts = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (!e.hadRecentInput) window.shifts += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    let release;
    const released = new Promise((r) => (release = r));
    let asked = 0;
    await context.route(/\/shilu-app-[0-9a-f]+_bg\.wasm$/, async (route) => {
      asked++;
      await released;
      await route.continue();
    });
    const page = await context.newPage();
    const errors = collectErrors(page);
    try {
      await page.goto(srv.url, { waitUntil: 'domcontentloaded' });
      const toggle = page.locator('.speaker__toggle').nth(1);
      const name = await toggle.getAttribute('data-arg');
      const box = await toggle.boundingBox();
      await toggle.click();
      const search = page.getByRole('searchbox');
      await search.click();
      await search.pressSequentially(WORD);

      // Not applied yet, and shown as pending.
      assert.equal(await page.locator('#loading').count(), 1, 'the app has not taken over');
      assert.equal(await toggle.getAttribute('aria-pressed'), 'true', 'the press waits for the app');
      assert.equal(await toggle.getAttribute('data-pending'), '', 'the toggle shows its press is pending');
      assert.equal(await search.getAttribute('data-pending'), '', 'the search box shows its text is pending');
      assert.equal(await search.inputValue(), WORD);
      assert.deepEqual(await toggle.boundingBox(), box, 'the pending cue moves nothing');
      if (prefix === '/') await screenshot(page, 'early-pending');

      release();
      await page.locator('#loading').waitFor({ state: 'detached', timeout: 20_000 });
      assert.ok(asked >= 1, 'the wasm was held back until then');
      await page.waitForFunction((w) => new URL(location.href).searchParams.get('q') === w, WORD, { timeout: 10_000 });
      const url = new URL(page.url());
      assert.ok(url.pathname.endsWith(prefix), url.pathname);
      assert.ok(url.searchParams.get('s') && !url.searchParams.get('s').split(',').includes(name), `?s= lists everyone but ${name}: ${url.search}`);
      assert.equal(await toggle.getAttribute('aria-pressed'), 'false', 'the toggle is released');
      const hidden = await page.locator('.turn__hidden:visible').allTextContents();
      assert.ok(hidden.length > 0 && hidden.every((t) => t.includes(name)), `${name}'s turns are hidden: ${hidden.length}`);
      const marks = await page.evaluate(() => (CSS.highlights.get('search')?.size || 0) + (CSS.highlights.get('search-current')?.size || 0));
      assert.ok(marks > 0, 'the word is highlighted');
      assert.equal(await page.locator('[data-pending]').count(), 0, 'nothing pending any more');
      assert.ok((await page.evaluate(() => window.shifts)) <= 0.02, 'no layout shift');
      assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
      assertNoErrors(errors, srv.url);
    } finally {
      release();
      await context.close();
    }
  });
}

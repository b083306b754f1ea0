// Under a strict Content-Security-Policy (issue 11; the README shows it for
// common hosts) the app starts, the panels' module loads, and nothing is
// refused: no `securitypolicyviolation` event and a clean console (Chromium
// logs every refusal as a console error, which fails any withPage test).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openApp, withPage, STRICT_CSP, DIST } from '../helpers.mjs';

const headers = { 'Content-Security-Policy': STRICT_CSP };

/** Record every CSP violation of the page into window.cspViolations, from its first script on. */
async function recordViolations(context) {
  await context.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.cspViolations.push(`${e.effectiveDirective}: ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`));
  });
}

for (const prefix of ['/', '/shilu/']) {
  test(`under the strict CSP at ${prefix}: the transcript, the calendar and the insights, nothing refused`, async () => {
    // Started, so the reload aborts no request of the first load (the wasm comes after the first paint).
    const { page, context, ctx } = await openApp({ prefix, headers });
    try {
      await recordViolations(context);
      await page.reload({ waitUntil: 'load' });
      await page.locator('#loading').waitFor({ state: 'detached', timeout: 20_000 });
      await page.getByRole('heading', { level: 1 }).waitFor({ state: 'visible' });
      assert.ok(await page.locator('[id="t3-b1"]').count(), 'the transcript is there');

      await page.getByRole('tab', { name: '日程' }).click();
      await page.getByRole('grid', { name: '2017年10月' }).waitFor({ state: 'visible' });
      // A range event's label spans its days (data-span → --span in panels.css).
      const label = page.locator('.cal-bar__label:not([data-span="1"])').first();
      const span = Number(await label.getAttribute('data-span'));
      const cell = (await page.getByRole('gridcell').first().boundingBox()).width;
      assert.ok(span > 1 && (await label.boundingBox()).width > (span - 1) * cell, `a label over ${span} days`);
      await page.getByRole('tab', { name: '数据' }).click();
      await page.getByRole('heading', { name: '数据与统计' }).waitFor({ state: 'visible' });
      const bar = page.locator('.speaker-stats__bar rect').first();
      assert.ok((await bar.boundingBox()).width > 0, 'the speakers’ bars are drawn');

      // The service worker (served with the same policy) installs and precaches.
      const precached = await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
        let n = 0;
        for (const name of await caches.keys()) n += (await (await caches.open(name)).keys()).length;
        return n;
      });
      assert.ok(precached >= 8, `the worker precached ${precached} files under the policy`);

      assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
      const csp = await page.evaluate(async () => (await fetch(location.href)).headers.get('content-security-policy'));
      assert.equal(csp, STRICT_CSP, 'the page was served with the strict policy');
      if (ctx.errors.length) throw new Error(`console: ${ctx.errors.join('\n')}`);
    } finally {
      await context.close();
    }
  });
}

test('the policy is enforced: an inline style attribute set from markup is refused and reported', async () => {
  const { page, context, ctx } = await openApp({ headers, waitForApp: false });
  try {
    await recordViolations(context);
    await page.reload({ waitUntil: 'load' });
    await page.locator('#loading').waitFor({ state: 'detached', timeout: 20_000 });
    await page.evaluate(() => {
      const probe = document.createElement('div');
      probe.innerHTML = '<span id="csp-probe" style="color: rgb(1, 2, 3)">x</span>';
      document.body.append(probe);
    });
    await page.waitForFunction(() => window.cspViolations.length > 0);
    assert.notEqual(await page.locator('#csp-probe').evaluate((e) => getComputedStyle(e).color), 'rgb(1, 2, 3)');
    assert.match((await page.evaluate(() => window.cspViolations)).join('\n'), /^style-src-attr: inline/);
    assert.ok(ctx.errors.some((e) => /Content Security Policy/.test(e)), ctx.errors.join('\n'));
  } finally {
    await context.close();
  }
});

test('without the header the same page starts too (the CSP changes nothing else)', () =>
  withPage(async (page) => {
    // The two the policy allows by their hashes: web/early.js and the stylesheet.
    assert.equal(await page.locator('script:not([src])').count(), 1, 'one inline script in the page');
    assert.equal(await page.locator('style').count(), 1, 'one inline stylesheet in the page');
    assert.equal(await page.locator('link[rel=stylesheet]').count(), 0, 'no stylesheet to fetch before the first paint');
    assert.equal(await page.locator('[style]').count(), 0, 'no style attribute in the page');
  }));

test('the build writes the policy the page needs (dist/_headers), with the hashes of its inline style and script', () => {
  const headers = fs.readFileSync(path.join(DIST, '_headers'), 'utf8');
  assert.equal(headers, `/*\n  Content-Security-Policy: ${STRICT_CSP}\n`);
  assert.match(STRICT_CSP, /script-src 'self' 'sha256-[\w+/]+=*' 'wasm-unsafe-eval'; style-src 'self' 'sha256-[\w+/]+=*';/);
});

test('under the strict CSP a file opens in the worker, which loads the module and its wasm', async () => {
  const { page, context, ctx } = await openApp({ headers });
  try {
    const warnings = [];
    page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
    const worker = page.waitForEvent('worker');
    await page.locator('input[type=file][data-library]').setInputFiles({
      name: 'winter.txt', mimeType: 'text/plain',
      buffer: Buffer.from('关于冬季供暖保障的新闻发布会\n主持人：各位记者朋友，上午好。\n赵刚：今年全省集中供暖面积达到8.6亿平方米。'),
    });
    assert.match((await worker).url(), /\/panels\/open-worker-[0-9a-f]+\.js$/);
    await page.getByRole('heading', { level: 1, name: '关于冬季供暖保障的新闻发布会' }).waitFor();
    assert.deepEqual(warnings.filter((w) => /on this thread/.test(w)), [], 'nothing fell back to the page');
    assert.deepEqual(ctx.errors, []);
  } finally {
    await context.close();
  }
});

// The checks of the figures, as a reader uses them: the 22.8% / 22.6%
// conflict (刘志杰 vs 高耀东) side by side, each side leading to its
// paragraph; the transcript's marks on both figures leading back to the
// check; sums and shares with their sign; repeated figures as one row; the
// documents, programmes and lead units named, each linked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withPage, screenshot, axe, DESKTOP, MOBILE } from '../helpers.mjs';

const openInsights = async (page) => {
  await page.getByRole('tab', { name: '数据' }).click();
  await page.getByRole('region', { name: '核对' }).waitFor({ state: 'visible' });
};

/** Whether the element `id` is the focused one and its top is on screen. */
const shownAndFocused = (page, id) =>
  page.waitForFunction((id) => {
    const el = document.getElementById(id);
    if (!el || document.activeElement !== el) return false;
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.top < window.innerHeight;
  }, id);

test('the conflict shows both sides and follows each to its paragraph', () =>
  withPage(async (page) => {
    await openInsights(page);
    const checks = page.getByRole('region', { name: '核对' });
    const conflict = checks.locator('#c1');
    const text = await conflict.innerText();
    assert.match(text, /22\.8%/);
    assert.match(text, /22\.6%/);
    // The reader is told who said what; the page's block ids stay in the links.
    assert.doesNotMatch(text, /\bt\d+-b\d+\b/);
    const sides = conflict.locator('figure');
    assert.equal(await sides.count(), 2);
    assert.equal(await sides.nth(0).locator('figcaption').innerText(), '刘志杰');
    assert.equal(await sides.nth(1).locator('figcaption').innerText(), '高耀东');
    assert.match(await sides.nth(0).locator('blockquote').innerText(), /扶贫周转金.*22\.8%/);
    for (const [who, block] of [['刘志杰 22\\.8%', 't2-b11'], ['高耀东 22\\.6%', 't9-b2']]) {
      await conflict.getByRole('link', { name: new RegExp(`^查看原文\\s?（${who}）$`) }).click();
      assert.equal(await page.getByRole('tab', { name: '实录' }).getAttribute('aria-selected'), 'true');
      await shownAndFocused(page, block);
      await page.getByRole('tab', { name: '数据' }).click();
    }
  }));

test('in the transcript, both figures of the conflict are marked and lead to the check', () =>
  withPage(async (page) => {
    // The marks come with the panels' module: open a panel once.
    await openInsights(page);
    await page.getByRole('tab', { name: '实录' }).click();
    const marks = page.locator('#transcript a.check-mark');
    await marks.first().waitFor();
    assert.equal(await marks.count(), 2);
    const first = page.locator('[id="t2-b11"] a.check-mark');
    assert.match(await first.innerText(), /^22\.8%/);
    assert.match(await first.getAttribute('href'), /^#c1$/);
    assert.match(await page.locator('[id="t9-b2"] a.check-mark').innerText(), /^22\.6%/);
    // The link names what it leads to.
    await page.getByRole('link', { name: /^22\.8%\s?（与另一处说法不一，查看核对）$/ }).click();
    assert.equal(await page.getByRole('tab', { name: '数据' }).getAttribute('aria-selected'), 'true');
    await shownAndFocused(page, 'c1');
  }));

test('sums and shares: each with ✓ and a word for screen readers, and its arithmetic', () =>
  withPage(async (page) => {
    await openInsights(page);
    const checks = page.getByRole('region', { name: '核对' });
    const items = checks.locator('ul.checks__list > li');
    assert.equal(await items.count(), 5);
    const share = checks.locator('#c6');
    assert.match(await share.innerText(), /4\.88亿元 ÷ 21\.6亿元 = 22\.59% ≈ 22\.6%/);
    assert.equal(await share.locator('.check__status .visually-hidden').textContent(), '一致');
    assert.equal(await share.locator('[aria-hidden="true"]').textContent(), '✓');
    // Headings in order: h2 panel, h3 the section, h4 its two parts.
    const levels = await page.locator('#panel-insights').evaluate((p) =>
      [...p.querySelectorAll('h2, h3, h4')].map((h) => Number(h.tagName[1])));
    assert.equal(levels[0], 2);
    levels.reduce((a, b) => (assert.ok(b <= a + 1, `h${a} then h${b}`), b));
  }));

test('a figure said twelve times is one row, linking every place', () =>
  withPage(async (page) => {
    await openInsights(page);
    const figures = page.getByRole('region', { name: '数字' });
    const row = figures.locator('tbody tr.is-repeated', { hasText: '深度贫困县' }).first();
    assert.match(await row.innerText(), /×12/);
    assert.equal(await row.locator('a[data-go]').count(), 12);
    const tens = figures
      .locator('tbody tr')
      .filter({ has: page.locator('.figures__label', { hasText: /^深度贫困县$/ }) })
      .filter({ has: page.locator('.figures__value', { hasText: /^10个/ }) });
    assert.equal(await tens.count(), 1);
    await row.locator('.figures__also a').last().click();
    await shownAndFocused(page, 't11-b1');
  }));

test('documents, programmes and lead units, each linking its mentions', () =>
  withPage(async (page) => {
    await openInsights(page);
    const documents = page.getByRole('region', { name: '提到的文件' });
    const first = documents.locator('li').first();
    assert.match(await first.innerText(), /《进一步做好易地扶贫搬迁工作的若干意见》/);
    assert.match(await first.innerText(), /董晓林、刘志杰/);
    const programmes = page.getByRole('region', { name: '工程、计划与提法' });
    assert.ok((await programmes.locator('li').count()) > 10);
    const units = page.getByRole('region', { name: '牵头单位' });
    const office = units.locator('li', { hasText: '省扶贫办' });
    assert.equal(await office.getByRole('link').count(), 4);
    await office.getByRole('link', { name: '第2处' }).click();
    await shownAndFocused(page, 't4-b16');
  }));

test('axe, and screenshots of the checks in both themes at both widths', async () => {
  for (const size of [DESKTOP, MOBILE]) {
    await withPage(
      async (page) => {
        await openInsights(page);
        await page.locator('#checks-title').scrollIntoViewIfNeeded();
        assert.deepEqual(await axe(page), []);
        await screenshot(page, 'checks-light');
        await page.getByRole('button', { name: '切换到深色主题' }).click();
        await screenshot(page, 'checks-dark');
        await page.getByRole('tab', { name: '实录' }).click();
        await page.locator('[id="t2-b11"] a.check-mark').scrollIntoViewIfNeeded();
        await screenshot(page, 'check-mark-dark');
        await page.getByRole('tab', { name: '数据' }).click();
        await page.locator('#lead-units-title').scrollIntoViewIfNeeded();
        await screenshot(page, 'names-dark');
      },
      { viewport: size },
    );
  }
});

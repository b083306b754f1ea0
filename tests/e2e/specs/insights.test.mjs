// The insights panel, as a reader uses it: who spoke how much, the questions
// and who answered them, and the figures (sorted by value, filtered by unit),
// each leading back to its paragraph.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withPage, axe, MOBILE } from '../helpers.mjs';

const openInsights = async (page) => {
  await page.getByRole('tab', { name: '数据' }).click();
  await page.getByRole('region', { name: '数字' }).waitFor({ state: 'visible' });
};

test('speakers: turns and characters per participant', () =>
  withPage(async (page) => {
    await openInsights(page);
    const speakers = page.getByRole('region', { name: '发言统计' });
    const rows = await speakers.locator('li').allInnerTexts();
    const liu = rows.find((r) => r.includes('刘志杰'));
    assert.ok(liu, rows.join('\n'));
    assert.match(liu, /1 次发言/);
    assert.match(liu, /\d+ 字/);
    assert.ok(rows.find((r) => r.includes('董晓林')).match(/4 次发言/));
  }));

test('Q&A: each question with its outlet and its answerer, linked', () =>
  withPage(async (page) => {
    await openInsights(page);
    const qa = page.getByRole('region', { name: '记者提问' });
    const items = qa.locator('.qa__item');
    assert.equal(await items.count(), 3);
    assert.match(await items.nth(0).innerText(), /山西日报/);
    await items.nth(0).getByRole('link', { name: '李武军' }).click();
    await page.locator('#t7').waitFor({ state: 'visible' });
    assert.equal(await page.getByRole('tab', { name: '实录' }).getAttribute('aria-selected'), 'true');
  }));

test('figures: sorted by value within a unit, and each links to its paragraph', () =>
  withPage(async (page) => {
    await openInsights(page);
    const figures = page.getByRole('region', { name: '数字' });
    await figures.getByRole('combobox', { name: '单位' }).selectOption('元');
    await figures.getByRole('button', { name: /数值/ }).click();
    const header = figures.getByRole('columnheader', { name: /数值/ });
    assert.equal(await header.getAttribute('aria-sort'), 'descending');
    const values = await figures.locator('tbody .figures__value').allInnerTexts();
    assert.match(values[0], /^71\.4亿/);
    const link = figures.locator('tbody .figures__value a').first();
    const target = (await link.getAttribute('href')).slice(1);
    await link.click();
    await page.locator(`[id="${target}"]`).waitFor({ state: 'visible' });
  }));

test('figures: sorting from the keyboard keeps the focus on the sort button', () =>
  withPage(async (page) => {
    await openInsights(page);
    const figures = page.getByRole('region', { name: '数字' });
    const header = figures.getByRole('columnheader', { name: /数值/ });
    await figures.getByRole('button', { name: /数值/ }).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.matches('th[aria-sort="descending"] button'));
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.matches('th[aria-sort="ascending"] button'));
    assert.equal(await header.getAttribute('aria-sort'), 'ascending');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    const order = figures.getByRole('columnheader', { name: /按出现顺序排列/ });
    await page.waitForFunction(() => document.activeElement?.matches('th[aria-sort="ascending"] button'));
    assert.equal(await order.getAttribute('aria-sort'), 'ascending');
    assert.equal(await header.getAttribute('aria-sort'), 'none');
  }));

test('at 375px the insights do not scroll sideways', () =>
  withPage(
    async (page) => {
      await openInsights(page);
      const [sw, w] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      assert.ok(sw <= w, `scrollWidth ${sw} > ${w}`);
    },
    { viewport: MOBILE, screenshot: 'insights' },
  ));

test('axe: no serious or critical violations in the insights', () =>
  withPage(async (page) => {
    await openInsights(page);
    assert.deepEqual(await axe(page), []);
  }));

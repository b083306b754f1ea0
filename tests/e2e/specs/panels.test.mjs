// The calendar and insights come in a module of their own, fetched when a
// panel tab first opens (src/panel_loader.rs). These tests check that the
// first visit does without it, and that once loaded it follows the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withPage } from '../helpers.mjs';

// A second transcript, as a reader would open it: a date and a meeting.
const SPRING = [
  '关于春季农业生产的新闻发布会',
  '时间：2018年3月5日上午',
  '地点：省政府新闻发布厅',
  '主持人：各位记者，上午好。今天我们请来省农业厅负责同志介绍春季农业生产情况。',
  '王明（省农业厅厅长）：我们将于3月20日召开全省春耕现场会，全省播种面积达到1200万亩。',
  '主持人：今天的发布会到此结束。',
].join('\n');

test('a first visit fetches nothing of the panels; the first panel tab fetches them, once', () =>
  withPage(async (page, { server }) => {
    const fetched = () => server.requests.filter((p) => p.includes('/panels/')).map((p) => p.replace(/^.*\/panels\//, ''));
    await page.waitForTimeout(500);
    assert.deepEqual(fetched(), [], 'nothing of the panels on a first visit');

    await page.getByRole('tab', { name: '日程' }).click();
    await page.getByRole('grid', { name: '2017年10月' }).waitFor({ state: 'visible' });
    await page.getByRole('tab', { name: '数据' }).click();
    await page.getByRole('heading', { name: '数据与统计' }).waitFor({ state: 'visible' });
    assert.equal(await page.locator('.panel-status:visible').count(), 0, 'no loading message left');
    // Named after their content (so hosts may cache them for good), each once.
    const got = fetched().sort();
    assert.equal(got.length, 3, got.join(', '));
    assert.match(got[0], /^panels-[0-9a-f]{16}\.css$/);
    assert.match(got[1], /^shilu-panels-[0-9a-f]{16}\.js$/);
    assert.match(got[2], /^shilu-panels_bg-[0-9a-f]{16}\.wasm$/);
    // What the page itself fetches: the service worker, which precaches the
    // panels after the page's load event (specs/offline.test.mjs), is blocked.
  }, { serviceWorkers: 'block' }));

test('the panels follow the page: the chosen day, the language and an opened file', () =>
  withPage(async (page) => {
    await page.getByRole('tab', { name: '日程' }).click();
    await page.getByRole('gridcell', { name: /10月17日/ }).click();
    await page.waitForURL(/[?&]day=2017-10-17/);

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('grid', { name: 'October 2017' }).waitFor({ state: 'visible' });
    assert.equal(await page.getByRole('gridcell', { name: /17 October 2017/ }).getAttribute('aria-selected'), 'true');

    await page.locator('input[type=file]').setInputFiles({
      name: 'spring.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(SPRING, 'utf8'),
    });
    await page.getByRole('heading', { name: '关于春季农业生产的新闻发布会' }).waitFor({ state: 'visible' });
    await page.getByRole('tab', { name: 'Calendar' }).click();
    await page.getByRole('grid', { name: 'March 2018' }).waitFor({ state: 'visible' });
    assert.match(await page.getByRole('gridcell', { name: /20 March 2018/ }).innerText(), /春耕现场会/);
    assert.doesNotMatch(page.url(), /day=/, 'a new file starts with no day chosen');
  }));

// The reader's library, as a reader uses it: open a transcript, reload
// and find it still open, share its link, list what this browser keeps,
// switch and remove; a link to a transcript this browser lacks, and
// storage that fails. A folder picked or dropped (tests/e2e/fixtures/folder:
// two CC0 transcripts from core/tests/fixtures/archive, the GBK fixture,
// a binary and an empty file), and search across what is kept, under the
// strict CSP at / and at a sub-path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { withPage, openApp, assertNoErrors, screenshot, axe, waitForMatches, MOBILE, STRICT_CSP } from '../helpers.mjs';

const FOLDER = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'folder');

const SPRING = [
  '关于春季农业生产的新闻发布会',
  '时间：2018年3月5日上午',
  '主持人：各位记者，上午好。今天我们请来省农业厅负责同志介绍春季农业生产情况。',
  '王明（省农业厅厅长）：我们将于3月20日召开全省春耕现场会，全省播种面积达到1200万亩。',
  '主持人：今天的发布会到此结束。',
].join('\n');

const AUTUMN = [
  '关于秋粮收购的新闻发布会',
  '时间：2019年10月9日上午',
  '主持人：各位记者，上午好。',
  '李华（省粮食局局长）：今年秋粮收购工作已经全面展开。',
  '主持人：发布会到此结束。',
].join('\n');

const file = (name, text) => ({ name, mimeType: 'text/plain', buffer: Buffer.from(text, 'utf8') });
const title = (page, name) => page.getByRole('heading', { level: 1, name });
const SEED_TITLE = /聚焦深度贫困/;

async function openFiles(page, ...files) {
  await page.locator('input[type=file][data-library]').setInputFiles(files);
}

test('an opened transcript is kept: a reload and its link in a new tab reopen it, view and paragraph included', () =>
  withPage(async (page) => {
    await openFiles(page, file('spring.txt', SPRING));
    await title(page, '关于春季农业生产的新闻发布会').waitFor();
    await page.waitForURL(/[?&]doc=[0-9a-f]{16}/);
    const key = new URL(page.url()).searchParams.get('doc');

    // A view on it: a search and a paragraph.
    await page.getByRole('searchbox').fill('春耕');
    await page.waitForURL(/[?&]q=/);
    const link = page.url().replace(/#.*$/, '') + '#t2-b1';
    await page.goto(link);
    await title(page, '关于春季农业生产的新闻发布会').waitFor();
    assert.equal(new URL(page.url()).searchParams.get('doc'), key, 'the reload keeps the key');
    assert.equal(await page.getByRole('searchbox').inputValue(), '春耕');
    await waitForMatches(page, 1);
    assert.equal(await title(page, SEED_TITLE).count(), 0, 'the seed is not shown');

    // The same link in a new tab of this browser.
    const tab = await page.context().newPage();
    const errors = [];
    tab.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await tab.goto(link);
    await title(tab, '关于春季农业生产的新闻发布会').waitFor();
    await tab.locator('#t2-b1').waitFor();
    assert.match(await tab.locator('#t2-b1').innerText(), /春耕现场会/);
    assert.equal(await tab.getByRole('searchbox').inputValue(), '春耕');
    assertNoErrors(errors, 'new tab');
    await tab.close();
  }));

test('我的实录 lists the seed and every kept transcript; switching and removing', () =>
  withPage(async (page) => {
    await openFiles(page, file('spring.txt', SPRING), file('autumn.txt', AUTUMN));
    // The first of several files is shown, every one is kept.
    await title(page, '关于春季农业生产的新闻发布会').waitFor();

    await page.getByRole('button', { name: '我的实录' }).click();
    const dialog = page.getByRole('dialog', { name: '我的实录' });
    await dialog.waitFor();
    const items = dialog.getByRole('listitem');
    await items.nth(2).waitFor();
    assert.equal(await items.count(), 3);
    // The seed first, never removable; then the latest kept first.
    assert.match(await items.nth(0).innerText(), /聚焦深度贫困[\s\S]*2017年10月12日[\s\S]*内置示例/);
    assert.equal(await items.nth(0).getByRole('button', { name: '删除' }).count(), 0);
    const spring = items.filter({ hasText: '关于春季农业生产的新闻发布会' });
    const autumn = items.filter({ hasText: '关于秋粮收购的新闻发布会' });
    assert.match(await spring.innerText(), /2018年3月5日[\s\S]*spring\.txt[\s\S]*正在阅读[\s\S]*发言人：主持人、王明/);
    assert.match(await autumn.innerText(), /2019年10月9日[\s\S]*autumn\.txt[\s\S]*李华/);
    await screenshot(page, 'library');
    assert.deepEqual(await axe(page), [], 'no serious accessibility problems with the dialog open');

    // Switch to the autumn one.
    await autumn.getByRole('button', { name: /关于秋粮收购的新闻发布会/ }).click();
    await title(page, '关于秋粮收购的新闻发布会').waitFor();
    assert.equal(await dialog.isVisible(), false, 'the dialog closes');

    // Remove the spring one; the list says so at once, the open one stays.
    await page.getByRole('button', { name: '我的实录' }).click();
    await items.nth(2).waitFor();
    await spring.getByRole('button', { name: '删除' }).click();
    await page.waitForFunction(() => document.querySelectorAll('dialog[open] li').length === 2);
    assert.equal(await spring.count(), 0);
    assert.match(await autumn.innerText(), /正在阅读/);

    // Removing the one being read goes back to the seed, the list still
    // open: the link names no transcript.
    await autumn.getByRole('button', { name: '删除' }).click();
    await title(page, SEED_TITLE).waitFor();
    await page.waitForURL((u) => !u.searchParams.has('doc'));
    await page.waitForFunction(() => document.querySelectorAll('dialog[open] li').length === 1);
    assert.match(await items.nth(0).innerText(), /正在阅读/);

    // The removed ones are gone after a reload, too.
    await page.reload();
    await page.getByRole('button', { name: '我的实录' }).click();
    await dialog.getByRole('listitem').nth(0).waitFor();
    await dialog.getByText('正在读取本浏览器保存的实录').waitFor({ state: 'detached' });
    assert.equal(await dialog.getByRole('listitem').count(), 1);
    await page.keyboard.press('Escape');
    assert.equal(await dialog.isVisible(), false, 'Escape closes it');
  }));

test('a link to a transcript this browser lacks says so, shows the seed as the seed, and offers to open the file', () =>
  withPage(async (page) => {
    const alert = page.getByRole('alert').filter({ hasText: '本浏览器没有链接所指的实录' });
    await alert.waitFor();
    assert.match(await alert.innerText(), /0123456789abcdef[\s\S]*内置示例，不是链接所指的实录/);
    assert.match(page.url(), /doc=0123456789abcdef/, 'the link is left as it was');
    await screenshot(page, 'library-missing');
    // Opening the file from the alert opens it.
    await alert.locator('input[type=file]').setInputFiles(file('spring.txt', SPRING));
    await title(page, '关于春季农业生产的新闻发布会').waitFor();
    await page.waitForURL((u) => u.searchParams.get('doc') !== '0123456789abcdef' && u.searchParams.has('doc'));
  }, { path: '?doc=0123456789abcdef&q=扶贫' }));

test('a link to a kept transcript, when the library cannot load, says so until the reader acts, with a way to try again', () =>
  withPage(async (page) => {
    const alert = page.getByRole('alert').filter({ hasText: '链接所指的实录未能打开' });
    await alert.waitFor();
    assert.match(await alert.innerText(), /实录库加载失败。下面显示的是内置示例。/);
    assert.equal(await title(page, SEED_TITLE).count(), 1, 'the seed is shown meanwhile');
    assert.match(await alert.getByRole('link', { name: '重试' }).getAttribute('href'), /doc=0123456789abcdef/);
    // It stays (a status would be gone after three seconds).
    await page.waitForTimeout(3_500);
    assert.equal(await alert.isVisible(), true);
  }, {
    path: '?doc=0123456789abcdef',
    // The module's files as if the network had failed them: its script throws.
    init: () => {
      const real = Document.prototype.querySelector;
      Document.prototype.querySelector = function (s) {
        if (s !== 'meta[name="shilu-panels"]') return real.call(this, s);
        return { content: 'data:text/javascript,throw%20new%20Error() none.wasm data:text/css, none.js' };
      };
    },
  }));

test('when storage fails, the transcript stays open and the reader is told it will not be kept', () =>
  withPage(async (page) => {
    await openFiles(page, file('spring.txt', SPRING));
    await title(page, '关于春季农业生产的新闻发布会').waitFor();
    const alert = page.getByRole('alert').filter({ hasText: '无法保存' });
    await alert.waitFor();
    assert.match(await alert.innerText(), /spring\.txt.*已打开.*刷新或关闭页面后它将不再保留/);
    await alert.getByRole('button', { name: '知道了' }).click();
    await alert.waitFor({ state: 'hidden' });
    assert.equal(await title(page, '关于春季农业生产的新闻发布会').count(), 1);
  }, { init: () => { IDBFactory.prototype.open = () => { throw new DOMException('blocked', 'SecurityError'); }; } }));

test('a link to a kept transcript, with storage blocked, says the library cannot be read', () =>
  withPage(async (page) => {
    const alert = page.getByRole('alert').filter({ hasText: '无法读取本浏览器保存的实录' });
    await alert.waitFor();
    assert.match(await alert.innerText(), /0123456789abcdef[\s\S]*下面显示的是内置示例/);
    assert.equal(await alert.locator('input[type=file]').count(), 1, 'it offers to open the file');
    await title(page, SEED_TITLE).waitFor();
  }, { path: '?doc=0123456789abcdef', init: () => { IDBFactory.prototype.open = () => { throw new DOMException('blocked', 'SecurityError'); }; } }));

test('in English: My transcripts, Remove, Paste text, and the alerts follow the language', () =>
  withPage(async (page) => {
    await page.getByRole('button', { name: 'English' }).click();
    await openFiles(page, file('spring.txt', SPRING), { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) });
    await title(page, '关于春季农业生产的新闻发布会').waitFor();
    const alert = page.getByRole('alert').filter({ hasText: '“empty.txt” was not opened: there is nothing in it.' });
    await alert.waitFor();
    // Switching back translates the alert in place.
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('alert').filter({ hasText: '未打开“empty.txt”：没有内容' }).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'My transcripts' }).click();
    const dialog = page.getByRole('dialog', { name: 'My transcripts' });
    const spring = dialog.getByRole('listitem').filter({ hasText: 'spring.txt' });
    await spring.waitFor();
    assert.match(await spring.innerText(), /Reading now[\s\S]*Speakers: 主持人、王明/);
    assert.match(await dialog.getByRole('listitem').first().innerText(), /Built-in sample, cannot be removed/);
    assert.equal(await spring.getByRole('button', { name: 'Remove' }).count(), 1);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'Paste text' }).click();
    const paste = page.getByRole('dialog', { name: 'Paste text' });
    await paste.getByRole('textbox', { name: 'Transcript text' }).waitFor();
    await screenshot(page, 'paste-en');
  }));

for (const [width, colorScheme] of [[MOBILE.width, 'dark'], [MOBILE.width, 'light'], [1280, 'dark']]) {
  test(`the library and an alert at ${width} px, ${colorScheme}`, async () => {
    const { page, context, ctx } = await openApp({ width, path: '?doc=0123456789abcdef' });
    try {
      await page.emulateMedia({ colorScheme });
      await page.getByRole('alert').filter({ hasText: '0123456789abcdef' }).waitFor();
      await screenshot(page, `library-alert-${colorScheme}`);
      assert.deepEqual(await axe(page), [], 'no serious accessibility problems with the alert');
      await page.getByRole('button', { name: '我的实录' }).click();
      await page.getByRole('dialog', { name: '我的实录' }).getByRole('listitem').first().waitFor();
      await screenshot(page, `library-${colorScheme}`);
      assertNoErrors(ctx.errors, ctx.url);
    } finally {
      await context.close();
    }
  });
}

test('while 我的实录 is open, j and k do not move the page behind it', () =>
  withPage(async (page) => {
    await page.getByRole('button', { name: '我的实录' }).click();
    const dialog = page.getByRole('dialog', { name: '我的实录' });
    await dialog.getByRole('listitem').first().waitFor();
    const y = await page.evaluate(() => scrollY);
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => scrollY), y);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await page.keyboard.press('j');
    await page.waitForFunction((y0) => scrollY > y0, y);
  }));

async function openLibrary(page) {
  await page.getByRole('button', { name: '我的实录' }).click();
  const dialog = page.getByRole('dialog', { name: '我的实录' });
  await dialog.waitFor();
  return dialog;
}

// What a folder read says: kept, then each skipped file with why.
async function folderReport(page) {
  const alert = page.getByRole('alert').filter({ hasText: '从文件夹保存' });
  await alert.waitFor({ timeout: 30_000 });
  return alert.innerText();
}

async function search(dialog, q) {
  const box = dialog.getByRole('searchbox', { name: '搜索我的实录' });
  await box.fill(q);
  const status = dialog.getByRole('status').filter({ hasText: /篇实录中有|请输入|请加上/ });
  await status.waitFor();
  return status.innerText();
}

for (const prefix of ['/', '/shilu/']) {
  test(`a picked folder is kept, bad files named; search across it finds either script and opens the paragraph (strict CSP, ${prefix})`, () =>
    withPage(async (page) => {
      let dialog = await openLibrary(page);
      await dialog.locator('input[type=file]').setInputFiles(FOLDER);
      // The dialog gives way to the progress and the report.
      await dialog.waitFor({ state: 'hidden' });
      const report = await folderReport(page);
      assert.match(report, /已从文件夹保存 3 篇实录，跳过 2 个文件/);
      assert.match(report, /folder\/bad\.txt：这是二进制数据，不是文本实录/);
      assert.match(report, /folder\/empty\.md：没有内容/);
      assert.equal(await title(page, SEED_TITLE).count(), 1, 'the reader still shows what it showed');
      dialog = await openLibrary(page);
      const items = dialog.getByRole('listitem').filter({ has: page.getByRole('button', { name: '删除' }) });
      await items.nth(2).waitFor();
      assert.equal(await items.count(), 3, 'every transcript of the folder, sub-folder included, is listed');

      // Simplified finds traditional; the match is marked as written.
      assert.equal(await search(dialog, '地方创生'), '1 篇实录中有 2 段');
      const results = dialog.getByRole('list', { name: '搜索结果' });
      const first = results.getByRole('listitem').first();
      assert.match(await first.innerText(), /經濟日報訪問[\s\S]*唐鳳/);
      assert.equal(await first.locator('mark').first().innerText(), '地方創生');
      // The search page's result component: date and hits beside the speaker.
      assert.match(await first.locator('.search-hit__facts').innerText(), /^\d{4}-\d{2}-\d{2}\n唐鳳\n1 处 hits$/);
      // The GBK file, decoded, is searched too.
      assert.equal(await search(dialog, '供暖'), '1 篇实录中有 3 段');
      // Several terms, a phrase, an exclusion.
      const all = await search(dialog, '萌');
      const without = await search(dialog, '萌 -萌典');
      const count = (s) => Number(s.match(/有 (\d+) 段/)[1]);
      assert.ok(count(without) > 0 && count(without) < count(all), `${without} < ${all}`);
      assert.equal(await search(dialog, '"地方 創生"'), '0 篇实录中有 0 段');
      assert.match(await search(dialog, '-萌'), /请加上要找的词/);
      await search(dialog, '地方创生 回流');
      await screenshot(page, `library-search${prefix === '/' ? '' : '-subpath'}`);

      // A result opens its transcript at the paragraph, the match highlighted.
      await results.getByRole('link', { name: /經濟日報訪問/ }).first().click();
      await title(page, /經濟日報訪問/).waitFor();
      const url = new URL(page.url());
      assert.equal(url.searchParams.get('q'), '地方創生');
      assert.match(url.hash, /^#t\d+-b\d+$/);
      assert.ok(url.pathname.startsWith(prefix));
      await waitForMatches(page, 2);
      const hit = page.locator(url.hash);
      assert.match(await hit.innerText(), /地方創生/);
      assert.ok(await hit.evaluate((el) => { const r = el.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; }), 'the paragraph is in view');

      // Kept: search still finds it after the reload.
      dialog = await openLibrary(page);
      assert.equal(await search(dialog, '地方創生'), '1 篇实录中有 2 段');
    }, { prefix, headers: { 'Content-Security-Policy': STRICT_CSP } }));
}

test('a dropped folder (its entries walked, sub-folders included) is kept like a picked one', () =>
  withPage(async (page) => {
    // A drop of a folder, as the browser hands it: entries to walk. The
    // entries are made here from the fixture files' text.
    const fs = await import('node:fs');
    const read = (p) => [...fs.readFileSync(path.join(FOLDER, p))];
    const tree = {
      'folder/2018-12-03-經濟日報訪問.md': read('2018-12-03-經濟日報訪問.md'),
      'folder/2019/winter-gbk.txt': read('2019/winter-gbk.txt'),
      'folder/bad.txt': read('bad.txt'),
      'folder/notes.pdf': [37, 80, 68, 70],
    };
    await page.evaluate((tree) => {
      const file = (p, bytes) => ({ isFile: true, isDirectory: false, fullPath: '/' + p,
        file: (ok) => ok(new File([new Uint8Array(bytes)], p.split('/').pop())) });
      const dir = (p) => {
        const inside = Object.keys(tree).filter((k) => k.startsWith(p + '/'));
        const names = [...new Set(inside.map((k) => k.slice(p.length + 1).split('/')[0]))];
        const kids = names.map((n) => (tree[`${p}/${n}`] ? file(`${p}/${n}`, tree[`${p}/${n}`]) : dir(`${p}/${n}`)));
        return { isFile: false, isDirectory: true, fullPath: '/' + p,
          createReader: () => { let given = false; return { readEntries: (ok) => { ok(given ? [] : kids); given = true; } }; } };
      };
      const root = dir('folder');
      const dt = new DataTransfer();
      dt.items.add(new File(['x'], 'folder'));
      DataTransferItem.prototype.webkitGetAsEntry = () => root;
      dispatchEvent(new DragEvent('drop', { dataTransfer: dt, cancelable: true }));
    }, tree);
    const report = await folderReport(page);
    assert.match(report, /已从文件夹保存 2 篇实录，跳过 2 个文件/);
    assert.match(report, /folder\/notes\.pdf：不是 \.txt 或 \.md 文件/);
    assert.match(report, /folder\/bad\.txt：这是二进制数据/);
    const dialog = await openLibrary(page);
    assert.equal(await search(dialog, '供暖'), '1 篇实录中有 3 段');
    // (axe injects a script, which the strict policy of the other test refuses.)
    assert.deepEqual(await axe(page), [], 'no serious accessibility problems with results shown');
  }));

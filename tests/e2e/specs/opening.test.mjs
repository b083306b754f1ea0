// The ways in, as a reader uses them: the file button (GBK, UTF-16, several
// files), a drop anywhere on the page, 粘贴文本; and what is refused — a
// binary, empty or oversized file, or pasted whitespace — with an alert
// that names the problem while the transcript on screen stays. Opened text
// is only ever shown as text, markup and script in it included.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { withPage } from '../helpers.mjs';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const WINTER = '关于冬季供暖保障的新闻发布会';
const SEED_TITLE = /聚焦深度贫困/;
const title = (page, name) => page.getByRole('heading', { level: 1, name });
const fileInput = (page) => page.locator('input[type=file][data-library]');
const file = (name, text) => ({ name, mimeType: 'text/plain', buffer: Buffer.from(text, 'utf8') });

for (const [name, encoding] of [['winter-gbk.txt', 'GBK'], ['winter-utf16le.txt', 'UTF-16']]) {
  test(`a ${encoding} file opens through the file button`, () =>
    withPage(async (page) => {
      await fileInput(page).setInputFiles(path.join(FIXTURES, name));
      await title(page, WINTER).waitFor();
      assert.equal(await page.getByRole('button', { name: '只看赵刚' }).count(), 1);
      assert.match(await page.locator('main').innerText(), /农村清洁取暖改造45万户/);
    }));
}

test('a file dropped anywhere on the page opens', () =>
  withPage(async (page) => {
    const text = fs.readFileSync(path.join(FIXTURES, 'winter-utf16le.txt')).toString('base64');
    const dataTransfer = await page.evaluateHandle((b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], 'winter.txt', { type: 'text/plain' }));
      return dt;
    }, text);
    await page.dispatchEvent('.conference', 'dragover', { dataTransfer });
    await page.dispatchEvent('.conference', 'drop', { dataTransfer });
    await title(page, WINTER).waitFor();
  }));

test('粘贴文本 opens pasted text; whitespace is refused in the dialog', () =>
  withPage(async (page) => {
    await page.getByRole('button', { name: '粘贴文本' }).click();
    const dialog = page.getByRole('dialog', { name: '粘贴文本' });
    await dialog.waitFor();
    const box = dialog.getByRole('textbox', { name: '实录文本' });
    await box.fill('  \n\n  ');
    await dialog.getByRole('button', { name: '打开' }).click();
    await dialog.getByRole('alert').filter({ hasText: '只有空白，没有文字' }).waitFor();
    assert.equal(await title(page, SEED_TITLE).count(), 1, 'the seed stays');

    await box.fill([
      WINTER, '时间：2019年11月15日上午', '主持人：各位记者朋友，上午好。', '赵刚：今年全省集中供暖面积达到8.6亿平方米。',
    ].join('\n'));
    await dialog.getByRole('button', { name: '打开' }).click();
    await title(page, WINTER).waitFor();
    assert.equal(await dialog.isVisible(), false, 'the dialog closes');
    await page.waitForURL(/[?&]doc=[0-9a-f]{16}/);
    // It is kept, under no file name.
    await page.getByRole('button', { name: '我的实录' }).click();
    const item = page.getByRole('dialog', { name: '我的实录' }).getByRole('listitem').filter({ hasText: WINTER });
    await item.waitFor();
    assert.match(await item.innerText(), /2019年11月15日 · 正在阅读/);
  }));

const refusals = [
  ['a binary file', { name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0xfe, 0, 0]) }, /未打开“photo\.png”：这是二进制数据，不是文本实录。正在阅读的实录保持不变。/],
  ['an empty file', { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) }, /未打开“empty\.txt”：没有内容/],
  ['a file over 20 MB', { name: 'huge.txt', mimeType: 'text/plain', buffer: Buffer.alloc(20_000_001, 0x41) }, /未打开“huge\.txt”：文件超过 20 MB，太大了/],
];
for (const [what, refused, message] of refusals) {
  test(`${what} is refused with an alert, and the transcript on screen stays`, () =>
    withPage(async (page) => {
      await fileInput(page).setInputFiles(path.join(FIXTURES, 'winter-gbk.txt'));
      await title(page, WINTER).waitFor();
      const url = page.url();
      await fileInput(page).setInputFiles(refused);
      await page.getByRole('alert').filter({ hasText: message }).waitFor();
      assert.equal(await title(page, WINTER).count(), 1, 'the previous transcript is still shown');
      assert.equal(page.url(), url, 'the link still names it');
    }));
}

test('several files at once: the first is shown, every readable one is kept, the others are refused by name', () =>
  withPage(async (page) => {
    await fileInput(page).setInputFiles([
      { name: 'bad.bin', mimeType: 'application/octet-stream', buffer: Buffer.from([0, 1, 2, 3, 0, 0xff]) },
      { name: 'winter-gbk.txt', mimeType: 'text/plain', buffer: fs.readFileSync(path.join(FIXTURES, 'winter-gbk.txt')) },
      file('spring.txt', '关于春季农业生产的新闻发布会\n时间：2018年3月5日上午\n主持人：各位记者，上午好。\n王明：谢谢。'),
    ]);
    await title(page, WINTER).waitFor();
    await page.getByRole('alert').filter({ hasText: /未打开“bad\.bin”/ }).waitFor();
    await page.getByRole('button', { name: '我的实录' }).click();
    const list = page.getByRole('dialog', { name: '我的实录' }).getByRole('listitem');
    await list.filter({ hasText: '关于春季农业生产的新闻发布会' }).waitFor();
    assert.equal(await list.filter({ hasText: WINTER }).count(), 1);
  }));

test('a text with no speakers opens as plain paragraphs, and a note says so', () =>
  withPage(async (page) => {
    const prose = ['春季农业生产情况通报', '今年全省春播面积达到1200万亩。', '各地要抓紧做好春耕备耕工作。'].join('\n\n');
    await fileInput(page).setInputFiles(file('notes.txt', prose));
    await page.getByRole('alert').filter({ hasText: '“notes.txt”中没有识别出发言人，按普通段落显示。' }).waitFor();
    await page.getByText('各地要抓紧做好春耕备耕工作。').waitFor();
    assert.equal(await page.getByRole('button', { name: /^只看/ }).count(), 0, 'no speaker toggles');
  }));

// Markup and script in a transcript's labels and speech.
const HOSTILE = [
  '<script>window.__xss = "title"</script>关于安全的新闻发布会',
  '时间：2020年1月2日上午',
  '主持人<img src=x onerror="window.__xss=\'label\'">：各位记者，上午好。<script>window.__xss = "speech"</script>',
  '"><svg onload="window.__xss=\'svg\'">：请看 javascript:window.__xss=1 和 <a href="javascript:window.__xss=2">这个链接</a>。',
  '主持人<img src=x onerror="window.__xss=\'label\'">：请提问。',
  '"><svg onload="window.__xss=\'svg\'">：谢谢。<img src=x onerror="window.__xss=\'img\'">',
].join('\n');

test('markup and script in an opened transcript show inertly, as text', () =>
  withPage(async (page) => {
    const dialogs = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
    await fileInput(page).setInputFiles(file('<img src=x onerror=alert(1)>.txt', HOSTILE));
    await title(page, /关于安全的新闻发布会/).waitFor();
    const main = await page.locator('body').innerText();
    for (const s of ['<script>window.__xss = "speech"</script>', 'javascript:window.__xss=1', '<a href="javascript:window.__xss=2">这个链接</a>', '<img src=x onerror="window.__xss=\'img\'">']) {
      assert.ok(main.includes(s), `shown as text: ${s}`);
    }
    assert.match(await title(page, /关于安全的新闻发布会/).innerText(), /<script>/, 'the title too');
    // The library lists it as text, too.
    await page.getByRole('button', { name: '我的实录' }).click();
    await page.getByRole('dialog', { name: '我的实录' }).getByRole('listitem').filter({ hasText: '<script>' }).waitFor();
    await page.waitForTimeout(300);
    const injected = await page.evaluate(() => ({
      xss: window.__xss ?? null,
      scripts: document.querySelectorAll('body script').length,
      imgs: document.querySelectorAll('img').length,
      svgs: document.querySelectorAll('svg[onload]').length,
      handlers: document.querySelectorAll('[onerror], [onload]').length,
      js: document.querySelectorAll('a[href^="javascript:" i]').length,
    }));
    assert.deepEqual(injected, { xss: null, scripts: 0, imgs: 0, svgs: 0, handlers: 0, js: 0 });
    assert.deepEqual(dialogs, []);
  }));

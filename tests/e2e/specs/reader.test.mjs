// The reading experience, as a reader uses it: filter to a speaker, search,
// fold, follow and copy links, use the keyboard, switch theme and language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withPage, openApp, assertNoErrors, axe, screenshot, searchMatches, waitForMatches, DESKTOP, MOBILE } from '../helpers.mjs';

const turnHeading = (page, name) => page.locator('.turn__speaker').filter({ hasText: name });

test('filtering to one speaker hides the others behind one-line placeholders', () =>
  withPage(async (page) => {
    await page.getByRole('button', { name: '只看李武军' }).click();
    await turnHeading(page, '李武军').first().waitFor({ state: 'visible' });
    assert.equal(await turnHeading(page, '刘志杰').first().isVisible(), false, '刘志杰 is hidden');
    // The placeholder keeps the context: who spoke, and that it is hidden.
    await page.getByText(/刘志杰 的发言已隐藏/).first().waitFor({ state: 'visible' });
    // Questions stay with their answers: the question 李武军 answers is shown.
    assert.equal(await turnHeading(page, '山西日报记者').first().isVisible(), true);
    assert.match(page.url(), /[?&]s=%E6%9D%8E%E6%AD%A6%E5%86%9B/);
    // The toggle for 刘志杰 reads as off; turning him back on shows his turn.
    const toggle = page.getByRole('button', { name: /^刘志杰/ });
    assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
    await toggle.click();
    await turnHeading(page, '刘志杰').first().waitFor({ state: 'visible' });
  }));

test('hiding 李武军 with questions and answers kept together hides his answers too', () =>
  withPage(async (page) => {
    assert.equal(await page.getByRole('checkbox', { name: '问答保持在一起' }).isChecked(), true);
    await turnHeading(page, '李武军').first().waitFor({ state: 'visible' });
    await page.getByRole('button', { name: /^李武军 \d+ 次发言/ }).click();
    await page.getByText(/李武军 的发言已隐藏/).first().waitFor({ state: 'visible' });
    assert.equal(await turnHeading(page, '李武军').first().isVisible(), false, 'his answer is hidden');
    // The question he answered, and the others' answers, stay.
    assert.equal(await turnHeading(page, '山西日报记者').first().isVisible(), true);
    assert.equal(await turnHeading(page, '刘志杰').first().isVisible(), true);
  }));

test('role presets: only journalists', () =>
  withPage(async (page) => {
    await page.getByRole('button', { name: '仅记者' }).click();
    await page.getByRole('checkbox', { name: '问答保持在一起' }).uncheck();
    const shown = await page.locator('.turn__shown:visible .turn__name').allInnerTexts();
    assert.deepEqual(shown, ['山西日报记者', '太原日报记者', '山西新闻网记者']);
  }));

test('a search for 光伏 highlights all 5 matches, steps through them, and survives a reload', () =>
  withPage(async (page) => {
    const box = page.getByRole('searchbox');
    await box.fill('光伏');
    await waitForMatches(page, 5);
    const current = async () => (await searchMatches(page)).findIndex((m) => m.current);
    const all = await searchMatches(page);
    assert.deepEqual(all.map((m) => m.text), Array(5).fill('光伏'));
    assert.match(await page.locator('#search-summary').innerText(), /5 处匹配/);
    assert.equal(all.filter((m) => m.current).length, 1);
    assert.equal(await current(), 0);
    await box.press('Enter');
    await page.waitForTimeout(100);
    assert.equal(await current(), 1);
    await box.press('Shift+Enter');
    await page.waitForTimeout(100);
    assert.equal(await current(), 0);
    assert.match(page.url(), /[?&]q=%E5%85%89%E4%BC%8F/);
    await page.reload();
    await waitForMatches(page, 5);
    assert.equal(await page.getByRole('searchbox').inputValue(), '光伏');
  }));

test('search ignores whitespace and full-width differences, and unfolds folded sections', () =>
  withPage(async (page) => {
    await page.getByRole('button', { name: '全部折叠' }).click();
    await page.getByRole('searchbox').fill('３３５０ 个');
    await page.waitForFunction(() => (CSS.highlights.get('search')?.size || 0) + (CSS.highlights.get('search-current')?.size || 0) >= 3);
    const matches = await searchMatches(page);
    assert.ok(matches.length >= 3);
    assert.ok(matches.every((m) => m.visible), 'every match is unfolded');
  }));

test('search combines with the speaker filter', () =>
  withPage(async (page) => {
    await page.getByRole('searchbox').fill('光伏');
    await waitForMatches(page, 5);
    // 李武军 mentions 光伏 once; the other four are 刘志杰's.
    await page.getByRole('button', { name: '只看李武军' }).click();
    await waitForMatches(page, 1);
    assert.match(await page.locator('#search-summary').innerText(), /1 处匹配/);
    const [{ turn }] = await searchMatches(page);
    assert.equal(await page.locator(`[id="${turn}"] .turn__name`).innerText(), '李武军');
    await page.getByRole('button', { name: '只看刘志杰' }).click();
    await waitForMatches(page, 4);
  }));

test('folding a section hides its body; expand all brings it back', () =>
  withPage(async (page) => {
    const toggle = page.getByRole('button', { name: /聚焦攻坚重点/ });
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    const body = page.locator(`#${await toggle.getAttribute('aria-controls')}`);
    assert.equal(await body.isVisible(), true);
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.equal(await body.isVisible(), false);
    await toggle.click();
    assert.equal(await body.isVisible(), true);
    // A whole turn folds too.
    const turn = page.getByRole('button', { name: '张建成', exact: true }).first();
    await turn.click();
    assert.equal(await turn.getAttribute('aria-expanded'), 'false');
    await page.getByRole('button', { name: '全部展开' }).click();
    assert.equal(await turn.getAttribute('aria-expanded'), 'true');
  }));

test('copying a permalink puts the paragraph link on the clipboard, and the link opens there', async () => {
  const link = await withPage(async (page, { base }) => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(base).origin });
    const block = page.locator('[data-block]').filter({ hasText: '光伏扶贫向深度贫困倾斜' }).first();
    await block.hover();
    await block.getByRole('link', { name: '复制段落链接' }).click();
    await page.getByText('已复制段落链接').waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(copied, /#t\d+-b\d+$/);
    await block.getByRole('button', { name: '复制引用' }).click();
    await page.getByText('已复制引用').waitFor();
    const citation = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(citation, /光伏扶贫向深度贫困倾斜/);
    assert.match(citation, /刘志杰/);
    assert.match(citation, /聚焦深度贫困 凝心聚力攻坚/);
    assert.match(citation, /2017年10月12日/);
    assert.ok(citation.includes(copied), 'the citation carries the link');
    return copied;
  });
  const { page, context, ctx } = await openApp({ path: link.slice(link.indexOf('#')) });
  try {
    const id = link.split('#')[1];
    const el = page.locator(`[id="${id}"]`);
    await page.waitForFunction((id) => {
      const r = document.getElementById(id)?.getBoundingClientRect();
      return r && r.top >= 0 && r.top < window.innerHeight;
    }, id);
    assert.match(await el.innerText(), /光伏扶贫向深度贫困倾斜/);
    assertNoErrors(ctx.errors);
  } finally {
    await context.close();
  }
});

test('keyboard: / focuses search, j and k move between turns', () =>
  withPage(async (page) => {
    await page.locator('body').press('/');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('role')), 'searchbox');
    await page.getByRole('searchbox').press('Tab');
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    const focused = await page.evaluate(() => document.activeElement?.id);
    assert.equal(focused, 't2-heading');
    await page.keyboard.press('k');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 't1-heading');
  }));

test('garbled query parameters are ignored', () =>
  withPage(
    async (page) => {
      await page.locator('.turn').first().waitFor();
      assert.equal(await page.locator('.turn__shown:visible').count(), 12);
      assert.equal(await page.getByRole('searchbox').inputValue(), '');
    },
    { path: '?s=%E2%80%A6,,nobody&panel=zzz&day=2017-99-99&qa=maybe&q=%20&x=%ZZ' },
  ));

test('the open panel and filter live in the URL and reproduce the view', () =>
  withPage(
    async (page) => {
      assert.equal(await page.getByRole('tab', { name: '数据' }).getAttribute('aria-selected'), 'true');
      await page.getByRole('tab', { name: '实录' }).click();
      assert.equal(await turnHeading(page, '刘志杰').first().isVisible(), false);
      assert.equal(await turnHeading(page, '高耀东').first().isVisible(), true);
    },
    { path: '?s=%E9%AB%98%E8%80%80%E4%B8%9C&qa=0&panel=insights' },
  ));

test('English interface, dark theme; screenshots in both themes at both widths', async () => {
  for (const size of [DESKTOP, MOBILE]) {
    await withPage(
      async (page) => {
        await screenshot(page, 'reader-light');
        await page.getByRole('button', { name: '切换到深色主题' }).click();
        assert.equal(await page.locator('html').getAttribute('data-theme'), 'dark');
        await screenshot(page, 'reader-dark');
        await page.getByRole('button', { name: 'English' }).click();
        await page.getByRole('tab', { name: 'Transcript' }).waitFor();
        assert.equal(await page.getByRole('button', { name: 'Expand all' }).count(), 1);
        // The transcript itself is never translated.
        assert.equal(await page.locator('#transcript').getAttribute('lang'), 'zh-Hans', "the seed's own language");
        await page.reload();
        assert.equal(await page.locator('html').getAttribute('data-theme'), 'dark', 'the theme is remembered');
      },
      { viewport: size },
    );
  }
});

test('the contents mark the turn being read as the page scrolls', () =>
  withPage(async (page) => {
    const current = () => page.evaluate(() =>
      [...document.querySelectorAll('.contents__turn.is-current')].map((li) => li.querySelector('a').getAttribute('href')));
    for (const id of ['t3', 't6']) {
      // The turn's top just under the sticky toolbar (the reading line is 140 px down).
      await page.evaluate((id) => window.scrollTo(0, document.getElementById(id).getBoundingClientRect().top + window.scrollY - 100), id);
      await page.waitForFunction((id) => document.querySelector(`.contents__turn.is-current a[href="#${id}"]`), id, { timeout: 3000 })
        .catch(() => {});
      assert.deepEqual(await current(), [`#${id}`]);
      assert.equal(await page.locator(`.contents a[href="#${id}"]`).first().getAttribute('aria-current'), 'location');
    }
  }));

test('at 375px the transcript begins on the first screen', () =>
  withPage(
    async (page) => {
      // The transcript's first block, below the header and filters.
      const first = page.locator('#transcript [data-block]').first();
      const box = await first.boundingBox();
      assert.ok(box, 'no block rendered');
      assert.ok(box.y + box.height < MOBILE.height, `first block ends at ${box.y + box.height}px, below the first screen`);
      // The speaker toggles scroll in their own row, not the page.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
    },
    { viewport: MOBILE },
  ));

test('at 375px a short paragraph keeps its link and citation buttons on its own line', () =>
  withPage(
    async (page) => {
      const p = page.locator('#transcript [data-block] p', { hasText: /^大家好/ }).first();
      const [text, actions] = await p.evaluate((el) => {
        const r = (e) => { const b = e.getBoundingClientRect(); return { top: b.top, bottom: b.bottom }; };
        const range = document.createRange();
        range.selectNodeContents(el.querySelector('.block__text'));
        return [r(range), r(el.querySelector('.block__actions'))];
      });
      // Same line: the buttons' box overlaps the text's vertically.
      assert.ok(actions.top < text.bottom && actions.bottom > text.top, `text ${JSON.stringify(text)}, buttons ${JSON.stringify(actions)}`);
      assert.equal(await p.getByRole('button', { name: '复制引用' }).isVisible(), true);
    },
    { viewport: MOBILE },
  ));

test('at 375px the contents are a drawer and nothing scrolls sideways', () =>
  withPage(
    async (page) => {
      const nav = page.getByRole('navigation', { name: '目录' });
      assert.equal(await nav.isVisible(), false);
      await page.getByRole('button', { name: '目录' }).click();
      await nav.waitFor({ state: 'visible' });
      await nav.getByRole('link', { name: '李武军' }).click();
      await nav.waitFor({ state: 'hidden' });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
    },
    { viewport: MOBILE },
  ));

test('axe: no serious or critical violations with a search and filter active, in dark theme', () =>
  withPage(
    async (page) => {
      await page.waitForFunction(() => CSS.highlights.get('search-current')?.size === 1);
      await page.getByRole('button', { name: '切换到深色主题' }).click();
      assert.deepEqual(await axe(page), []);
    },
    { path: '?q=%E6%89%B6%E8%B4%AB&s=%E5%BC%A0%E5%BB%BA%E6%88%90' },
  ));

test('print: everything unfolded and shown, no controls, the link printed', () =>
  withPage(async (page) => {
    await page.getByRole('button', { name: '全部折叠' }).click();
    await page.getByRole('button', { name: '只看李武军' }).click();
    await page.emulateMedia({ media: 'print' });
    const body = page.locator('[id="t2-b7"]');
    assert.equal(await body.isVisible(), true, 'a folded, filtered-out paragraph prints');
    assert.equal(await page.getByRole('searchbox').isVisible(), false, 'no search box on paper');
    assert.equal(await page.getByRole('button', { name: '全部展开' }).isVisible(), false, 'no controls on paper');
    const after = await page.locator('#transcript').evaluate((el) => getComputedStyle(el, '::after').content);
    assert.match(after, /http:\/\/127\.0\.0\.1/);
  }));

test('every counted match is marked on the page, the title included', () =>
  withPage(async (page) => {
    await page.getByRole('searchbox').fill('深度贫困');
    await page.waitForFunction(() => (CSS.highlights.get('search')?.size || 0) > 50);
    const counted = Number((await page.locator('#search-summary').innerText()).match(/(\d+) 处匹配/)[1]);
    assert.ok(counted > 50, `counted ${counted}`);
    const matches = await searchMatches(page);
    assert.equal(matches.length, counted);
    assert.ok(matches.every((m) => m.text.replace(/\s/g, '') === '深度贫困'), 'each highlight is the word');
    assert.ok(matches.some((m) => m.inTitle), 'the title is highlighted too');
  }));

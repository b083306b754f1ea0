// The event calendar, as a reader uses it: open it, choose 10月17日, see the
// forum and the performance, follow one back to the transcript, move with the
// keyboard, and download the .ics files (checked with a real iCalendar parser).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import ICAL from 'ical.js';
import { withPage, axe, MOBILE } from '../helpers.mjs';

// Focus moves on the next animation frame: wait for it.
const focusedOn = (page, text) =>
  page.waitForFunction((t) => (document.activeElement?.textContent || '').includes(t), text, { timeout: 3000 });

const openCalendar = async (page) => {
  await page.getByRole('tab', { name: '日程' }).click();
  await page.getByRole('grid', { name: '2017年10月' }).waitFor({ state: 'visible' });
};

test('the calendar opens on October 2017 with 10月17日 marked as 全国扶贫日', () =>
  withPage(async (page) => {
    await openCalendar(page);
    const day = page.getByRole('gridcell', { name: /10月17日/ });
    assert.equal(await day.count(), 1);
    assert.match(await day.textContent(), /全国扶贫日/);
    assert.equal(await day.getAttribute('tabindex'), '0');
    // Monday first.
    const heads = await page.getByRole('columnheader').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    assert.deepEqual(heads.slice(0, 2), ['星期一', '星期二']);
  }));

test('choosing 10月17日 lists the forum and the performance; a link leads back to the paragraph', () =>
  withPage(async (page, ctx) => {
    await openCalendar(page);
    await page.getByRole('gridcell', { name: /10月17日/ }).click();
    const day = page.locator('.day-events');
    await day.getByRole('link', { name: /攻坚深度贫困论坛/ }).waitFor({ state: 'visible' });
    await day.getByRole('link', { name: /文艺节目汇演/ }).waitFor({ state: 'visible' });
    assert.match(await day.innerText(), /省文化厅/);
    assert.match(page.url(), /[?&]day=2017-10-17/);

    const link = day.getByRole('link', { name: /攻坚深度贫困论坛/ });
    const target = (await link.getAttribute('href')).slice(1);
    await link.click();
    const paragraph = page.locator(`[id="${target}"]`);
    await paragraph.waitFor({ state: 'visible' });
    assert.equal(await page.getByRole('tab', { name: '实录' }).getAttribute('aria-selected'), 'true');
    assert.match(await paragraph.innerText(), /攻坚深度贫困论坛/);
    // Scrolled into view (smooth scrolling: wait for it to settle).
    await page.waitForFunction((id) => {
      const r = document.getElementById(id).getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    }, target, { timeout: 5000 });
    assert.equal(await paragraph.evaluate((el) => el.classList.contains('is-flash')), true, 'it is highlighted');
  }));

test('a link back shows the paragraph even when the speaker filter and a fold hide it', () =>
  withPage(async (page) => {
    await page.getByRole('button', { name: '全部折叠' }).click();
    await page.getByRole('button', { name: '只看董晓林' }).click();
    await page.getByRole('checkbox', { name: '问答保持在一起' }).uncheck();
    await openCalendar(page);
    await page.getByRole('gridcell', { name: /10月17日/ }).click();
    const link = page.locator('.day-events').getByRole('link', { name: /文艺节目汇演/ });
    const target = (await link.getAttribute('href')).slice(1);
    await link.click();
    await page.locator(`[id="${target}"]`).waitFor({ state: 'visible' });
  }));

test('the keyboard moves through days and months; Enter chooses', () =>
  withPage(async (page) => {
    await openCalendar(page);
    await page.getByRole('gridcell', { name: /10月17日/ }).focus();
    await page.keyboard.press('ArrowRight');
    await focusedOn(page, '10月18日');
    await page.keyboard.press('ArrowDown');
    await focusedOn(page, '10月25日');
    await page.keyboard.press('PageUp');
    await page.getByRole('grid', { name: '2017年9月' }).waitFor();
    await focusedOn(page, '9月25日');
    await page.keyboard.press('Home');
    await focusedOn(page, '9月25日 星期一');
    await page.keyboard.press('End');
    await focusedOn(page, '10月1日 星期日');
    await page.keyboard.press('Home');
    await focusedOn(page, '9月25日 星期一');
    await page.keyboard.press('Enter');
    assert.match(page.url(), /[?&]day=2017-09-25/);
    assert.match(await page.locator('.day-events').innerText(), /2017年9月25日/);
    // Choosing redraws the days; the keyboard focus stays on the chosen one.
    await focusedOn(page, '9月25日 星期一');
  }));

test('after a click on a day the arrow keys go on from it', () =>
  withPage(async (page) => {
    await openCalendar(page);
    // On the day's number: a multi-day event's label runs over the middle of the cell.
    await page.locator('#cal-2017-10-12 .month-grid__num').click();
    assert.match(page.url(), /[?&]day=2017-10-12/);
    await focusedOn(page, '10月12日');
    await page.keyboard.press('ArrowDown');
    await focusedOn(page, '10月19日');
    assert.equal(await page.getByRole('gridcell', { name: /10月19日/ }).getAttribute('tabindex'), '0');
  }));

test('month navigation reaches every month with events, and stops at the first and last', () =>
  withPage(async (page) => {
    await openCalendar(page);
    const months = await page.locator('.month-grid__jump option:not([disabled])').evaluateAll((os) => os.map((o) => o.value));
    assert.ok(months.includes('2017-06') && months.includes('2017-10'), months.join(' '));
    const prev = page.getByRole('button', { name: '上个月' });
    const next = page.getByRole('button', { name: '下个月' });
    // Back to the first month with events, where "previous" is disabled.
    for (let i = 0; i < 40 && (await prev.isEnabled()); i++) await prev.click();
    await page.getByRole('grid', { name: months[0].replace(/^(\d+)-0?(\d+)$/, '$1年$2月') }).waitFor();
    for (let i = 0; i < 60 && (await next.isEnabled()); i++) await next.click();
    const last = months[months.length - 1];
    await page.getByRole('grid', { name: last.replace(/^(\d+)-0?(\d+)$/, '$1年$2月') }).waitFor();
  }));

test('the agenda and the timeline list the events with links back', () =>
  withPage(async (page) => {
    await openCalendar(page);
    const agenda = page.getByRole('region', { name: '按日期列出' });
    await agenda.getByRole('heading', { name: /2017年10月17日/ }).waitFor();
    await agenda.getByRole('heading', { name: '未定日期的活动' }).waitFor();
    const timeline = page.getByRole('region', { name: '政策时间线' });
    assert.equal(await timeline.getByRole('img', { name: '政策时间线' }).count(), 1);
    const items = await timeline.locator('.timeline__list > li').allInnerTexts();
    assert.match(items[0], /6月21日/);
    assert.ok(items.some((t) => /9月28日/.test(t)));
  }));

for (const [button, scope, expect] of [
  ['全国扶贫日活动', 'activities', ['举办攻坚深度贫困论坛', '组织扶贫文艺节目汇演']],
  ['全部事件', 'all', ['举办攻坚深度贫困论坛', '国务院扶贫开发领导小组召开深度贫困地区脱贫攻坚电视电话会']],
]) {
  test(`the ${scope} .ics download parses, with the right dates and summaries`, () =>
    withPage(async (page) => {
      await openCalendar(page);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
      assert.equal(download.suggestedFilename(), `shilu-2017-10-12-${scope}.ics`);
      const text = fs.readFileSync(await download.path(), 'utf8');
      const cal = new ICAL.Component(ICAL.parse(text));
      const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
      assert.ok(events.length > 0);
      const by = (s) => events.find((e) => e.summary.includes(s));
      for (const s of expect) assert.ok(by(s), `${s} is in the calendar`);
      const forum = by('攻坚深度贫困论坛');
      assert.equal(forum.startDate.toString(), '2017-10-17');
      assert.equal(forum.startDate.isDate, true);
      if (scope === 'activities') {
        const five = by('五进');
        assert.equal(five.startDate.toString(), '2017-09-01');
        // DTEND is exclusive: the range runs through 31 October.
        assert.equal(five.endDate.toString(), '2017-11-01');
        assert.ok(!by('电视电话会'), 'only activities');
      }
      // Lines are folded at 75 octets without splitting a character.
      for (const line of text.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, line);
    }));
}

test('at 375px the calendar does not scroll sideways and the agenda reads', () =>
  withPage(
    async (page) => {
      await openCalendar(page);
      await page.getByRole('gridcell', { name: /10月17日/ }).click();
      const [sw, w] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      assert.ok(sw <= w, `scrollWidth ${sw} > ${w}`);
      await page.getByRole('region', { name: '按日期列出' }).getByRole('link', { name: /文艺节目汇演/ }).waitFor();
    },
    { viewport: MOBILE, screenshot: 'calendar' },
  ));

test('axe: no serious or critical violations in the calendar', () =>
  withPage(async (page) => {
    await openCalendar(page);
    await page.getByRole('gridcell', { name: /10月17日/ }).click();
    assert.deepEqual(await axe(page), []);
  }));

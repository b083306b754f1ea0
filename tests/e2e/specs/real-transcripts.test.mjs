// Real transcripts of other layouts, opened through the file button as a
// reader would: their speakers are in the filter, their questions are paired
// with answers, and their dated events are in the calendar. The files are
// CC0 transcripts from a public archive (core/tests/fixtures/archive/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { withPage, REPO } from '../helpers.mjs';

const ARCHIVE = path.join(REPO, 'core/tests/fixtures/archive');

const CASES = [
  {
    file: '2024-04-24-數位部例行記者會逐字稿.md',
    title: '數位部例行記者會逐字稿',
    speakers: ['唐鳳', '司儀', '中央社', '自由時報', '王安定'],
    question: '中央社',
    answerer: '孫偉哲',
    month: '2023年12月',
    event: '去年底',
  },
  {
    file: '2023-06-16-中央社倫敦專訪.md',
    title: '中央社倫敦專訪',
    speakers: ['唐鳳', '問'],
    question: '問',
    answerer: '唐鳳',
    month: '2023年12月',
    event: '年底前',
  },
  {
    file: '2018-12-03-經濟日報訪問.md',
    title: '經濟日報訪問',
    speakers: ['唐鳳', '記者'],
    question: '記者',
    answerer: '唐鳳',
    month: '2018年12月',
    event: '年底',
  },
];

for (const c of CASES) {
  test(`opening ${c.file} shows its speakers, its Q&A and its dated events`, () =>
    withPage(async (page) => {
      await page.locator('input[type=file]').setInputFiles(path.join(ARCHIVE, c.file));
      await page.getByRole('heading', { name: c.title }).waitFor({ state: 'visible' });

      // Every speaker has a toggle in the filter.
      for (const s of c.speakers) {
        assert.equal(await page.getByRole('button', { name: `只看${s}` }).count(), 1, s);
      }

      // The insights pair each question with who answered it.
      await page.getByRole('tab', { name: '数据' }).click();
      const qa = page.getByRole('region', { name: '记者提问' });
      await qa.waitFor({ state: 'visible' });
      const items = qa.locator('.qa__item');
      assert.ok((await items.count()) >= 2, 'at least two questions');
      assert.match(await items.first().innerText(), new RegExp(c.question));
      assert.ok((await items.first().getByRole('link', { name: c.answerer }).count()) >= 1, `answered by ${c.answerer}`);

      // The calendar opens on the month of the first event, and its agenda
      // lists the transcript's dated events.
      await page.getByRole('tab', { name: '日程' }).click();
      await page.getByRole('grid', { name: c.month }).waitFor({ state: 'visible' });
      assert.match(await page.locator('.agenda').innerText(), new RegExp(c.event));
    }, { screenshot: `real-${c.file.slice(0, 10)}` }));
}

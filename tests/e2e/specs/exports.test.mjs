// Exporting what is open, from the insights panel: the parsed model as JSON,
// the transcript as SayIt-style Markdown, and its events as .ics.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { withPage } from '../helpers.mjs';

const save = async (page, name) => {
  await page.getByRole('tab', { name: '数据' }).click();
  const group = page.getByRole('group', { name: '导出' });
  await group.waitFor({ state: 'visible' });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    group.getByRole('button', { name }).click(),
  ]);
  return { name: download.suggestedFilename(), text: fs.readFileSync(await download.path(), 'utf8') };
};

test('the JSON export is the parsed model, with its speakers, Q&A and checks', () =>
  withPage(async (page) => {
    const { name, text } = await save(page, /JSON/);
    assert.equal(name, 'shilu-2017-10-12.json');
    const doc = JSON.parse(text);
    assert.equal(doc.meta.date, '2017-10-12');
    const speakers = new Set(doc.turns.map((t) => t.speaker));
    for (const s of ['董晓林', '刘志杰', '李武军', '山西日报记者']) assert.ok(speakers.has(s), s);
    assert.ok(doc.qa.length > 0);
    assert.ok(doc.checks.some((c) => c.kind === 'conflict'));
  }));

test('the Markdown export puts a ### heading before each speech', () =>
  withPage(async (page) => {
    const { name, text } = await save(page, /Markdown/);
    assert.equal(name, 'shilu-2017-10-12.md');
    assert.match(text, /^### 李武军：$/m);
    assert.match(text, /^### 山西日报记者：$/m);
    assert.ok(text.includes('聚焦深度贫困'));
  }));

test('the .ics export holds every dated event', () =>
  withPage(async (page) => {
    const { name, text } = await save(page, /\.ics/);
    assert.equal(name, 'shilu-2017-10-12.ics');
    assert.ok(text.startsWith('BEGIN:VCALENDAR'));
    assert.ok(text.includes('攻坚深度贫困论坛'));
  }));

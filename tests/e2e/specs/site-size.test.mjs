// The corpus site's pages within the first-visit budget (issue 21, "Per
// page"), measured as the app's is (../first-visit.mjs: a cold load in
// Chromium, brotli bodies): the home, the largest speakers list, the
// largest speaker page and the largest transcript page of the site the e2e
// tier builds (SHILU_SITE, see specs/site.test.mjs), a transcript page
// apart from its own text (the brotli of the text as the page carries it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { REPO } from '../helpers.mjs';
import { FIRST_VISIT_BUDGET_BYTES } from '../budget.mjs';
import { check, coldLoad, kb } from '../first-visit.mjs';

const SITE = path.resolve(process.env.SHILU_SITE || path.join(REPO, 'target/e2e-site'));
if (!fs.existsSync(path.join(SITE, 'index.html'))) {
  throw new Error(`${SITE}/index.html not found: the e2e tier builds it (cargo xtask test e2e)`);
}

/** The folder under `dir` (relative to the site) whose index.html is largest. */
function largest(dir) {
  const found = fs
    .readdirSync(path.join(SITE, dir), { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(SITE, dir, e.name, 'index.html')))
    .map((e) => `${dir}${e.name}/`)
    .sort((a, b) => fs.statSync(path.join(SITE, b, 'index.html')).size - fs.statSync(path.join(SITE, a, 'index.html')).size);
  assert.ok(found.length > 0, `no pages under ${dir}`);
  return found[0];
}

/** The brotli size of the text a transcript page carries for the app. */
function ownText(sub) {
  const html = fs.readFileSync(path.join(SITE, sub, 'index.html'), 'utf8');
  const m = html.match(/<template id="seed-text"[^>]*>([\s\S]*?)<\/template>/);
  assert.ok(m, `${sub}: no text template`);
  return zlib.brotliCompressSync(Buffer.from(m[1]), { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
}

test(`the site's home, speakers, largest speaker page and largest transcript page each fetch at most ${kb(FIRST_VISIT_BUDGET_BYTES)} of brotli`, async () => {
  const pages = [
    { sub: '', app: false },
    { sub: 'speakers/', app: false },
    { sub: largest('s/'), app: false },
    { sub: largest('t/'), app: true },
  ];
  for (const { sub, app } of pages) {
    const allowance = app ? ownText(sub) : 0;
    const load = await coldLoad('/', { root: SITE, sub, app });
    const total = check(`/${sub}`, load, { app, allowance });
    // The page itself was counted, not only what it loads.
    assert.ok(load.counted.some((h) => h.type === 'Document' && h.body > 0), `/${sub}: its document was not counted`);
    assert.ok(total > allowance, `/${sub}: ${total} B`);
  }
});

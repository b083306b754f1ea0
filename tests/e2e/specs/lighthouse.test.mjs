// The Lighthouse gates of issue 11: accessibility, best practices and SEO
// at 100 on the release dist (one mobile run; performance is a figure, see
// `cargo xtask bench web`, not a test).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { audit, failures, launchChromium, serveBrotli } from '../lighthouse.mjs';

const GATES = ['accessibility', 'best-practices', 'seo'];

test('Lighthouse: accessibility, best practices and SEO are 100', async () => {
  const server = await serveBrotli();
  const chrome = await launchChromium();
  try {
    const lhr = await audit(`${server.origin}/`, chrome.port, GATES);
    assert.equal(lhr.finalDisplayedUrl, `${server.origin}/`);
    assert.ok(lhr.audits['document-title'].score === 1, 'it audited the app');
    for (const category of GATES) {
      const score = Math.round(lhr.categories[category].score * 100);
      assert.equal(score, 100, `${category} is ${score}:\n  ${failures(lhr, category).join('\n  ')}`);
    }
  } finally {
    await chrome.kill();
    await server.close();
  }
});

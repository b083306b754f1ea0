// The first-visit budget (issue 11, "Static first"), measured in the browser:
// a cold load of the page in headless Chromium, served the way a host that
// pre-compresses does (brotli, quality 11, for `Accept-Encoding: br`),
// counting the bytes of every response the page fetched, whatever it is.
// No file names and no file count are written here: what counts is what
// Chromium fetches.
//
// What counts, precisely:
// - Every http(s) request the page's own target sends (its document, what
//   the document and its scripts fetch, preloads, anything unexpected),
//   from navigation until the app is usable (helpers' `appReady`: the
//   loading indicator hidden, <main> visible) and the `load` event has
//   fired, both; each counted request is followed to its end.
// - Its response body as it came over the wire (CDP's encodedDataLength at
//   `Network.loadingFinished`, less the response's header bytes at
//   `Network.responseReceived`): the brotli bytes, the honest analogue of
//   the old file list's `brotli -q 11` sizes. Response headers (about 230
//   bytes a response from this server, more from a real host) depend on the
//   host, not on the app, so they are printed but not counted.
// - Not counted: requests of the service worker. web/loader.js registers it
//   after `load`; the worker fetches its script and precaches the rest (the
//   panels' module included) in the background, and its requests belong to
//   the worker's own target, not the page's: they never reach the page's
//   CDP session, and Playwright names them (`request.serviceWorker()`), so
//   the table lists them as not counted, by who asked, not by file name.
// Nothing escapes the count: every request the server received before the
// cutoff must be one the page's session counted or one the service worker
// made, every counted response must end in the page's session (a request
// that ends elsewhere, as a dedicated worker's script does, fails the test
// rather than go uncounted), and every counted body must equal the
// response's Content-Length.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FIRST_VISIT_BUDGET_BYTES } from '../budget.mjs';
import { check, coldLoad, kb } from '../first-visit.mjs';

test(`a cold load of / fetches at most ${kb(FIRST_VISIT_BUDGET_BYTES)} of brotli, and /shilu/ the same`, async () => {
  const atRoot = check('/', await coldLoad('/'));
  const atSub = check('/shilu/', await coldLoad('/shilu/'));
  // Same files, same bytes: only the URLs differ, and they are relative.
  assert.ok(Math.abs(atRoot - atSub) <= 16, `the first visit is ${atRoot} B at / but ${atSub} B under /shilu/`);
});

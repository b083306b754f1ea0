// An early visit (part of `cargo xtask bench web`; issue 24): a cold load of
// the release dist, brotli from loopback, with a slowed network (150 ms
// round trip, 1.6 Mbit/s down: Lighthouse's slow 4G) and the CPU at 1× and
// 4×. As soon as the transcript is first painted, the reader presses three
// speaker toggles and types a word into the search box (real mouse and key
// input, all within about 300 ms of the first paint); then, once the app has
// taken over, we count what was lost: each press should have released its
// toggle (aria-pressed=false), and the whole word should be in the URL's
// `q`. Prints, per CPU rate, the median of RUNS visits of:
// - first paint: navigation → first contentful paint (the transcript);
// - answer: first paint → the first toggle's press applied (the first
//   control that answers; before the app takes over, a press is held and
//   replayed, web/early.js);
// - ready: navigation → the app has taken over (#loading removed);
// - the presses and keystrokes lost (the worst visit), and how long after
//   the first paint was seen the last input was sent (at most, of the runs).
// Figures, not a test: they vary with the machine's load.
import { serveDist, browser, closeAll, DESKTOP } from '../helpers.mjs';

const RUNS = Number(process.env.SHILU_BENCH_RUNS || 3);
const RATES = [1, 4];
const WORD = '扶贫';
const PRESSES = 3;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// In the page, before its own scripts: when the first toggle's press took
// effect, and when the app took over.
function watch() {
  window.__early = { answered: null, ready: null };
  new MutationObserver(() => {
    if (window.__early.answered === null && document.querySelector('.speaker__toggle[aria-pressed=false]')) {
      window.__early.answered = performance.now();
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['aria-pressed'] });
  const poll = () => {
    if (document.readyState !== 'loading' && !document.getElementById('loading')) window.__early.ready = performance.now();
    else requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
}

async function visit(url, rate) {
  const context = await (await browser()).newContext({ viewport: DESKTOP, locale: 'zh-CN', serviceWorkers: 'block' });
  try {
    await context.addInitScript(watch);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 150,
      downloadThroughput: (1.6 * 1024 * 1024) / 8,
      uploadThroughput: (750 * 1024) / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    await page.goto(url, { waitUntil: 'commit' });
    // The transcript's first paint, with the toggles and the box in it.
    await page.waitForFunction(
      (n) => performance.getEntriesByName('first-contentful-paint').length && document.querySelectorAll('.speaker__toggle').length > n && document.getElementById('search'),
      PRESSES,
      { timeout: 60_000, polling: 10 },
    );
    const { paint, targets } = await page.evaluate((n) => {
      const centre = (el) => {
        const r = el.getBoundingClientRect();
        return { x: r.x + r.width / 2, y: r.y + r.height / 2, inView: r.bottom > 0 && r.top < innerHeight };
      };
      const toggles = [...document.querySelectorAll('.speaker__toggle')].slice(1, n + 1);
      return {
        paint: performance.getEntriesByName('first-contentful-paint')[0].startTime,
        targets: [...toggles.map(centre), centre(document.getElementById('search'))],
      };
    }, PRESSES);
    if (targets.some((t) => !t.inView)) throw new Error('a toggle or the search box is not in the first screen');
    // As a reader's hand does, whatever the page is busy with: the input
    // events are all sent at once, in order (the browser queues them until
    // the page's thread takes them), not each after the page has handled
    // the last.
    const seen = performance.now();
    const input = [];
    for (const { x, y } of targets) {
      for (const type of ['mousePressed', 'mouseReleased']) {
        input.push(cdp.send('Input.dispatchMouseEvent', { type, x, y, button: 'left', clickCount: 1 }));
      }
    }
    for (const ch of WORD) input.push(cdp.send('Input.insertText', { text: ch }));
    const issued = performance.now() - seen;
    await Promise.all(input);
    const handled = performance.now() - seen;
    await page.waitForFunction(() => window.__early.ready !== null, null, { timeout: 120_000 });
    // What the app makes of it: the replayed presses and text, then the URL.
    await page.waitForTimeout(1500);
    const out = await page.evaluate((n) => ({
      pressed: [...document.querySelectorAll('.speaker__toggle')].slice(1, n + 1).map((b) => b.getAttribute('aria-pressed')),
      q: new URL(location.href).searchParams.get('q') || '',
      early: window.__early,
      nav: performance.getEntriesByType('navigation')[0].startTime,
    }), PRESSES);
    const typed = [...WORD];
    const got = [...out.q];
    let kept = 0;
    while (kept < typed.length && got[kept] === typed[kept]) kept++;
    return {
      paint: paint - out.nav,
      answer: out.early.answered === null ? null : out.early.answered - paint,
      ready: out.early.ready - out.nav,
      issued,
      handled,
      pressesLost: out.pressed.filter((p) => p !== 'false').length,
      keysLost: got.length > typed.length ? typed.length : typed.length - kept,
    };
  } finally {
    await context.close();
  }
}

const server = await serveDist({ brotli: true });
const rows = [];
try {
  for (const rate of RATES) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const r = await visit(server.url, rate);
      runs.push(r);
      console.log(`early visit, CPU ${rate}×, run ${i + 1}/${RUNS}: first paint ${Math.round(r.paint)} ms, answer ${r.answer === null ? 'never' : `${Math.round(r.answer)} ms`}, ready ${Math.round(r.ready)} ms, inputs sent ${Math.round(r.issued)} ms after the paint was seen (handled after ${Math.round(r.handled)} ms), lost ${r.pressesLost} presses and ${r.keysLost} keystrokes`);
    }
    rows.push({ rate, runs });
  }
} finally {
  await server.close();
  await closeAll();
}

console.log(`\nEarly visit: ${PRESSES} toggles pressed and ${WORD} typed at the first paint; cold load, brotli, 150 ms RTT, 1.6 Mbit/s; median of ${RUNS}:\n`);
console.log('CPU   first paint   answer after paint      ready   inputs sent   presses lost   keystrokes lost');
for (const { rate, runs } of rows) {
  const answered = runs.filter((r) => r.answer !== null);
  const answer = answered.length === runs.length ? `${Math.round(median(answered.map((r) => r.answer)))} ms` : 'never';
  console.log(
    `${`${rate}×`.padEnd(3)} ${`${Math.round(median(runs.map((r) => r.paint)))} ms`.padStart(13)} ${answer.padStart(20)} ${`${Math.round(median(runs.map((r) => r.ready)))} ms`.padStart(10)} ${`+${Math.round(Math.max(...runs.map((r) => r.issued)))} ms`.padStart(13)} ${`${Math.max(...runs.map((r) => r.pressesLost))}/${PRESSES}`.padStart(14)} ${`${Math.max(...runs.map((r) => r.keysLost))}/${[...WORD].length}`.padStart(17)}`,
  );
}

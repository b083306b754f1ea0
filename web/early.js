// Before the page is drawn (a release build inlines this classic script in
// <head>, allowed by its hash in the Content-Security-Policy; see
// xtask/tools/post-build.mjs):
// - the reader's saved theme, so a dark page is never first drawn light (the
//   app, src/prefs.rs, keeps it from then on);
// - a link naming a transcript from the reader's library (?doc=…) hides the
//   pre-rendered seed until that one is read (`opening`); a link with a
//   speaker filter (?s=…) keeps the transcript's place but hides it until the
//   app has applied the filter (`applying`), so no turn jumps.
//   src/library.rs takes both marks off;
// - nothing the reader does before the app has taken over the page is lost
//   (event replay, ARCHITECTURE.md): in the pre-rendered view (#app), a press
//   of a button, tab or toggle, text typed into a field and a changed
//   checkbox or file input are held (trusted events only; the app's handlers, attached as it
//   hydrates, do not see them yet) and the control is marked
//   `data-pending` (style/main.css: a dashed outline, no layout shift);
//   once the app is ready (it removes #loading: src/library.rs `ready`)
//   they are replayed to it, in order. Links, <details> and the text in a
//   field work natively meanwhile. Generic: nothing here names a control;
//   a held control is found again by its id or its data-act/data-arg if
//   the app rebuilt it;
// - nothing but the page is fetched before it is drawn: the app's script,
//   its wasm's preload and the manifest are in the page inert (`<script
//   type=module-after-paint src=…>` and `<link rel=preload-after-paint>`,
//   written by xtask/tools/post-build.mjs, and `<link
//   rel=manifest-after-paint>`), and are put to work after its first
//   contentful paint (ARCHITECTURE.md: the first paint);
// - nor is more laid out before it than it shows: until the app has taken
//   over, the page is marked `laying` (style/main.css), and what is out of
//   view is laid out after the paint, a few elements per short task.
(function () {
  var root = document.documentElement;
  try {
    var theme = localStorage.getItem('shilu.theme');
    if (theme === 'dark' || theme === 'light') root.setAttribute('data-theme', theme);
  } catch (e) {
    // Storage blocked: the system's theme.
  }
  // Until the app has taken over, the transcript's paragraphs and the
  // contents' entries out of view are not laid out (style/main.css
  // `.laying`): the first paint lays out what it shows. Not for a deep
  // link (a paragraph, a turn, a quote): the place it opens at is only
  // right once everything above it is laid out.
  var q = location.search;
  if (!location.hash && !/[?&]quote=/.test(q)) root.classList.add('laying');
  if (/[?&]doc=/.test(q)) root.classList.add('opening');
  else if (/[?&]s=[^&]/.test(q)) root.classList.add('applying');

  var held = [];
  var live = false;
  // A selector that finds the control again if the app has rebuilt it.
  var locator = function (el) {
    var act = el.getAttribute('data-act');
    var arg = el.getAttribute('data-arg');
    return el.id
      ? '#' + CSS.escape(el.id)
      : act
        ? '[data-act="' + CSS.escape(act) + '"]' + (arg == null ? '' : '[data-arg="' + CSS.escape(arg) + '"]')
        : '';
  };
  var hold = function (e) {
    var t = e.target;
    if (live || !e.isTrusted || !t.closest || !t.closest('#app')) return;
    var el = e.type === 'click' ? t.closest('button,[role=button],[role=tab]') : t;
    if (!el || el.disabled) return;
    var last = held[held.length - 1];
    // Typing: only the field's latest text matters.
    if (e.type === 'input' && last && last.el === el && last.type === 'input') held.pop();
    // What the field holds then (hydration may set it back to the app's
    // state before the replay): a box's text, a checkbox's tick; a file
    // input keeps its files by itself.
    var checks = el.type === 'checkbox' || el.type === 'radio';
    held.push({ el: el, type: e.type, at: locator(el), checks: checks, value: e.type === 'click' || el.type === 'file' ? null : checks ? el.checked : el.value });
    el.setAttribute('data-pending', '');
    if (e.type === 'click') e.preventDefault();
    e.stopImmediatePropagation();
  };
  var replay = function () {
    live = true;
    // What is not laid out yet is laid out now, with the app's first changes.
    root.classList.remove('laying');
    held.forEach(function (h) {
      h.el.removeAttribute('data-pending');
      var el = h.el.isConnected ? h.el : h.at && document.querySelector(h.at);
      if (!el) return;
      el.removeAttribute('data-pending');
      if (h.type === 'click') return el.click();
      if (h.value != null) el[h.checks ? 'checked' : 'value'] = h.value;
      el.dispatchEvent(new Event(h.type, { bubbles: true }));
    });
    held = [];
  };
  // After the page's first contentful paint (or two frames, without paint
  // timing; or 5 s, whichever comes first), once.
  var afterPaint = function (f) {
    var done = false;
    var go = function () {
      if (!done) {
        done = true;
        setTimeout(f);
      }
    };
    var P = window.PerformanceObserver;
    if (P && (P.supportedEntryTypes || []).indexOf('paint') >= 0) {
      new P(function (list, watch) {
        if (list.getEntriesByName('first-contentful-paint').length) {
          watch.disconnect();
          go();
        }
      }).observe({ type: 'paint', buffered: true });
    } else {
      requestAnimationFrame(function () {
        requestAnimationFrame(go);
      });
    }
    setTimeout(go, 5000);
  };
  afterPaint(function () {
    var link = function (from, to) {
      var el = document.querySelector('link[rel=' + from + ']');
      if (el) el.rel = to;
    };
    link('manifest-after-paint', 'manifest');
    // A page without the app (a corpus site's list) keeps the preload inert.
    var app = document.querySelector('script[type=module-after-paint]');
    if (!app) return;
    link('preload-after-paint', 'preload');
    var script = document.createElement('script');
    script.type = 'module';
    script.src = app.src;
    app.replaceWith(script);
  });

  // After the first paint, what it did not lay out is laid out in short
  // tasks (a long task is one the reader would wait on): a few elements at
  // a time, as many as about 2 ms of layout, for about 6 ms a task, until
  // the app has taken over.
  var unlaid = '.laying #transcript-content > :nth-child(n+2) .block:not([data-laid]), .laying .contents__list > li:not([data-laid])';
  var batch = 1;
  afterPaint(function lay() {
    var start = performance.now();
    for (var left; (left = document.querySelectorAll(unlaid)).length; ) {
      var at = performance.now();
      for (var i = 0; i < batch && i < left.length; i++) left[i].setAttribute('data-laid', '');
      // Laid out now (reading a height), not all at once in the next frame.
      var took = left[0].offsetHeight >= 0 && performance.now() - at;
      batch = took < 1 ? batch * 2 : took > 3 && batch > 1 ? batch / 2 : batch;
      if (performance.now() - start > 6) return setTimeout(lay);
    }
  });

  ['click', 'input', 'change'].forEach(function (type) {
    document.addEventListener(type, hold, true);
  });
  document.addEventListener('DOMContentLoaded', function () {
    var loading = document.getElementById('loading');
    if (!loading) return replay();
    new MutationObserver(function (_, watch) {
      if (!loading.isConnected) {
        watch.disconnect();
        replay();
      }
    }).observe(loading.parentNode, { childList: true });
  });
})();

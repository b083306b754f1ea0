// The page's one script (release builds): starts the app's wasm, then
// registers the service worker (offline use) and offers a reload when a new
// version of the site has been installed. It replaces the inline
// `<script type="module">` Trunk writes, which a strict Content-Security-Policy
// (`script-src 'self'`) blocks. The post-build hook (xtask/tools/post-build.mjs)
// bundles this file with wasm-bindgen's JS and its snippets into one
// content-hashed module, `shilu-app-<hash>.js`, after putting the real file
// names in place of APP.js and APP_bg.wasm, and writes sw.js with Workbox.
import init from './APP.js';

// The pre-rendered page is drawn first; this script is fetched only after
// its first paint (web/early.js puts it into the page then), so the app
// starts at once.
init({ module_or_path: new URL('./APP_bg.wasm', import.meta.url) });

const sw = navigator.serviceWorker;
// After the load event, so it never competes with the first visit (this
// script may come after it); beside this script (the dist's root), so a
// site under a sub-path (/shilu/) gets a worker of its own, and every page
// of a corpus site (t/…/, s/…/) the site's.
const afterLoad = (f) => (document.readyState === 'complete' ? setTimeout(f) : addEventListener('load', f));
if (sw) {
  afterLoad(() =>
    sw.register(new URL('sw.js', import.meta.url)).then(
      (reg) => {
        // (A browser that blocks workers may resolve to nothing.)
        if (reg) {
          reg.onupdatefound = () => {
            const next = reg.installing;
            next.onstatechange = () => {
              // Installed while an older worker controls the page: an update.
              if (next.state === 'installed' && sw.controller) notice(next);
            };
          };
        }
      },
      // The page works without it, only not offline.
      (e) => console.warn('shilu: no offline use:', e),
    ),
  );
}

/** "A new version is ready": its button lets the new worker take over, then reloads. */
function notice(next) {
  const en = document.documentElement.lang === 'en';
  document.body.insertAdjacentHTML(
    'beforeend',
    `<div class=update role=status>${en ? 'A new version is ready.' : '有新版本。'}<button type=button>${en ? 'Reload' : '刷新'}</button></div>`,
  );
  document.body.lastChild.lastChild.onclick = () => {
    sw.oncontrollerchange = () => location.reload();
    next.postMessage({ type: 'SKIP_WAITING' });
  };
}

// The page's one script (release builds): starts the app's wasm. It replaces
// the inline `<script type="module">` Trunk writes, which a strict
// Content-Security-Policy (`script-src 'self'`) blocks. The post-build hook
// (xtask/tools/post-build.mjs) bundles this file with wasm-bindgen's JS and
// its snippets into one content-hashed module, `shilu-app-<hash>.js`, after
// putting the real file names in place of APP.js and APP_bg.wasm.
import init from './APP.js';

init({ module_or_path: new URL('./APP_bg.wasm', import.meta.url) });

// Trunk post_build hook (see Trunk.toml). In Trunk's staging directory it
//   P. (every build) writes the pre-rendered initial view into index.html;
//   S. (every build) bundles the search page's loader (web/search.js) into
//      the search module's script (panels/shilu-search.js);
// and for release builds it
//   0. replaces Trunk's inline loader script (and drops its preload of the wasm) (blocked by a strict CSP's
//      `script-src 'self'`) with one external module: web/loader.js bundled
//      with wasm-bindgen's JS and its snippets by esbuild, minified, named
//      after its content (`shilu-app-<hash>.js`), written inert
//      (`<script type=module-after-paint src=…>`, and a preload of the wasm,
//      `<link rel=preload-after-paint>`: web/early.js starts both after
//      the page's first paint);
//   1. minifies the JS wasm-bindgen wrote, with esbuild, and updates the
//      subresource-integrity hashes index.html gives for it (Trunk's own JS
//      minifier cannot parse wasm-bindgen's `export { …, __wbg_init as
//      default }` and leaves the files as they are);
//   2. names the panels' module files (panels/: script, wasm, stylesheet,
//      the worker that opens files) and the site's search module's
//      (script, wasm) after their content, and tells the app those names
//      in index.html (`<meta name="shilu-panels" content="js wasm css
//      worker">`, read by src/panel_loader.rs; `<meta name="shilu-search"
//      content="js wasm css">`, read by sitegen for its search page), so
//      hosts may cache them for good;
//   3. writes the seed's description, Open Graph / Twitter meta (and, with SHILU_SITE_URL,
//      a canonical link) into index.html: `shilu meta` prints them, so the
//      domain facts stay in the core;
//   4. inlines the stylesheet and web/early.js into index.html, and writes
//      the Content-Security-Policy their hashes allow (printed, and in
//      dist/_headers);
//   5. writes the service worker, sw.js, with Workbox (workbox-build's
//      generateSW): it precaches every file the app may fetch, the panels'
//      module included (not the site's search module), and serves index.html for any navigation in its
//      scope, so the app works offline after one visit, at / or a sub-path.
import { buildSync, transformSync } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { generateSW } from 'workbox-build';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('TRUNK_STAGING_DIR is not set: run this as a Trunk hook');
const cargo = process.env.CARGO || 'cargo';

// P. (Every build, `trunk serve` too.) The initial view, pre-rendered by the
//    app's own components compiled natively (src/prerender.rs), into
//    `<div id=app>`, with the seed's text after it: the app in the browser
//    takes both over (hydrates).
{
  const htmlPath = path.join(staging, 'index.html');
  const page = fs.readFileSync(htmlPath, 'utf8');
  const slot = /<div id="?app"?><\/div>/;
  if (!slot.test(page)) throw new Error('post-build: index.html has no empty <div id=app> to pre-render into');
  const args = ['run', '--quiet', '--offline', '-p', 'shilu-app', '--features', 'ssr', '--bin', 'shilu-prerender'];
  let view;
  try {
    view = execFileSync(cargo, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
  } catch (e) {
    throw new Error(`post-build: the pre-render (\`cargo ${args.join(' ')}\`) failed: ${(e.stderr || e.message).trim()}`);
  }
  if (!view.includes('id="transcript"')) throw new Error('post-build: the pre-render wrote no transcript');
  fs.writeFileSync(htmlPath, page.replace(slot, () => `<div id=app>${view}`.replace(/(<template id="seed-text")/, '</div>$1')));
  console.log(`post-build: pre-rendered the initial view (${view.length} bytes) into index.html`);
}

// S. (Every build.) The site's search page's loader (web/search.js)
//    bundled with the search module's JS into the module's script
//    (panels/shilu-search.js): the page asks for one script, which starts
//    the module at once, not a loader that then imports the module.
{
  const panels = path.join(staging, 'panels');
  const glue = path.join(panels, 'shilu-search.js');
  if (!fs.existsSync(glue)) throw new Error('post-build: panels/ has no shilu-search.js (index.html builds it)');
  const here = path.dirname(new URL(import.meta.url).pathname);
  const out = buildSync({
    stdin: { contents: fs.readFileSync(path.join(here, '../../web/search.js'), 'utf8'), resolveDir: panels, sourcefile: 'web/search.js' },
    bundle: true,
    format: 'esm',
    target: 'es2020',
    minify: process.env.TRUNK_PROFILE === 'release',
    legalComments: 'none',
    write: false,
  });
  fs.writeFileSync(glue, out.outputFiles[0].contents);
  console.log(`post-build: web/search.js bundled with the search module's JS (${out.outputFiles[0].contents.length} bytes)`);
}
if (process.env.TRUNK_PROFILE !== 'release') process.exit(0);

const files = (dir) =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : [p];
  });
const sri = (bytes) => 'sha384-' + crypto.createHash('sha384').update(bytes).digest('base64');
const short = (bytes) => crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 16);

const htmlPath = path.join(staging, 'index.html');
let html = fs.readFileSync(htmlPath, 'utf8');

// 0. The loader as an external module. Trunk writes
//    <script type=module>import init, * as bindings from './shilu-app-H.js';
//    const wasm = await init({ module_or_path: './shilu-app-H_bg.wasm' }); …</script>
//    and modulepreload links for that script and its snippets.
const inline = html.match(/<script type=module>([\s\S]*?)<\/script>/);
const appJs = inline?.[1].match(/from '\.\/([\w.-]+\.js)'/)?.[1];
const appWasm = inline?.[1].match(/module_or_path: '\.\/([\w.-]+\.wasm)'/)?.[1];
let bundle;
if (!appJs || !appWasm) {
  throw new Error('post-build: index.html has no Trunk loader script naming the app\'s JS and wasm (did Trunk change its loader?)');
}
{
  const here = path.dirname(new URL(import.meta.url).pathname);
  const source = fs
    .readFileSync(path.join(here, '../../web/loader.js'), 'utf8')
    .replace("'./APP.js'", JSON.stringify(`./${appJs}`))
    .replace("'./APP_bg.wasm'", JSON.stringify(`./${appWasm}`));
  const out = buildSync({
    stdin: { contents: source, resolveDir: staging, sourcefile: 'web/loader.js' },
    bundle: true,
    format: 'esm',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    metafile: true,
    write: false,
  });
  const bytes = Buffer.from(out.outputFiles[0].contents);
  const name = `shilu-app-${short(bytes)}.js`;
  bundle = path.join(staging, name);
  // What the bundle took in (the app's JS, its snippets) is no longer fetched.
  for (const input of Object.keys(out.metafile.inputs)) {
    const file = path.resolve(input); // relative to the working directory
    if (file.startsWith(staging + path.sep) && fs.existsSync(file)) fs.rmSync(file);
  }
  const snippets = path.join(staging, 'snippets');
  if (fs.existsSync(snippets)) {
    for (const dir of fs.readdirSync(snippets)) {
      if (!files(path.join(snippets, dir)).length) fs.rmSync(path.join(snippets, dir), { recursive: true });
    }
    if (!fs.readdirSync(snippets).length) fs.rmSync(snippets, { recursive: true });
  }
  fs.writeFileSync(bundle, bytes);
  html = html
    // Inert until web/early.js starts it, after the page's first paint:
    // nothing but the page is fetched before it is drawn (a module script
    // in the page is fetched at once, and Lighthouse counts a request that
    // ends before the paint as one the paint waited for).
    // The wasm's request goes with it (a preload, inert until then too),
    // so it does not wait for the script to arrive and run.
    .replace(
      inline[0],
      `<script type=module-after-paint src=./${name}></script><link rel=preload-after-paint as=fetch crossorigin href=./${appWasm}>`,
    )
    // Trunk keeps the stylesheet's data-integrity=none (index.html) in the page.
    .replace(' data-integrity=none ', ' ')
    .replace(/<link crossorigin href=\.\/(shilu-app-[\w]+\.js|snippets\/[^ >]+) rel=modulepreload>/g, '')
    // Nor Trunk's preload of the wasm, at once: the pre-rendered page is
    // the first visit's first job (the inert preload above comes after it).
    .replace(/<link as=fetch crossorigin href=\.\/[\w-]+_bg\.wasm rel=preload type=application\/wasm>/, '');
  if (/rel=modulepreload/.test(html)) throw new Error('post-build: index.html still preloads a script the bundle replaced');
  if (/rel=preload[ >]/.test(html)) throw new Error('post-build: index.html still preloads the wasm (did Trunk change its preload link?)');
  console.log(`post-build: loader, ${appJs} and its snippets bundled into ${name} (${bytes.length} bytes)`);
}

// 1. Minify (what the bundle did not: the panels' JS).
let before = 0;
let after = 0;
for (const file of files(staging).filter((f) => f.endsWith('.js') && f !== bundle)) {
  const source = fs.readFileSync(file);
  const { code } = transformSync(source.toString('utf8'), {
    minify: true,
    format: 'esm',
    target: 'es2020',
    legalComments: 'none',
  });
  const minified = Buffer.from(code, 'utf8');
  fs.writeFileSync(file, minified);
  html = html.split(sri(source)).join(sri(minified));
  before += source.length;
  after += minified.length;
}
console.log(`post-build: minified ${before} → ${after} bytes of JS`);

// 2. Content-hashed names for the panels' module.
const panels = path.join(staging, 'panels');
if (fs.existsSync(path.join(panels, 'shilu-panels.js'))) {
  const rename = (name) => {
    const bytes = fs.readFileSync(path.join(panels, name));
    const dot = name.indexOf('.');
    const hashed = `${name.slice(0, dot)}-${short(bytes)}${name.slice(dot)}`;
    fs.renameSync(path.join(panels, name), path.join(panels, hashed));
    return `panels/${hashed}`;
  };
  // Trunk runs wasm-bindgen for both modules, and the panels' folder
  // sometimes receives a copy of the app's `snippets/` too, depending on
  // which build finished first. The panels' script imports no snippet:
  // drop the stray copy, so every build gives the same dist.
  const stray = path.join(panels, 'snippets');
  const script = ['shilu-panels.js', 'shilu-search.js']
    .filter((f) => fs.existsSync(path.join(panels, f)))
    .map((f) => fs.readFileSync(path.join(panels, f), 'utf8'))
    .join('\n');
  if (fs.existsSync(stray) && !script.includes('snippets/')) {
    fs.rmSync(stray, { recursive: true });
    console.log('post-build: removed a stray copy of the app\'s snippets from panels/');
  }
  // The script still names `shilu-panels_bg.wasm` as its default; the app
  // passes the wasm's new URL when it starts the module.
  // The worker that opens files with the module (web/open-worker.js) too.
  const names = [rename('shilu-panels.js'), rename('shilu-panels_bg.wasm'), rename('panels.css'), rename('open-worker.js')];
  const meta = `<meta name="shilu-panels" content="${names.join(' ')}">`;
  if (!html.includes('</head>')) throw new Error('index.html has no </head>');
  html = html.replace('</head>', `${meta}</head>`);
  console.log(`post-build: panels module as ${names.join(', ')}`);
  // The corpus site's search module (panels/src/search_main.rs), with the
  // panels' stylesheet it lists its results with: its names for the
  // site's search page (`<meta name="shilu-search" content="js wasm css">`,
  // read by sitegen/src/shell.rs), not for the app, which never loads it.
  if (!fs.existsSync(path.join(panels, 'shilu-search.js'))) throw new Error('post-build: panels/ has no shilu-search.js (index.html builds it)');
  const search = [rename('shilu-search.js'), rename('shilu-search_bg.wasm'), names[2]];
  html = html.replace('</head>', `<meta name="shilu-search" content="${search.join(' ')}"></head>`);
  console.log(`post-build: search module as ${search.join(', ')}`);
}
// 3. Share meta of the seed, the file src/app.rs embeds.
{
  const app = fs.readFileSync('src/app.rs', 'utf8');
  const seed = app.match(/include_str!\("\.\.\/(seeds\/[^"]+)"\)/)?.[1];
  if (!seed) throw new Error('post-build: src/app.rs embeds no seeds/… file (include_str!) to take the meta from');
  const url = process.env.SHILU_SITE_URL ? ['--url', process.env.SHILU_SITE_URL] : [];
  const args = ['run', '--quiet', '--offline', '-p', 'shilu-core', '--bin', 'shilu', '--', 'meta', ...url, seed];
  let tags;
  try {
    tags = execFileSync(cargo, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    throw new Error(`post-build: \`shilu meta\` failed${url.length ? ` on SHILU_SITE_URL=${url[1]}` : ''}: ${(e.stderr || e.message).trim()}`);
  }
  // The document's description replaces the app's generic one.
  const generic = /<meta content=[^>]* name=description>/;
  if (!generic.test(html)) throw new Error('post-build: index.html has no <meta name=description> to replace');
  html = html.replace(generic, '').replace('</head>', `${tags.trim().split('\n').join('')}</head>`);
  console.log(`post-build: share meta of ${seed}${url.length ? `, canonical ${url[1]}` : ' (no SHILU_SITE_URL: no canonical link)'}`);
}
// 4. Nothing render-blocking before the first paint: the stylesheet and
//    web/early.js (the classic script that must run before the page is
//    drawn) go into the page as one <style> and one <script>, each allowed
//    by the hash of its text in the Content-Security-Policy, which is
//    printed and written to `_headers` (Netlify's and Cloudflare Pages'
//    format; README: Content-Security-Policy). The page needs no request
//    before it is drawn, as a plain static page.
let policy;
{
  const hash = (text) => `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`;
  const link = html.match(/<link [^>]*href=["']?\.\/(main-[0-9a-f]+\.css)["']?[^>]*>/);
  if (!link) throw new Error('post-build: index.html links no main-<hash>.css stylesheet to inline (did Trunk change its link?)');
  const css = fs.readFileSync(path.join(staging, link[1]), 'utf8').trim();
  const tag = html.match(/<script src=["']?early\.js["']?><\/script>/);
  if (!tag) throw new Error('post-build: index.html has no <script src=early.js> to inline');
  const here = path.dirname(new URL(import.meta.url).pathname);
  const early = transformSync(fs.readFileSync(path.join(here, '../../web/early.js'), 'utf8'), {
    minify: true,
    target: 'es2017',
    legalComments: 'none',
  }).code.trim();
  if (/<\/(style|script)/i.test(css + early)) throw new Error('post-build: the inlined CSS or script would close its own tag');
  html = html.replace(link[0], () => `<style>${css}</style>`).replace(tag[0], () => `<script>${early}</script>`);
  fs.rmSync(path.join(staging, link[1]));
  fs.rmSync(path.join(staging, 'early.js'));
  policy = `default-src 'self'; script-src 'self' ${hash(early)} 'wasm-unsafe-eval'; style-src 'self' ${hash(css)}; img-src 'self' data:; connect-src 'self'`;
  fs.writeFileSync(path.join(staging, '_headers'), `/*\n  Content-Security-Policy: ${policy}\n`);
  console.log(`post-build: inlined ${link[1]} (${css.length} bytes) and early.js (${early.length} bytes) into index.html`);
}
fs.writeFileSync(htmlPath, html);

// 5. The service worker (after index.html is final: it is precached).
{
  const { count, size, warnings } = await generateSW({
    globDirectory: staging,
    globPatterns: ['**/*.{html,js,wasm,css,webmanifest,png}'],
    // The site's search module is the search page's, never the app's.
    globIgnores: ['sw.js', 'panels/shilu-search*'],
    swDest: path.join(staging, 'sw.js'),
    // One file: no workbox-*.js beside it to keep in step.
    inlineWorkboxRuntime: true,
    mode: 'production',
    sourcemap: false,
    // The view lives in the query string (?q=…&day=…): every navigation in
    // the worker's scope is the app's page.
    navigateFallback: 'index.html',
    ignoreURLParametersMatching: [/.*/],
    // Named after their content: no revision query needed.
    dontCacheBustURLsMatching: /-[0-9a-f]{16}[._]/,
    // The panels' wasm is 0.5 MB raw; the default cap is 2 MiB.
    maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
    cleanupOutdatedCaches: true,
    // An update waits until the reader takes it (web/loader.js's notice
    // posts SKIP_WAITING, which this worker then obeys).
    skipWaiting: false,
    clientsClaim: false,
  });
  if (warnings.length) throw new Error(`post-build: workbox: ${warnings.join('; ')}`);
  console.log(`post-build: sw.js precaches ${count} files, ${size} bytes`);
}
// The policy last, where it is seen: the dist works under exactly this header.
console.log(`post-build: serve dist/ with this header (also in dist/_headers):\nContent-Security-Policy: ${policy}`);

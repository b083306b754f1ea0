// The corpus site's search page (search/, sitegen/src/pages/search.rs):
// starts the site's search module (panels/src/search_main.rs: the search
// and its result lists alone) and hands it the view in the URL; the query
// runs in the module, over the site's index/ read by byte ranges
// (panels/src/search/). The release build bundles this file with the
// module's own JS into one script (xtask/tools/post-build.mjs), named in
// the page's <meta name="shilu-search"> with the module's wasm, and the
// page asks for it in its head (async: it runs as soon as it arrives, not
// after the page is parsed, styled and laid out), beside the wasm and the
// index's meta and key table (sitegen/src/shell.rs, `search_page`),
// which it reads and hands the module (`prime`) while the wasm compiles.
// So the query's first step goes out as soon as the module is compiled,
// while the page is still read; the results are mounted once it is.
//
// The form is a plain GET form: without this script it still lands on
// search/?q=…, where the page says that search needs JavaScript. With it,
// a submitted form, a link between views and going back show the view in
// place.
import init, { SearchPage } from './shilu-search.js';

const at = (u) => new URL(u, document.baseURI).href;
// The site's root: this script is in its panels/ folder.
const root = new URL('../', import.meta.url);

/** The module's wasm, as the page names it. */
function wasm() {
  const listed = document.querySelector('meta[name="shilu-search"]')?.content.split(' ');
  if (listed?.length !== 3) throw new Error('the page names no search module (<meta name="shilu-search">)');
  return at(listed[1]);
}

const parsed = () =>
  document.readyState === 'loading'
    ? new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }))
    : Promise.resolve();

/** The form's fields as the URL names them (empty fields left out). */
function fill(form) {
  const params = new URLSearchParams(location.search);
  for (const el of form.elements) {
    if (!el.name) continue;
    const v = params.get(el.name) ?? '';
    if (el.tagName === 'SELECT') el.value = [...el.options].some((o) => o.value === v) ? v : '';
    else el.value = v;
  }
  // Filters in the URL open their section.
  const filters = form.querySelector('details');
  if (filters && ['speaker', 'role', 'organiser', 'from', 'to', 'sort'].some((k) => params.get(k))) filters.open = true;
}

function query(form) {
  const params = new URLSearchParams();
  for (const [k, v] of new FormData(form)) if (String(v).trim()) params.append(k, v);
  return params.toString();
}

/**
 * The index's files the page's head preloads (its meta and key table),
 * fetched as the module would fetch them (the preloaded answers), while
 * the module compiles: each resolves to its path in the index's folder
 * and its bytes (none if it could not be read: the module reads it then,
 * and says why it cannot).
 */
function preloaded(index) {
  return [...document.querySelectorAll('link[rel=preload][as=fetch]')]
    .map((link) => link.href)
    .filter((u) => u.startsWith(index))
    .map((u) =>
      fetch(u)
        .then((r) => (r.ok ? r.arrayBuffer() : null))
        .catch(() => null)
        .then((bytes) => [u.slice(index.length), bytes]),
    );
}

async function start() {
  const index = new URL('index/', root).href;
  const files = preloaded(index);
  await init({ module_or_path: wasm() });
  const page = new SearchPage(index, 'search/');
  for (const [path, bytes] of await Promise.all(files)) if (bytes) page.prime(path, new Uint8Array(bytes));
  // The query first: its first reads go out while the page is parsed
  // (the meta and key table in hand, at once, before the page is mounted
  // and laid out).
  page.show(location.search);
  await parsed();
  const form = document.getElementById('search-form');
  page.mount(document.getElementById('search-results'));
  fill(form);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const qs = query(form);
    history.pushState(null, '', qs ? `?${qs}` : './');
    page.show(location.search);
  });
  addEventListener('popstate', () => {
    fill(form);
    page.show(location.search);
  });
}

start().catch(async (e) => {
  console.error('shilu: search did not start', e);
  await parsed();
  const p = document.createElement('p');
  p.setAttribute('role', 'alert');
  p.textContent = '检索无法启动，请刷新页面。 · Search could not start: reload the page.';
  document.getElementById('search-results').append(p);
});

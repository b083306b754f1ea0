// The corpus site's search page (search/, sitegen/src/pages/search.rs):
// starts the site's search module (panels/src/search_main.rs: the search
// and its result lists alone; its files are named in the page's
// <meta name="shilu-search">) and hands it the view in the URL; the query
// runs in the module, over the site's index/ read by byte ranges
// (panels/src/search/). The form is a plain GET form: without this script
// it still lands on search/?q=…, where the page says that search needs
// JavaScript. With it, a submitted form, a link between views and going
// back show the view in place. The page's head links the results'
// stylesheet and asks for the module's wasm and the index's meta and key
// table with the page (sitegen/src/shell.rs, `search_page`): they arrive
// while this runs.
const root = new URL('./', import.meta.url);
const form = document.getElementById('search-form');
const results = document.getElementById('search-results');
const at = (u) => new URL(u, document.baseURI).href;

/** The form's fields as the URL names them (empty fields left out). */
function fill() {
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

function query() {
  const params = new URLSearchParams();
  for (const [k, v] of new FormData(form)) if (String(v).trim()) params.append(k, v);
  return params.toString();
}

async function start() {
  const listed = document.querySelector('meta[name="shilu-search"]')?.content.split(' ');
  const [script, wasm] = listed?.length === 3 ? listed : [at('../panels/shilu-search.js'), undefined];
  const m = await import(at(script));
  await m.default(wasm ? { module_or_path: at(wasm) } : undefined);
  const page = new m.SearchPage(new URL('index/', root).href, 'search/', results);
  fill();
  page.show(location.search);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const qs = query();
    history.pushState(null, '', qs ? `?${qs}` : './');
    page.show(location.search);
  });
  addEventListener('popstate', () => {
    fill();
    page.show(location.search);
  });
}

start().catch((e) => {
  console.error('shilu: search did not start', e);
  const p = document.createElement('p');
  p.setAttribute('role', 'alert');
  p.textContent = '检索无法启动，请刷新页面。 · Search could not start: reload the page.';
  results.append(p);
});

// The corpus site's transcript list, filtered at once in the reader's
// browser (the site's build writes it as catalog-<hash>.js, and the list's
// pages load it; sitegen/src/pages/list.rs). The view lives in the URL
// (?year=&speaker=&organiser=&role=), so a link reproduces it. The whole
// list, compactly, is catalog.json (shilu_core::corpus::site::Catalog),
// fetched the first time a filter is used. Without JavaScript the form
// stays hidden and the list, its pages and its year pages read as they are.
const root = new URL('./', import.meta.url);
const form = document.getElementById('catalog-filter');
const list = document.querySelector('.catalog');
const count = document.querySelector('.site-count');
const pager = document.querySelector('.pager');
const FIELDS = ['year', 'speaker', 'organiser', 'role'];
let catalog;
const load = () =>
  (catalog ??= fetch(new URL('catalog.json', root)).then((r) => {
    if (!r.ok) throw new Error(`catalog.json: HTTP ${r.status}`);
    return r.json();
  }));

const el = (tag, cls, text) => {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text != null) e.textContent = text;
  return e;
};

/** One transcript, as the list's own rows are written (TranscriptRow). */
function row(r, c) {
  const li = el('li', 'catalog__row');
  const title = el('a', 'catalog__title', r.title);
  title.href = new URL(r.url, root).href;
  const facts = el('span', 'catalog__facts');
  if (r.date) {
    const t = el('time', null, r.date);
    t.dateTime = r.date;
    facts.append(t);
  }
  facts.append(el('span', 'catalog__by', r.organiser != null ? c.organisers[r.organiser] : r.source));
  if (r.questions > 0) facts.append(el('span', 'catalog__questions', `${r.questions} 问`));
  const speakers = el('span', 'catalog__speakers');
  for (const [n] of r.speakers) {
    const [name, url] = c.speakers[n];
    const a = el('a', null, name);
    a.href = new URL(url, root).href;
    speakers.append(a);
  }
  li.append(title, facts, speakers);
  return li;
}

function wanted() {
  const p = new URLSearchParams(location.search);
  return Object.fromEntries(FIELDS.map((f) => [f, (p.get(f) || '').trim()]));
}

/** The rows of `c` the view `v` keeps. */
function filter(c, v) {
  const speaker = v.speaker ? c.speakers.findIndex(([name]) => name === v.speaker) : -1;
  const organiser = v.organiser ? c.organisers.indexOf(v.organiser) : -1;
  return c.rows.filter(
    (r) =>
      (!v.year || (r.date || '').startsWith(v.year)) &&
      (!v.speaker || r.speakers.some(([n, role]) => n === speaker && (!v.role || role === v.role))) &&
      (!v.role || v.speaker || r.speakers.some(([, role]) => role === v.role)) &&
      (!v.organiser || r.organiser === organiser),
  );
}

let shown = null; // the static list, put back when no filter is left
async function show(v) {
  const any = FIELDS.some((f) => v[f]);
  if (!any) {
    if (shown) {
      list.replaceChildren(...shown.rows);
      list.start = shown.start;
      count.textContent = shown.count;
      if (pager) pager.hidden = false;
      shown = null;
    }
    return;
  }
  shown ??= { rows: [...list.children], start: list.start, count: count.textContent };
  count.textContent = '正在筛选… Filtering…';
  let c;
  try {
    c = await load();
  } catch (e) {
    catalog = undefined;
    count.textContent = `筛选不可用 Filters unavailable (${e.message})`;
    return;
  }
  fill(c);
  const rows = filter(c, v);
  list.replaceChildren(...rows.map((r) => row(r, c)));
  list.start = 1;
  if (pager) pager.hidden = true;
  count.textContent = `${rows.length} 场 · 共 ${c.rows.length} 场 ${rows.length} of ${c.rows.length} transcripts`;
}

let filled = false;
/** The speakers' and organisers' choices, once the catalog is here. */
function fill(c) {
  if (filled) return;
  filled = true;
  const names = document.getElementById('catalog-speakers');
  for (const [name] of c.speakers) names.append(new Option(name));
  const organisers = form.elements.organiser;
  for (const o of [...c.organisers].sort()) organisers.append(new Option(o, o));
  organisers.value = wanted().organiser;
}

function read() {
  const v = wanted();
  for (const f of FIELDS) form.elements[f].value = v[f];
  return v;
}

if (form && list && count) {
  form.hidden = false;
  const apply = () => {
    const v = Object.fromEntries(FIELDS.map((f) => [f, form.elements[f].value.trim()]));
    const q = new URLSearchParams(Object.entries(v).filter(([, x]) => x)).toString();
    history.replaceState(null, '', q ? `?${q}` : location.pathname);
    show(v);
  };
  form.addEventListener('change', apply);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    apply();
  });
  form.addEventListener('reset', () => setTimeout(apply));
  // The organisers are known once the catalog is: load it for the choice.
  form.elements.organiser.addEventListener('focus', () => load().then(fill, () => {}), { once: true });
  form.elements.speaker.addEventListener('focus', () => load().then(fill, () => {}), { once: true });
  const v = read();
  if (FIELDS.some((f) => v[f])) show(v);
}

// The search's matches as CSS Custom Highlights (`::highlight(search)`,
// `::highlight(search-current)` in style/main.css): ranges over the page's
// text, so a keystroke changes no element and lays nothing out again. Used by
// src/components/transcript/highlights.rs; bundled into the page's one script.

const FIELD = { m: 'block__marker', h: 'block__heading', t: 'block__text', n: 'block__note' };
let wantScroll = false;

/** A field's element: in its block, or (the title block) the element that says it holds it. */
function fieldOf(block, code) {
  const el = document.getElementById(block);
  return (el && el.querySelector('.' + FIELD[code])) || document.querySelector(`[data-field-of="${block}"]`);
}

/** The field's text nodes with where each starts (UTF-16), the hints for screen readers left out. */
function textNodes(el) {
  const skip = (n) => (n.parentElement.closest('.visually-hidden') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT);
  const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT, { acceptNode: skip });
  const out = [];
  let at = 0;
  for (let n = walk.nextNode(); n; n = walk.nextNode()) {
    out.push([n, at]);
    at += n.length;
  }
  return out;
}

/** A range from `start` to `end` (UTF-16 offsets in the field's text), if the text is that long. */
function rangeOf(nodes, start, end) {
  const r = document.createRange();
  let started = false;
  for (const [n, at] of nodes) {
    if (!started && start < at + n.length) {
      r.setStart(n, start - at);
      started = true;
    }
    if (started && end <= at + n.length) {
      r.setEnd(n, end - at);
      return r;
    }
  }
  return null;
}

/**
 * Shows the matches `list` names, one a line: `block field start end`
 * (field m/h/t/n, offsets in UTF-16 code units); the `current`-th (from 0)
 * apart. Returns how many ranges it made.
 */
export function showMatches(list, current) {
  const registry = globalThis.CSS && CSS.highlights;
  if (!registry) return 0;
  const all = new Highlight();
  const now = new Highlight();
  let key = '';
  let nodes = null;
  let i = 0;
  for (const line of list ? list.split('\n') : []) {
    const [block, code, start, end] = line.split(' ');
    if (end === undefined) continue;
    if (block + code !== key) {
      key = block + code;
      const el = fieldOf(block, code);
      nodes = el && textNodes(el);
    }
    const r = nodes && rangeOf(nodes, +start, +end);
    if (r) (i === current ? now : all).add(r);
    i++;
  }
  registry.set('search', all);
  registry.set('search-current', now);
  if (wantScroll) scrollNow();
  return all.size + now.size;
}

function scrollNow() {
  wantScroll = false;
  const h = CSS.highlights && CSS.highlights.get('search-current');
  const r = h && h.values().next().value;
  const el = r && r.startContainer.parentElement;
  if (el) el.scrollIntoView({ block: 'center' });
}

/** Scrolls the current match into view once it is shown (the step that made it current comes first). */
export function scrollToCurrent() {
  wantScroll = true;
  requestAnimationFrame(() => requestAnimationFrame(() => wantScroll && scrollNow()));
}

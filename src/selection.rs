//! The reader's selection in the transcript, as a quote: the block and the
//! field it starts in, and its characters in that field's plain text (what
//! the field shows, less the hints screen readers hear after a marked
//! figure, which `highlight::marked_html` writes into the field). A
//! selection beyond its first field is cut at that field's end: a quote is
//! one field of one block (`shilu_core::quote`).
//!
//! The walk over the page's selection is a few lines of script: in Rust,
//! the DOM calls it needs (Selection, Range, fragments) and a listener cost
//! the first visit several KB of wasm; here they cost well under one.

use crate::state::Reader;
use leptos::prelude::*;
use shilu_core::quote::Quote;
use shilu_core::search::Field;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen(inline_js = r#"
// Each field's element and its code (see markup::field_class, Field::code).
const CODES = { block__marker: 'm', block__heading: 'h', block__text: 't', block__note: 'n' };
const FIELD = Object.keys(CODES).map((c) => '.' + c).join(',');
// The characters (code points) of what a range holds, less what is not a
// field's text: the hints after a marked figure, a block's actions.
function plain(range) {
  const part = range.cloneContents();
  part.querySelectorAll('.visually-hidden,.block__actions').forEach((e) => e.remove());
  return part.textContent;
}
// [block id, field code, first character, end, whether it was cut], or null.
export function selected_quote() {
  const sel = getSelection();
  if (!sel || sel.isCollapsed || !sel.rangeCount) return null;
  const range = sel.getRangeAt(0);
  const start = range.startContainer;
  // A selection of a whole paragraph starts before its first field.
  const at = start.nodeType === 1 ? start.childNodes[range.startOffset] ?? start : start;
  const el = at.nodeType === 1 ? at : at.parentElement;
  const field = el?.closest(FIELD) ?? el?.querySelector(FIELD);
  const block = field?.closest('#transcript-content [data-block]');
  if (!block || !range.intersectsNode(field)) return null;
  const inside = field.contains(start);
  const before = document.createRange();
  before.setStart(field, 0);
  if (inside) before.setEnd(start, range.startOffset);
  const quoted = range.cloneRange();
  if (!inside) quoted.setStart(field, 0);
  let cut = false;
  if (!field.contains(range.endContainer)) {
    const end = field.childNodes.length;
    quoted.setEnd(field, end);
    const rest = range.cloneRange();
    rest.setStart(field, end);
    cut = plain(rest).trim() !== '';
  }
  const from = [...plain(before)].length;
  const code = CODES[[...field.classList].find((c) => CODES[c])];
  return [block.id, code, from, from + [...plain(quoted)].length, cut];
}
// Shows the quote bar (#quote-bar) while the selection quotes something,
// or its button has focus; a press on the button keeps the selection.
export function watch_selection() {
  document.addEventListener('selectionchange', () => {
    const bar = document.getElementById('quote-bar');
    if (bar) bar.hidden = !selected_quote() && document.activeElement?.id !== 'quote-button';
  });
  addEventListener('mousedown', (e) => {
    if (e.target.closest?.('#quote-button')) e.preventDefault();
  });
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = selected_quote)]
    fn selected_in_page() -> JsValue;
    /// Starts following the selection (once).
    pub fn watch_selection();
}

/// What the current selection quotes, and whether it went on past its
/// first field (and was cut there). `None` for no selection, one outside
/// the transcript's fields, or one of whitespace only.
pub fn selected_quote(reader: Reader) -> Option<(Quote, bool)> {
    let found = selected_in_page().dyn_into::<js_sys::Array>().ok()?;
    let id = found.get(0).as_string()?;
    let field = Field::from_code(&found.get(1).as_string()?)?;
    let (from, to) = (
        found.get(2).as_f64()? as usize,
        found.get(3).as_f64()? as usize,
    );
    let quote = reader.doc.with_untracked(|d| {
        let block = d.blocks().find(|b| b.id == id)?;
        let (_, text) = block.fields().find(|(f, _)| *f == field)?;
        Quote::of(&id, field, text, from..to)
    })?;
    Some((quote, found.get(4).is_truthy()))
}

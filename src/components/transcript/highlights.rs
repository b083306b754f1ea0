//! The search's matches, shown as CSS Custom Highlights (`web/highlights.js`):
//! ranges over the text already on the page, so a keystroke changes no
//! element and nothing is laid out again, however many matches there are.
//! (A `<mark>` per match made the browser restyle and re-lay-out every
//! paragraph with one: most of a keystroke's second on 100 copies of the
//! seed.) The marked figures and quotes, which are links and landmarks,
//! stay elements (`super::marks`).

use super::markup::field_value;
use crate::state::Reader;
use leptos::prelude::*;
use shilu_core::search::{hits_in, Hit};
use shilu_core::Document;
use shilu_ui::effect::effect;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/web/highlights.js")]
extern "C" {
    #[wasm_bindgen(js_name = showMatches)]
    fn show_matches(list: &str, current: i32) -> u32;
    /// Scrolls the current match into view once it is shown.
    #[wasm_bindgen(js_name = scrollToCurrent)]
    pub fn scroll_to_current();
}

/// Keeps the highlights on the reader's matches and the current one; again
/// whenever the fields' content changes (`fields`: a new document, or marks
/// set into fields, which replaces their text nodes).
pub fn follow(reader: Reader, fields: RwSignal<u32>) {
    effect(move || {
        fields.track();
        let current = reader.active_index().map_or(-1, |i| i as i32);
        let list = reader
            .hits
            .with(|hits| reader.doc.with_untracked(|doc| match_lines(doc, hits)));
        // Once this frame's changes to the page are made.
        request_animation_frame(move || {
            show_matches(&list, current);
        });
    });
}

/// One line per match, in the order of `hits`: `block field start end`,
/// the field as its one-letter code and the offsets in UTF-16 code units of
/// the field's text (what a DOM range counts).
pub fn match_lines(doc: &Document, hits: &[Hit]) -> String {
    let mut out = String::new();
    for block in doc.blocks() {
        for i in hits_in(hits, &block.id) {
            let hit = &hits[i];
            let text = field_value(block, hit.field).unwrap_or("");
            let (Some(start), Some(end)) = (
                utf16_at(text, hit.range.start),
                utf16_at(text, hit.range.end),
            ) else {
                continue;
            };
            let line = format!("{} {} {start} {end}\n", block.id, hit.field.code());
            out.push_str(&line);
        }
    }
    out
}

/// The UTF-16 offset of byte `at` of `text`, if it is a character boundary.
fn utf16_at(text: &str, at: usize) -> Option<usize> {
    Some(text.get(..at)?.chars().map(char::len_utf16).sum())
}

#[cfg(test)]
mod tests {
    use super::*;
    use shilu_core::search::{search, Matcher};

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn each_match_is_a_line_in_utf16_offsets() {
        let doc = shilu_core::structure(crate::app::SEED, None);
        let hits = search(&doc, &Matcher::new("光伏").unwrap());
        let lines = match_lines(&doc, &hits);
        assert_eq!(lines.lines().count(), hits.len());
        for (line, hit) in lines.lines().zip(&hits) {
            let w: Vec<&str> = line.split(' ').collect();
            assert_eq!(w[0], hit.block);
            let block = doc.blocks().find(|b| b.id == hit.block).unwrap();
            let text: Vec<u16> = field_value(block, hit.field)
                .unwrap()
                .encode_utf16()
                .collect();
            let (s, e): (usize, usize) = (w[2].parse().unwrap(), w[3].parse().unwrap());
            assert_eq!(String::from_utf16(&text[s..e]).unwrap(), "光伏", "{line}");
        }
        // A character outside the BMP counts two code units.
        assert_eq!(utf16_at("𝄞光伏", "𝄞".len()), Some(2));
        assert_eq!(utf16_at("光伏", 1), None);
    }
}

//! Text with the search matches inside it marked.
//!
//! A field's content is HTML ([`marked_html`]): the text escaped, each
//! match in a `<mark>`. It is set as the `inner_html` of the element that
//! holds the field, so a match costs no view of its own.

use crate::state::Reader;
use leptos::prelude::*;
use shilu_core::search::{Field, Hit};
use shilu_ui::context::context;
use shilu_ui::html::{num, opt, Html};
use std::ops::Range;

/// `text` escaped, with each of `marks` (index among all hits, byte range)
/// wrapped in `<mark data-hit="i">`; the `current` one is `is-current`.
pub fn marked_html(text: &str, marks: &[(usize, Range<usize>)], current: Option<usize>) -> Html {
    let mut h = Html::new();
    let mut pos = 0;
    for (i, r) in marks {
        let class = (current == Some(*i)).then_some("is-current");
        h.text(&text[pos..r.start]).el(
            "mark",
            &[opt("class", class), num("data-hit", *i as i64)],
            &text[r.clone()],
        );
        pos = r.end;
    }
    h.text(&text[pos..]);
    h
}

/// The matches in one field of a block: (index among all hits, byte range).
/// (An index of the hits by block would save this scan per field, but its
/// map and memo types cost the first visit more than its budget allows.)
pub fn marks_in(reader: Reader, block: &str, field: Field) -> Vec<(usize, Range<usize>)> {
    reader.hits.with(|hits| marks_of(hits, block, field))
}

/// The hits in one field of `block`.
pub fn marks_of(hits: &[Hit], block: &str, field: Field) -> Vec<(usize, Range<usize>)> {
    hits.iter()
        .enumerate()
        .filter(|(_, h)| h.field == field && h.block == block)
        .map(|(i, h)| (i, h.range.clone()))
        .collect()
}

/// A field's HTML with its `marks`; only a field with matches follows
/// the reader's current match.
pub fn field_html(reader: Reader, text: &str, marks: &[(usize, Range<usize>)]) -> Html {
    let current = if marks.is_empty() {
        None
    } else {
        reader.active_index()
    };
    marked_html(text, marks, current)
}

/// The content of one field of a block (`text`), as HTML that follows the
/// search: set it as the `inner_html` of the element holding the field.
pub fn highlighted(block: String, field: Field, text: String) -> impl Fn() -> String {
    let reader = context::<Reader>();
    // A memo, so typing only touches the fields whose matches changed.
    let marks = Memo::new(move |_| marks_in(reader, &block, field));
    move || marks.with(|m| field_html(reader, &text, m).into_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use expect_test::expect;

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn matches_are_marked_the_current_one_apart_and_the_rest_escaped() {
        let text = "光伏<扶贫>与光伏";
        assert_eq!(marked_html(text, &[], None), "光伏&lt;扶贫&gt;与光伏");
        let second = text.rfind("光伏").unwrap();
        let marks = [(3, 0..6), (4, second..second + 6)];
        let html = marked_html(text, &marks, Some(4));
        assert_eq!(html.matches("<mark").count(), 2);
        assert_eq!(html.matches("is-current").count(), 1);
        expect![[r##"<mark data-hit="3">光伏</mark>&lt;扶贫&gt;与<mark class="is-current" data-hit="4">光伏</mark>"##]].assert_eq(&html);
    }

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn each_field_finds_its_own_marks() {
        let hit = |block: &str, field, range: Range<usize>| Hit {
            block: block.into(),
            field,
            range,
        };
        let hits = [
            hit("t1-b1", Field::Text, 0..3),
            hit("t1-b2", Field::Heading, 0..3),
            hit("t1-b1", Field::Text, 6..9),
            hit("t1-b2", Field::Text, 3..6),
        ];
        assert_eq!(marks_of(&hits, "t1-b2", Field::Text), [(3, 3..6)]);
        assert_eq!(
            marks_of(&hits, "t1-b1", Field::Text),
            [(0, 0..3), (2, 6..9)]
        );
        assert!(marks_of(&hits, "t1-b1", Field::Note).is_empty());
    }
}

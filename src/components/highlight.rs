//! Text with the search matches inside it marked.

use crate::state::Reader;
use leptos::prelude::*;
use shilu_core::search::Field;
use std::ops::Range;

/// One field of a block (`text`), with every match in it wrapped in `<mark>`;
/// the reader's current match gets `is-current`.
#[component]
pub fn Highlighted(block: String, field: Field, text: String) -> impl IntoView {
    let reader = expect_context::<Reader>();
    // This field's matches, as (index among all hits, byte range). A memo, so
    // typing only touches the fields whose matches changed.
    let marks = Memo::new(move |_| {
        reader.hits.with(|hits| {
            hits.iter()
                .enumerate()
                .filter(|(_, h)| h.field == field && h.block == block)
                .map(|(i, h)| (i, h.range.clone()))
                .collect::<Vec<(usize, Range<usize>)>>()
        })
    });
    move || {
        let marks = marks.get();
        if marks.is_empty() {
            return text.clone().into_any();
        }
        let current = reader.active_index();
        let mut parts = Vec::with_capacity(marks.len() * 2 + 1);
        let mut pos = 0;
        for (i, r) in marks {
            parts.push(text[pos..r.start].to_string().into_any());
            let class = if current == Some(i) { "is-current" } else { "" };
            parts.push(
                view! { <mark class=class data-hit=i>{text[r.clone()].to_string()}</mark> }
                    .into_any(),
            );
            pos = r.end;
        }
        parts.push(text[pos..].to_string().into_any());
        parts.collect_view().into_any()
    }
}

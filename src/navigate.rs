//! Going to a place in the transcript, from a link, the contents, a deep link
//! or a calendar event: one way, so each of them unfolds, filters and scrolls alike.

use crate::state::{Panel, Reader};
use leptos::prelude::*;
use shilu_ui::dom::{focus_id, scroll_to_id};

/// Shows a block (or turn) of the transcript: switches to the transcript,
/// unfolds what holds it, lets the speaker filter show its turn, scrolls it
/// into view, highlights it and moves focus there.
pub fn go_to_block(reader: Reader, id: String) {
    reader.reveal_blocks(std::iter::once(id.as_str()));
    let turn = reader.doc.with_untracked(|d| {
        d.turn(&id)
            .or_else(|| d.turn_of_block(&id))
            .map(|t| (t.id.clone(), t.speaker.clone()))
    });
    if let Some((turn_id, speaker)) = turn {
        reader.folded.update(|f| {
            f.remove(&turn_id);
        });
        if !reader
            .visible_turns
            .with_untracked(|v| v.contains(&turn_id))
        {
            reader.speakers.update(|s| {
                s.insert(speaker);
            });
        }
    }
    show(reader, Panel::Transcript, id);
}

/// Shows a check of the insights panel (`c1`): a mark in the transcript
/// leads there.
pub fn go_to_check(reader: Reader, id: String) {
    show(reader, Panel::Insights, id);
}

/// Switches to `panel`, then scrolls to the element `id` and focuses it.
fn show(reader: Reader, panel: Panel, id: String) {
    reader.panel.set(panel);
    // After the panel and the unfolded turn have rendered.
    request_animation_frame(move || {
        request_animation_frame(move || {
            let el = document().get_element_by_id(&id);
            if let Some(el) = &el {
                if !el.has_attribute("tabindex") {
                    let _ = el.set_attribute("tabindex", "-1");
                }
            }
            scroll_to_id(&id);
            // A quote in it, into view too (a long paragraph's end may be
            // below the screen).
            if let Some(Ok(Some(quote))) = el.map(|el| el.query_selector("mark.quote")) {
                let opts = web_sys::ScrollIntoViewOptions::new();
                opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
                quote.scroll_into_view_with_scroll_into_view_options(&opts);
            }
            focus_id(&id);
        })
    });
}

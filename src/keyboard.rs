//! Page-wide shortcuts: `/` focuses search; `j` and `k` move to the next and
//! previous shown turn; `q` copies the selection's quote link (as the
//! quote bar's button does).

use crate::components::search_bar::SEARCH_INPUT_ID;
use crate::state::{Panel, Reader};
use leptos::prelude::*;
use shilu_ui::dom::{focus_id, scroll_to_id, typing_in_field};

pub fn install(reader: Reader) {
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() || typing_in_field() {
            return;
        }
        match ev.key().as_str() {
            "/" => {
                ev.prevent_default();
                focus_id(SEARCH_INPUT_ID);
            }
            "q" if reader.panel.get_untracked() == Panel::Transcript => {
                crate::components::quote_bar::copy_quote(reader);
            }
            "j" | "k" if reader.panel.get_untracked() == Panel::Transcript => {
                ev.prevent_default();
                move_turn(reader, ev.key() == "j");
            }
            _ => {}
        }
    });
    on_cleanup(move || handle.remove());
}

/// Moves to the next (or previous) shown turn from the current one.
fn move_turn(reader: Reader, forward: bool) {
    let shown: Vec<String> = reader.doc.with_untracked(|d| {
        reader.visible_turns.with_untracked(|v| {
            d.turns
                .iter()
                .filter(|t| v.contains(&t.id))
                .map(|t| t.id.clone())
                .collect()
        })
    });
    let order: Vec<String> = reader
        .doc
        .with_untracked(|d| d.turns.iter().map(|t| t.id.clone()).collect());
    let pos = |id: &str| order.iter().position(|x| x == id);
    // The turn whose heading has focus (after a j/k), else the one scrolled to.
    let focused = document()
        .active_element()
        .and_then(|el| el.id().strip_suffix("-heading").map(str::to_string));
    let current = focused
        .and_then(|id| pos(&id))
        .or_else(|| reader.current_turn.get_untracked().and_then(|c| pos(&c)));
    let target = if forward {
        shown
            .iter()
            .find(|id| current.is_none_or(|c| pos(id) > Some(c)))
    } else {
        shown
            .iter()
            .rev()
            .find(|id| current.is_some_and(|c| pos(id) < Some(c)))
    };
    if let Some(id) = target {
        reader.current_turn.set(Some(id.clone()));
        scroll_to_id(id);
        focus_id(&format!("{id}-heading"));
    }
}

//! Which turns the speaker filter shows: a hidden turn's content gets
//! `hidden` and its one-line placeholder shows instead. Only the turns
//! whose state changed are touched.

use crate::state::Reader;
use leptos::prelude::*;
use shilu_ui::dom::set_flag;
use shilu_ui::effect::effect;
use std::collections::BTreeSet;

/// Keeps the transcript's turns as `Reader::visible_turns` says, for each
/// content `rendered` (a new one shows every turn).
pub fn follow(reader: Reader, rendered: RwSignal<u32>) {
    // The content it applied to, and the turns it hid there.
    let applied = StoredValue::new((0u32, BTreeSet::<String>::new()));
    effect(move || {
        let version = rendered.get();
        reader.visible_turns.with(|shown| {
            reader.doc.with_untracked(|doc| {
                applied.update_value(|(v, hidden)| {
                    if *v != version {
                        *v = version;
                        hidden.clear();
                    }
                    for turn in &doc.turns {
                        let hide = !shown.contains(&turn.id);
                        if hide != hidden.contains(&turn.id) && set_turn_hidden(&turn.id, hide) {
                            if hide {
                                hidden.insert(turn.id.clone());
                            } else {
                                hidden.remove(&turn.id);
                            }
                        }
                    }
                })
            })
        })
    });
}

/// Hides turn `id`'s content and shows its placeholder (or the reverse);
/// `false` when the page has no such turn.
fn set_turn_hidden(id: &str, hide: bool) -> bool {
    let Some(turn) = document().get_element_by_id(id) else {
        return false;
    };
    let Some(placeholder) = turn.first_element_child() else {
        return false;
    };
    set_flag(&placeholder, "hidden", !hide);
    if let Some(content) = placeholder.next_element_sibling() {
        set_flag(&content, "hidden", hide);
    }
    true
}

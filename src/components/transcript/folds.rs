//! What is folded: a fold's toggle says whether it is expanded (and its
//! title what a click does), and what it hides gets `hidden`. Only the
//! folds whose state changed are touched.

use super::markup::fold_bodies;
use crate::i18n::use_texts;
use crate::state::Reader;
use leptos::prelude::*;
use shilu_ui::dom::set_flag;
use shilu_ui::effect::effect;
use std::collections::BTreeSet;

/// Keeps the transcript's folds as `Reader::folded` says, for each content
/// `rendered` (a new one has every fold open).
pub fn follow(reader: Reader, rendered: RwSignal<u32>) {
    let t = use_texts();
    // The content it applied to, and the folds it closed there.
    let applied = StoredValue::new((0u32, BTreeSet::<String>::new()));
    effect(move || {
        let version = rendered.get();
        let t = t();
        reader.folded.with(|folded| {
            applied.update_value(|(v, closed)| {
                if *v != version {
                    *v = version;
                    closed.clear();
                }
                let changed: Vec<String> = closed.symmetric_difference(folded).cloned().collect();
                for id in changed {
                    let fold = folded.contains(&id);
                    set_fold(&id, fold, if fold { t.unfold } else { t.fold });
                    if fold {
                        closed.insert(id);
                    } else {
                        closed.remove(&id);
                    }
                }
            })
        })
    });
}

/// Folds (or unfolds) `id`: its toggle and whatever it hides.
fn set_fold(id: &str, fold: bool, title: &str) {
    let doc = document();
    if let Some(button) = doc.get_element_by_id(&format!("{id}-fold")) {
        let _ = button.set_attribute("aria-expanded", if fold { "false" } else { "true" });
        let _ = button.set_attribute("title", title);
    }
    for body in fold_bodies(id) {
        if let Some(el) = doc.get_element_by_id(&body) {
            set_flag(&el, "hidden", fold);
        }
    }
}

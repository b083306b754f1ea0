//! The marked figures (the sides of a conflict, links to their check) and
//! the reader's quote in the transcript: a field with either gets its text
//! as marked HTML (`highlight::quoted_html`), a field that had them and has
//! none gets its plain text back. Each field keeps the HTML it was last
//! given, and is touched only when that changes. (The search's matches are
//! highlights over the text, `super::highlights`, not elements.)

use super::markup::{field_class, field_value};
use crate::components::highlight::field_marks_html;
use crate::i18n::use_texts;
use crate::state::set_of;
use crate::state::Reader;
use leptos::prelude::*;
use shilu_core::search::Field;
use shilu_ui::effect::effect;
use shilu_ui::html::Html;
use shilu_ui::marks::marked_blocks;
use std::collections::{BTreeMap, BTreeSet};

const FIELDS: [Field; 4] = [Field::Marker, Field::Heading, Field::Text, Field::Note];

/// Keeps the transcript's fields marked as the panels' marked figures and
/// the reader's quote say (`Reader::quote`, marked only where its passage
/// is), for each content `rendered` (a new one has no marks); `fields`
/// counts each time fields were set (their text nodes are new).
pub fn follow(reader: Reader, rendered: RwSignal<u32>, fields: RwSignal<u32>) {
    let t = use_texts();
    // The content it applied to, and each marked block's fields as set.
    let applied = StoredValue::new((0u32, BTreeMap::<String, [Option<String>; 4]>::new()));
    effect(move || {
        let version = rendered.get();
        let checks = reader.marks.get();
        let hint = t().conflict_mark;
        let mut touched = false;
        let quote = reader.quoted();
        reader.doc.with_untracked(|doc| {
            applied.update_value(|(v, set)| {
                if *v != version {
                    *v = version;
                    set.clear();
                }
                let mut wanted: BTreeSet<&str> = set_of(marked_blocks(&checks));
                wanted.extend(quote.as_ref().map(|q| q.block.as_str()));
                // In reading order, each block once: the blocks marked
                // now, and those marked before.
                for block in doc.blocks() {
                    let id = block.id.as_str();
                    let before = set.get(id);
                    if !wanted.contains(id) && before.is_none() {
                        continue;
                    }
                    let mut now: [Option<String>; 4] = Default::default();
                    for (i, field) in FIELDS.into_iter().enumerate() {
                        if let Some(text) = field_value(block, field) {
                            let quoted = quote
                                .as_ref()
                                .filter(|q| q.block == id && q.field == field)
                                .and_then(|q| q.in_text(text));
                            now[i] =
                                field_marks_html(&[], None, &checks, id, field, text, hint, quoted);
                        }
                    }
                    let old = before.cloned().unwrap_or_default();
                    if old == now {
                        continue;
                    }
                    for (i, field) in FIELDS.into_iter().enumerate() {
                        if old[i] != now[i] {
                            let plain = || {
                                field_value(block, field).map(|t| Html::of_text(t).into_string())
                            };
                            set_field(id, field, now[i].clone().or_else(plain).as_deref());
                            touched = true;
                        }
                    }
                    if now.iter().all(Option::is_none) {
                        set.remove(id);
                    } else {
                        set.insert(id.to_string(), now);
                    }
                }
            })
        });
        if touched {
            fields.update(|n| *n += 1);
        }
    });
}

/// Sets the content of one field of block `id` (a block the page does not
/// show, as the title, is left alone).
fn set_field(id: &str, field: Field, html: Option<&str>) {
    let Some(html) = html else { return };
    let Some(block) = document().get_element_by_id(id) else {
        return;
    };
    let selector = format!(".{}", field_class(field));
    if let Ok(Some(el)) = block.query_selector(&selector) {
        el.set_inner_html(html);
    }
}

//! The panels beside the transcript: the event calendar and the insights.
//!
//! - `calendar` lays out the calendar panel: ICS downloads, month grid,
//!   the chosen day, the timeline and the agenda.
//! - `calendar_model` is its pure logic (grid weeks, spans, month range).
//! - `insights` lays out figures, speakers and Q&A.
//!
//! Everything shown is derived from `Reader::doc`; links back to the text go
//! through [`go_to_block`].

pub mod agenda;
pub mod calendar;
pub mod calendar_model;
pub mod day_events;
pub mod event_item;
pub mod figures_table;
pub mod ics_downloads;
pub mod insights;
pub mod month_grid;
pub mod qa_list;
pub mod speaker_stats;
pub mod timeline;

use crate::dom::{focus_id, scroll_to_id};
use crate::state::{Panel, Reader};
use leptos::prelude::*;
use shilu_core::{events, figures, Document, Event, Figure};

/// The document's events: as parsed, or extracted when the parser left them out.
pub fn events_of(doc: &Document) -> Vec<Event> {
    if doc.events.is_empty() {
        events::extract(doc)
    } else {
        doc.events.clone()
    }
}

/// The document's figures: as parsed, or extracted when the parser left them out.
pub fn figures_of(doc: &Document) -> Vec<Figure> {
    if doc.figures.is_empty() {
        figures::extract(doc)
    } else {
        doc.figures.clone()
    }
}

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
    reader.panel.set(Panel::Transcript);
    // After the panel and the unfolded turn have rendered.
    request_animation_frame(move || {
        request_animation_frame(move || {
            if let Some(el) = document().get_element_by_id(&id) {
                if !el.has_attribute("tabindex") {
                    let _ = el.set_attribute("tabindex", "-1");
                }
            }
            scroll_to_id(&id);
            focus_id(&id);
        })
    });
}

/// A link to a block of the transcript (`href="#t4-b11"`), followed in place.
#[component]
pub fn BlockLink(
    /// The block or turn id.
    block: String,
    /// Extra class names.
    #[prop(optional, into)]
    class: String,
    children: Children,
) -> impl IntoView {
    let reader = expect_context::<Reader>();
    let href = format!("#{block}");
    let on_click = move |ev: leptos::ev::MouseEvent| {
        if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.button() != 0 {
            return;
        }
        ev.prevent_default();
        go_to_block(reader, block.clone());
    };
    view! { <a class=format!("block-link {class}") href=href on:click=on_click>{children()}</a> }
}

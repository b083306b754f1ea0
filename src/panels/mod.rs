//! The panels beside the transcript: the event calendar and the insights.
//!
//! - `calendar` lays out the calendar panel: ICS downloads, month grid,
//!   the chosen day, the timeline and the agenda.
//! - `calendar_model` is its pure logic (grid weeks, spans, month range).
//! - `insights` lays out figures, speakers and Q&A.
//!
//! - `host` is what they are given: the document, the selected day, and a
//!   way back into the transcript.
//!
//! They are not part of the first visit: `src/bin/panels.rs` builds them
//! into a module of their own, loaded when a panel tab first opens.
//! Everything shown is derived from [`host::PanelHost::doc`]; links back to
//! the text (`data-go` links of [`crate::html::HtmlRegion`]) go through
//! [`host::PanelHost::go`].

pub mod agenda;
pub mod calendar;
pub mod calendar_model;
pub mod day_events;
pub mod event_item;
pub mod figures_table;
pub mod host;
pub mod ics_downloads;
pub mod insights;
pub mod month_grid;
pub mod qa_list;
pub mod speaker_stats;
pub mod texts;
pub mod timeline;

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

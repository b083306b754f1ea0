//! The panels beside the transcript: the event calendar and the insights.
//!
//! - `calendar/`: the calendar panel (ICS downloads, month grid, the chosen
//!   day, the timeline, the agenda); `calendar::state` is what its parts
//!   share, `calendar::model` its pure grid logic.
//! - `insights/`: figures, speakers and Q&A.
//! - `search/`: the corpus site's search page (a module of its own,
//!   `SearchPage` in `search_main.rs`, the `shilu-search` binary, started
//!   by the page's `web/search.js`).
//! - `library/`: 我的实录, the reader's own transcripts, and its search.
//! - `passage_results`: the passages a search found, as the search page
//!   and the library both list them.
//! - `host`: what they are given (the document, the selected day, a way
//!   back into the transcript), and `texts` their interface text.
//!
//! This crate knows the core and `shilu-ui`, not the app: it cannot name
//! the reader's state. It is not part of the first visit: `src/main.rs`
//! builds it into a module of its own, loaded when a panel tab first opens.
//! Everything shown is derived from [`host::PanelHost::doc`]; links back to
//! the text (`data-go` links of a region) go through [`host::PanelHost::go`].

pub mod calendar;
pub mod host;
pub mod insights;
pub mod library;
pub mod passage_results;
pub mod search;
pub mod texts;

// The components' tests mount them in a page.
#[cfg(test)]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

/// The seed transcript, for the tests.
#[cfg(test)]
pub(crate) const SEED: &str =
    include_str!("../../seeds/shanxi-2017-10-12-deep-poverty-press-conference.txt");

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

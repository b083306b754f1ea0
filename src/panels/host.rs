//! What the panels are given by the page that shows them.
//!
//! The panels run in their own wasm module, loaded when a panel tab first
//! opens (see `src/bin/panels.rs` and [`crate::panel_loader`]), so they do
//! not share the reader's state: they get the document, the selected day and
//! a way back into the transcript through a [`PanelHost`] in context.

use crate::navigate::go_to_block;
use crate::state::Reader;
use leptos::prelude::*;
use shilu_core::Document;
use std::sync::Arc;

/// The panels' view of the page. `Copy`: signals and callbacks are handles.
#[derive(Clone, Copy)]
pub struct PanelHost {
    /// The document, with its events and figures.
    pub doc: Signal<Arc<Document>>,
    /// The selected calendar day, ISO `YYYY-MM-DD`.
    pub day: RwSignal<Option<String>>,
    /// Goes to a block (or turn) of the transcript, by id.
    pub go: Callback<String>,
}

impl PanelHost {
    /// A host over transcript `text` (parsed in full, again whenever it
    /// changes), the selected `day`, and `go`.
    pub fn over(
        text: RwSignal<Arc<str>>,
        day: RwSignal<Option<String>>,
        go: Callback<String>,
    ) -> PanelHost {
        PanelHost {
            // A new text is a new document: no comparison of documents.
            doc: Memo::new_with_compare(
                move |_| Arc::new(text.with(|t| shilu_core::analysed(t, None))),
                |_, _| true,
            )
            .into(),
            day,
            go,
        }
    }

    /// A host over a reader in the same module: the reader's text and day,
    /// and [`go_to_block`]. (Component tests render the panels beside the
    /// transcript this way.)
    pub fn of(reader: Reader) -> PanelHost {
        PanelHost::over(
            reader.text,
            reader.day,
            Callback::new(move |id| go_to_block(reader, id)),
        )
    }
}

//! What the panels are given by the page that shows them.
//!
//! The panels run in their own wasm module, loaded when a panel tab first
//! opens (see `src/main.rs` and the app's `panel_loader`), so they do not
//! share the reader's state: they get the document, the selected day and a
//! way back into the transcript through a [`PanelHost`] in context; what
//! the transcript should mark (the figures of a conflict) goes back through
//! [`PanelHost::report_marks`].

use leptos::prelude::*;
use shilu_core::dates::Date;
use shilu_core::places::conflict_marks;
use shilu_core::Document;
use shilu_ui::html::Go;
use shilu_ui::marks::encode;
use std::sync::Arc;

/// The panels' view of the page. `Copy`: signals and callbacks are handles.
#[derive(Clone, Copy)]
pub struct PanelHost {
    /// The document, with its events and figures.
    pub doc: Signal<Arc<Document>>,
    /// The selected calendar day.
    pub day: RwSignal<Option<Date>>,
    /// Goes to a block (or turn) of the transcript, by id.
    pub go: Callback<String>,
}

impl PanelHost {
    /// A host over transcript `text` (parsed in full, again whenever it
    /// changes), the selected `day`, and `go`.
    pub fn over(
        text: RwSignal<Arc<str>>,
        day: RwSignal<Option<Date>>,
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

    /// Tells `to`, now and whenever the document changes, which figures
    /// the transcript should mark: the sides of each conflict, as
    /// [`shilu_ui::marks`] writes them.
    pub fn report_marks(self, to: Callback<String>) {
        shilu_ui::effect::effect(move || {
            let marks = self.doc.with(|d| encode(&conflict_marks(d)));
            to.run(marks);
        });
    }

    /// Provides the host as context, and its `go` for the regions' links.
    pub fn provide(self) {
        provide_context(self);
        provide_context(Go(self.go));
    }
}

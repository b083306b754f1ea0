//! The bar shown while a transcript opens (`role="progressbar"`, named
//! after the file): it says where the opening is (reading the file, finding
//! its structure). The work runs in a worker, so the bar keeps moving and
//! the page stays usable; it goes when the transcript is shown or refused.

use super::texts::library_texts;
use super::worker::Stage;
use super::Shelf;
use leptos::prelude::*;
use shilu_ui::context::context;

#[component]
pub fn OpeningProgress() -> impl IntoView {
    let shelf = context::<Shelf>();
    move || {
        let opening = shelf.opening.get()?;
        let t = library_texts(shelf.lang.get());
        let name = opening.name.unwrap_or_else(|| t.pasted_name.into());
        let stage = match opening.stage {
            Stage::Reading => t.reading_file,
            Stage::Parsing => t.parsing,
        };
        // No value: how far the worker is is not known, only its stage.
        Some(view! {
            <div class="opening-progress" role="progressbar" aria-label=(t.opening)(&name)
                aria-valuetext=stage>
                <span class="opening-progress__bar" aria-hidden="true"></span>
                <span class="opening-progress__label">{(t.opening)(&name)}" · "{stage}</span>
            </div>
        })
    }
}

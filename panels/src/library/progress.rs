//! The bar shown while a transcript opens (`role="progressbar"`, named
//! after the file): it says where the opening is (reading the file, finding
//! its structure). The work runs in a worker, so the bar keeps moving and
//! the page stays usable; it goes when the transcript is shown or refused.
//! While a folder is read, it counts its files instead.

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
        // A folder: how many of its files are done.
        if let Some((done, all)) = opening.count {
            let said = (t.reading_folder)(done, all);
            let label = said.clone();
            return Some(
                view! {
                    <div class="opening-progress" role="progressbar" aria-label=label
                        aria-valuemin="0" aria-valuemax=all aria-valuenow=done>
                        <span class="opening-progress__bar" aria-hidden="true"></span>
                        <span class="opening-progress__label">{said}" · "{name}</span>
                    </div>
                }
                .into_any(),
            );
        }
        // No value: how far the worker is is not known, only its stage.
        Some(
            view! {
                <div class="opening-progress" role="progressbar" aria-label=(t.opening)(&name)
                    aria-valuetext=stage>
                    <span class="opening-progress__bar" aria-hidden="true"></span>
                    <span class="opening-progress__label">{(t.opening)(&name)}" · "{stage}</span>
                </div>
            }
            .into_any(),
        )
    }
}

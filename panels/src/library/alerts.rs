//! The library's alert region (`role="alert"`): files that did not open
//! and why, a transcript the browser will not keep, and a link's transcript
//! that is not here (with a way to open its file), and one opened with no
//! speakers found. Each stays until dismissed.

use super::texts::{library_texts, LibraryTexts};
use super::{Alert, Shelf};
use leptos::prelude::*;
use shilu_ui::context::context;
use super::file_input::take_chosen;

impl Alert {
    /// What the reader is told.
    pub fn say(&self, t: &LibraryTexts) -> String {
        match self {
            Alert::Refused { name, why } => (t.refused)(name, &why.say(t)),
            Alert::NotKept { name } => (t.not_kept)(name),
            Alert::Missing { key } => (t.missing)(key),
            Alert::LibraryFailed { key } => (t.library_failed)(key),
            Alert::NoSpeakers { name } => (t.no_speakers)(name),
            Alert::Folder { kept, skipped } => (t.folder_read)(*kept, skipped.len()),
        }
    }

    /// Whether the alert offers to open a file (a link's missing transcript).
    fn offers_file(&self) -> bool {
        matches!(self, Alert::Missing { .. } | Alert::LibraryFailed { .. })
    }
}

#[component]
pub fn Alerts() -> impl IntoView {
    let shelf = context::<Shelf>();
    let t = move || library_texts(shelf.lang.get());
    let items = move || {
        shelf
            .alerts
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, a)| {
                let dismiss = move |_| {
                    shelf.alerts.update(|all| {
                        if i < all.len() {
                            all.remove(i);
                        }
                    })
                };
                let file = a.offers_file().then(|| view! { <OpenFileInput/> });
                let skipped = match &a {
                    Alert::Folder { skipped, .. } if !skipped.is_empty() => {
                        let t = t();
                        Some(view! {
                            <ul class="library-alert__files">
                                {skipped.iter().map(|(path, why)| view! {
                                    <li><span class="library-item__file">{path.clone()}</span>"："{why.say(t)}</li>
                                }).collect_view()}
                            </ul>
                        })
                    }
                    _ => None,
                };
                view! {
                    <div class="library-alert">
                        <p class="library-alert__message">{a.say(t())}</p>
                        {skipped}
                        <div class="library-alert__actions">
                            {file}
                            <button type="button" class="text-button" on:click=dismiss>{t().dismiss}</button>
                        </div>
                    </div>
                }
            })
            .collect_view()
    };
    view! { <div class="library-alerts" role="alert">{items}</div> }
}

/// A file button inside an alert: the files go to the library.
#[component]
fn OpenFileInput() -> impl IntoView {
    let shelf = context::<Shelf>();
    let t = move || library_texts(shelf.lang.get());
    let on_change = move |ev: leptos::ev::Event| shelf.open_files(take_chosen(&ev));
    view! {
        <label class="text-button file-button">
            <input type="file" multiple accept=".txt,.md,text/plain" class="visually-hidden" on:change=on_change/>
            <span>{move || t().open_file}</span>
        </label>
    }
}

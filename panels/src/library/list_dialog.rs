//! 我的实录: the dialog listing the built-in sample, then every transcript
//! this browser keeps (the latest first), each with its title, date and
//! speakers as the core reads them; open one, or remove a kept one. Above
//! the list: a folder to add (`folder`), and search across them (`search`).

use super::file_input::take_chosen;
use super::store::Line;
use super::texts::library_texts;
use super::{Listing, Shelf};
use leptos::html::Dialog;
use leptos::prelude::*;
use shilu_core::library::{content_key, summary, Summary};
use shilu_ui::context::context;
use wasm_bindgen::prelude::*;

/// One line of the list: a kept transcript (`None`: the seed) and what it is.
#[derive(Clone, PartialEq)]
struct Entry {
    kept: Option<Line>,
    key: String,
    summary: Summary,
}

/// A kept transcript's line as kept beside it; parsed only for records
/// older than that (and the seed).
fn entry(kept: Option<Line>, seed: &str) -> Entry {
    let (text, name) = match &kept {
        Some(k) => (k.text.as_deref().unwrap_or(""), k.name.as_deref()),
        None => (seed, None),
    };
    let summary = kept
        .as_ref()
        .and_then(|k| k.summary.clone())
        .unwrap_or_else(|| summary(&shilu_core::structure(text, name), name));
    Entry {
        key: kept
            .as_ref()
            .map_or_else(|| content_key(seed), |k| k.key.clone()),
        summary,
        kept,
    }
}

#[component]
pub fn ListDialog() -> impl IntoView {
    let shelf = context::<Shelf>();
    let t = move || library_texts(shelf.lang.get());
    let dialog = modal(shelf.list_open);
    // Derived from what storage last said: the seed first, then the kept.
    let entries = Memo::new(move |_| {
        let seed = shelf.seed.get_value();
        shelf.listing.with(|l| match l {
            Listing::Read(kept) => {
                let mut all = vec![entry(None, &seed)];
                let seed_key = content_key(&seed);
                all.extend(
                    kept.iter()
                        .filter(|k| k.key != seed_key)
                        .map(|k| entry(Some(k.clone()), &seed)),
                );
                all
            }
            _ => vec![entry(None, &seed)],
        })
    });
    let status = move || match shelf.listing.get() {
        Listing::Reading => Some(t().loading),
        Listing::Failed => Some(t().unreadable),
        Listing::Read(_) => None,
    };
    view! {
        <dialog node_ref=dialog class="library-dialog" aria-labelledby="library-heading"
            on:close=move |_| shelf.list_open.set(false)>
            <div class="library-dialog__head">
                <h2 id="library-heading">{move || t().heading}</h2>
                <button type="button" class="text-button" on:click=move |_| shelf.list_open.set(false)>
                    {move || t().close}
                </button>
            </div>
            <div class="library-dialog__actions">
                <FolderInput/>
            </div>
            <super::search::LibrarySearch/>
            <p class="library-dialog__status" role="status">{status}</p>
            <ul class="library-list">
                {move || entries.get().into_iter().map(|e| view! { <EntryItem entry=e/> }).collect_view()}
            </ul>
        </dialog>
    }
}

#[component]
fn EntryItem(entry: Entry) -> impl IntoView {
    let shelf = context::<Shelf>();
    let t = move || library_texts(shelf.lang.get());
    let Entry { kept, key, summary } = entry;
    let is_current = {
        let key = key.clone();
        Signal::derive(move || shelf.current.with(|c| *c == key))
    };
    let name = kept.as_ref().and_then(|k| k.name.clone());
    let removable = kept.is_some();
    let open = {
        let kept = kept.as_ref().map(|k| k.key.clone());
        move |_| shelf.switch_to(kept.clone())
    };
    let remove = move |_| shelf.remove(key.clone());
    let speakers = summary.speakers.join("、");
    view! {
        <li class="library-item" class:is-current=is_current>
            <button type="button" class="library-item__open" on:click=open
                aria-current=move || is_current.get().then_some("true")>
                <span class="library-item__title">{summary.title.clone()}</span>
            </button>
            <p class="library-item__facts">
                <span>{move || summary.date.clone().unwrap_or_else(|| t().no_date.into())}</span>
                {name.map(|n| view! { " · " <span class="library-item__file">{n}</span> })}
                {move || is_current.get().then(|| view! { " · " <strong>{t().current}</strong> })}
            </p>
            <p class="library-item__speakers">
                {move || if speakers.is_empty() { String::new() } else { (t().speakers)(&speakers) }}
            </p>
            {if removable {
                view! {
                    <button type="button" class="text-button library-item__remove" on:click=remove>
                        {move || t().remove}
                    </button>
                }.into_any()
            } else {
                view! { <p class="library-item__note">{move || t().seed_note}</p> }.into_any()
            }}
        </li>
    }
}

/// The folder picker: every file in the folder chosen goes to the library.
#[component]
fn FolderInput() -> impl IntoView {
    let shelf = context::<Shelf>();
    let t = move || library_texts(shelf.lang.get());
    let on_change = move |ev: leptos::ev::Event| {
        let files = take_chosen(&ev);
        if !files.is_empty() {
            // The bar and the report show on the page, not behind the dialog.
            shelf.list_open.set(false);
            shelf.open_folder(super::folder::picked(files));
        }
    };
    view! {
        <label class="text-button file-button">
            <input type="file" multiple prop:webkitdirectory=true class="visually-hidden" on:change=on_change/>
            <span>{move || t().open_folder}</span>
        </label>
    }
}

/// A modal `<dialog>` shown while `open` is true (Esc and the close button
/// set it back to false). Keys pressed in it stay in it: the page's
/// single-key shortcuts (`j`, `k`, `/`) listen on the window behind it.
pub fn modal(open: RwSignal<bool>) -> NodeRef<Dialog> {
    let node = NodeRef::<Dialog>::new();
    node.on_load(|d| {
        let keep = Closure::<dyn Fn(web_sys::Event)>::new(|e: web_sys::Event| e.stop_propagation());
        let _ = d.add_event_listener_with_callback("keydown", keep.as_ref().unchecked_ref());
        keep.forget();
    });
    Effect::new(move |_| {
        let want = open.get();
        if let Some(d) = node.get() {
            if want && !d.open() {
                let _ = d.show_modal();
            } else if !want && d.open() {
                d.close();
            }
        }
    });
    node
}

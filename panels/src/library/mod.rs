//! The reader's library: the transcripts this browser keeps, and the ways
//! in that need no reading view (files picked or dropped, pasted text).
//!
//! - `store`: IndexedDB (through `rexie`), keyed by the core's content key;
//! - `opening`: a file to text (size limit, decoding);
//! - `list_dialog` (我的实录), `paste_dialog` (粘贴文本), `alerts` (what did
//!   not open, what will not be kept, a link's transcript that is not here);
//! - `texts`: their interface text.
//!
//! It lives in the lazily loaded module (see `src/main.rs`, `Library`): the
//! page hands it files, text and keys, and it hands back the text to show.
//! What is on screen changes only through [`Shelf::open`]: anything that
//! fails leaves it as it was, and says so.

pub mod alerts;
pub mod list_dialog;
pub mod opening;
pub mod paste_dialog;
pub mod store;
pub mod texts;

use leptos::prelude::*;
use opening::{read_file, Refusal};
use shilu_core::decode::check_text;
use shilu_core::library::content_key;
use shilu_ui::i18n::Lang;
use std::sync::Arc;
use store::Kept;
use wasm_bindgen_futures::spawn_local;

/// Something the reader must know, shown in the alert region until dismissed.
#[derive(Debug, Clone, PartialEq)]
pub enum Alert {
    /// A file was not opened.
    Refused { name: String, why: Refusal },
    /// A transcript is open but this browser did not keep it.
    NotKept { name: String },
    /// A link names a transcript this browser does not have.
    Missing { key: String },
    /// A link names a transcript, and the library could not be read.
    LibraryFailed { key: String },
    /// A transcript opened in which the core found no speakers: it shows
    /// as plain paragraphs.
    NoSpeakers { name: String },
}

/// The library as last read from storage.
#[derive(Debug, Clone, PartialEq)]
pub enum Listing {
    Reading,
    Read(Vec<Kept>),
    Failed,
}

/// The library's state, shared by its views. `Copy`: handles.
#[derive(Clone, Copy)]
pub struct Shelf {
    /// The built-in sample: always listed, never removed.
    pub seed: StoredValue<Arc<str>>,
    /// Shows a transcript in the reader: its text and file name; `None`
    /// tells it a link's transcript is not here (the seed stays).
    pub show: Callback<Option<(String, Option<String>)>>,
    pub lang: RwSignal<Lang>,
    pub alerts: RwSignal<Vec<Alert>>,
    pub listing: RwSignal<Listing>,
    /// The key of the transcript the reader shows (as the page last said).
    pub current: RwSignal<String>,
    /// Whether each dialog is open.
    pub list_open: RwSignal<bool>,
    pub paste_open: RwSignal<bool>,
    /// Why the pasted text did not open, if it did not.
    pub paste_problem: RwSignal<Option<String>>,
}

impl Shelf {
    pub fn new(seed: &str, lang: Lang, show: Callback<Option<(String, Option<String>)>>) -> Shelf {
        Shelf {
            seed: StoredValue::new(Arc::from(seed)),
            show,
            lang: RwSignal::new(lang),
            alerts: RwSignal::new(Vec::new()),
            listing: RwSignal::new(Listing::Reading),
            current: RwSignal::new(content_key(seed)),
            list_open: RwSignal::new(false),
            paste_open: RwSignal::new(false),
            paste_problem: RwSignal::new(None),
        }
    }

    fn alert(&self, a: Alert) {
        self.alerts.update(|all| all.push(a));
    }

    /// Shows `text` and keeps it; says so if it cannot be kept.
    fn open(&self, text: String, name: Option<String>) {
        let shelf = *self;
        let key = content_key(&text);
        if shilu_core::structure(&text, name.as_deref())
            .turns
            .is_empty()
        {
            let t = texts::library_texts(shelf.lang.get_untracked());
            let name = name.clone().unwrap_or_else(|| t.pasted_name.into());
            shelf.alert(Alert::NoSpeakers { name });
        }
        shelf.current.set(key.clone());
        shelf.show.run(Some((text.clone(), name.clone())));
        spawn_local(async move {
            let saved = js_sys::Date::now();
            let kept = Kept {
                key,
                name,
                text,
                saved,
            };
            if let Err(e) = store::put(&kept).await {
                leptos::logging::warn!("shilu: the transcript was not kept: {}", e.0);
                let t = texts::library_texts(shelf.lang.get_untracked());
                let name = kept.name.unwrap_or_else(|| t.pasted_name.into());
                shelf.alert(Alert::NotKept { name });
            }
        });
    }

    /// Opens the first of `files` that reads as a transcript and keeps every
    /// one that does; the others are refused, each with its reason.
    pub fn open_files(&self, files: Vec<web_sys::File>) {
        let shelf = *self;
        spawn_local(async move {
            let mut shown = false;
            for file in files {
                let name = file.name();
                match read_file(&file).await {
                    Err(why) => shelf.alert(Alert::Refused { name, why }),
                    Ok(text) if !shown => {
                        shown = true;
                        shelf.open(text, Some(name));
                    }
                    Ok(text) => shelf.keep_only(text, name),
                }
            }
        });
    }

    /// Keeps a transcript without showing it (the second and later files).
    fn keep_only(&self, text: String, name: String) {
        let shelf = *self;
        spawn_local(async move {
            let kept = Kept {
                key: content_key(&text),
                name: Some(name.clone()),
                text,
                saved: js_sys::Date::now(),
            };
            if store::put(&kept).await.is_err() {
                shelf.alert(Alert::NotKept { name });
            }
        });
    }

    /// Opens pasted text; `false` (and the problem shown) if it is no text.
    pub fn open_pasted(&self, text: &str) -> bool {
        match check_text(text) {
            Ok(text) => {
                self.paste_problem.set(None);
                self.open(text, None);
                true
            }
            Err(e) => {
                let t = texts::library_texts(self.lang.get_untracked());
                self.paste_problem.set(Some(t.problem(&e)));
                false
            }
        }
    }

    /// Shows the transcript kept under `key` (a link, a reload), or says it
    /// is not here.
    pub fn restore(&self, key: String) {
        let shelf = *self;
        spawn_local(async move {
            match store::get(&key).await {
                Ok(Some(kept)) => {
                    shelf.current.set(kept.key);
                    shelf.show.run(Some((kept.text, kept.name)));
                }
                Ok(None) => {
                    shelf.alert(Alert::Missing { key });
                    shelf.show.run(None);
                }
                Err(e) => {
                    leptos::logging::warn!("shilu: the library could not be read: {}", e.0);
                    shelf.alert(Alert::LibraryFailed { key });
                    shelf.show.run(None);
                }
            }
        });
    }

    /// Reads the library again (the list dialog shows it).
    pub fn refresh(&self) {
        let shelf = *self;
        spawn_local(async move {
            let listing = match store::all().await {
                Ok(kept) => Listing::Read(kept),
                Err(e) => {
                    leptos::logging::warn!("shilu: the library could not be read: {}", e.0);
                    Listing::Failed
                }
            };
            shelf.listing.set(listing);
        });
    }

    /// Switches the reader to a kept transcript, or to the seed (`None`).
    pub fn switch_to(&self, kept: Option<&Kept>) {
        let (text, name) = match kept {
            Some(k) => (k.text.clone(), k.name.clone()),
            None => (self.seed.with_value(|s| s.to_string()), None),
        };
        self.current.set(content_key(&text));
        self.show.run(Some((text, name)));
        self.list_open.set(false);
    }

    /// Forgets a kept transcript (what is on screen stays), then relists.
    pub fn remove(&self, key: String) {
        let shelf = *self;
        spawn_local(async move {
            if let Err(e) = store::remove(&key).await {
                leptos::logging::warn!("shilu: the transcript was not removed: {}", e.0);
            }
            shelf.refresh();
        });
    }
}

/// Everything the library shows: the alert region and the two dialogs
/// (shown as modals when opened).
#[component]
pub fn LibraryView() -> impl IntoView {
    view! {
        <alerts::Alerts/>
        <list_dialog::ListDialog/>
        <paste_dialog::PasteDialog/>
    }
}

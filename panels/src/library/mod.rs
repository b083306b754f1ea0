//! The reader's library: the transcripts this browser keeps, and the ways
//! in that need no reading view (files picked or dropped, pasted text).
//!
//! - `store`: IndexedDB (through `rexie`), keyed by the core's content key;
//! - `opening`: a file to text (size limit, decoding);
//! - `worker`: a file or text to a transcript ready to show (text, key,
//!   structure, search part), in a worker off the page's thread;
//!   `progress`, its bar; `folder`, the files of a dropped or picked folder;
//!   `file_input`, the files a file input or a drop gives;
//! - `search`: search across the kept transcripts (its list is `crate::passage_results`, shared with the site's search page);
//! - `list_dialog` (我的实录), `paste_dialog` (粘贴文本), `alerts` (what did
//!   not open, what will not be kept, a link's transcript that is not here);
//! - `texts`: their interface text.
//!
//! It lives in the lazily loaded module (see `src/main.rs`, `Library`): the
//! page hands it files, text and keys, and it hands back the text to show.
//! What is on screen changes only through [`Shelf::open`]: anything that
//! fails leaves it as it was, and says so.

pub mod alerts;
pub mod file_input;
pub mod folder;
pub mod list_dialog;
pub mod opening;
pub mod paste_dialog;
pub mod progress;
pub mod search;
pub mod store;
pub mod texts;
pub mod worker;

use leptos::prelude::*;
use opening::Refusal;
use shilu_core::decode::check_text;
use shilu_core::library::{content_key, fits};
use shilu_ui::i18n::Lang;
use std::sync::Arc;
use store::Kept;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::spawn_local;
use worker::{Job, Opener, Prepared, Stage};

/// A transcript for the reader to see: its text, its file name (none for
/// pasted text), and its structure as bytes (`shilu_core::wire`): `None`
/// for the seed, whose structure the page has from the pre-render.
#[derive(Debug, Clone, PartialEq)]
pub struct Shown {
    pub text: String,
    pub name: Option<String>,
    pub doc: Option<Vec<u8>>,
}

/// A transcript being opened, for the progress bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Opening {
    /// The file's name; `None` for pasted or kept text.
    pub name: Option<String>,
    pub stage: Stage,
    /// Reading a folder: the files done, of all.
    pub count: Option<(usize, usize)>,
}

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
    /// A folder was read: how many transcripts were kept, and each file
    /// skipped (its path in the folder) with why.
    Folder {
        kept: usize,
        skipped: Vec<(String, Refusal)>,
    },
}

/// The library as last read from storage.
#[derive(Debug, Clone, PartialEq)]
pub enum Listing {
    Reading,
    Read(Vec<store::Line>),
    Failed,
}

/// The library's state, shared by its views. `Copy`: handles.
#[derive(Clone, Copy)]
pub struct Shelf {
    /// The built-in sample: always listed, never removed.
    pub seed: StoredValue<Arc<str>>,
    /// Shows a transcript in the reader; `None` tells it a link's
    /// transcript is not here (the seed stays).
    pub show: Callback<Option<Shown>>,
    /// The worker's script and the module's files (see `worker`); `None`
    /// opens transcripts on this thread.
    pub modules: StoredValue<Option<JsValue>, LocalStorage>,
    /// What is being opened, while it is.
    pub opening: RwSignal<Option<Opening>>,
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
    /// Search across the kept transcripts.
    pub search: search::Search,
}

impl Shelf {
    pub fn new(
        seed: &str,
        lang: Lang,
        show: Callback<Option<Shown>>,
        modules: Option<JsValue>,
    ) -> Shelf {
        Shelf {
            seed: StoredValue::new(Arc::from(seed)),
            show,
            modules: StoredValue::new_local(modules),
            opening: RwSignal::new(None),
            lang: RwSignal::new(lang),
            alerts: RwSignal::new(Vec::new()),
            listing: RwSignal::new(Listing::Reading),
            current: RwSignal::new(content_key(seed)),
            list_open: RwSignal::new(false),
            paste_open: RwSignal::new(false),
            paste_problem: RwSignal::new(None),
            search: search::Search::new(),
        }
    }

    fn alert(&self, a: Alert) {
        self.alerts.update(|all| all.push(a));
    }

    /// Opens `job` off the page's thread, with the progress bar shown.
    async fn prepare(&self, job: Job, name: Option<String>) -> Result<Prepared, Refusal> {
        let shelf = *self;
        let said = name.clone();
        let stage = move |stage| {
            shelf.opening.set(Some(Opening {
                name: said.clone(),
                stage,
                count: None,
            }))
        };
        let prepared = worker::open(shelf.modules.get_value(), job, name, stage).await;
        shelf.opening.set(None);
        prepared
    }

    /// Shows a prepared transcript and keeps it; says so if it cannot be
    /// kept, or if it has no speakers.
    fn show_and_keep(&self, p: Prepared, name: Option<String>) {
        let shelf = *self;
        let t = texts::library_texts(shelf.lang.get_untracked());
        let called = || name.clone().unwrap_or_else(|| t.pasted_name.into());
        if p.turns == 0 {
            shelf.alert(Alert::NoSpeakers { name: called() });
        }
        shelf.current.set(p.key.clone());
        shelf.show.run(Some(Shown {
            text: p.text.clone(),
            name: name.clone(),
            doc: Some(p.doc.clone()),
        }));
        shelf.keep(p, name);
    }

    /// Keeps a prepared transcript and its search part (without showing
    /// it); says so if it cannot.
    fn keep(&self, p: Prepared, name: Option<String>) {
        let shelf = *self;
        // In a task of its own: handing a long text to storage takes a while.
        let keep = async move {
            let kept = Kept {
                summary: summary_of(&p.part),
                key: p.key,
                name,
                text: p.text,
                saved: js_sys::Date::now(),
            };
            let stored = store::put(&kept, &p.part).await;
            shelf.search.changed();
            if let Err(e) = stored {
                leptos::logging::warn!("shilu: the transcript was not kept: {}", e.0);
                let t = texts::library_texts(shelf.lang.get_untracked());
                let name = kept.name.unwrap_or_else(|| t.pasted_name.into());
                shelf.alert(Alert::NotKept { name });
            }
        };
        set_timeout(move || spawn_local(keep), std::time::Duration::ZERO);
    }

    /// Opens the first of `files` that reads as a transcript and keeps every
    /// one that does; the others are refused, each with its reason.
    pub fn open_files(&self, files: Vec<web_sys::File>) {
        let shelf = *self;
        spawn_local(async move {
            let mut shown = false;
            for file in files {
                let name = file.name();
                let prepared = if fits(file.size() as u64) {
                    shelf.prepare(Job::File(file), Some(name.clone())).await
                } else {
                    Err(Refusal::TooLarge)
                };
                match prepared {
                    Err(why) => shelf.alert(Alert::Refused { name, why }),
                    Ok(p) if !shown => {
                        shown = true;
                        shelf.show_and_keep(p, Some(name));
                    }
                    Ok(p) => shelf.keep(p, Some(name)),
                }
            }
        });
    }

    /// Reads every file `found` in a folder in one worker and keeps each
    /// transcript, the bar counting them; what is on screen stays. At the
    /// end the reader is told how many were kept, and each file skipped
    /// with why.
    pub fn open_folder(&self, found: Vec<folder::Found>) {
        let shelf = *self;
        spawn_local(async move {
            let opener = shelf.modules.with_value(|m| {
                m.as_ref().and_then(|m| {
                    Opener::start(m)
                        .map_err(|e| leptos::logging::warn!("shilu: no worker: {e:?}"))
                        .ok()
                })
            });
            let all = found.len();
            let (mut kept, mut skipped) = (0, Vec::new());
            for (done, f) in found.into_iter().enumerate() {
                let say = |stage| {
                    shelf.opening.set(Some(Opening {
                        name: Some(f.path.clone()),
                        stage,
                        count: Some((done, all)),
                    }))
                };
                say(Stage::Reading);
                let prepared = match &f.file {
                    _ if !shilu_core::library::is_transcript_name(f.name()) => {
                        Err(Refusal::NotText)
                    }
                    None => Err(Refusal::Unreadable),
                    Some(file) if !fits(file.size() as u64) => Err(Refusal::TooLarge),
                    Some(file) => {
                        let name = Some(f.name().to_string());
                        Opener::open(
                            opener.as_ref(),
                            Job::File(file.clone()),
                            name,
                            std::rc::Rc::new(|_| {}),
                        )
                        .await
                    }
                };
                match prepared {
                    Ok(p) => {
                        let record = Kept {
                            summary: summary_of(&p.part),
                            key: p.key,
                            name: Some(f.name().to_string()),
                            text: p.text,
                            saved: js_sys::Date::now(),
                        };
                        match store::put(&record, &p.part).await {
                            Ok(()) => kept += 1,
                            Err(e) => {
                                leptos::logging::warn!("shilu: not kept: {}", e.0);
                                shelf.alert(Alert::NotKept { name: f.path });
                            }
                        }
                    }
                    Err(why) => skipped.push((f.path, why)),
                }
            }
            drop(opener);
            shelf.opening.set(None);
            shelf.search.changed();
            shelf.alert(Alert::Folder { kept, skipped });
            if shelf.list_open.get_untracked() {
                shelf.refresh();
            }
        });
    }

    /// Opens pasted text; `false` (and the problem shown) if it is no text.
    pub fn open_pasted(&self, text: &str) -> bool {
        match check_text(text) {
            Ok(text) => {
                self.paste_problem.set(None);
                let shelf = *self;
                spawn_local(async move {
                    match shelf.prepare(Job::Text(text), None).await {
                        Ok(p) => shelf.show_and_keep(p, None),
                        Err(e) => leptos::logging::warn!("shilu: pasted text did not open: {e:?}"),
                    }
                });
                true
            }
            Err(e) => {
                let t = texts::library_texts(self.lang.get_untracked());
                self.paste_problem.set(Some(t.problem(&e)));
                false
            }
        }
    }

    /// Shows a kept transcript, parsed off the page's thread.
    async fn show_kept(&self, kept: Kept) {
        let shelf = *self;
        match shelf.prepare(Job::Text(kept.text), kept.name.clone()).await {
            Ok(p) => {
                shelf.current.set(p.key);
                shelf.show.run(Some(Shown {
                    text: p.text,
                    name: kept.name,
                    doc: Some(p.doc),
                }));
            }
            // Kept text always reads; if it ever does not, the reader is told.
            Err(why) => {
                let t = texts::library_texts(shelf.lang.get_untracked());
                let name = kept.name.unwrap_or_else(|| t.pasted_name.into());
                shelf.alert(Alert::Refused { name, why });
            }
        }
    }

    /// Shows the transcript kept under `key` (a link, a reload), or says it
    /// is not here.
    pub fn restore(&self, key: String) {
        let shelf = *self;
        spawn_local(async move {
            match store::get(&key).await {
                Ok(Some(kept)) => shelf.show_kept(kept).await,
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
            let listing = match store::lines().await {
                Ok(kept) => Listing::Read(kept),
                Err(e) => {
                    leptos::logging::warn!("shilu: the library could not be read: {}", e.0);
                    Listing::Failed
                }
            };
            shelf.listing.set(listing);
        });
    }

    /// Switches the reader to the transcript kept under `key` (read from
    /// storage now: the list holds no texts), or to the seed (`None`).
    pub fn switch_to(&self, key: Option<String>) {
        self.list_open.set(false);
        match key {
            Some(key) => self.restore(key),
            None => {
                let text = self.seed.with_value(|s| s.to_string());
                self.current.set(content_key(&text));
                self.show.run(Some(Shown {
                    text,
                    name: None,
                    doc: None,
                }));
            }
        }
    }

    /// Forgets a kept transcript, then relists. Removing the one the reader
    /// shows goes back to the seed, as a reload would: the link no longer
    /// names a transcript this browser has.
    pub fn remove(&self, key: String) {
        let shelf = *self;
        spawn_local(async move {
            let removed = store::remove(&key).await;
            shelf.search.changed();
            match removed {
                Err(e) => leptos::logging::warn!("shilu: the transcript was not removed: {}", e.0),
                Ok(()) if shelf.current.with_untracked(|c| *c == key) => {
                    let open = shelf.list_open.get_untracked();
                    shelf.switch_to(None);
                    shelf.list_open.set(open);
                }
                Ok(()) => {}
            }
            shelf.refresh();
        });
    }
}

/// The list's line of a transcript, from its search part as stored.
fn summary_of(part: &str) -> Option<shilu_core::library::Summary> {
    shilu_core::corpus::shelf::read_summary(part).ok()
}

/// Everything the library shows: the alert region and the two dialogs
/// (shown as modals when opened).
#[component]
pub fn LibraryView() -> impl IntoView {
    view! {
        <progress::OpeningProgress/>
        <alerts::Alerts/>
        <list_dialog::ListDialog/>
        <paste_dialog::PasteDialog/>
    }
}

//! Search across the kept transcripts (我的实录): the core's query
//! (`shilu_core::corpus::query`) over the search parts the worker wrote
//! beside each transcript (`shilu_core::corpus::shelf`), read from storage
//! once the search box is in view (not on the first keystroke: 500
//! transcripts take about a second) and held until the library changes. Transcripts kept before search
//! existed get their parts here, in a worker, the first time it runs.
//! Results are passages, each linking to its transcript at its paragraph
//! (`?doc=…&q=…#t3-b2`), the match highlighted there by the reader's search.

use crate::passage_results::{PassageItem, PassageList};
use super::store;
use super::texts::library_texts;
use super::worker::{Job, Opener};
use super::Shelf;
use leptos::prelude::*;
use shilu_core::corpus::query::{parse, QueryError};
use shilu_core::corpus::shelf::{self, Hit, Part};
use shilu_ui::context::context;
use std::collections::HashSet;
use std::rc::Rc;
use wasm_bindgen_futures::{spawn_local, JsFuture};

/// Results shown at first, and added by each "more".
const PAGE: usize = 20;

/// Parts read from storage in one task.
const BATCH: u32 = 8;

/// The kept transcripts as search reads them: `(key, part)`.
type Parts = Rc<Vec<(String, Part)>>;

/// Where the search is.
#[derive(Clone)]
pub enum Answer {
    /// Nothing asked.
    Idle,
    /// Making `n` transcripts kept earlier searchable.
    Indexing(usize),
    Searching,
    Problem(QueryError),
    /// Storage could not be read.
    Failed,
    Found {
        parts: Parts,
        hits: Rc<Vec<Hit>>,
        /// How long the query took, in ms (the parts in memory).
        ms: f64,
    },
}

/// The parts, as far as they are read.
#[derive(Clone)]
enum Held {
    Unread,
    /// Being read.
    Reading,
    Read(Parts),
}

/// The search's state. `Copy`: handles.
#[derive(Clone, Copy)]
pub struct Search {
    pub query: RwSignal<String>,
    pub answer: RwSignal<Answer, LocalStorage>,
    /// How many results are shown.
    pub limit: RwSignal<usize>,
    parts: StoredValue<Held, LocalStorage>,
    /// Counts the library's changes: parts read before the last are dropped.
    changes: StoredValue<u32>,
}

impl Search {
    pub fn new() -> Search {
        Search {
            query: RwSignal::new(String::new()),
            answer: RwSignal::new_local(Answer::Idle),
            limit: RwSignal::new(PAGE),
            parts: StoredValue::new_local(Held::Unread),
            changes: StoredValue::new(0),
        }
    }

    /// The library changed: the parts are read again, and the query asked
    /// again if one is shown.
    pub fn changed(&self) {
        self.changes.update_value(|n| *n += 1);
        self.parts.set_value(Held::Unread);
        if !matches!(self.answer.get_untracked(), Answer::Idle) {
            self.ask(self.query.get_untracked(), None);
        }
    }

    /// Starts reading the parts from storage unless they are in memory or
    /// being read (`shelf`: to make older transcripts searchable): the
    /// search box is in view, and a query asked meanwhile waits only for
    /// what is left to read. Once read, the query in the box is answered.
    pub fn warm(&self, shelf: Option<Shelf>) {
        let s = *self;
        if !s.parts.with_value(|h| matches!(h, Held::Unread)) {
            return;
        }
        s.parts.set_value(Held::Reading);
        let changes = s.changes.get_value();
        spawn_local(async move {
            let read = load(s, shelf).await;
            if s.changes.get_value() != changes {
                // The library changed meanwhile: what was read is stale,
                // and `changed` has asked again if a query waits.
                return;
            }
            match read {
                Ok(parts) => {
                    s.parts.set_value(Held::Read(parts));
                    s.answer_query(None);
                }
                Err(e) => {
                    leptos::logging::warn!("shilu: the library could not be read: {}", e.0);
                    s.parts.set_value(Held::Unread);
                    if !matches!(s.answer.get_untracked(), Answer::Idle) {
                        s.answer.set(Answer::Failed);
                    }
                }
            }
        });
    }

    /// Asks `q` (`shelf`: to make older transcripts searchable).
    pub fn ask(&self, q: String, shelf: Option<Shelf>) {
        self.query.set(q);
        self.limit.set(PAGE);
        self.answer_query(shelf);
    }

    /// Answers the query in the box: from the parts if they are read,
    /// else once they are (`shelf`: to make older transcripts searchable).
    fn answer_query(&self, shelf: Option<Shelf>) {
        let s = *self;
        let q = s.query.get_untracked();
        if q.trim().is_empty() {
            return s.answer.set(Answer::Idle);
        }
        let query = match parse(&q) {
            Ok(query) => query,
            Err(e) => return s.answer.set(Answer::Problem(e)),
        };
        let Some(parts) = s.parts.with_value(|h| match h {
            Held::Read(parts) => Some(parts.clone()),
            _ => None,
        }) else {
            if !matches!(s.answer.get_untracked(), Answer::Indexing(_)) {
                s.answer.set(Answer::Searching);
            }
            return s.warm(shelf);
        };
        let started = now();
        let refs: Vec<&Part> = parts.iter().map(|(_, p)| p).collect();
        let hits = shelf::find(&query, &refs);
        let ms = now() - started;
        s.answer.set(Answer::Found {
            parts,
            hits: Rc::new(hits),
            ms,
        });
    }
}

impl Default for Search {
    fn default() -> Self {
        Search::new()
    }
}

fn now() -> f64 {
    js_sys::Date::now()
}

/// Lets the page paint and answer between pieces of work.
async fn pause() {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback(&resolve);
        }
    });
    let _ = JsFuture::from(p).await;
}

/// Every kept transcript's search part, read from storage [`BATCH`] at a
/// time, each batch in a task of its own; the parts missing (transcripts kept before search existed) are
/// made in a worker and kept.
async fn load(s: Search, shelf: Option<Shelf>) -> Result<Parts, store::Failed> {
    let keys = store::keys().await?;
    let kept: HashSet<&String> = keys.iter().collect();
    let mut parts = Vec::with_capacity(keys.len());
    let mut reader = store::PartsReader::open().await?;
    // Each batch arrives in a task of its own (storage answers in one):
    // the page paints and answers between them.
    loop {
        let batch = reader.next(BATCH).await?;
        if batch.is_empty() {
            break;
        }
        // A part whose transcript is gone (removed meanwhile) is not read.
        for (key, part) in batch.into_iter().filter(|(k, _)| kept.contains(k)) {
            match shelf::read(&part) {
                Ok(part) => parts.push((key, part)),
                Err(e) => leptos::logging::warn!("shilu: a search part did not read: {e}"),
            }
        }
    }
    let read: HashSet<&String> = parts.iter().map(|(k, _)| k).collect();
    let missing: Vec<&String> = keys.iter().filter(|k| !read.contains(k)).collect();
    if !missing.is_empty() {
        s.answer.set(Answer::Indexing(missing.len()));
        let opener = shelf.and_then(|sh| {
            sh.modules
                .with_value(|m| m.as_ref().and_then(|m| Opener::start(m).ok()))
        });
        for key in missing {
            let Some(kept) = store::get(key).await? else {
                continue;
            };
            let job = Job::Text(kept.text);
            let done = Opener::open(opener.as_ref(), job, kept.name, Rc::new(|_| {})).await;
            if let Ok(p) = done {
                store::put_part(key, &p.part).await?;
                if let Ok(part) = shelf::read(&p.part) {
                    parts.push((key.clone(), part));
                }
            }
            pause().await;
        }
    }
    Ok(Rc::new(parts))
}

/// The search box and its results, in 我的实录.
#[component]
pub fn LibrarySearch() -> impl IntoView {
    let shelf = context::<Shelf>();
    let s = shelf.search;
    let t = move || library_texts(shelf.lang.get());
    let on_input = move |ev: leptos::ev::Event| s.ask(event_target_value(&ev), Some(shelf));
    // The box is in view: the parts are read now, not on the first
    // keystroke (500 transcripts take about a second).
    s.warm(Some(shelf));
    let status = move || {
        let t = t();
        match s.answer.get() {
            Answer::Idle => (String::new(), None),
            Answer::Indexing(n) => ((t.indexing)(n), None),
            Answer::Searching => (t.searching.into(), None),
            Answer::Failed => (t.unreadable.into(), None),
            Answer::Problem(e) => (
                match e {
                    QueryError::Empty => t.query_empty,
                    QueryError::OnlyExclusions => t.query_only_exclusions,
                    QueryError::TooLong => t.query_too_long,
                }
                .into(),
                None,
            ),
            Answer::Found { parts, .. } if parts.is_empty() => (t.nothing_kept.into(), None),
            Answer::Found { hits, ms, .. } => (
                (t.found)(hits.len(), shelf::transcripts(&hits)),
                Some(format!("{ms:.1}")),
            ),
        }
    };
    let items = move || match s.answer.get() {
        Answer::Found { parts, hits, .. } => hits
            .iter()
            .take(s.limit.get())
            .map(|h| {
                let (key, part) = &parts[h.part];
                PassageItem::of_shown(shelf::shown(part, h, 120), key)
            })
            .collect(),
        _ => Vec::new(),
    };
    let more = move || match s.answer.get() {
        Answer::Found { hits, .. } if hits.len() > s.limit.get() => {
            let t = t();
            Some(view! {
                <p class="library-search__more">
                    {(t.shown_first)(s.limit.get())}" · "
                    <button type="button" class="text-button"
                        on:click=move |_| s.limit.update(|n| *n += PAGE)>{t.show_more}</button>
                </p>
            })
        }
        _ => None,
    };
    view! {
        <search class="library-search">
            <label class="library-search__label">
                <span>{move || t().search_label}</span>
                <input type="search" class="library-search__input" autocomplete="off"
                    prop:value=move || s.query.get() on:input=on_input
                    aria-describedby="library-search-hint"/>
            </label>
            <p id="library-search-hint" class="library-search__hint">{move || t().search_hint}</p>
            <p class="library-search__status" role="status"
                data-ms=move || status().1>{move || status().0}</p>
            <PassageList items=Signal::derive(items) label=Signal::derive(move || Some(t().results.to_string()))/>
            {more}
        </search>
    }
}

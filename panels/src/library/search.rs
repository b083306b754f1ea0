//! Search across the kept transcripts (我的实录): the core's query
//! (`shilu_core::corpus::query`) over the search parts the worker wrote
//! beside each transcript (`shilu_core::corpus::shelf`), read from storage
//! once and held until the library changes. Transcripts kept before search
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

/// The search's state. `Copy`: handles.
#[derive(Clone, Copy)]
pub struct Search {
    pub query: RwSignal<String>,
    pub answer: RwSignal<Answer, LocalStorage>,
    /// How many results are shown.
    pub limit: RwSignal<usize>,
    parts: StoredValue<Option<Parts>, LocalStorage>,
    /// Counts the searches asked: an answer to an older one is dropped.
    asked: StoredValue<u32>,
}

impl Search {
    pub fn new() -> Search {
        Search {
            query: RwSignal::new(String::new()),
            answer: RwSignal::new_local(Answer::Idle),
            limit: RwSignal::new(PAGE),
            parts: StoredValue::new_local(None),
            asked: StoredValue::new(0),
        }
    }

    /// The library changed: the parts are read again, and the query asked
    /// again if one is shown.
    pub fn changed(&self) {
        self.parts.set_value(None);
        if !matches!(self.answer.get_untracked(), Answer::Idle) {
            self.ask(self.query.get_untracked(), None);
        }
    }

    /// Asks `q` (`shelf`: to make older transcripts searchable).
    pub fn ask(&self, q: String, shelf: Option<Shelf>) {
        let s = *self;
        s.query.set(q.clone());
        s.limit.set(PAGE);
        s.asked.update_value(|n| *n += 1);
        let asked = s.asked.get_value();
        if q.trim().is_empty() {
            return s.answer.set(Answer::Idle);
        }
        let query = match parse(&q) {
            Ok(query) => query,
            Err(e) => return s.answer.set(Answer::Problem(e)),
        };
        spawn_local(async move {
            let parts = match s.parts.get_value() {
                Some(parts) => parts,
                None => {
                    s.answer.set(Answer::Searching);
                    match load(s, shelf).await {
                        Ok(parts) => {
                            s.parts.set_value(Some(parts.clone()));
                            parts
                        }
                        Err(e) => {
                            leptos::logging::warn!("shilu: the library could not be read: {}", e.0);
                            return s.answer.set(Answer::Failed);
                        }
                    }
                }
            };
            if s.asked.get_value() != asked {
                return;
            }
            let started = now();
            let refs: Vec<&Part> = parts.iter().map(|(_, p)| p).collect();
            let hits = shelf::find(&query, &refs);
            let ms = now() - started;
            s.answer.set(Answer::Found {
                parts,
                hits: Rc::new(hits),
                ms,
            });
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
    let mut parts = Vec::with_capacity(keys.len());
    let mut after: Option<String> = None;
    loop {
        let batch = store::parts(after.as_deref(), BATCH).await?;
        let Some((last, _)) = batch.last() else {
            break;
        };
        after = Some(last.clone());
        for (key, part) in batch {
            match shelf::read(&part) {
                Ok(part) if keys.contains(&key) => parts.push((key, part)),
                Ok(_) => {}
                Err(e) => leptos::logging::warn!("shilu: a search part did not read: {e}"),
            }
        }
        pause().await;
    }
    let missing: Vec<&String> = keys
        .iter()
        .filter(|k| !parts.iter().any(|(have, _)| have == *k))
        .collect();
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

//! What the search page shows, and the query that fills it: the first
//! results as soon as they are read, then every match for the totals,
//! the by-transcript view and the trends; a newer query makes an older
//! one's answers stale, and they are dropped.

use super::fetch::Fetched;
use super::results::TranscriptItem;
use crate::passage_results::PassageItem;
use leptos::prelude::*;
use leptos::task::spawn_local;
use shilu_core::corpus::query::{self, QueryError};
use shilu_core::corpus::search::{Filters, PassageId, Sort, Span};
use shilu_core::corpus::session::{Remote, Session, SourceError};
use shilu_core::corpus::trends::{over_time, OverTime};
use shilu_core::corpus::view::View;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::JsCast;

/// Passages shown at first, and added by "more".
pub const PAGE: usize = 20;
/// Passages shown as soon as they are read, before the rest of the first
/// [`PAGE`]: about a screen of them. Fewer to read (a round trip of
/// fewer requests), so the reader sees the newest matches sooner.
pub const FIRST_FEW: usize = 5;
/// Transcripts shown at first, and added by "more", in that view.
pub const DOCS_PAGE: usize = 100;

/// Where the query is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Phase {
    /// No query.
    Idle,
    Searching,
    /// The first few results are shown; the rest of the first page is
    /// being read.
    Reading,
    /// The first results are shown; every match is being read.
    Counting,
    Done,
    Failed(String),
}

/// Totals of every match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Totals {
    pub hits: usize,
    pub passages: usize,
    pub transcripts: usize,
}

/// The page's state: every part a signal the view reads.
#[derive(Clone, Copy)]
pub struct SearchState {
    pub view: RwSignal<View>,
    pub phase: RwSignal<Phase>,
    pub passages: RwSignal<Vec<PassageItem>>,
    pub totals: RwSignal<Option<Totals>>,
    pub transcripts: RwSignal<Vec<TranscriptItem>>,
    pub docs_shown: RwSignal<usize>,
    pub over_time: RwSignal<Option<OverTime>>,
    pub speakers: RwSignal<Vec<(String, usize)>>,
    pub loading_more: RwSignal<bool>,
}

impl SearchState {
    pub fn new() -> SearchState {
        SearchState {
            view: RwSignal::new(View::default()),
            phase: RwSignal::new(Phase::Idle),
            passages: RwSignal::new(Vec::new()),
            totals: RwSignal::new(None),
            transcripts: RwSignal::new(Vec::new()),
            docs_shown: RwSignal::new(DOCS_PAGE),
            over_time: RwSignal::new(None),
            speakers: RwSignal::new(Vec::new()),
            loading_more: RwSignal::new(false),
        }
    }

    fn clear(&self) {
        self.passages.set(Vec::new());
        self.totals.set(None);
        self.transcripts.set(Vec::new());
        self.docs_shown.set(DOCS_PAGE);
        self.over_time.set(None);
        self.speakers.set(Vec::new());
        self.loading_more.set(false);
    }

    /// The status line: what the query found, or why it cannot run.
    pub fn status(&self) -> String {
        match self.phase.get() {
            Phase::Idle => "输入要查找的词语 · Type the words to find".into(),
            Phase::Searching => "正在检索… Searching…".into(),
            Phase::Reading => {
                let n = self.passages.with(Vec::len);
                format!("前 {n} 段，正在读取更多… The first {n} passages; reading more…")
            }
            Phase::Counting => {
                let n = self.passages.with(Vec::len);
                if n == 0 {
                    "正在检索… Searching…".into()
                } else {
                    format!("前 {n} 段，正在统计全部… The first {n} passages; counting all…")
                }
            }
            Phase::Done => match self.totals.get() {
                Some(t) if t.passages > 0 => format!(
                    "{} 场发布会中的 {} 段，共 {} 处 · {} passages in {} transcripts, {} hits",
                    t.transcripts, t.passages, t.hits, t.passages, t.transcripts, t.hits
                ),
                _ => "没有找到 · Nothing found".into(),
            },
            Phase::Failed(why) => why,
        }
    }
}

impl Default for SearchState {
    fn default() -> Self {
        Self::new()
    }
}

/// Why a query cannot run, in both languages.
fn query_error(e: &QueryError) -> String {
    match e {
        QueryError::Empty => "请输入要查找的词语（标点和空格之外）· Type a word or phrase to find (not only spaces)".into(),
        QueryError::OnlyExclusions => "请加一个要查找的词：减号只排除含有它的段落 · Add a word to find: a word after a minus only leaves out passages".into(),
        QueryError::TooLong => "一个词最多 1000 字 · A search term can be at most 1,000 characters".into(),
    }
}

fn failed(e: SourceError) -> String {
    format!("无法读取索引 · The index could not be read: {e}")
}

/// A finished query's session and every result, for "more".
type Finished = (Session<Fetched>, Vec<(PassageId, Vec<Span>)>);

/// The query that runs, and what it has read.
pub struct Driver {
    base: String,
    here: String,
    index: RefCell<Option<Rc<Remote<Fetched>>>>,
    /// Whole files of the index read already ([`Driver::prime`]), until
    /// it is opened.
    primed: RefCell<HashMap<String, Vec<u8>>>,
    /// Bumped by each new query: an older one's answers are dropped.
    generation: Cell<u64>,
    /// The last query's session and every result, for "more".
    session: RefCell<Option<Finished>>,
}

impl Driver {
    pub fn new(base: String, here: String) -> Driver {
        Driver {
            base,
            here,
            index: RefCell::new(None),
            primed: RefCell::new(HashMap::new()),
            generation: Cell::new(0),
            session: RefCell::new(None),
        }
    }

    /// Gives the index's file `path` (from the index's folder), read
    /// whole already: opening the index reads it from here, not again.
    /// So the query's first step goes out as soon as it starts, not a
    /// task later, after the page mounted meanwhile is laid out.
    pub fn prime(&self, path: String, bytes: Vec<u8>) {
        self.primed.borrow_mut().insert(path, bytes);
    }

    /// The index, opened once (`meta.json` and `keys.bin`).
    async fn index(&self) -> Result<Rc<Remote<Fetched>>, SourceError> {
        if let Some(i) = self.index.borrow().as_ref() {
            return Ok(i.clone());
        }
        let i = Rc::new(
            Remote::open(Fetched {
                base: self.base.clone(),
                primed: RefCell::new(self.primed.take()),
            })
            .await?,
        );
        *self.index.borrow_mut() = Some(i.clone());
        Ok(i)
    }
}

/// Shows view `v`: runs its query unless only its grouping changed.
pub fn show(driver: &Rc<Driver>, state: SearchState, v: View) {
    let old = state.view.get_untracked();
    let same = View {
        by: old.by,
        ..v.clone()
    } == old;
    let ran = !matches!(state.phase.get_untracked(), Phase::Idle | Phase::Failed(_));
    state.view.set(v.clone());
    if same && ran {
        return;
    }
    let generation = driver.generation.get() + 1;
    driver.generation.set(generation);
    *driver.session.borrow_mut() = None;
    state.clear();
    if v.q.trim().is_empty() {
        state.phase.set(Phase::Idle);
        return;
    }
    state.phase.set(Phase::Searching);
    let driver = driver.clone();
    spawn_local(async move {
        if let Err(why) = run(&driver, state, v, generation).await {
            if driver.generation.get() == generation {
                state.phase.set(Phase::Failed(why));
            }
        }
    });
}

async fn run(driver: &Driver, state: SearchState, v: View, generation: u64) -> Result<(), String> {
    let q = query::parse(&v.q).map_err(|e| query_error(&e))?;
    let filters = v.filters().map_err(|e| e.to_string())?;
    let filters_default = filters == Filters::default();
    let index = driver.index().await.map_err(failed)?;
    let mut s = Session::new(index, q, filters, v.sort);
    let stale = || driver.generation.get() != generation;
    let here = driver.here.clone();
    // A few first, shown at once; then the session (which keeps what it
    // read) goes on to the first page, and the rest are added below them.
    // Only in the default view (newest first, no filters), whose first
    // results read only what they show: a filter or relevance reads every
    // match where it looks, and would find them twice.
    let few_first = v.sort == Sort::Date && filters_default;
    let few = s
        .first(if few_first { FIRST_FEW } else { PAGE })
        .await
        .map_err(failed)?;
    let hits = s.hits(&few.passages).await.map_err(failed)?;
    if stale() {
        return Ok(());
    }
    state
        .passages
        .set(hits.iter().map(|h| PassageItem::of_hit(h, &here)).collect());
    if few_first && few.passages.len() == FIRST_FEW {
        state.phase.set(Phase::Reading);
        let page = s.first(PAGE).await.map_err(failed)?;
        // The page's first are the few shown (both are the search's first).
        let rest = page.passages.get(FIRST_FEW..).unwrap_or_default();
        let hits = s.hits(rest).await.map_err(failed)?;
        if stale() {
            return Ok(());
        }
        state
            .passages
            .update(|p| p.extend(hits.iter().map(|h| PassageItem::of_hit(h, &here))));
    }
    state.phase.set(Phase::Counting);
    // The first results are painted before every match is read: the
    // totals' reads and work wait for the next frame, and then for the
    // tasks queued by then (the totals' first step is long and runs at
    // once when what it reads is read already).
    after_paint().await;
    next_task().await;
    if stale() {
        return Ok(());
    }
    let results = s.results().await.map_err(failed)?;
    if stale() {
        return Ok(());
    }
    state.totals.set(Some(Totals {
        hits: results.hits,
        passages: results.passages.len(),
        transcripts: results.transcripts.len(),
    }));
    state.transcripts.set(
        results
            .transcripts
            .iter()
            .filter_map(|t| {
                let r = s.records.get(&t.doc)?;
                Some(TranscriptItem::of(t, r, &here))
            })
            .collect(),
    );
    state.over_time.set(Some(over_time(&results, &s.records)));
    state.speakers.set(
        results
            .speakers
            .iter()
            .map(|(_, name, n)| (name.clone(), *n))
            .collect(),
    );
    state.phase.set(Phase::Done);
    *driver.session.borrow_mut() = Some((s, results.passages));
    Ok(())
}

/// Resolves once the next frame is painted: at its animation frame, then
/// a task after it (the frame is drawn between the two).
async fn after_paint() {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        let Some(w) = web_sys::window() else {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
            return;
        };
        let then = wasm_bindgen::closure::Closure::once_into_js(move || {
            if let Some(w) = web_sys::window() {
                let _ = w.set_timeout_with_callback(&resolve);
            }
        });
        let _ = w.request_animation_frame(then.unchecked_ref());
    });
    let _ = wasm_bindgen_futures::JsFuture::from(p).await;
}

/// Resolves in a task of its own, after the tasks queued before it.
async fn next_task() {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback(&resolve);
        } else {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(p).await;
}

/// The next [`PAGE`] passages of the last query.
pub fn more(driver: &Rc<Driver>, state: SearchState) {
    let Some((mut s, all)) = driver.session.borrow_mut().take() else {
        return;
    };
    let generation = driver.generation.get();
    let from = state.passages.with_untracked(Vec::len);
    let next: Vec<_> = all.iter().skip(from).take(PAGE).cloned().collect();
    state.loading_more.set(true);
    let driver = driver.clone();
    spawn_local(async move {
        let hits = s.hits(&next).await;
        if driver.generation.get() != generation {
            return;
        }
        state.loading_more.set(false);
        match hits {
            Ok(hits) => state
                .passages
                .update(|p| p.extend(hits.iter().map(|h| PassageItem::of_hit(h, &driver.here)))),
            Err(e) => state.phase.set(Phase::Failed(failed(e))),
        }
        *driver.session.borrow_mut() = Some((s, all));
    });
}

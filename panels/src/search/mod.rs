//! The corpus site's search page (`search/?q=…`): the page's loader
//! (`web/search.js`) starts this module and hands it the view in the URL
//! ([`SearchPage::show`]); the query runs through the core's session over
//! the site's index, fetched by byte ranges ([`fetch`]). The first
//! results are shown as soon as they are read; then the totals, the
//! by-transcript view and the trends, which need every match; more
//! passages on demand.
//!
//! - [`results`]: the passage and transcript lists (plain data in, so
//!   the reader's library search can reuse them);
//! - [`trends`]: hits over time and per speaker;
//! - [`state`]: what the page shows, and the query that fills it.

pub mod fetch;
pub mod in_flight;
pub mod results;
pub mod state;
pub mod trends;

use leptos::prelude::*;
use crate::passage_results::PassageList;
use results::TranscriptList;
use send_wrapper::SendWrapper;
use shilu_core::corpus::view::{By, View};
use state::{Driver, Phase, SearchState};
use std::rc::Rc;
use trends::{OverTimeChart, SpeakerCounts};
use wasm_bindgen::JsCast;

/// The driver, as the view's closures hold it (the page has one thread:
/// the wrapper only satisfies the view's bounds).
pub type Handle = SendWrapper<Rc<Driver>>;

/// The page's address with `v` as its query string.
fn href_of(v: &View) -> String {
    let qs = v.query_string();
    if qs.is_empty() {
        "./".into()
    } else {
        format!("?{qs}")
    }
}

/// Shows the view `search` (a query string) and puts it in the address
/// bar, as following a link to it would.
fn go(driver: &Handle, state: SearchState, v: View) {
    if let Some(h) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&href_of(&v)));
    }
    // The form's own field keeps the grouping for the next query.
    if let Some(input) = leptos::prelude::document()
        .get_element_by_id("search-by")
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        input.set_value(if v.by == By::Transcript {
            "transcript"
        } else {
            ""
        });
    }
    state::show(driver, state, v);
}

/// The tabs between the two views: links that reproduce the view.
#[component]
fn ViewTabs(driver: Handle, state: SearchState) -> impl IntoView {
    let tab = move |by: By, label: &'static str| {
        let driver = driver.clone();
        let v = move || View {
            by,
            ..state.view.get()
        };
        let current = move || (state.view.get().by == by).then_some("page");
        view! {
            <a
                class="search-tabs__tab"
                href=move || href_of(&v())
                aria-current=current
                on:click=move |e| {
                    e.prevent_default();
                    go(&driver, state, v());
                }
            >
                {label}
            </a>
        }
    };
    view! {
        <nav class="search-tabs" aria-label="结果视图 Results view">
            {tab(By::Passage, "按段落 By passage")}
            {tab(By::Transcript, "按发布会 By transcript")}
        </nav>
    }
}

/// The results region: the live status line, the tabs, the list of the
/// view, more on demand, and the trends.
#[component]
fn SearchResults(driver: Handle, state: SearchState) -> impl IntoView {
    let by = move || state.view.get().by;
    let shown = move || !matches!(state.phase.get(), Phase::Idle | Phase::Failed(_));
    let more_passages = {
        let driver = driver.clone();
        move || {
            let left = state
                .totals
                .get()
                .is_some_and(|t| t.passages > state.passages.with(Vec::len));
            (by() == By::Passage && left).then(|| {
                let driver = driver.clone();
                view! {
                    <button
                        type="button"
                        class="search-more"
                        disabled=move || state.loading_more.get()
                        on:click=move |_| state::more(&driver, state)
                    >
                        "更多结果 More results"
                    </button>
                }
            })
        }
    };
    let more_docs = move || {
        let left = state.transcripts.with(Vec::len) > state.docs_shown.get();
        (by() == By::Transcript && left).then(|| {
            view! {
                <button
                    type="button"
                    class="search-more"
                    on:click=move |_| state.docs_shown.update(|n| *n += state::DOCS_PAGE)
                >
                    "更多发布会 More transcripts"
                </button>
            }
        })
    };
    let passages = Signal::derive(move || state.passages.get());
    let docs = Signal::derive(move || {
        state
            .transcripts
            .with(|t| t.iter().take(state.docs_shown.get()).cloned().collect())
    });
    let trends = move || {
        let over = state.over_time.get().filter(|o| !o.bars.is_empty());
        let speakers = state.speakers.get();
        (over.is_some() || !speakers.is_empty()).then(|| {
            view! {
                <section class="search-trends" aria-labelledby="search-trends-h">
                    <h2 id="search-trends-h">"趋势 Trends"</h2>
                    {over.map(|data| view! { <OverTimeChart data=data/> })}
                    {(!speakers.is_empty()).then(|| view! { <SpeakerCounts rows=speakers/> })}
                </section>
            }
        })
    };
    let tabs = driver.clone();
    let more_passages = StoredValue::new(SendWrapper::new(more_passages));
    view! {
        <p class="search-status" role="status" aria-live="polite">{move || state.status()}</p>
        <Show when=shown>
            <ViewTabs driver=tabs.clone() state=state/>
            <Show
                when=move || by() == By::Passage
                fallback=move || view! { <TranscriptList items=docs/> {more_docs} }
            >
                <PassageList items=passages/>
                {move || more_passages.with_value(|f| f())}
            </Show>
            {trends}
        </Show>
    }
}

/// The search page's query and what it shows, started by the page's
/// loader: a query may run before the results are mounted (the loader
/// starts it as soon as the module is, while the page is still parsed).
pub struct Page {
    pub driver: Handle,
    pub state: SearchState,
}

impl Page {
    /// The page over the index at `base` (an absolute URL ending in
    /// `/`), at `here` (its folder from the site's root, `search/`).
    pub fn new(base: String, here: String) -> Page {
        Page {
            driver: SendWrapper::new(Rc::new(Driver::new(base, here))),
            state: SearchState::new(),
        }
    }
}

/// Mounts the results into `el`.
pub fn mount(p: &Page, el: web_sys::HtmlElement) {
    let (driver, state) = (p.driver.clone(), p.state);
    leptos::mount::mount_to(el, move || view! { <SearchResults driver=driver state=state/> })
        .forget();
}

/// Shows the view of the query string `search` (the page's own URL: a
/// load, a submitted form, going back).
pub fn show(p: &Page, search: &str) {
    state::show(&p.driver, p.state, View::parse(search));
}

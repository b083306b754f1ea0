//! The by-transcript view: each matching transcript with its hits. (The
//! passages are [`crate::passage_results`], shared with the library.)

use leptos::prelude::*;
use shilu_core::corpus::catalog::Record;
use shilu_core::corpus::search::TranscriptHits;
use shilu_core::corpus::site::link;

/// A transcript as the by-transcript view shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TranscriptItem {
    pub title: String,
    pub date: Option<String>,
    pub href: String,
    pub passages: usize,
    pub hits: usize,
}

impl TranscriptItem {
    /// `t`, whose record is `r`, as shown on the page at `here`. Its link
    /// is the transcript's page alone: the reader's own search matches
    /// text as written, so the query (in the other script, say) might
    /// find nothing there; each passage's link carries its match.
    pub fn of(t: &TranscriptHits, r: &Record, here: &str) -> TranscriptItem {
        TranscriptItem {
            title: r.title.clone(),
            date: r.date.clone(),
            href: link(here, &r.url),
            passages: t.passages,
            hits: t.hits,
        }
    }
}

fn date_view(date: Option<String>) -> impl IntoView {
    date.map(|d| view! { <time datetime=d.clone()>{d.clone()}</time> })
}

/// Transcripts, in order, each with its hits.
#[component]
pub fn TranscriptList(items: Signal<Vec<TranscriptItem>>) -> impl IntoView {
    view! {
        <ol class="search-docs">
            <For
                each=move || items.get().into_iter().enumerate()
                key=|(i, item)| (*i, item.href.clone())
                children=|(_, item)| {
                    view! {
                        <li class="search-doc">
                            <a class="search-doc__title" href=item.href>{item.title}</a>
                            <span class="search-hit__facts">
                                {date_view(item.date)}
                                <span class="search-doc__hits">
                                    {format!("{} 处 · {} 段 · {} hits in {} passages", item.hits, item.passages, item.hits, item.passages)}
                                </span>
                            </span>
                        </li>
                    }
                }
            />
        </ol>
    }
}

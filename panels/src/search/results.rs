//! The results as lists: each passage with its transcript, date, speaker
//! and excerpt (the matches marked), or each transcript with its hits.
//! Plain data in, so the reader's library search can show its own.

use leptos::prelude::*;
use shilu_core::corpus::catalog::Record;
use shilu_core::corpus::search::TranscriptHits;
use shilu_core::corpus::session::Hit;
use shilu_core::corpus::site::link;

/// A passage as a result list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PassageItem {
    pub title: String,
    pub date: Option<String>,
    pub speaker: Option<String>,
    /// The passage's paragraph in its transcript, the match highlighted.
    pub href: String,
    /// The excerpt, each run marked (a match) or not.
    pub pieces: Vec<(String, bool)>,
    pub hits: usize,
}

impl PassageItem {
    /// `hit` as shown on the page at `here` (a folder from the site's
    /// root).
    pub fn of(hit: &Hit, here: &str) -> PassageItem {
        PassageItem {
            title: hit.card.title.clone(),
            date: hit.card.date.clone(),
            speaker: hit.passage.speaker.clone(),
            href: link(here, &hit.link()),
            pieces: hit.pieces(),
            hits: hit.hits,
        }
    }
}

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

/// One passage.
#[component]
pub fn PassageResult(item: PassageItem) -> impl IntoView {
    let speaker = item
        .speaker
        .map(|s| view! { <span class="search-hit__speaker">{s}</span> });
    let pieces = item
        .pieces
        .into_iter()
        .map(|(text, marked)| {
            if marked {
                view! { <mark>{text}</mark> }.into_any()
            } else {
                text.into_any()
            }
        })
        .collect_view();
    view! {
        <li class="search-hit">
            <a class="search-hit__title" href=item.href>{item.title}</a>
            <span class="search-hit__facts">
                {date_view(item.date)}
                {speaker}
                <span>{format!("{} 处 hits", item.hits)}</span>
            </span>
            <p class="search-hit__text">{pieces}</p>
        </li>
    }
}

/// Passages, in order.
#[component]
pub fn PassageList(items: Signal<Vec<PassageItem>>) -> impl IntoView {
    view! {
        <ol class="search-hits">
            <For
                each=move || items.get().into_iter().enumerate()
                key=|(i, item)| (*i, item.href.clone())
                children=|(_, item)| view! { <PassageResult item=item/> }
            />
        </ol>
    }
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

//! A list of passages found: each with its transcript's title (the link
//! to the paragraph), date and speaker, and its excerpt with the matches
//! marked. Plain data in ([`PassageItem`]), so that any search can show
//! its results with it.

use leptos::prelude::*;
use shilu_core::corpus::shelf::Shown;

/// A passage as the list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PassageItem {
    pub title: String,
    /// As shown (`2017年10月12日`).
    pub date: Option<String>,
    pub speaker: Option<String>,
    /// Its paragraph in its transcript, the match highlighted there.
    pub href: String,
    /// The excerpt, each run marked (a match) or not.
    pub pieces: Vec<(String, bool)>,
}

impl PassageItem {
    /// A library result, linking to `href`.
    pub fn of(shown: Shown, href: String) -> PassageItem {
        PassageItem {
            title: shown.title,
            date: shown.date,
            speaker: shown.speaker,
            href,
            pieces: shown.pieces,
        }
    }
}

/// The passages, as an ordered list named `label`; nothing when empty.
#[component]
pub fn PassageList(
    #[prop(into)] items: Signal<Vec<PassageItem>>,
    #[prop(into)] label: Signal<String>,
) -> impl IntoView {
    move || {
        let items = items.get();
        (!items.is_empty()).then(|| {
            view! {
                <ol class="passage-results" aria-label=label>
                    {items.into_iter().map(|item| view! { <PassageResult item/> }).collect_view()}
                </ol>
            }
        })
    }
}

/// One passage.
#[component]
pub fn PassageResult(item: PassageItem) -> impl IntoView {
    let facts: Vec<String> = [item.date, item.speaker].into_iter().flatten().collect();
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
        <li class="passage-result">
            <a class="passage-result__title" href=item.href>{item.title}</a>
            {(!facts.is_empty()).then(|| view! { <p class="passage-result__facts">{facts.join(" · ")}</p> })}
            <p class="passage-result__excerpt">{pieces}</p>
        </li>
    }
}

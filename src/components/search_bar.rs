//! The search box, its match count and next/previous controls.

use crate::components::transcript::highlights::scroll_to_current;
use crate::i18n::{text, use_texts};
use crate::state::Reader;
use leptos::prelude::*;
use shilu_ui::context::context;

/// Id of the search input (the `/` shortcut focuses it).
pub const SEARCH_INPUT_ID: &str = "search";

#[component]
pub fn SearchBar() -> impl IntoView {
    let reader = context::<Reader>();
    let t = use_texts();
    let count = move || reader.hits.with(Vec::len);
    let step = move |forward: bool| {
        reader.step_hit(forward);
        reader.reveal_hits();
        scroll_to_current();
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
        "Enter" => {
            ev.prevent_default();
            step(!ev.shift_key());
        }
        "Escape" => reader.set_query(String::new()),
        _ => {}
    };
    let summary = move || {
        let t = t();
        match (count(), reader.active_index()) {
            (0, _) if reader.query.with(|q| q.trim().is_empty()) => String::new(),
            (n, Some(i)) => format!("{} · {}", (t.matches)(n), (t.match_position)(i + 1, n)),
            (n, None) => (t.matches)(n),
        }
    };
    view! {
        <div class="search" role="search">
            <label class="visually-hidden" for=SEARCH_INPUT_ID>{text(|t| t.search)}</label>
            <input
                id=SEARCH_INPUT_ID
                class="search__input"
                type="search"
                role="searchbox"
                autocomplete="off"
                spellcheck="false"
                placeholder=text(|t| t.search_placeholder)
                aria-describedby="search-summary"
                prop:value=move || reader.query.get()
                on:input=move |ev| reader.set_query(event_target_value(&ev))
                on:keydown=on_keydown
            />
            <output id="search-summary" class="search__count" aria-live="polite">{summary}</output>
            <button type="button" class="icon-button" on:click=move |_| step(false)
                disabled=move || count() == 0 aria-label=text(|t| t.previous_match) title=text(|t| t.previous_match)>
                <span aria-hidden="true">"↑"</span>
            </button>
            <button type="button" class="icon-button" on:click=move |_| step(true)
                disabled=move || count() == 0 aria-label=text(|t| t.next_match) title=text(|t| t.next_match)>
                <span aria-hidden="true">"↓"</span>
            </button>
        </div>
    }
}

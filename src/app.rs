//! The app shell: builds the reader's state from the embedded transcript,
//! provides it, and lays out the page.

use crate::components::contents::TableOfContents;
use crate::components::deferred_panel::DeferredPanel;
use crate::components::header::ConferenceHeader;
use crate::components::panel_tabs::{panel_id, tab_id, PanelTabs};
use crate::components::search_bar::SearchBar;
use crate::components::speaker_filter::SpeakerFilter;
use crate::components::toast::{StatusLine, Toast};
use crate::components::top_bar::{ThemeChoice, TopBar};
use crate::components::transcript::Transcript;
use crate::current_turn::track_current_turn;
use crate::i18n::{text, I18n};
use crate::navigate::go_to_block;
use crate::prefs::{apply_lang, apply_theme, saved_lang, saved_theme};
use crate::state::{Panel, Reader};
use crate::{keyboard, library, panel_loader, url_state};
use leptos::prelude::*;
use shilu_ui::context::context;
use shilu_ui::html::Go;

/// The transcript the explorer opens with, embedded at build time.
pub const SEED: &str = include_str!("../seeds/shanxi-2017-10-12-deep-poverty-press-conference.txt");

/// Provides everything the components expect as context — the reader's
/// state over the transcript `text`, the interface language, theme choice and status line —
/// and returns the reader. Used by [`App`] and by component tests.
pub fn provide_reader(text: &str) -> Reader {
    let reader = Reader::new(text);
    provide_context(reader);
    provide_context(Go(Callback::new(move |id| go_to_block(reader, id))));
    provide_context(I18n(RwSignal::new(saved_lang())));
    provide_context(ThemeChoice(RwSignal::new(saved_theme())));
    provide_context(Toast::new());
    reader
}

#[component]
pub fn App() -> impl IntoView {
    let reader = provide_reader(SEED);
    apply_lang(context::<I18n>().0);
    apply_theme(context::<ThemeChoice>().0);

    keyboard::install(reader);
    panel_loader::install(reader);
    track_current_turn(reader);
    // A link naming a kept transcript (a reload) waits for it.
    let seed_key = reader.key.get_untracked();
    let wanted = url_state::from_location().doc.filter(|k| *k != seed_key);
    library::install(reader, SEED, wanted, follow_location);

    let contents_open = RwSignal::new(false);
    view! {
        <TopBar/>
        <div id="library" data-doc=move || reader.key.get()></div>
        <ConferenceHeader/>
        <div class="layout">
            <TableOfContents open=contents_open/>
            <main class="main" id="main">
                <div class="toolbar">
                    <button type="button" class="text-button contents-toggle"
                        aria-expanded=move || contents_open.get().to_string()
                        on:click=move |_| contents_open.update(|o| *o = !*o)>
                        {text(|t| t.contents)}
                    </button>
                    <PanelTabs/>
                    <SearchBar/>
                </div>
                <PanelView panel=Panel::Transcript><SpeakerFilter/><Transcript/></PanelView>
                <PanelView panel=Panel::Calendar><DeferredPanel panel=Panel::Calendar/></PanelView>
                <PanelView panel=Panel::Insights><DeferredPanel panel=Panel::Insights/></PanelView>
                <p class="keyboard-help">{text(|t| t.keyboard_help)}</p>
            </main>
        </div>
        <StatusLine/>
    }
}

/// A tab panel, rendered once and hidden while another tab is selected.
#[component]
fn PanelView(panel: Panel, children: Children) -> impl IntoView {
    let reader = context::<Reader>();
    view! {
        <section role="tabpanel" class=format!("panel panel--{}", panel.as_str())
            id=panel_id(panel) aria-labelledby=tab_id(panel)
            hidden=move || reader.panel.get() != panel>
            {children()}
        </section>
    }
}

/// Once the first transcript is shown: the view in the URL applies to it
/// (`apply`: it is the one the URL names), and the URL follows the reader
/// from then on.
fn follow_location(reader: Reader, apply: bool) {
    if apply {
        url_state::apply_from_location(&reader);
    }
    url_state::sync_to_location(reader, shilu_core::library::content_key(SEED));
    library::ready();
    if apply {
        follow_initial_hash(reader);
    }
}

/// A deep link (`#t7-b3`) opens its turn and section, then scrolls there.
fn follow_initial_hash(reader: Reader) {
    let hash = window().location().hash().unwrap_or_default();
    let Some(id) = hash
        .strip_prefix('#')
        .filter(|h| !h.is_empty())
        .map(str::to_string)
    else {
        return;
    };
    let id = js_sys::decode_uri_component(&id)
        .map(String::from)
        .unwrap_or(id);
    go_to_block(reader, id);
}

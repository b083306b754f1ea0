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
#[cfg(not(feature = "ssr"))]
use crate::current_turn::track_current_turn;
use crate::i18n::Lang;
use crate::i18n::{text, I18n};
use crate::navigate::go_to_block;
use crate::panel_loader;
#[cfg(not(feature = "ssr"))]
use crate::prefs::{apply_lang, apply_theme, saved_lang, saved_theme};
use crate::speaker_pages::SpeakerPages;
use crate::state::{Panel, Reader};
#[cfg(not(feature = "ssr"))]
use crate::{keyboard, library, url_state};
use leptos::prelude::*;
use shilu_core::Document;
use shilu_ui::context::context;
#[cfg(not(feature = "ssr"))]
use shilu_ui::dom::prefers_dark;
use shilu_ui::html::Go;
use std::sync::Arc;

/// The transcript the explorer opens with, read at build time: the
/// pre-render (`src/prerender.rs`) shows it and writes its text and
/// structure into the page, where the app in the browser reads them
/// (`crate::seed`), so the wasm does not carry it (a constant no code of
/// the app uses is not in the wasm; the `dist` tier checks). The component
/// tests embed it.
pub const SEED: &str = include_str!("../seeds/shanxi-2017-10-12-deep-poverty-press-conference.txt");

/// Provides everything the components expect as context — the reader's
/// state over the transcript `text`, the interface language, theme choice and status line —
/// and returns the reader. Used by [`App`] and by component tests. The
/// reader's saved preferences apply once the page is the browser's
/// ([`in_browser`]): the pre-rendered page shows the defaults. `doc` is
/// the text's structure, which the page does not read from the text
/// itself (see `crate::seed`).
pub fn provide_reader(text: &str, doc: Document) -> Reader {
    let reader = Reader::new(text, doc);
    provide_context(reader);
    provide_context(Go(Callback::new(move |id| go_to_block(reader, id))));
    provide_context(I18n(RwSignal::new(Lang::Zh)));
    provide_context(ThemeChoice::default());
    provide_context(Toast::new());
    reader
}

/// The page: the same components render it natively for the pre-render
/// (`ssr`) and take it over in the browser (`hydrate`, in parts:
/// `crate::takeover`); `seed` is the text it opens with, `doc` its
/// structure, which the pre-render read and wrote into the page
/// (`crate::seed`); `pages`, where a corpus site has a page for each of its
/// speakers (`crate::speaker_pages`).
#[component]
pub fn App(seed: Arc<str>, doc: Document, #[prop(optional)] pages: SpeakerPages) -> impl IntoView {
    let shell = Shell::new(seed, doc, pages);
    view! {
        {shell.top()}
        <div class="layout">
            {shell.contents()}
            <main class="main" id="main">
                {shell.toolbar()}
                {shell.panels()}
            </main>
        </div>
        {shell.status()}
    }
}

/// The page's state and its parts, in the page's order: [`App`] renders
/// them as one view; the browser takes each over in a task of its own
/// (`crate::takeover`). The elements between them (`.layout`, `main`) have
/// nothing to take over.
#[derive(Clone, Copy)]
pub struct Shell {
    reader: Reader,
    contents_open: RwSignal<bool>,
}

impl Shell {
    /// The reader's state over the transcript, provided to the components.
    pub fn new(seed: Arc<str>, doc: Document, pages: SpeakerPages) -> Self {
        let reader = provide_reader(&seed, doc);
        crate::speaker_pages::provide(&seed, pages);
        // Its effects, which load the module, run in the browser only.
        panel_loader::install(reader);
        #[cfg(not(feature = "ssr"))]
        in_browser(reader, seed);
        Shell {
            reader,
            contents_open: RwSignal::new(false),
        }
    }

    /// The top bar, the library's mark and the conference's header: the
    /// page's first elements.
    pub fn top(self) -> impl IntoView {
        let reader = self.reader;
        view! {
            <TopBar/>
            <div id="library" data-doc=move || reader.key.get()></div>
            <ConferenceHeader/>
        }
    }

    /// The contents: the first element in `.layout`.
    pub fn contents(self) -> impl IntoView {
        view! { <TableOfContents open=self.contents_open/> }
    }

    /// The toolbar: the first element in `main`.
    pub fn toolbar(self) -> impl IntoView {
        let contents_open = self.contents_open;
        view! {
            <div class="toolbar">
                <button type="button" class="text-button contents-toggle"
                    aria-expanded=move || contents_open.get().to_string()
                    on:click=move |_| contents_open.update(|o| *o = !*o)>
                    {text(|t| t.contents)}
                </button>
                <PanelTabs/>
                <SearchBar/>
            </div>
        }
    }

    /// The tab panels and the keyboard's help, after the toolbar.
    pub fn panels(self) -> impl IntoView {
        view! {
            <PanelView panel=Panel::Transcript><SpeakerFilter/><Transcript/></PanelView>
            <PanelView panel=Panel::Calendar><DeferredPanel panel=Panel::Calendar/></PanelView>
            <PanelView panel=Panel::Insights><DeferredPanel panel=Panel::Insights/></PanelView>
            <p class="keyboard-help">{text(|t| t.keyboard_help)}</p>
        }
    }

    /// The status line: the page's last element.
    pub fn status(self) -> impl IntoView {
        view! { <StatusLine/> }
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

/// What only the browser has: the saved preferences, the keyboard, the
/// panels' and library's module, the turn at the reading line, the view in
/// the URL. The preferences are set by an effect, which runs once the
/// pre-rendered page has been taken over as it is (hydration must find
/// what the pre-render wrote).
#[cfg(not(feature = "ssr"))]
fn in_browser(reader: Reader, seed: Arc<str>) {
    let lang = context::<I18n>().0;
    let theme = context::<ThemeChoice>();
    shilu_ui::effect::effect(move || {
        lang.set(saved_lang());
        theme.choice.set(saved_theme());
        theme.system_dark.set(prefers_dark());
    });
    apply_lang(lang);
    apply_theme(theme.choice);

    keyboard::install(reader);
    track_current_turn(reader);
    // The view in the URL, once the page is taken over (an effect runs after
    // hydration): set before, it would not show, as hydration keeps what
    // the pre-render wrote. A link naming a kept transcript (a reload)
    // waits for it.
    let toast = context::<Toast>();
    shilu_ui::effect::effect(move || {
        let seed = seed.clone();
        untrack(move || {
            let seed_key = reader.key.get_untracked();
            let wanted = url_state::from_location().doc.filter(|k| *k != seed_key);
            library::install(reader, &seed, wanted, move |reader, apply| {
                follow_location(reader, apply, seed_key.clone(), toast, lang)
            });
        })
    });
}

/// Once the first transcript is shown: the view in the URL applies to it
/// (`apply`: it is the one the URL names; a quote it does not have is
/// said to be missing), and the URL follows the reader from then on.
#[cfg(not(feature = "ssr"))]
fn follow_location(
    reader: Reader,
    apply: bool,
    seed_key: String,
    toast: Toast,
    lang: RwSignal<Lang>,
) {
    if apply && url_state::apply_from_location(&reader) {
        // Once the page is the app's (the status line is hydrated).
        request_animation_frame(move || {
            toast.show(crate::i18n::texts(lang.get_untracked()).quote_missing)
        });
    }
    url_state::sync_to_location(reader, seed_key);
    library::ready();
    if apply {
        follow_initial_hash(reader);
    }
}

/// A deep link (`#t7-b3`) opens its turn and section, then scrolls there;
/// a quote link without one, to the quote's block.
#[cfg(not(feature = "ssr"))]
fn follow_initial_hash(reader: Reader) {
    let hash = window().location().hash().unwrap_or_default();
    let Some(id) = hash
        .strip_prefix('#')
        .filter(|h| !h.is_empty())
        .map(str::to_string)
        .or_else(|| {
            reader.quote.with_untracked(|q| {
                q.split('.')
                    .next()
                    .filter(|b| !b.is_empty())
                    .map(String::from)
            })
        })
    else {
        return;
    };
    let id = js_sys::decode_uri_component(&id)
        .map(String::from)
        .unwrap_or(id);
    go_to_block(reader, id);
}

//! The bar above everything: the app's name and the reader's own controls
//! (open files — several at once, the first that reads is shown and every
//! one kept —, paste text, the library, theme, language). Nothing leaves the browser.

use crate::i18n::{text, texts, I18n, Lang};
use crate::prefs::{effective_theme, Theme};
use leptos::prelude::*;
use shilu_ui::context::context;

/// The theme the reader chose, if any, and whether the system asks for a
/// dark one; provided as context. Both are their defaults (none, light) in
/// the pre-rendered page, until the browser's are read.
#[derive(Clone, Copy)]
pub struct ThemeChoice {
    pub choice: RwSignal<Option<Theme>>,
    pub system_dark: RwSignal<bool>,
}

impl Default for ThemeChoice {
    fn default() -> Self {
        ThemeChoice {
            choice: RwSignal::new(None),
            system_dark: RwSignal::new(false),
        }
    }
}

#[component]
pub fn TopBar() -> impl IntoView {
    let I18n(lang) = context::<I18n>();
    let ThemeChoice {
        choice: theme,
        system_dark,
    } = context::<ThemeChoice>();
    let texts = move || texts(lang.get());
    let is_dark = move || effective_theme(theme.get(), system_dark.get()) == Theme::Dark;
    let toggle_theme = move |_| theme.set(Some(if is_dark() { Theme::Light } else { Theme::Dark }));
    let toggle_lang = move |_| lang.update(|l| *l = l.other());
    view! {
        <div class="top-bar">
            <a class="skip-link" href="#transcript">{text(|t| t.skip_to_content)}</a>
            <span class="top-bar__brand" lang="zh-CN">"实录"<span class="top-bar__latin">" shilu"</span></span>
            <div class="top-bar__actions">
                // The ways in: the library's module takes them (`crate::library`).
                <label class="text-button file-button">
                    <input type="file" multiple accept=".txt,.md,text/plain" class="visually-hidden" data-library="files"/>
                    <span>{text(|t| t.open_file)}</span>
                </label>
                <button type="button" class="text-button" aria-haspopup="dialog" data-library="paste">
                    {text(|t| t.paste_text)}
                </button>
                <button type="button" class="text-button" aria-haspopup="dialog" data-library="list">
                    {text(|t| t.my_transcripts)}
                </button>
                <button type="button" class="icon-button" on:click=toggle_theme
                    aria-label=move || if is_dark() { texts().theme_to_light } else { texts().theme_to_dark }
                    title=move || if is_dark() { texts().theme_to_light } else { texts().theme_to_dark }>
                    <span aria-hidden="true">{move || if is_dark() { "☀" } else { "☾" }}</span>
                </button>
                <button type="button" class="text-button" on:click=toggle_lang
                    lang=move || if lang.get() == Lang::Zh { "en" } else { "zh-CN" }>
                    {text(|t| t.language_switch)}
                </button>
            </div>
        </div>
    }
}

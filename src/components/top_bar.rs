//! The bar above everything: the app's name and the reader's own controls
//! (open a file, theme, language).

use crate::components::open_file::OpenFileButton;
use crate::i18n::{text, texts, I18n, Lang};
use crate::prefs::{effective_theme, Theme};
use leptos::prelude::*;
use shilu_ui::context::context;

/// The theme the reader chose, if any; provided as context.
#[derive(Clone, Copy)]
pub struct ThemeChoice(pub RwSignal<Option<Theme>>);

#[component]
pub fn TopBar() -> impl IntoView {
    let I18n(lang) = context::<I18n>();
    let ThemeChoice(theme) = context::<ThemeChoice>();
    let texts = move || texts(lang.get());
    let is_dark = move || effective_theme(theme.get()) == Theme::Dark;
    let toggle_theme = move |_| theme.set(Some(if is_dark() { Theme::Light } else { Theme::Dark }));
    let toggle_lang = move |_| lang.update(|l| *l = l.other());
    view! {
        <div class="top-bar">
            <a class="skip-link" href="#transcript">{text(|t| t.skip_to_content)}</a>
            <span class="top-bar__brand" lang="zh-CN">"实录"<span class="top-bar__latin">" shilu"</span></span>
            <div class="top-bar__actions">
                <OpenFileButton/>
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

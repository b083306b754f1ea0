//! Reader preferences kept across visits: theme and interface language.

use crate::i18n::Lang;
use leptos::prelude::*;
use shilu_ui::dom::{store, stored};
use shilu_ui::effect::effect;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
}

/// The saved theme, if the reader chose one (else the system decides).
pub fn saved_theme() -> Option<Theme> {
    match stored("shilu.theme").as_deref() {
        Some("dark") => Some(Theme::Dark),
        Some("light") => Some(Theme::Light),
        _ => None,
    }
}

/// The theme in effect: the reader's choice, else the system's.
pub fn effective_theme(choice: Option<Theme>, system_dark: bool) -> Theme {
    choice.unwrap_or(if system_dark {
        Theme::Dark
    } else {
        Theme::Light
    })
}

/// Applies and remembers a theme choice (`data-theme` on `<html>`).
pub fn apply_theme(choice: RwSignal<Option<Theme>>) {
    effect(move || {
        let Some(root) = document().document_element() else {
            return;
        };
        match choice.get() {
            Some(t) => {
                let name = if t == Theme::Dark { "dark" } else { "light" };
                set_if_changed(&root, "data-theme", name);
                store("shilu.theme", name);
            }
            None => {
                let _ = root.remove_attribute("data-theme");
            }
        }
    });
}

pub fn saved_lang() -> Lang {
    match stored("shilu.lang").as_deref() {
        Some("en") => Lang::En,
        _ => Lang::Zh,
    }
}

/// Applies and remembers the interface language (`lang` on `<html>`).
pub fn apply_lang(lang: RwSignal<Lang>) {
    effect(move || {
        let l = lang.get();
        if let Some(root) = document().document_element() {
            set_if_changed(&root, "lang", l.code());
        }
        store("shilu.lang", if l == Lang::En { "en" } else { "zh" });
    });
}

/// Sets `name` on the root element unless it already holds `value`: the
/// browser restyles the whole page for a root's `lang` or `data-theme` set
/// even to the value it had (issue 24: at takeover that was the longest
/// rendering task, a whole-page restyle for the value the page was built
/// with and web/early.js had already set).
fn set_if_changed(root: &web_sys::Element, name: &str, value: &str) {
    if root.get_attribute(name).as_deref() != Some(value) {
        let _ = root.set_attribute(name, value);
    }
}

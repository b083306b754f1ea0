//! The panels' module: the calendar and insights panels, with the core's
//! date, event, figure and iCalendar code. It is not part of the first
//! visit: the page loads it when a panel tab first opens
//! (the app's `panel_loader`) and drives it through [`Panels`].
//!
//! It runs its own reactive system beside the page's. What the two share
//! crosses here as plain values: the transcript text, the language and the
//! selected day go in; going to a block and choosing a day come back out.

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use shilu_core::dates::Date;
use shilu_panels::calendar::CalendarPanel;
use shilu_panels::host::PanelHost;
use shilu_panels::insights::InsightsPanel;
use shilu_ui::i18n::{I18n, Lang};
use std::sync::Arc;
use wasm_bindgen::prelude::*;

fn main() {
    shilu_ui::dom::report_panics();
}

/// The panels over one transcript, as the page sees them.
#[wasm_bindgen]
pub struct Panels {
    text: RwSignal<Arc<str>>,
    lang: RwSignal<Lang>,
    host: PanelHost,
    /// Owns the signals and the effect that reports the day.
    _owner: Owner,
}

#[wasm_bindgen]
impl Panels {
    /// The panels over `text` (decoded transcript text), in `lang` (a
    /// `Lang::code`), with `day` selected. `go(id)` goes to a block of the
    /// transcript; `on_day(iso)` is called when the reader chooses a day;
    /// `on_marks(text)` with the figures the transcript marks (see
    /// `shilu_ui::marks`), once analysed and on every new text.
    #[wasm_bindgen(constructor)]
    pub fn new(
        text: &str,
        lang: &str,
        day: Option<String>,
        go: js_sys::Function,
        on_day: js_sys::Function,
        on_marks: js_sys::Function,
    ) -> Panels {
        let _ = any_spawner::Executor::init_wasm_bindgen();
        let owner = Owner::new();
        owner.set();
        let text = RwSignal::new(Arc::<str>::from(text));
        let day = RwSignal::new(day.as_deref().and_then(Date::from_iso));
        let lang = RwSignal::new(Lang::from_code(lang));
        let go = SendWrapper::new(go);
        let host = PanelHost::over(
            text,
            day,
            Callback::new(move |id: String| {
                let _ = go.call1(&JsValue::NULL, &JsValue::from_str(&id));
            }),
        );
        let on_marks = SendWrapper::new(on_marks);
        host.report_marks(Callback::new(move |marks: String| {
            let _ = on_marks.call1(&JsValue::NULL, &JsValue::from_str(&marks));
        }));
        let on_day = SendWrapper::new(on_day);
        Effect::new(move |first: Option<()>| {
            let d = day.get();
            if first.is_some() {
                let iso = d.map_or(JsValue::NULL, |d| JsValue::from(d.iso()));
                let _ = on_day.call1(&JsValue::NULL, &iso);
            }
        });
        Panels {
            text,
            lang,
            host,
            _owner: owner,
        }
    }

    /// Renders a panel, `calendar` or `insights`, into `el`.
    pub fn mount(&self, which: &str, el: web_sys::HtmlElement) {
        let (host, lang) = (self.host, self.lang);
        let calendar = match which {
            "calendar" => true,
            "insights" => false,
            _ => return,
        };
        leptos::mount::mount_to(el, move || {
            host.provide();
            provide_context(I18n(lang));
            if calendar {
                view! { <CalendarPanel/> }.into_any()
            } else {
                view! { <InsightsPanel/> }.into_any()
            }
        })
        .forget();
    }

    /// A new transcript (the reader opened a file).
    #[wasm_bindgen(js_name = setText)]
    pub fn set_text(&self, text: &str) {
        if self.text.with_untracked(|t| **t != *text) {
            self.text.set(text.into());
        }
    }

    /// The interface language changed (a `Lang::code`).
    #[wasm_bindgen(js_name = setLang)]
    pub fn set_lang(&self, lang: &str) {
        let lang = Lang::from_code(lang);
        if self.lang.get_untracked() != lang {
            self.lang.set(lang);
        }
    }

    /// The selected day changed on the page (a link, the URL, a new file).
    #[wasm_bindgen(js_name = setDay)]
    pub fn set_day(&self, day: Option<String>) {
        let day = day.as_deref().and_then(Date::from_iso);
        if self.host.day.get_untracked() != day {
            self.host.day.set(day);
        }
    }
}

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
use shilu_panels::library::file_input::files_of;
use shilu_panels::library::{LibraryView, Shelf, Shown};
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

/// The reader's library (see `shilu_panels::library`), as the page sees it:
/// files, pasted text and links' keys go in; the text to show comes back.
#[wasm_bindgen]
pub struct Library {
    shelf: Shelf,
    /// Owns the signals, the views and the language observer.
    _owner: Owner,
}

#[wasm_bindgen]
impl Library {
    /// The library, its alerts and dialogs mounted into the element with
    /// id `library`. `seed` is the built-in transcript; `show([text, name,
    /// doc])` shows a transcript (no `name` for pasted text; `doc`, its
    /// structure as bytes, `shilu_core::wire`; none for the seed); `show([])` says a
    /// link's transcript is not in this browser. `modules`: the URLs of the
    /// worker that opens files (`web/open-worker.js`) and of this module's
    /// script and wasm (an empty array: files open on this thread).
    #[wasm_bindgen(constructor)]
    pub fn new(seed: &str, show: js_sys::Function, modules: js_sys::Array) -> Library {
        let _ = any_spawner::Executor::init_wasm_bindgen();
        let owner = Owner::new();
        owner.set();
        let show = SendWrapper::new(show);
        let shelf = Shelf::new(
            seed,
            page_lang(),
            Callback::new(move |shown: Option<Shown>| {
                let a = js_sys::Array::new();
                if let Some(Shown { text, name, doc }) = shown {
                    a.push(&JsValue::from(text));
                    a.push(&name.map_or(JsValue::NULL, JsValue::from));
                    a.push(&doc.map_or(JsValue::NULL, |d| {
                        js_sys::Uint8Array::from(d.as_slice()).into()
                    }));
                }
                let _ = show.call1(&JsValue::NULL, &a);
            }),
            (modules.length() == 3).then(|| modules.into()),
        );
        follow_page_lang(shelf.lang);
        if let Some(el) = document()
            .get_element_by_id("library")
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            leptos::mount::mount_to(el, move || {
                provide_context(shelf);
                view! { <LibraryView/> }
            })
            .forget();
        }
        Library {
            shelf,
            _owner: owner,
        }
    }

    /// Opens the first readable of `files` (a `FileList` or an array of
    /// `File`s) and keeps every readable one; refuses the others, saying why.
    #[wasm_bindgen(js_name = openFiles)]
    pub fn open_files(&self, files: JsValue) {
        self.shelf.open_files(files_of(&files));
    }

    /// Reads every file under the dropped `entries` (`FileSystemEntry`s,
    /// folders among them) and keeps each transcript; names the others.
    #[wasm_bindgen(js_name = openEntries)]
    pub fn open_entries(&self, entries: js_sys::Array) {
        let shelf = self.shelf;
        wasm_bindgen_futures::spawn_local(async move {
            let found = shilu_panels::library::folder::under(entries).await;
            shelf.open_folder(found);
        });
    }

    /// Shows 我的实录, marking `current` (the key of what the reader shows;
    /// empty for the seed).
    #[wasm_bindgen(js_name = showList)]
    pub fn show_list(&self, current: String) {
        if !current.is_empty() {
            self.shelf.current.set(current);
        }
        self.shelf
            .listing
            .set(shilu_panels::library::Listing::Reading);
        self.shelf.list_open.set(true);
        self.shelf.refresh();
    }

    /// Shows 粘贴文本.
    #[wasm_bindgen(js_name = showPaste)]
    pub fn show_paste(&self) {
        self.shelf.paste_problem.set(None);
        self.shelf.paste_open.set(true);
    }

    /// Shows the transcript kept under `key`, or says it is not here.
    pub fn restore(&self, key: String) {
        self.shelf.restore(key);
    }
}

/// The page's language (`<html lang>`, which the page keeps current).
fn page_lang() -> Lang {
    let code = document()
        .document_element()
        .map(|e| e.get_attribute("lang").unwrap_or_default())
        .unwrap_or_default();
    Lang::from_code(&code)
}

/// Keeps `lang` in step with `<html lang>`.
fn follow_page_lang(lang: RwSignal<Lang>) {
    let observer = Closure::<dyn Fn()>::new(move || {
        let l = page_lang();
        if lang.get_untracked() != l {
            lang.set(l);
        }
    });
    let Ok(mo) = web_sys::MutationObserver::new(observer.as_ref().unchecked_ref()) else {
        return;
    };
    observer.forget();
    let opts = web_sys::MutationObserverInit::new();
    opts.set_attributes(true);
    opts.set_attribute_filter(&js_sys::Array::of1(&JsValue::from_str("lang")));
    if let Some(root) = document().document_element() {
        let _ = mo.observe_with_options(&root, &opts);
    }
}

//! Loads the panels' module (`panels/src/main.rs`: the calendar and the
//! insights) when a panel tab first opens, and keeps it in step with the
//! reader: the text, the language and the selected day go to it; going to
//! a block, choosing a day and the figures to mark come back. The same
//! module holds the reader's library (`crate::library` starts it through
//! [`library_hooks`]); it is started once, by whichever asks first.
//!
//! The module is built into `panels/` beside `index.html` (see index.html).
//! A release build gives its files content-hashed names and lists them in a
//! `<meta name="shilu-panels">` (xtask/tools/post-build.mjs); a dev build
//! keeps the plain names (in the script below). URLs are resolved against the page, so a
//! dist served from a sub-path finds the module too.

use crate::i18n::I18n;
use crate::navigate::go_to_block;
use crate::state::{Panel, Reader};
use leptos::prelude::*;
use shilu_core::dates::Date;
use shilu_ui::context::context;
use shilu_ui::effect::effect;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = r#"
// The stylesheet, once (a retry after a failed import finds it in place).
function stylesheet(href) {
  if (document.getElementById('panels-css')) return null;
  return new Promise((resolve, reject) => {
    const link = document.createElement('link');
    link.id = 'panels-css';
    link.rel = 'stylesheet';
    link.href = href;
    link.onload = resolve;
    link.onerror = () => { link.remove(); reject(new Error(href + ' did not load')); };
    document.head.append(link);
  });
}
// The module's files. A release build names them after their content, and
// lists them in a meta; a dev build keeps the plain names.
const at = (u) => new URL(u, document.baseURI).href;
function files() {
  const listed = document.querySelector('meta[name="shilu-panels"]')?.content.split(' ');
  return listed?.length === 4
    ? listed : ['panels/shilu-panels.js', undefined, 'panels/panels.css', 'panels/open-worker.js'];
}
// The module, started once (asked again after a failure).
let started;
function start() {
  started ??= (async () => {
    const [script, wasm, style] = files();
    const [m] = await Promise.all([import(at(script)), stylesheet(at(style))]);
    await m.default(wasm ? { module_or_path: at(wasm) } : undefined);
    return m;
  })();
  started.catch(() => { started = undefined; });
  return started;
}
export async function load_panels(text, lang, day, go, onDay, onMarks) {
  const m = await start();
  return new m.Panels(text, lang, day, go, onDay, onMarks);
}
// The reader's library (see crate::library): started on the first use of
// the page's ways in (elements with data-library), or by a link's key.
export function library_hooks(seed, wanted, show, failed) {
  let library;
  const use = (f) => {
    // The worker that opens files runs the same module (web/open-worker.js).
    const [script, wasm, , worker] = files();
    const modules = [at(worker), at(script), wasm ? at(wasm) : undefined];
    library ??= start().then((m) => new m.Library(seed, show, modules));
    library.then(f, (e) => {
      library = undefined;
      console.warn('shilu: the library did not load', e);
      failed('');
    });
  };
  const open = (files) => {
    if (files?.length) {
      const copy = [...files];
      use((l) => l.openFiles(copy));
    }
  };
  const current = () => document.getElementById('library')?.dataset.doc ?? '';
  addEventListener('dragover', (e) => e.preventDefault());
  addEventListener('drop', (e) => {
    e.preventDefault();
    // A folder is walked from its entry, which only the drop's own moment gives.
    const entries = [...(e.dataTransfer?.items ?? [])].map((i) => i.webkitGetAsEntry?.()).filter((x) => x);
    if (entries.some((x) => x.isDirectory)) use((l) => l.openEntries(entries));
    else open(e.dataTransfer?.files);
  });
  addEventListener('change', (e) => {
    if (e.target.dataset?.library === 'files') { open(e.target.files); e.target.value = ''; }
  });
  addEventListener('click', (e) => {
    const which = e.target.closest?.('[data-library]')?.dataset.library;
    if (which === 'list') use((l) => l.showList(current()));
    if (which === 'paste') use((l) => l.showPaste());
  });
  if (wanted) use((l) => l.restore(wanted));
}
"#)]
extern "C" {
    /// Imports and starts the module (once), with its stylesheet in place;
    /// resolves to a new `Panels`.
    fn load_panels(
        text: &str,
        lang: &str,
        day: Option<String>,
        go: &JsValue,
        on_day: &JsValue,
        on_marks: &JsValue,
    ) -> js_sys::Promise;

    /// Starts the library on the first use of a way in (`data-library`
    /// elements: `files`, `list`, `paste`; a drop on the page), or at once
    /// for the link's key `wanted`. `show([text, name, doc])` shows a transcript,
    /// `show([])` says the link's is not here; `failed(_)`: the module did
    /// not load. See `crate::library`.
    pub fn library_hooks(seed: &str, wanted: Option<String>, show: &JsValue, failed: &JsValue);
}

#[wasm_bindgen]
extern "C" {
    /// The module's `Panels` (see `panels/src/main.rs`).
    type Panels;
    #[wasm_bindgen(method)]
    fn mount(this: &Panels, which: &str, el: &web_sys::HtmlElement);
    #[wasm_bindgen(method, js_name = setText)]
    fn set_text(this: &Panels, text: &str);
    #[wasm_bindgen(method, js_name = setLang)]
    fn set_lang(this: &Panels, lang: &str);
    #[wasm_bindgen(method, js_name = setDay)]
    fn set_day(this: &Panels, day: Option<String>);
}

/// Where the module is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Load {
    /// Not asked for yet (no panel tab opened), or failed and asked again.
    Idle,
    Loading,
    Ready,
    Failed,
}

/// The module's state, provided as context. `Copy`: handles.
#[derive(Clone, Copy)]
pub struct PanelLoader {
    pub state: RwSignal<Load>,
    module: StoredValue<Option<Panels>, LocalStorage>,
}

impl PanelLoader {
    /// Renders `panel` into `el`, once the module is ready.
    pub fn mount(&self, panel: Panel, el: &web_sys::HtmlElement) {
        self.with(|m| m.mount(panel.as_str(), el));
    }

    /// Asks for the module again after a failure.
    pub fn retry(&self) {
        self.state.set(Load::Idle);
    }

    fn with(&self, f: impl FnOnce(&Panels)) {
        self.module.with_value(|m| {
            if let Some(m) = m {
                f(m)
            }
        });
    }
}

/// Provides the loader: the module loads when a panel other than the
/// transcript is first shown, and follows the reader from then on.
pub fn install(reader: Reader) -> PanelLoader {
    let loader = PanelLoader {
        state: RwSignal::new(Load::Idle),
        module: StoredValue::new_local(None),
    };
    provide_context(loader);
    let lang = context::<I18n>().0;
    effect(move || {
        if reader.panel.get() != Panel::Transcript && loader.state.get() == Load::Idle {
            start(reader, loader, lang.get_untracked().code());
        }
    });
    // Once ready, and on every later change.
    let ready = move || loader.state.get() == Load::Ready;
    effect(move || {
        let code = lang.get().code();
        if ready() {
            loader.with(|m| m.set_lang(code));
        }
    });
    effect(move || {
        let day = reader.day.get().map(|d| d.iso());
        if ready() {
            loader.with(|m| m.set_day(day));
        }
    });
    effect(move || {
        reader.text.with(|t| {
            if ready() {
                loader.with(|m| m.set_text(t));
            }
        })
    });
    loader
}

fn start(reader: Reader, loader: PanelLoader, lang: &'static str) {
    loader.state.set(Load::Loading);
    let go = Closure::<dyn Fn(String)>::new(move |id| go_to_block(reader, id)).into_js_value();
    let on_day = Closure::<dyn Fn(Option<String>)>::new(move |d: Option<String>| {
        reader.day.set(d.as_deref().and_then(Date::from_iso))
    })
    .into_js_value();
    let on_marks =
        Closure::<dyn Fn(String)>::new(move |m: String| reader.marks.set(m.into())).into_js_value();
    let text = reader.text.get_untracked();
    let day = reader.day.get_untracked().map(|d| d.iso());
    let loading = load_panels(&text, lang, day, &go, &on_day, &on_marks);
    shilu_ui::dom::when_settled(&loading, move |loaded| match loaded {
        Ok(m) => {
            loader.module.set_value(Some(m.unchecked_into()));
            loader.state.set(Load::Ready);
        }
        Err(e) => {
            leptos::logging::warn!("shilu: the panels did not load: {e:?}");
            loader.state.set(Load::Failed);
        }
    });
}

//! The first visit's hooks into the reader's library. The library itself
//! (IndexedDB, reading and decoding files, 我的实录 and 粘贴文本, the alerts)
//! is in the lazily loaded module (`panels/src/library/`), started by a
//! few lines of script (`panel_loader::library_hooks`) when the reader
//! first uses a way in (the top bar's `data-library` controls, a drop on
//! the page), or at once for a link naming a kept transcript (`?doc=<key>`,
//! as a reload does). The page marks the key of what it shows on the
//! library's element (`data-doc`), where the list reads it.
//!
//! The library hands back the text to show, which the page shows with
//! [`Reader::load`]. The view in the URL (query, speakers, `#t3-b2`) is
//! applied to the transcript the link names, once that has loaded: until
//! then the loading indicator stays (and hides the page), and the URL is
//! left as it is.

use crate::components::toast::Toast;
use crate::i18n::{texts, I18n, Texts};
use crate::panel_loader::library_hooks;
use crate::state::Reader;
use leptos::prelude::*;
use shilu_ui::context::context;
use shilu_ui::html::{attr, Html};
use wasm_bindgen::prelude::*;

/// Starts the hooks over the built-in `seed`; `wanted` is the key a link
/// names (not the seed's), whose transcript is asked for at once.
/// `then(reader, apply)` runs once, when the first transcript is shown (at
/// once without a link): `apply` says whether it is the one the URL is for.
pub fn install(
    reader: Reader,
    seed: &str,
    wanted: Option<String>,
    then: impl Fn(Reader, bool) + Clone + 'static,
) {
    let settled = StoredValue::new(false);
    let first = move |apply: bool| {
        if !settled.get_value() {
            settled.set_value(true);
            then(reader, apply);
        }
    };
    let wanted_key = wanted.clone();
    let first_shown = first.clone();
    let show_now = move |shown: js_sys::Array| {
        if let Some(alert) = document().get_element_by_id(LINK_FAILED) {
            alert.remove();
        }
        // `[]`: the link's transcript is not here; the seed stays, unnamed.
        let Some(text) = shown.get(0).as_string() else {
            return ready();
        };
        if settled.get_value() {
            window().scroll_to_with_x_and_y(0.0, 0.0);
        }
        let parsed = shown.get(2).dyn_into::<js_sys::Uint8Array>().ok();
        reader.load(text, shown.get(1).as_string(), parsed.map(|b| b.to_vec()));
        first_shown(
            reader
                .key
                .with_untracked(|k| Some(k) == wanted_key.as_ref()),
        );
    };
    // In a task of its own, apart from the library's: with a long
    // transcript, each has a good share of work.
    let show = Closure::<dyn Fn(js_sys::Array)>::new(move |shown: js_sys::Array| {
        let show_now = show_now.clone();
        set_timeout(move || show_now(shown), std::time::Duration::ZERO)
    });
    let (toast, lang) = (context::<Toast>(), context::<I18n>().0);
    let failed = Closure::<dyn Fn(String)>::new(move |_: String| {
        let t = texts(lang.get_untracked());
        // A way in can be used again; a link's transcript needs saying so
        // until the reader acts (the seed is shown meanwhile).
        if settled.get_value() {
            toast.show(t.open_file_failed);
        } else {
            say_link_failed(t);
        }
        ready();
    });
    let waits = wanted.is_some();
    library_hooks(seed, wanted, &show.into_js_value(), &failed.into_js_value());
    if !waits {
        first(true);
    }
}

/// The id of the alert that a link's transcript could not be read.
const LINK_FAILED: &str = "link-failed";

/// Says, until a transcript is shown, that the library did not load, so
/// the transcript a link names could not be read: with a link to try the
/// same address again. It goes into the library's element, whose own
/// alerts are in the module that did not load.
fn say_link_failed(t: &Texts) {
    let doc = document();
    let Some(el) = doc.get_element_by_id("library") else {
        return;
    };
    if doc.get_element_by_id(LINK_FAILED).is_some() {
        return;
    }
    let here = window().location().href().unwrap_or_default();
    let mut h = Html::new();
    h.open(
        "p",
        &[
            attr("class", "link-failed"),
            attr("id", LINK_FAILED),
            attr("role", "alert"),
        ],
    )
    .text(t.link_failed)
    .text(" ")
    .el("a", &[attr("href", &here)], t.retry)
    .close("p");
    let _ = el.insert_adjacent_html("afterbegin", h.as_str());
}

/// The page is ready to read: the loading indicator goes (while it is
/// there, the page under it is hidden: see style/main.css).
pub fn ready() {
    // Once the page has started: what the reader did meanwhile is replayed
    // (web/early.js) to a page whose every effect has run.
    shilu_ui::effect::after_start(ready_now);
}

fn ready_now() {
    let doc = document();
    if let Some(root) = doc.document_element() {
        let _ = root.class_list().remove_2("opening", "applying");
    }
    if let Some(el) = doc.get_element_by_id("loading") {
        el.remove();
    }
}

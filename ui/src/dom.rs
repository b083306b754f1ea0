//! Small browser helpers: panics, scrolling, the clipboard, downloads,
//! storage.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Reports a panic in the console, with the message and where it happened.
/// (Not console_error_panic_hook: its stack trace, of a size-optimised build,
/// costs the first visit about 0.5 KB and tells little more.)
pub fn report_panics() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into());
    }));
}

/// Scrolls the element with this id to the top of the view (below the
/// sticky toolbar, via CSS `scroll-margin-top`) and flashes it.
pub fn scroll_to_id(id: &str) {
    let Some(el) = document().get_element_by_id(id) else {
        return;
    };
    let opts = web_sys::ScrollIntoViewOptions::new();
    opts.set_block(web_sys::ScrollLogicalPosition::Start);
    el.scroll_into_view_with_scroll_into_view_options(&opts);
    flash(&el);
}

/// Briefly highlights an element (CSS class `is-flash`).
pub fn flash(el: &web_sys::Element) {
    let _ = el.class_list().remove_1("is-flash");
    // Force a reflow so the animation restarts.
    if let Some(h) = el.dyn_ref::<web_sys::HtmlElement>() {
        let _ = h.offset_width();
    }
    let _ = el.class_list().add_1("is-flash");
}

/// Focuses an element by id without scrolling (it is scrolled separately).
pub fn focus_id(id: &str) {
    if let Some(el) = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let opts = web_sys::FocusOptions::new();
        opts.set_prevent_scroll(true);
        let _ = el.focus_with_options(&opts);
    }
}

/// The page URL without query and hash, plus a `#id` fragment.
pub fn permalink(id: &str) -> String {
    let loc = window().location();
    format!(
        "{}{}{}#{}",
        loc.origin().unwrap_or_default(),
        loc.pathname().unwrap_or_default(),
        loc.search().unwrap_or_default(),
        id
    )
}

/// Calls `done` with what `promise` settles to. Every wait on a promise in
/// the UI goes through here, so the wasm holds one future type (one state
/// machine and its poll code) for them all.
pub fn when_settled(
    promise: &js_sys::Promise,
    done: impl FnOnce(Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue>) + 'static,
) {
    settle(promise.clone(), Box::new(done));
}

type Settled = Box<dyn FnOnce(Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue>)>;

fn settle(promise: js_sys::Promise, done: Settled) {
    wasm_bindgen_futures::spawn_local(async move {
        done(wasm_bindgen_futures::JsFuture::from(promise).await)
    });
}

/// Runs `f` in a microtask: after the current rendering, before the next
/// frame.
pub fn soon(f: impl FnOnce() + 'static) {
    when_settled(
        &js_sys::Promise::resolve(&wasm_bindgen::JsValue::UNDEFINED),
        move |_| f(),
    );
}

/// Writes text to the clipboard; `done(true)` when it worked.
pub fn copy_text(text: String, done: impl FnOnce(bool) + 'static) {
    let clipboard = window().navigator().clipboard();
    when_settled(&clipboard.write_text(&text), move |r| done(r.is_ok()));
}

/// Offers `contents` as a file download (a gloo-file blob and object URL,
/// revoked once the download has started).
pub fn download(filename: &str, mime: &str, contents: &str) {
    let blob = gloo_file::Blob::new_with_options(contents, Some(mime));
    let url = gloo_file::ObjectUrl::from(blob);
    if let Ok(a) = document()
        .create_element("a")
        .map(|e| e.unchecked_into::<web_sys::HtmlAnchorElement>())
    {
        a.set_href(&url);
        a.set_download(filename);
        a.click();
    }
}

/// A value from localStorage.
pub fn stored(key: &str) -> Option<String> {
    window()
        .local_storage()
        .ok()
        .flatten()?
        .get_item(key)
        .ok()
        .flatten()
}

/// Saves a value to localStorage (silently does nothing where storage is off).
pub fn store(key: &str, value: &str) {
    if let Some(s) = window().local_storage().ok().flatten() {
        let _ = s.set_item(key, value);
    }
}

/// Whether the system asks for a dark theme.
pub fn prefers_dark() -> bool {
    window()
        .match_media("(prefers-color-scheme: dark)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
}

/// Whether focus is in a text field (so single-key shortcuts stay out of the way).
pub fn typing_in_field() -> bool {
    document().active_element().is_some_and(|el| {
        let tag = el.tag_name().to_ascii_lowercase();
        tag == "input"
            || tag == "textarea"
            || tag == "select"
            || el.has_attribute("contenteditable")
    })
}

/// The elements under `root` that match `selector`, in document order.
pub fn select_all(root: &web_sys::Element, selector: &str) -> Vec<web_sys::Element> {
    let Ok(list) = root.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok())
        .collect()
}

/// Sets or removes a boolean attribute (`hidden`).
pub fn set_flag(el: &web_sys::Element, name: &str, on: bool) {
    let _ = if on {
        el.set_attribute(name, "")
    } else {
        el.remove_attribute(name)
    };
}

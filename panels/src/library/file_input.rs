//! What a file input or a drop gives: its files, in order.

use wasm_bindgen::JsCast;

/// The files of a `FileList` or an array of them, in order.
pub fn files_of(list: &wasm_bindgen::JsValue) -> Vec<web_sys::File> {
    js_sys::Array::from(list)
        .iter()
        .filter_map(|f| f.dyn_into::<web_sys::File>().ok())
        .collect()
}

/// The files a file input's `change` gave; the input is emptied, so that
/// choosing the same files again is a change too.
pub fn take_chosen(ev: &leptos::ev::Event) -> Vec<web_sys::File> {
    let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return Vec::new();
    };
    let files = input.files().map(|f| files_of(&f)).unwrap_or_default();
    input.set_value("");
    files
}

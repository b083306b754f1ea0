//! Lets a reader open their own transcript file; it is parsed in the page
//! by the same core as the embedded seed. Nothing leaves the browser.

use crate::components::toast::Toast;
use crate::i18n::{text, use_texts};
use crate::state::Reader;
use leptos::prelude::*;
use shilu_ui::context::context;
use shilu_ui::dom::when_settled;
use wasm_bindgen::JsCast;

#[component]
pub fn OpenFileButton() -> impl IntoView {
    let reader = context::<Reader>();
    let toast = context::<Toast>();
    let t = use_texts();
    let on_change = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        let name = file.name();
        let failed = t().open_file_failed;
        when_settled(&file.array_buffer(), move |read| {
            let bytes = match read {
                Ok(buf) => js_sys::Uint8Array::new(&buf).to_vec(),
                Err(_) => return toast.show(failed),
            };
            match crate::transcript_file::read_transcript(&bytes) {
                Ok(text) => {
                    reader.load(text, name);
                    window().scroll_to_with_x_and_y(0.0, 0.0);
                }
                Err(message) => toast.show(format!("{failed}: {message}")),
            }
        });
        input.set_value("");
    };
    view! {
        <label class="text-button file-button">
            <input type="file" accept=".txt,text/plain" class="visually-hidden" on:change=on_change/>
            <span>{text(|t| t.open_file)}</span>
        </label>
    }
}

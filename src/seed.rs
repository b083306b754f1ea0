//! The seed's text in the page: the pre-render writes it into a
//! `<template>` after the view ([`seed_template`]), and the app reads it
//! back in the browser ([`read_seed`]). A template is inert (never shown,
//! never run, not in the accessibility tree), and its text comes back
//! exactly as written: HTML escaping is undone by the parser.

use shilu_ui::html::{attr, Html};

/// The id of the template holding the seed's text.
pub const SEED_ID: &str = "seed-text";

/// `<template id="seed-text">…</template>`, the text escaped.
pub fn seed_template(text: &str) -> String {
    let mut h = Html::new();
    h.el("template", &[attr("id", SEED_ID)], text);
    h.into_string()
}

/// The text the pre-render wrote into the page, if it did.
#[cfg(not(feature = "ssr"))]
pub fn read_seed() -> Option<String> {
    use wasm_bindgen::JsCast;
    let el = leptos::prelude::document().get_element_by_id(SEED_ID)?;
    let template = el.dyn_into::<web_sys::HtmlTemplateElement>().ok()?;
    template.content().text_content()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn the_template_holds_the_text_escaped() {
        assert_eq!(
            seed_template("a<b>&</template>"),
            "<template id=\"seed-text\">a&lt;b&gt;&amp;&lt;/template&gt;</template>"
        );
    }
}

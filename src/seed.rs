//! The seed in the page: the pre-render writes its text into a
//! `<template>` after the view ([`seed_template`]), and the app reads it
//! back in the browser ([`read_seed`]). A template is inert (never shown,
//! never run, not in the accessibility tree), and its text comes back
//! exactly as written: HTML escaping is undone by the parser.
//!
//! The template also carries the seed's meta, as the pre-render's full
//! parser read it: [`shilu_core::wire::write_meta`]'s bytes in hex, in
//! `data-meta` ([`read_seed_meta`]). The page parses the seed without its
//! meta (`shilu_core::structure_with_meta`), so the meta's rules (dates,
//! datelines, places, titles, the script) are not in the first visit's
//! wasm; the wire reader is, for the worker's documents.

use shilu_core::Meta;
use shilu_ui::html::{attr, Html};

/// The id of the template holding the seed's text.
pub const SEED_ID: &str = "seed-text";

/// The attribute of the template holding the seed's meta.
pub const META_ATTR: &str = "data-meta";

/// `<template id="seed-text" data-meta="…">…</template>`, the text escaped.
pub fn seed_template(text: &str, meta: &Meta) -> String {
    let hex: String = shilu_core::wire::write_meta(meta)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let mut h = Html::new();
    h.el(
        "template",
        &[attr("id", SEED_ID), attr(META_ATTR, &hex)],
        text,
    );
    h.into_string()
}

/// The meta of a `data-meta` value; `None` for anything
/// [`seed_template`] did not write.
pub fn meta_of_hex(hex: &str) -> Option<Meta> {
    let digits = hex.as_bytes();
    if digits.len() % 2 != 0 {
        return None;
    }
    let mut bytes = Vec::with_capacity(digits.len() / 2);
    for pair in digits.chunks(2) {
        let digit = |d: u8| (d as char).to_digit(16);
        bytes.push((digit(pair[0])? * 16 + digit(pair[1])?) as u8);
    }
    shilu_core::wire::read_meta(&bytes)
}

/// The text the pre-render wrote into the page, if it did.
#[cfg(not(feature = "ssr"))]
pub fn read_seed() -> Option<String> {
    seed_template_element()?.content().text_content()
}

/// The seed's meta the pre-render wrote into the page; `None` if it is
/// not there or does not read (the page then shows the title alone).
#[cfg(not(feature = "ssr"))]
pub fn read_seed_meta() -> Option<Meta> {
    meta_of_hex(&seed_template_element()?.get_attribute(META_ATTR)?)
}

#[cfg(not(feature = "ssr"))]
fn seed_template_element() -> Option<web_sys::HtmlTemplateElement> {
    use wasm_bindgen::JsCast;
    let el = leptos::prelude::document().get_element_by_id(SEED_ID)?;
    el.dyn_into::<web_sys::HtmlTemplateElement>().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn the_template_holds_the_text_escaped() {
        let meta = Meta {
            title: "a".into(),
            ..Meta::default()
        };
        assert_eq!(
            seed_template("a<b>&</template>", &meta),
            "<template id=\"seed-text\" data-meta=\"0301610000000000000000000000000000\">\
             a&lt;b&gt;&amp;&lt;/template&gt;</template>"
        );
    }

    /// What the pre-render writes of the seed's meta reads back in the page
    /// as the meta the full parser gives.
    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn the_page_reads_back_the_meta_of_the_full_parser() {
        let meta = shilu_core::structure(crate::app::SEED, None).meta;
        assert!(meta.date.is_some() && meta.place.is_some() && !meta.lang.is_empty());
        let page = seed_template(crate::app::SEED, &meta);
        let hex = page
            .split_once("data-meta=\"")
            .and_then(|(_, rest)| rest.split_once('"'))
            .map(|(hex, _)| hex)
            .expect("a data-meta attribute");
        assert_eq!(meta_of_hex(hex), Some(meta.clone()));
        // The page's structure of the seed, with that meta, is the full
        // parser's.
        assert_eq!(
            shilu_core::structure_with_meta(crate::app::SEED, None, meta_of_hex(hex)),
            shilu_core::structure(crate::app::SEED, None)
        );
        // Anything else reads as none: the page falls back on the title.
        for bad in ["", "0", "zz", &hex[..hex.len() - 2], &format!("{hex}00")] {
            assert_eq!(meta_of_hex(bad), None, "{bad:?}");
        }
        let lean = shilu_core::structure_with_meta(crate::app::SEED, None, None);
        assert_eq!(lean.meta.title, meta.title);
        assert_eq!(lean.meta.date, None);
    }
}

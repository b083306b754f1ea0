//! The seed in the page: the pre-render writes its text into a
//! `<template>` after the view ([`seed_template`]), and the app reads it
//! back in the browser ([`read_seed`]). A template is inert (never shown,
//! never run, not in the accessibility tree), and its text comes back
//! exactly as written: HTML escaping is undone by the parser.
//!
//! The template also carries the seed's structure, as the pre-render's
//! parser read it: [`shilu_core::wire::write`]'s bytes in hex, in
//! `data-structure`, mostly places in the text beside it. The page reads
//! it back with the text ([`structure_of_hex`]) and parses nothing: its
//! wasm links no parser (opened transcripts are parsed by the worker,
//! which hands the page the same bytes).

use crate::speaker_pages::{SpeakerPages, PAGES_ATTR};
use shilu_core::Document;
use shilu_ui::html::{attr, Html};

/// The id of the template holding the seed's text.
pub const SEED_ID: &str = "seed-text";

/// The attribute of the template holding the seed's structure.
pub const STRUCTURE_ATTR: &str = "data-structure";

/// `<template id="seed-text" data-structure="…">…</template>`: `text`
/// escaped, and `doc`, its structure; on a corpus site, with its
/// speakers' `pages` (`data-speaker-pages`).
pub fn seed_template(text: &str, doc: &Document, pages: &SpeakerPages) -> String {
    let hex: String = shilu_core::wire::write(doc, text)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let pages = pages.to_attr();
    let mut attrs = vec![attr("id", SEED_ID), attr(STRUCTURE_ATTR, &hex)];
    if !pages.is_empty() {
        attrs.push(attr(PAGES_ATTR, &pages));
    }
    let mut h = Html::new();
    h.el("template", &attrs, text);
    h.into_string()
}

/// The structure of `text` in a `data-structure` value; `None` for
/// anything [`seed_template`] did not write for that text.
pub fn structure_of_hex(hex: &str, text: &str) -> Option<Document> {
    let digits = hex.as_bytes();
    if digits.len() % 2 != 0 {
        return None;
    }
    let mut bytes = Vec::with_capacity(digits.len() / 2);
    for pair in digits.chunks(2) {
        let digit = |d: u8| (d as char).to_digit(16);
        bytes.push((digit(pair[0])? * 16 + digit(pair[1])?) as u8);
    }
    shilu_core::wire::read(&bytes, text)
}

/// The text the pre-render wrote into the page, its structure and its
/// speakers' pages, if it wrote them.
#[cfg(not(feature = "ssr"))]
pub fn read_seed() -> Option<(String, Document, SpeakerPages)> {
    use wasm_bindgen::JsCast;
    let el = leptos::prelude::document().get_element_by_id(SEED_ID)?;
    let el = el.dyn_into::<web_sys::HtmlTemplateElement>().ok()?;
    let text = el.content().text_content()?;
    let doc = structure_of_hex(&el.get_attribute(STRUCTURE_ATTR)?, &text)?;
    let pages = el
        .get_attribute(PAGES_ATTR)
        .map_or_else(SpeakerPages::default, |v| SpeakerPages::from_attr(&v));
    Some((text, doc, pages))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn the_template_holds_the_text_escaped() {
        let text = "a<b>&</template>";
        let doc = shilu_core::structure(text, None);
        let page = seed_template(text, &doc, &SpeakerPages::default());
        assert!(page.starts_with("<template id=\"seed-text\" data-structure=\"04"));
        assert!(page.ends_with("\">a&lt;b&gt;&amp;&lt;/template&gt;</template>"));
        assert!(!page.contains(PAGES_ATTR));
        // A site's page says where its speakers' pages are.
        let pages = SpeakerPages::new(vec![("p1".into(), "../../s/a&b/".into())]);
        let page = seed_template(text, &doc, &pages);
        assert!(
            page.contains(" data-speaker-pages=\"p1\t../../s/a&amp;b/\n\">"),
            "{page}"
        );
    }

    /// What the pre-render writes of the seed's structure reads back in the
    /// page, with the text, as the parser's.
    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn the_page_reads_back_the_parsers_structure() {
        let seed = crate::app::SEED;
        let doc = shilu_core::structure(seed, None);
        assert!(doc.meta.date.is_some() && doc.meta.place.is_some() && !doc.turns.is_empty());
        let page = seed_template(seed, &doc, &SpeakerPages::default());
        let hex = page
            .split_once("data-structure=\"")
            .and_then(|(_, rest)| rest.split_once('"'))
            .map(|(hex, _)| hex)
            .expect("a data-structure attribute");
        assert_eq!(structure_of_hex(hex, seed), Some(doc));
        // Mostly places in the text: a small part of the page.
        assert!(hex.len() < seed.len() / 4, "{} hex digits", hex.len());
        // Anything else reads as none, and so does another text.
        for bad in ["", "0", "zz", &hex[..hex.len() - 2], &format!("{hex}00")] {
            assert_eq!(structure_of_hex(bad, seed), None, "{bad:?}");
        }
        let half = seed
            .char_indices()
            .map(|(i, _)| i)
            .find(|&i| i >= seed.len() / 2);
        assert_eq!(structure_of_hex(hex, &seed[..half.unwrap()]), None);
    }
}

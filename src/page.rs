//! A transcript's page, rendered natively (`ssr`): what goes into a
//! page's `<div id=app>` for the app to take over (hydrate). The seed's
//! page (`shilu-prerender`) and every transcript page of a corpus site
//! (`sitegen/`) are made by this one function, so the app in the
//! browser meets the same markup wherever it runs.

use crate::speaker_pages::SpeakerPages;
use crate::{seed::seed_template, App};
use leptos::prelude::*;
use std::sync::Arc;

/// The view of `text` (header, contents, the whole transcript with its
/// anchors, in the defaults: Chinese, every speaker, nothing folded),
/// followed by the text itself in a `<template>`, where the app reads it
/// back, with the parser's structure of it, which the page does not
/// compute itself (it has no parser).
pub fn render(text: &str) -> String {
    render_parsed(
        text,
        &shilu_core::structure(text, None),
        &SpeakerPages::default(),
    )
}

/// [`render`] with the text's structure already read (a corpus site has
/// parsed it, with its file's name, for the page's head and exports), and
/// where the site has a page for each of its speakers.
pub fn render_parsed(text: &str, doc: &shilu_core::Document, pages: &SpeakerPages) -> String {
    let owner = Owner::new();
    let mut html = owner.with(|| {
        let seed: Arc<str> = text.into();
        let (doc, pages) = (doc.clone(), pages.clone());
        view! { <App seed=seed doc=doc pages=pages/> }.to_html()
    });
    html.push_str(&seed_template(text, doc, pages));
    html
}

//! The reading column: front matter, every turn with its sections, and the
//! appendix set apart.
//!
//! The column's content is HTML built once per document and language
//! ([`markup`]); the pre-render writes it into the page, and the browser
//! takes it over as it is. The reader's view changes it in place: which
//! turns the speaker filter shows ([`shown`]), what is folded ([`folds`]),
//! the marked figures ([`marks`]), each keeping what it last applied and
//! touching only what changed; and the search's matches, highlights over
//! the text ([`highlights`]).

pub mod acts;
pub mod folds;
pub mod highlights;
pub mod marks;
pub mod markup;
pub mod shown;

use crate::components::block::on_block_action;
use crate::components::quote_bar::copy_quote;
use crate::i18n::Texts;
use crate::i18n::{text, use_texts};
use crate::speaker_pages::{self, SpeakerPages};
use crate::state::Reader;
use acts::TranscriptAct;
use leptos::prelude::*;
use markup::document_html;
#[cfg(not(feature = "ssr"))]
use markup::Parts;
use shilu_core::Document;
use shilu_ui::context::context;
use shilu_ui::html::clicked_act;
use std::sync::Arc;

/// The id of the element holding the column's content.
pub const CONTENT_ID: &str = "transcript-content";

/// The class of a long transcript's content (laid out near the viewport only).
#[cfg(not(feature = "ssr"))]
const LONG: &str = "transcript-content--long";

/// What the column's content is built from: a new document or language
/// builds it again.
#[derive(Clone)]
struct Content {
    doc: Arc<Document>,
    t: &'static Texts,
    /// Its speakers' pages on a corpus site (they come with the document).
    pages: Arc<SpeakerPages>,
}

impl PartialEq for Content {
    fn eq(&self, other: &Content) -> bool {
        Arc::ptr_eq(&self.doc, &other.doc) && std::ptr::eq(self.t, other.t)
    }
}

/// What the content is built from now (tracked).
fn content_of(reader: Reader, t: impl Fn() -> &'static Texts) -> Content {
    Content {
        doc: reader.doc.get(),
        t: t(),
        pages: speaker_pages::current(reader),
    }
}

/// Puts `content` into `el` a part at a time ([`Parts`]): the first at
/// once, each other in a task of its own, so that a long transcript's first
/// screen shows at once and the page answers while the rest goes in; then
/// `done`. A later call (`generation` moved on) stops an earlier one.
#[cfg(not(feature = "ssr"))]
fn put_in(
    el: web_sys::HtmlElement,
    content: Content,
    generation: StoredValue<u32>,
    done: impl FnOnce() + 'static,
) {
    generation.update_value(|g| *g += 1);
    let ours = generation.get_value();
    fn next(
        el: web_sys::HtmlElement,
        content: Content,
        at: Option<usize>,
        ours: u32,
        generation: StoredValue<u32>,
        done: Box<dyn FnOnce()>,
    ) {
        if generation.get_value() != ours {
            return;
        }
        let mut parts = Parts::from(&content.doc, content.t, &content.pages, at);
        let Some(part) = parts.next() else {
            return done();
        };
        if at.is_none() {
            let _ = el.class_list().toggle_with_force(LONG, !parts.is_done());
            el.set_inner_html(part.as_str());
        } else {
            let _ = el.insert_adjacent_html("beforeend", part.as_str());
        }
        if parts.is_done() {
            return done();
        }
        let at = parts.position();
        set_timeout(
            move || next(el, content, at, ours, generation, done),
            std::time::Duration::ZERO,
        );
    }
    next(el, content, None, ours, generation, Box::new(done));
}

#[component]
pub fn Transcript() -> impl IntoView {
    let reader = context::<Reader>();
    let t = use_texts();
    // What the element holds: at first what it was built with.
    let built = untrack(|| content_of(reader, t));
    let content = NodeRef::<leptos::html::Div>::new();
    #[cfg(not(feature = "ssr"))]
    {
        let rendered = reader.rendered;
        let shown = StoredValue::new(built.clone());
        let generation = StoredValue::new(0u32);
        shilu_ui::effect::effect(move || {
            let now = content_of(reader, t);
            let Some(el) = content.get() else { return };
            if shown.with_value(|s| *s != now) {
                shown.set_value(now.clone());
                // What follows the content's elements waits for all of them.
                put_in(el.into(), now, generation, move || {
                    rendered.update(|n| *n += 1)
                });
            } else {
                rendered.update(|n| *n += 1);
            }
        });
        shown::follow(reader, rendered);
        folds::follow(reader, rendered);
        // Each time fields get new text nodes: a new content, or marks set.
        let fields = RwSignal::new(0u32);
        shilu_ui::effect::effect(move || {
            rendered.track();
            fields.update(|n| *n += 1);
        });
        marks::follow(reader, rendered, fields);
        highlights::follow(reader, fields);
        crate::selection::watch_selection();
        // Printed at the end of the transcript, so a paper copy says where it came from.
        shilu_ui::effect::effect(move || {
            if let Some(el) = content.get() {
                let loc = window().location();
                let url = format!(
                    "{}{}",
                    loc.origin().unwrap_or_default(),
                    loc.pathname().unwrap_or_default()
                );
                if let Some(article) = el.parent_element() {
                    let _ = article.set_attribute("data-url", &url);
                }
            }
        });
    }
    let on_click = move |ev: leptos::ev::MouseEvent| match clicked_act::<TranscriptAct>(&ev) {
        Some(TranscriptAct::Fold(id)) => reader.toggle_fold(&id),
        Some(TranscriptAct::Reveal(name)) => reader.speakers.update(|s| {
            s.insert(name);
        }),
        Some(TranscriptAct::Quote) => copy_quote(reader),
        None => on_block_action(reader, &ev),
    };
    // Taking over the pre-rendered page, the content is the page's as it is.
    let html = if shilu_ui::html::hydrating() {
        String::new()
    } else {
        document_html(&built.doc, built.t, &built.pages).into_string()
    };
    view! {
        <article id="transcript" class="transcript" tabindex="-1"
            lang=move || reader.doc.with(|d| d.meta.lang_tag().to_string())
            aria-label=text(|t| t.panel_transcript) on:click=on_click>
            <FoldAllControls/>
            <div id=CONTENT_ID node_ref=content
                inner_html=html></div>
        </article>
    }
}

/// Expand-all and collapse-all.
#[component]
fn FoldAllControls() -> impl IntoView {
    let reader = context::<Reader>();
    view! {
        <div class="fold-all" role="group">
            <button type="button" class="text-button" on:click=move |_| reader.folded.set(Default::default())>
                {text(|t| t.expand_all)}
            </button>
            <button type="button" class="text-button" on:click=move |_| reader.folded.set(reader.all_folds())>
                {text(|t| t.collapse_all)}
            </button>
        </div>
    }
}

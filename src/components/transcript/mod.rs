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
pub mod markup;
pub mod marks;
pub mod shown;

use crate::components::block::on_block_action;
use crate::components::quote_bar::copy_quote;
use crate::i18n::{text, use_texts};
use crate::state::Reader;
use leptos::prelude::*;
use acts::TranscriptAct;
use markup::document_html;
use shilu_ui::context::context;
use shilu_ui::html::clicked_act;
use std::sync::Arc;

/// The id of the element holding the column's content.
pub const CONTENT_ID: &str = "transcript-content";

/// The column's content as HTML: a new document or language builds it again.
fn content_html(reader: Reader) -> Memo<Arc<str>> {
    let t = use_texts();
    Memo::new(move |_| reader.doc.with(|d| Arc::from(document_html(d, t()).into_string())))
}

#[component]
pub fn Transcript() -> impl IntoView {
    let reader = context::<Reader>();
    let html = content_html(reader);
    let content = NodeRef::<leptos::html::Div>::new();
    #[cfg(not(feature = "ssr"))]
    {
        let rendered = reader.rendered;
        // What the element holds: at first what it was built with.
        let shown = StoredValue::new(html.get_untracked());
        shilu_ui::effect::effect(move || {
            let html = html.get();
            let Some(el) = content.get() else { return };
            if shown.with_value(|s| **s != *html) {
                el.set_inner_html(&html);
                shown.set_value(html);
            }
            rendered.update(|n| *n += 1);
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
    view! {
        <article id="transcript" class="transcript" lang="zh-CN" tabindex="-1"
            aria-label=text(|t| t.panel_transcript) on:click=on_click>
            <FoldAllControls/>
            <div id=CONTENT_ID node_ref=content inner_html=html.get_untracked().to_string()></div>
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

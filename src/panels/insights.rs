//! The insights panel: the figures given, who spoke how much, and the
//! questions with their answers — all derived from the document.
//!
//! The heading, the speakers and the questions are one HTML region, built
//! by [`summary_html`]; the figures table, which the reader sorts and
//! filters, is [`FiguresTable`].

use crate::context::context;
use crate::html::{Html, HtmlRegion};
use crate::panels::figures_table::FiguresTable;
use crate::panels::host::PanelHost;
use crate::panels::qa_list::{qa_html, qa_rows};
use crate::panels::speaker_stats::{speaker_stats, speaker_stats_html};
use crate::panels::texts::{use_panel_texts, PanelTexts};
use leptos::prelude::*;
use shilu_core::Document;

/// The panel's heading, then who spoke how much, then the questions.
pub fn summary_html(doc: &Document, t: &PanelTexts) -> String {
    let mut h = Html::new();
    h.el("h2", &[("class", "panel__title")], t.insights_heading)
        .append(&speaker_stats_html(&speaker_stats(doc), t))
        .append(&qa_html(&qa_rows(doc), t));
    h.into_string()
}

#[component]
pub fn InsightsPanel() -> impl IntoView {
    let host = context::<PanelHost>();
    let t = use_panel_texts();
    let summary = Memo::new(move |_| {
        let t = t();
        host.doc.with(|d| summary_html(d, t))
    });
    view! {
        <div class="insights">
            <HtmlRegion html=summary class="insights__summary"/>
            <FiguresTable/>
        </div>
    }
}

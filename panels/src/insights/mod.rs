//! The insights panel: the figures given, who spoke how much, and the
//! questions with their answers — all derived from the document.
//!
//! The heading, the speakers and the questions are one HTML region, built
//! by [`summary_html`]; the figures table, which the reader sorts and
//! filters, is [`FiguresTable`].

pub mod exports;
pub mod figures_table;
pub mod qa_list;
pub mod speaker_stats;

use crate::host::PanelHost;
use crate::insights::exports::{exports_html, save, ExportAct};
use crate::insights::figures_table::FiguresTable;
use crate::insights::qa_list::{qa_html, qa_rows};
use crate::insights::speaker_stats::{speaker_stats, speaker_stats_html};
use crate::texts::{use_panel_texts, PanelTexts};
use leptos::prelude::*;
use shilu_core::Document;
use shilu_ui::context::context;
use shilu_ui::html::{acts, attr, Html, Region};

/// The panel's heading, then who spoke how much, then the questions.
pub fn summary_html(doc: &Document, t: &PanelTexts) -> Html {
    let mut h = Html::new();
    h.el("h2", &[attr("class", "panel__title")], t.insights_heading)
        .append(&speaker_stats_html(&speaker_stats(doc), t))
        .append(&qa_html(&qa_rows(doc), t));
    h
}

#[component]
pub fn InsightsPanel() -> impl IntoView {
    let host = context::<PanelHost>();
    let t = use_panel_texts();
    let summary = Memo::new(move |_| {
        let t = t();
        host.doc.with(|d| summary_html(d, t))
    });
    let exports = Memo::new(move |_| {
        let t = t();
        host.doc.with(|d| exports_html(d, t))
    });
    let on_export = acts(move |what: ExportAct| save(host, what));
    view! {
        <div class="insights">
            <Region html=summary class="insights__summary"/>
            <FiguresTable/>
            <Region html=exports on_act=on_export/>
        </div>
    }
}

//! The insights panel: the checks of the figures, who spoke how much, the
//! questions with their answers, the figures given, and the documents,
//! programmes and lead units named — all derived from the document.
//!
//! The heading, the checks, the speakers and the questions are one HTML
//! region, built by [`summary_html`]; the figures table, which the reader
//! sorts and filters, is [`FiguresTable`]; the names are [`names_html`].

pub mod checks_list;
pub mod documents_list;
pub mod exports;
pub mod figures_table;
pub mod lead_units_list;
pub mod mentions;
pub mod programmes_list;
pub mod qa_list;
pub mod section;
pub mod speaker_stats;

use crate::host::PanelHost;
use crate::insights::checks_list::checks_html;
use crate::insights::documents_list::documents_html;
use crate::insights::exports::{exports_html, save, ExportAct};
use crate::insights::figures_table::FiguresTable;
use crate::insights::lead_units_list::lead_units_html;
use crate::insights::programmes_list::programmes_html;
use crate::insights::qa_list::{qa_html, qa_rows};
use crate::insights::speaker_stats::{speaker_stats, speaker_stats_html};
use crate::texts::{use_panel_texts, PanelTexts};
use leptos::prelude::*;
use shilu_core::Document;
use shilu_ui::context::context;
use shilu_ui::html::{acts, attr, Html, Region};

/// The panel's heading, the checks, then who spoke how much, then the
/// questions.
pub fn summary_html(doc: &Document, t: &PanelTexts) -> Html {
    let mut h = Html::new();
    h.el("h2", &[attr("class", "panel__title")], t.insights_heading)
        .append(&checks_html(doc, t))
        .append(&speaker_stats_html(&speaker_stats(doc), t))
        .append(&qa_html(&qa_rows(doc), t));
    h
}

/// The documents, programmes and lead units named.
pub fn names_html(doc: &Document, t: &PanelTexts) -> Html {
    let mut h = documents_html(doc, t);
    h.append(&programmes_html(doc, t))
        .append(&lead_units_html(doc, t));
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
    let names = Memo::new(move |_| {
        let t = t();
        host.doc.with(|d| names_html(d, t))
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
            <Region html=names class="insights__names"/>
            <Region html=exports on_act=on_export/>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::texts::PANEL_ZH;

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn the_checks_come_first_under_the_panel_heading() {
        let doc = shilu_core::analysed(crate::SEED, None);
        let h = summary_html(&doc, &PANEL_ZH);
        assert!(h.starts_with(
            "<h2 class=\"panel__title\">数据与统计</h2><section class=\"insights__section checks\""
        ));
        // Every section is an h3 under the panel's h2; the checks' parts are h4s.
        assert_eq!(h.matches("<h2").count(), 1);
        assert_eq!(h.matches("<h3").count(), 3);
        assert_eq!(h.matches("<h4").count(), 2);
        let names = names_html(&doc, &PANEL_ZH);
        assert_eq!(names.matches("<h3").count(), 3);
        assert!(!names.contains("<h4"));
    }
}

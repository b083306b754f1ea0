//! The insights panel: the figures given, who spoke how much, and the
//! questions with their answers — all derived from the document.

use crate::i18n::use_texts;
use crate::panels::figures_table::FiguresTable;
use crate::panels::qa_list::QaList;
use crate::panels::speaker_stats::SpeakerStats;
use leptos::prelude::*;

#[component]
pub fn InsightsPanel() -> impl IntoView {
    let t = use_texts();
    view! {
        <div class="insights">
            <h2 class="panel__title">{move || t().insights_heading}</h2>
            <SpeakerStats/>
            <QaList/>
            <FiguresTable/>
        </div>
    }
}

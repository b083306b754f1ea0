//! The insights panel: figures, speakers, Q&A.

use crate::state::Reader;
use leptos::prelude::*;

#[component]
pub fn InsightsPanel() -> impl IntoView {
    let reader = expect_context::<Reader>();
    view! {
        <ul class="figures">
            {move || reader.doc.with(|d| d.figures.iter().map(|f| view! {
                <li>{f.text.clone()}" "{f.label.clone()}</li>
            }).collect_view())}
        </ul>
    }
}

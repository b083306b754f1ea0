//! The event calendar panel.

use crate::state::Reader;
use leptos::prelude::*;

#[component]
pub fn CalendarPanel() -> impl IntoView {
    let reader = expect_context::<Reader>();
    view! {
        <ol class="agenda">
            {move || reader.doc.with(|d| d.events.iter().map(|e| view! {
                <li>{e.start.clone().unwrap_or_default()}" "{e.label.clone()}</li>
            }).collect_view())}
        </ol>
    }
}

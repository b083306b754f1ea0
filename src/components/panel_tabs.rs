//! Tabs that switch the main panel: transcript, calendar, insights.

use crate::i18n::{text, use_texts};
use crate::state::{Panel, Reader};
use leptos::prelude::*;
use shilu_ui::context::context;

pub fn tab_id(p: Panel) -> String {
    format!("tab-{}", p.as_str())
}

pub fn panel_id(p: Panel) -> String {
    format!("panel-{}", p.as_str())
}

#[component]
pub fn PanelTabs() -> impl IntoView {
    let reader = context::<Reader>();
    let t = use_texts();
    let label = move |p: Panel| match p {
        Panel::Transcript => t().panel_transcript,
        Panel::Calendar => t().panel_calendar,
        Panel::Insights => t().panel_insights,
    };
    // Arrow keys move between tabs, as the ARIA tabs pattern expects.
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let i = Panel::ALL
            .iter()
            .position(|p| *p == reader.panel.get_untracked())
            .unwrap_or(0);
        let n = Panel::ALL.len();
        let next = match ev.key().as_str() {
            "ArrowRight" => (i + 1) % n,
            "ArrowLeft" => (i + n - 1) % n,
            "Home" => 0,
            "End" => n - 1,
            _ => return,
        };
        ev.prevent_default();
        reader.panel.set(Panel::ALL[next]);
        shilu_ui::dom::focus_id(&tab_id(Panel::ALL[next]));
    };
    view! {
        <div class="tabs" role="tablist" aria-label=text(|t| t.panels) on:keydown=on_keydown>
            {Panel::ALL.into_iter().map(|p| {
                let selected = move || reader.panel.get() == p;
                view! {
                    <button type="button" role="tab" class="tabs__tab" id=tab_id(p)
                        aria-selected=move || selected().to_string()
                        aria-controls=panel_id(p)
                        tabindex=move || if selected() { "0" } else { "-1" }
                        on:click=move |_| reader.panel.set(p)>
                        {move || label(p)}
                    </button>
                }
            }).collect_view()}
        </div>
    }
}

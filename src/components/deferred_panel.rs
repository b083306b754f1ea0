//! A panel whose code comes with the panels' module: a status line while
//! the module loads (or a retry button if it failed), then the panel.

use crate::context::context;
use crate::effect::effect;
use crate::i18n::{text, use_texts};
use crate::panel_loader::{Load, PanelLoader};
use crate::state::Panel;
use leptos::html::Div;
use leptos::prelude::*;

#[component]
pub fn DeferredPanel(panel: Panel) -> impl IntoView {
    let loader = context::<PanelLoader>();
    let t = use_texts();
    let host = NodeRef::<Div>::new();
    let mounted = StoredValue::new(false);
    effect(move || {
        if loader.state.get() == Load::Ready && !mounted.get_value() {
            if let Some(el) = host.get() {
                loader.mount(panel, &el);
                mounted.set_value(true);
            }
        }
    });
    let state = move || loader.state.get();
    view! {
        <p class="panel-status" role="status" hidden=move || state() == Load::Ready>
            {move || if state() == Load::Failed { t().panel_failed } else { t().panel_loading }}
            <button type="button" class="text-button" hidden=move || state() != Load::Failed
                on:click=move |_| loader.retry()>{text(|t| t.retry)}</button>
        </p>
        <div node_ref=host></div>
    }
}

//! A panel whose code comes with the panels' module: a status line while
//! the module loads (or a retry button if it failed), then the panel.

use crate::i18n::{use_texts, Texts};
use crate::panel_loader::{Load, PanelLoader};
use crate::state::Panel;
use leptos::html::Div;
use leptos::prelude::*;
use shilu_ui::context::context;
use shilu_ui::effect::effect;
use shilu_ui::html::{attr, clicked, Html};

/// What the status line says while the module is not ready.
pub fn status_html(state: Load, t: &Texts) -> Html {
    let mut h = Html::new();
    if state == Load::Failed {
        h.text(t.panel_failed).el(
            "button",
            &[attr("type", "button"), attr("class", "text-button")],
            t.retry,
        );
    } else {
        h.text(t.panel_loading);
    }
    h
}

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
    let on_click = move |ev: leptos::ev::MouseEvent| {
        if clicked(&ev, "button").is_some() {
            loader.retry();
        }
    };
    view! {
        <p class="panel-status" role="status" hidden=move || state() == Load::Ready
            inner_html=move || status_html(state(), t()).into_string() on:click=on_click></p>
        <div node_ref=host></div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::ZH;
    use expect_test::expect;

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn loading_then_on_failure_a_retry_button() {
        assert_eq!(status_html(Load::Loading, &ZH), ZH.panel_loading);
        let failed = status_html(Load::Failed, &ZH);
        assert!(failed.starts_with(ZH.panel_failed) && failed.contains(ZH.retry));
        expect![[
            r##"加载失败，请检查网络连接。<button type="button" class="text-button">重试</button>"##
        ]]
        .assert_eq(&failed);
    }
}

//! A polite status line for short confirmations ("已复制引用").

use leptos::prelude::*;
use shilu_ui::context::context;
use shilu_ui::html::{attr, Html};
use std::time::Duration;

/// Handle for showing a message; provided as context.
#[derive(Clone, Copy)]
pub struct Toast(RwSignal<Option<(u32, String)>>);

impl Toast {
    pub fn new() -> Toast {
        Toast(RwSignal::new(None))
    }

    /// Shows `message` for a few seconds.
    pub fn show(&self, message: impl Into<String>) {
        let signal = self.0;
        let serial = signal.with_untracked(|m| m.as_ref().map_or(0, |(n, _)| n + 1));
        signal.set(Some((serial, message.into())));
        set_timeout(
            move || {
                if signal.with_untracked(|m| m.as_ref().is_some_and(|(n, _)| *n == serial)) {
                    signal.set(None);
                }
            },
            Duration::from_millis(3000),
        );
    }
}

impl Default for Toast {
    fn default() -> Self {
        Toast::new()
    }
}

/// The live region that shows the current message.
#[component]
pub fn StatusLine() -> impl IntoView {
    let toast = context::<Toast>();
    let message = move || {
        toast.0.with(|m| {
            let mut h = Html::new();
            if let Some((_, m)) = m {
                h.el("span", &[attr("class", "toast__message")], m);
            }
            h.into_string()
        })
    };
    view! { <div class="toast" role="status" aria-live="polite" inner_html=message></div> }
}

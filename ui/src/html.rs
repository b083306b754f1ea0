//! HTML built as text, and the one element that shows it.
//!
//! The panels' large, mostly static content (the month grid, tables, lists)
//! is rendered as a string and set as `innerHTML`. A typed Leptos view costs
//! wasm for every distinct element type; a string costs one `String`, so this
//! keeps the first visit within its size budget. Everything interpolated
//! goes through [`Html`], which escapes it.
//!
//! Interaction is delegated: [`HtmlRegion`] handles clicks for the whole
//! region, by the `data-go` (go to a block) and `data-act`/`data-arg`
//! attributes of the element clicked.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Appends `s` with `& < > " '` escaped: safe in text and in quoted attributes.
pub fn escape_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// An HTML string under construction. Text and attribute values are escaped;
/// tag and attribute names are the caller's literals.
#[derive(Default, Debug, Clone, PartialEq)]
pub struct Html(String);

impl Html {
    pub fn new() -> Html {
        Html(String::new())
    }

    /// `<tag name="value" …>`. An attribute with an empty name is skipped,
    /// so optional attributes can be written inline:
    /// `if hidden { ("hidden", "") } else { ("", "") }`.
    pub fn open(&mut self, tag: &str, attrs: &[(&str, &str)]) -> &mut Html {
        self.0.push('<');
        self.0.push_str(tag);
        for (name, value) in attrs {
            if name.is_empty() {
                continue;
            }
            self.0.push(' ');
            self.0.push_str(name);
            self.0.push_str("=\"");
            escape_into(&mut self.0, value);
            self.0.push('"');
        }
        self.0.push('>');
        self
    }

    /// `</tag>`.
    pub fn close(&mut self, tag: &str) -> &mut Html {
        self.0.push_str("</");
        self.0.push_str(tag);
        self.0.push('>');
        self
    }

    /// Escaped text.
    pub fn text(&mut self, s: &str) -> &mut Html {
        escape_into(&mut self.0, s);
        self
    }

    /// An element holding only text: `<tag …>text</tag>`.
    pub fn el(&mut self, tag: &str, attrs: &[(&str, &str)], text: &str) -> &mut Html {
        self.open(tag, attrs).text(text).close(tag)
    }

    /// HTML built by another [`Html`] (already escaped).
    pub fn append(&mut self, other: &Html) -> &mut Html {
        self.0.push_str(&other.0);
        self
    }

    /// A link to a block of the transcript, followed in place by
    /// [`HtmlRegion`] (`href="#t4-b11"`, so it also works as a plain link).
    pub fn block_link(&mut self, block: &str, class: &str, text: &str) -> &mut Html {
        let href = format!("#{block}");
        let class = format!("block-link {class}");
        self.el(
            "a",
            &[
                ("class", class.trim_end()),
                ("href", &href),
                ("data-go", block),
            ],
            text,
        )
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

/// The element matching `selector` that a click landed in, if any.
pub fn clicked(ev: &web_sys::MouseEvent, selector: &str) -> Option<web_sys::Element> {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| e.closest(selector).ok().flatten())
}

/// The block a click on a `data-go` link asks for, to be shown in place;
/// the link's own navigation is then cancelled. `None` for any other click,
/// and when a modifier key or another button asks the browser for a new tab.
pub fn followed_link(ev: &web_sys::MouseEvent) -> Option<String> {
    if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.button() != 0 {
        return None;
    }
    let id = clicked(ev, "[data-go]")?.get_attribute("data-go")?;
    ev.prevent_default();
    Some(id)
}

/// Where `data-go` links lead: provided as context by whoever shows
/// regions (the app: the transcript; the panels: back to the app).
#[derive(Clone, Copy)]
pub struct Go(pub Callback<String>);

/// What a `data-act` element asks for: its `data-act` and `data-arg`.
#[derive(Clone, Debug, PartialEq)]
pub struct Act {
    pub name: String,
    pub arg: String,
}

/// A region whose content is `html`, replaced whenever it changes; `after`
/// runs right after each replacement (e.g. to put focus back into it).
///
/// A click on a `data-go` element (see [`Html::block_link`]) goes to that
/// block in the transcript, unless a modifier key asks the browser for a new
/// tab. A click on a `data-act` element is passed to `on_act`.
#[component]
pub fn HtmlRegion(
    /// The content, already escaped (built with [`Html`]).
    #[prop(into)]
    html: Signal<String>,
    /// The region's class names.
    #[prop(optional, into)]
    class: String,
    /// Called with the `data-act` element a click landed in.
    #[prop(optional, into)]
    on_act: Option<Callback<Act>>,
    /// Called after the content has been replaced.
    #[prop(optional, into)]
    after: Option<Callback<()>>,
) -> impl IntoView {
    let go = use_context::<Go>();
    let on_click = move |ev: leptos::ev::MouseEvent| {
        if let Some(id) = followed_link(&ev) {
            if let Some(Go(go)) = go {
                go.run(id);
            }
        } else if let (Some(cb), Some(el)) = (on_act, clicked(&ev, "[data-act]")) {
            let name = el.get_attribute("data-act").unwrap_or_default();
            let arg = el.get_attribute("data-arg").unwrap_or_default();
            cb.run(Act { name, arg });
        }
    };
    // The content is set when this closure returns; `after` is queued (a
    // microtask) so it runs once the new content is in place — unless the
    // region has gone by then.
    let content = move || {
        if let Some(cb) = after {
            wasm_bindgen_futures::spawn_local(async move {
                cb.try_run(());
            });
        }
        html.get()
    };
    view! { <div class=class inner_html=content on:click=on_click></div> }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    #[cfg_attr(not(target_arch = "wasm32"), test)]
    fn escapes_text_and_attributes() {
        let mut h = Html::new();
        h.el("p", &[("title", "a\"b<c>'&")], "<script>&");
        assert_eq!(
            h.as_str(),
            "<p title=\"a&quot;b&lt;c&gt;&#39;&amp;\">&lt;script&gt;&amp;</p>"
        );
    }

    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    #[cfg_attr(not(target_arch = "wasm32"), test)]
    fn skips_attributes_with_an_empty_name() {
        let mut h = Html::new();
        h.open("td", &[("", ""), ("hidden", ""), ("class", "x")])
            .close("td");
        assert_eq!(h.as_str(), "<td hidden=\"\" class=\"x\"></td>");
    }

    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    #[cfg_attr(not(target_arch = "wasm32"), test)]
    fn block_links_carry_the_href_and_the_target() {
        let mut h = Html::new();
        h.block_link("t4-b11", "", "看原文");
        assert_eq!(
            h.as_str(),
            "<a class=\"block-link\" href=\"#t4-b11\" data-go=\"t4-b11\">看原文</a>"
        );
    }
}

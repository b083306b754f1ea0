//! HTML built as text, and the one element that shows it.
//!
//! Large, mostly static content (the month grid, tables, lists, the header
//! facts) is rendered as a string and set as `innerHTML`. A typed Leptos
//! view costs wasm for every distinct element type; a string costs one
//! `String`, so this keeps the first visit within its size budget.
//!
//! The string is safe by construction: [`Html`] is the only way to make one,
//! tag and attribute names are `&'static str` literals, every text and
//! attribute value is escaped here (the escaping is private to this module),
//! numbers are typed ([`num`], [`tenths`]), optional attributes are
//! [`flag`]s or [`opt`]s, and what a click asks for is an [`Action`] enum
//! that both writes and reads its `data-act`/`data-arg` attributes.
//!
//! [`Region`] shows an `Html` signal. It delegates clicks (`data-go` links
//! go where the [`Go`] in context says; `data-act` elements go to its
//! `on_act`), runs a `patch` after each rebuild (for pressed and selected
//! states set in place), and keeps keyboard focus across a rebuild by the
//! `data-key` of the focused element ([`key`], [`FocusKey`]).

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Appends `s` with `& < > " '` escaped: safe in text and in quoted attributes.
fn escape_into(out: &mut String, s: &str) {
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

/// An attribute: a `&'static str` name and a typed value. It owns nothing
/// (no drop code at each of the many places that build attribute lists).
#[derive(Clone, Copy)]
pub struct Attr<'a> {
    name: &'static str,
    value: Value<'a>,
}

#[derive(Clone, Copy)]
enum Value<'a> {
    Text(&'a str),
    /// Left out when `None`.
    Opt(Option<&'a str>),
    /// `name=""` when set, left out otherwise.
    Flag(bool),
    Int(i64),
    /// Tenths, written as a decimal: `125` is `12.5`, `120` is `12`.
    Tenths(i32),
    /// `viewBox="x y w h"`, in tenths.
    Box([i32; 4]),
    /// `data-act="name"`, then `data-arg="arg"` when there is one.
    Act(&'a dyn Action),
}

/// `name="value"`.
pub fn attr<'a>(name: &'static str, value: &'a str) -> Attr<'a> {
    Attr {
        name,
        value: Value::Text(value),
    }
}

/// `name="value"` when there is a value.
pub fn opt<'a>(name: &'static str, value: Option<&'a str>) -> Attr<'a> {
    Attr {
        name,
        value: Value::Opt(value),
    }
}

/// A boolean attribute (`hidden`, `disabled`, `selected`): present when `on`.
pub fn flag(name: &'static str, on: bool) -> Attr<'static> {
    Attr {
        name,
        value: Value::Flag(on),
    }
}

/// An integer value.
pub fn num(name: &'static str, n: i64) -> Attr<'static> {
    Attr {
        name,
        value: Value::Int(n),
    }
}

/// An SVG length in tenths of a unit, written as a decimal (`12.5`) with
/// integer formatting only.
pub fn tenths(name: &'static str, v: i32) -> Attr<'static> {
    Attr {
        name,
        value: Value::Tenths(v),
    }
}

/// An SVG `viewBox` (x, y, width, height), in tenths of a unit.
pub fn view_box(b: [i32; 4]) -> Attr<'static> {
    Attr {
        name: "viewBox",
        value: Value::Box(b),
    }
}

/// The element's identity for keeping focus across a rebuild (`data-key`).
pub fn key(k: &str) -> Attr<'_> {
    attr("data-key", k)
}

/// What a click on an element asks for, as the element says it: an enum
/// per region, written into the HTML by [`act`] and read back by the
/// region, so the two ends cannot disagree on a name.
pub trait Action {
    /// The `data-act` name and the `data-arg` value, if any.
    fn write(&self) -> (&'static str, Option<String>);
    /// The action an element with these attributes asks for.
    fn read(name: &str, arg: Option<&str>) -> Option<Self>
    where
        Self: Sized;
}

/// The `data-act` (and `data-arg`) attributes of `a`.
pub fn act<A: Action>(a: &A) -> Attr<'_> {
    Attr {
        name: "data-act",
        value: Value::Act(a),
    }
}

fn push_tenths(out: &mut String, v: i32) {
    if v < 0 {
        out.push('-');
    }
    let v = v.unsigned_abs();
    out.push_str(&(v / 10).to_string());
    if !v.is_multiple_of(10) {
        out.push('.');
        out.push(char::from(b'0' + (v % 10) as u8));
    }
}

/// An HTML string under construction (see the module's notes).
#[derive(Default, Debug, Clone, PartialEq)]
pub struct Html(String);

impl Html {
    pub fn new() -> Html {
        Html(String::new())
    }

    /// Escaped text, as HTML.
    pub fn of_text(s: &str) -> Html {
        let mut h = Html::new();
        h.text(s);
        h
    }

    fn attrs(&mut self, attrs: &[Attr]) {
        let out = &mut self.0;
        for a in attrs {
            let text = |out: &mut String, name: &str, v: &str| {
                out.push(' ');
                out.push_str(name);
                out.push_str("=\"");
                escape_into(out, v);
                out.push('"');
            };
            match &a.value {
                Value::Text(v) | Value::Opt(Some(v)) => text(out, a.name, v),
                Value::Opt(None) | Value::Flag(false) => {}
                Value::Flag(true) => text(out, a.name, ""),
                Value::Int(n) => text(out, a.name, &n.to_string()),
                Value::Tenths(v) => {
                    out.push(' ');
                    out.push_str(a.name);
                    out.push_str("=\"");
                    push_tenths(out, *v);
                    out.push('"');
                }
                Value::Box(b) => {
                    out.push_str(" viewBox=\"");
                    for (i, v) in b.iter().enumerate() {
                        if i > 0 {
                            out.push(' ');
                        }
                        push_tenths(out, *v);
                    }
                    out.push('"');
                }
                Value::Act(a) => {
                    let (name, arg) = a.write();
                    text(out, "data-act", name);
                    if let Some(arg) = arg {
                        text(out, "data-arg", &arg);
                    }
                }
            }
        }
    }

    /// `<tag name="value" …>`.
    pub fn open(&mut self, tag: &'static str, attrs: &[Attr]) -> &mut Html {
        self.0.push('<');
        self.0.push_str(tag);
        self.attrs(attrs);
        self.0.push('>');
        self
    }

    /// `<tag …/>`: an SVG element without content.
    pub fn empty(&mut self, tag: &'static str, attrs: &[Attr]) -> &mut Html {
        self.0.push('<');
        self.0.push_str(tag);
        self.attrs(attrs);
        self.0.push_str("/>");
        self
    }

    /// `</tag>`.
    pub fn close(&mut self, tag: &'static str) -> &mut Html {
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
    pub fn el(&mut self, tag: &'static str, attrs: &[Attr], text: &str) -> &mut Html {
        self.open(tag, attrs).text(text).close(tag)
    }

    /// HTML built by another [`Html`] (already escaped).
    pub fn append(&mut self, other: &Html) -> &mut Html {
        self.0.push_str(&other.0);
        self
    }

    /// A link to a block of the transcript, followed in place by
    /// [`Region`] (`href="#t4-b11"`, so it also works as a plain link).
    pub fn block_link(&mut self, block: &str, class: &'static str, text: &str) -> &mut Html {
        let href = format!("#{block}");
        let class = format!("block-link {class}");
        self.el(
            "a",
            &[
                attr("class", class.trim_end()),
                attr("href", &href),
                attr("data-go", block),
            ],
            text,
        )
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The markup, for an element's `inner_html`.
    pub fn into_string(self) -> String {
        self.0
    }
}

/// The markup, to read (tests, lengths); only [`Html`]'s methods write it.
impl std::ops::Deref for Html {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Html {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl PartialEq<&str> for Html {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl PartialEq<String> for Html {
    fn eq(&self, other: &String) -> bool {
        self.0 == *other
    }
}

/// The element matching `selector` that a click landed in, if any.
pub fn clicked(ev: &web_sys::MouseEvent, selector: &str) -> Option<web_sys::Element> {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| e.closest(selector).ok().flatten())
}

/// The action an element asks for, if it asks for one of type `A`.
pub fn act_of<A: Action>(el: &web_sys::Element) -> Option<A> {
    let name = el.get_attribute("data-act")?;
    A::read(&name, el.get_attribute("data-arg").as_deref())
}

/// The action of the `data-act` element a click landed in, if any.
pub fn clicked_act<A: Action>(ev: &web_sys::MouseEvent) -> Option<A> {
    act_of(&clicked(ev, "[data-act]")?)
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

/// A region's click handler for actions of type `A` (see [`acts`]).
#[derive(Clone, Copy)]
pub struct OnAct(Callback<web_sys::MouseEvent>);

/// Calls `f` with the action of type `A` a click in the region asks for.
pub fn acts<A: Action + 'static>(f: impl Fn(A) + Send + Sync + 'static) -> OnAct {
    OnAct(Callback::new(move |ev: web_sys::MouseEvent| {
        if let Some(a) = clicked_act::<A>(&ev) {
            f(a)
        }
    }))
}

/// Where focus goes after a region's next rebuild, when it was in the
/// region: by default the element with the `data-key` the focused one had;
/// [`FocusKey::request`] names another (the grid's next day).
#[derive(Clone, Copy)]
pub struct FocusKey(StoredValue<Option<String>>);

impl FocusKey {
    pub fn new() -> FocusKey {
        FocusKey(StoredValue::new(None))
    }

    /// Focus the element with `data-key` = `key` after the next rebuild.
    pub fn request(&self, key: String) {
        self.0.set_value(Some(key));
    }
}

impl Default for FocusKey {
    fn default() -> Self {
        FocusKey::new()
    }
}

/// The element under `root` whose `data-key` is `key`.
fn keyed(root: &web_sys::Element, key: &str) -> Option<web_sys::HtmlElement> {
    let list = root.query_selector_all("[data-key]").ok()?;
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<web_sys::HtmlElement>().ok())
        .find(|e| e.get_attribute("data-key").as_deref() == Some(key))
}

/// Whether the page is being taken over (hydrated) just now: an element's
/// `inner_html` is then left as the pre-rendered page has it, so what it
/// would be set to need not be built.
pub fn hydrating() -> bool {
    Owner::current_shared_context().is_some_and(|c| c.during_hydration())
}

/// An element whose content is `html`, replaced whenever it changes.
///
/// A click on a `data-go` element (see [`Html::block_link`]) goes to that
/// block through the [`Go`] in context, unless a modifier key asks the
/// browser for a new tab; a click on a `data-act` element goes to `on_act`.
/// `patch` runs with the element after each rebuild and whenever what it
/// reads changes. Focus inside the region survives a rebuild (see
/// [`FocusKey`]).
#[component]
pub fn Region(
    /// The content.
    #[prop(into)]
    html: Signal<Html>,
    /// The region's class names.
    #[prop(optional, into)]
    class: String,
    /// What its `data-act` elements ask for (built by [`acts`]).
    #[prop(optional)]
    on_act: Option<OnAct>,
    /// Sets states in place (pressed, selected, current) on the content.
    #[prop(optional, into)]
    patch: Option<Callback<web_sys::Element>>,
    /// Where focus goes after a rebuild, when the owner says.
    #[prop(optional)]
    focus: Option<FocusKey>,
) -> impl IntoView {
    let go = use_context::<Go>();
    let root = NodeRef::<Div>::new();
    let on_click = move |ev: leptos::ev::MouseEvent| {
        if let Some(id) = followed_link(&ev) {
            if let Some(Go(go)) = go {
                go.run(id);
            }
        } else if let Some(OnAct(f)) = on_act {
            f.run(ev);
        }
    };
    // The focused element's key (or the one asked for), when focus is in
    // the region; after the content is replaced (a microtask later), focus
    // goes to the new element with that key, unless the region has gone.
    let content = move || {
        let html = html.get();
        let asked = focus.and_then(|f| f.0.try_update_value(Option::take).flatten());
        // (No element yet, as in the pre-render: there is no focus to keep.)
        let root_el = root.get_untracked();
        let active = root_el.as_ref().and_then(|_| document().active_element());
        let inside = match (&root_el, &active) {
            (Some(r), Some(a)) => r.contains(Some(a)),
            _ => false,
        };
        let wanted = if inside {
            asked.or_else(|| active.and_then(|a| a.get_attribute("data-key")))
        } else {
            None
        };
        if let (Some(k), Some(r)) = (wanted, root_el) {
            crate::dom::soon(move || {
                if r.is_connected() {
                    if let Some(e) = keyed(&r, &k) {
                        let _ = e.focus();
                    }
                }
            });
        }
        html.into_string()
    };
    if let Some(patch) = patch {
        crate::effect::effect(move || {
            html.track();
            if let Some(r) = root.get() {
                patch.run(r.into());
            }
        });
    }
    view! { <div class=class node_ref=root inner_html=content on:click=on_click></div> }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[derive(Debug, PartialEq)]
    enum Demo {
        Plain,
        With(String),
    }

    impl Action for Demo {
        fn write(&self) -> (&'static str, Option<String>) {
            match self {
                Demo::Plain => ("plain", None),
                Demo::With(s) => ("with", Some(s.clone())),
            }
        }
        fn read(name: &str, arg: Option<&str>) -> Option<Demo> {
            match (name, arg) {
                ("plain", _) => Some(Demo::Plain),
                ("with", Some(a)) => Some(Demo::With(a.to_string())),
                _ => None,
            }
        }
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn escapes_text_and_attributes() {
        let mut h = Html::new();
        h.el("p", &[attr("title", "a\"b<c>'&")], "<script>&");
        assert_eq!(
            h.as_str(),
            "<p title=\"a&quot;b&lt;c&gt;&#39;&amp;\">&lt;script&gt;&amp;</p>"
        );
        assert_eq!(Html::of_text("<b>").as_str(), "&lt;b&gt;");
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn flags_and_options_are_written_only_when_set() {
        let mut h = Html::new();
        h.open(
            "td",
            &[
                flag("hidden", false),
                opt("title", None),
                flag("disabled", true),
                opt("lang", Some("zh")),
            ],
        )
        .close("td");
        assert_eq!(h.as_str(), "<td disabled=\"\" lang=\"zh\"></td>");
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn numbers_are_typed_and_tenths_are_decimals() {
        let mut h = Html::new();
        h.empty(
            "circle",
            &[
                tenths("cx", 125),
                tenths("cy", -30),
                tenths("r", 7),
                num("n", -4),
            ],
        )
        .empty("svg", &[view_box([0, -5, 7200, 120])]);
        assert_eq!(
            h.as_str(),
            "<circle cx=\"12.5\" cy=\"-3\" r=\"0.7\" n=\"-4\"/><svg viewBox=\"0 -0.5 720 12\"/>"
        );
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn actions_write_what_they_read() {
        let mut h = Html::new();
        h.el("button", &[act(&Demo::With("a\"b".into()))], "x").el(
            "button",
            &[act(&Demo::Plain)],
            "y",
        );
        assert_eq!(
            h.as_str(),
            "<button data-act=\"with\" data-arg=\"a&quot;b\">x</button>\
             <button data-act=\"plain\">y</button>"
        );
        for a in [Demo::Plain, Demo::With("光伏".into())] {
            let (name, arg) = a.write();
            assert_eq!(Demo::read(name, arg.as_deref()), Some(a));
        }
        assert_eq!(Demo::read("with", None), None);
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn block_links_carry_the_href_and_the_target() {
        let mut h = Html::new();
        h.block_link("t4-b11", "", "看原文");
        assert_eq!(
            h.as_str(),
            "<a class=\"block-link\" href=\"#t4-b11\" data-go=\"t4-b11\">看原文</a>"
        );
    }
}

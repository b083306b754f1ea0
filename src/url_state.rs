//! The view in the query string: `?doc=…&q=光伏&s=李武军,张建成&qa=0&panel=calendar&day=2017-10-17&quote=t3-b2.12-40.1a2b3c4d`.
//! `doc` is the transcript's content key, left out for the built-in seed
//! (a link without it is the seed's); `crate::library` opens the one it names.
//! `quote` is the reader's quote (`shilu_core::quote`): a link to a passage
//! the transcript no longer has says so and marks nothing.
//!
//! Read once at start; written back with `history.replaceState`, so typing
//! never floods the history. Unknown or garbled parameters are ignored.

use crate::state::{set_of, Panel, Reader};
use leptos::prelude::*;
use shilu_core::dates::Date;
use shilu_core::library::is_content_key;
use shilu_core::quote::Quote;
use shilu_ui::effect::effect;
use std::collections::BTreeSet;

/// What the query string asks for, validated against nothing yet.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct ViewParams {
    /// The transcript's content key (`shilu_core::library::content_key`).
    pub doc: Option<String>,
    pub query: Option<String>,
    pub speakers: BTreeSet<String>,
    pub keep_qa: Option<bool>,
    pub panel: Option<Panel>,
    pub day: Option<Date>,
    /// The `quote` parameter as given (`shilu_core::quote::Quote::param`),
    /// read when it is applied.
    pub quote: Option<String>,
}

impl ViewParams {
    /// Parses decoded `(key, value)` pairs, ignoring what it does not know.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> ViewParams {
        let mut p = ViewParams::default();
        for (k, v) in pairs {
            match k {
                "doc" if is_content_key(v) => p.doc = Some(v.into()),
                "q" if !v.trim().is_empty() => p.query = Some(v.chars().take(200).collect()),
                "s" => p.speakers.extend(
                    v.split(',')
                        .map(str::trim)
                        .filter(|s| !s.is_empty() && s.chars().count() <= 40)
                        .map(String::from),
                ),
                "qa" => {
                    p.keep_qa = match v {
                        "1" => Some(true),
                        "0" => Some(false),
                        _ => None,
                    }
                }
                "panel" => p.panel = Panel::from_name(v),
                "day" => {
                    if let Some(d) = Date::from_iso(v) {
                        p.day = Some(d);
                    }
                }
                "quote" if !v.is_empty() => p.quote = Some(v.into()),
                _ => {}
            }
        }
        p
    }

    /// The `(key, value)` pairs that describe a view, defaults omitted.
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if let Some(d) = &self.doc {
            out.push(("doc", d.clone()));
        }
        if let Some(q) = &self.query {
            out.push(("q", q.clone()));
        }
        if !self.speakers.is_empty() {
            out.push((
                "s",
                self.speakers.iter().cloned().collect::<Vec<_>>().join(","),
            ));
        }
        if self.keep_qa == Some(false) {
            out.push(("qa", "0".into()));
        }
        if let Some(p) = self.panel.filter(|p| *p != Panel::Transcript) {
            out.push(("panel", p.as_str().into()));
        }
        if let Some(d) = self.day {
            out.push(("day", d.iso()));
        }
        if let Some(q) = &self.quote {
            out.push(("quote", q.clone()));
        }
        out
    }
}

/// What the page's query string asks for.
pub fn from_location() -> ViewParams {
    let params = window()
        .location()
        .search()
        .ok()
        .and_then(|s| web_sys::UrlSearchParams::new_with_str(&s).ok());
    let Some(params) = params else {
        return ViewParams::default();
    };
    let mut pairs = Vec::new();
    for key in ["doc", "q", "s", "qa", "panel", "day", "quote"] {
        if let Some(v) = params.get(key) {
            pairs.push((key, v));
        }
    }
    ViewParams::from_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str())))
}

/// Applies the page's query string to the reader (speakers the document
/// does not know are dropped). Returns whether it named a quote the
/// document does not have (garbled, or a passage no longer there): it is
/// dropped, and the caller says so.
pub fn apply_from_location(reader: &Reader) -> bool {
    let view = from_location();
    let given = view.quote.is_some();
    let quote = view.quote.filter(|q| {
        let found = Quote::parse(q).map(|q| reader.doc.with_untracked(|d| q.find(d).is_some()));
        found == Some(true)
    });
    let known = reader
        .doc
        .with_untracked(|d| set_of(d.turns.iter().map(|t| t.speaker.clone())));
    reader
        .speakers
        .set(set_of(view.speakers.intersection(&known).cloned()));
    if let Some(k) = view.keep_qa {
        reader.keep_qa.set(k);
    }
    if let Some(p) = view.panel {
        reader.panel.set(p);
    }
    reader.day.set(view.day);
    if let Some(q) = view.query {
        reader.set_query(q);
    }
    let missing = given && quote.is_none();
    reader.quote.set(quote.unwrap_or_default().into());
    missing
}

/// `?…` for a view (empty for the default view).
fn query_string(view: &ViewParams) -> String {
    let Ok(params) = web_sys::UrlSearchParams::new() else {
        return String::new();
    };
    for (k, v) in view.to_pairs() {
        params.append(k, &v);
    }
    let query: String = params.to_string().into();
    if query.is_empty() {
        query
    } else {
        format!("?{query}")
    }
}

/// The link to a quote: the transcript shown (as the address bar names
/// it) and the quote, nothing else of the view, and its block as the
/// fragment, so a browser scrolls there before the app has started. (Both
/// parameters are URL-safe as written: hex digits, letters, `-` and `.`.)
pub fn quote_link(quote: &Quote) -> String {
    let loc = window().location();
    let doc = from_location()
        .doc
        .map(|d| format!("doc={d}&"))
        .unwrap_or_default();
    format!(
        "{}{}?{doc}quote={}#{}",
        loc.origin().unwrap_or_default(),
        loc.pathname().unwrap_or_default(),
        quote.param(),
        quote.block
    )
}

/// Keeps the query string in step with the reader's choices and the
/// transcript shown (named unless it is the seed, whose key is `seed_key`).
pub fn sync_to_location(reader: Reader, seed_key: String) {
    effect(move || {
        let view = ViewParams {
            doc: Some(reader.key.get()).filter(|k| *k != seed_key),
            query: Some(reader.query.get()).filter(|q| !q.trim().is_empty()),
            speakers: reader.speakers.get(),
            keep_qa: Some(reader.keep_qa.get()),
            panel: Some(reader.panel.get()),
            day: reader.day.get(),
            quote: Some(reader.quote.get().to_string()).filter(|q| !q.is_empty()),
        };
        let loc = window().location();
        let url = format!(
            "{}{}{}",
            loc.pathname().unwrap_or_default(),
            query_string(&view),
            loc.hash().unwrap_or_default()
        );
        if let Ok(history) = window().history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn round_trips_a_view() {
        let v = ViewParams::from_pairs([
            ("doc", "0123456789abcdef"),
            ("q", "光伏"),
            ("s", "李武军,张建成"),
            ("qa", "0"),
            ("panel", "calendar"),
            ("day", "2017-10-17"),
            ("quote", "t3-b2.h12-40.0123abcd"),
        ]);
        let pairs = v.to_pairs();
        let back = ViewParams::from_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str())));
        assert_eq!(v, back);
    }

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn ignores_garbage() {
        let v = ViewParams::from_pairs([
            ("panel", "nope"),
            ("doc", "../seed"),
            ("doc", "0123456789ABCDEF"),
            ("day", "2017-13-40"),
            ("day", "2017-02-31"),
            ("qa", "maybe"),
            ("zzz", "1"),
            ("q", "  "),
            ("s", ",,"),
        ]);
        assert_eq!(v, ViewParams::default());
        // A quote is read when it is applied (to a document).
        let v = ViewParams::from_pairs([("quote", "t3-b2.40-12.0123abcd")]);
        assert_eq!(v.quote.as_deref(), Some("t3-b2.40-12.0123abcd"));
    }
}

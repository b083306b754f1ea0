//! The search page's view, as its URL holds it (`search/?q=…&by=…`): the
//! query, the filters, the order and how results are grouped. The page
//! reads it from its address and writes it back, and its links carry
//! it, so a link reproduces the view; the form's field names are these
//! parameters', so the page's plain GET form (before any script) asks
//! for the same view.

use super::identity::{self, Identity, Kind};
use super::search::{Filters, Sort};
use crate::model::Role;

/// How the results are grouped.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum By {
    /// Each passage, with its excerpt.
    #[default]
    Passage,
    /// Each transcript, with its hits.
    Transcript,
}

/// The view a search page's URL names.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct View {
    /// The query as typed (`q`).
    pub q: String,
    /// A speaker's name as typed (`speaker`).
    pub speaker: String,
    /// A role (`role`: host, official, journalist, other).
    pub role: Option<Role>,
    /// An organiser as written (`organiser`).
    pub organiser: String,
    /// Dates, `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (`from`, `to`).
    pub from: String,
    pub to: String,
    pub sort: Sort,
    pub by: By,
}

/// Why a view's parameters cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ViewError {
    /// A date that is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    Date(String),
}

impl std::fmt::Display for ViewError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ViewError::Date(d) => write!(
                f,
                "日期“{d}”应写作 YYYY、YYYY-MM 或 YYYY-MM-DD · the date “{d}” should be YYYY, YYYY-MM or YYYY-MM-DD"
            ),
        }
    }
}

fn date_ok(d: &str) -> bool {
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let parts: Vec<&str> = d.split('-').collect();
    match parts.as_slice() {
        [y] => digits(y, 4),
        [y, m] => digits(y, 4) && digits(m, 2),
        [y, m, day] => digits(y, 4) && digits(m, 2) && digits(day, 2),
        _ => false,
    }
}

impl View {
    /// The view of a URL's query string (with or without its `?`);
    /// parameters it does not know, and values it cannot read, are left
    /// at their defaults.
    pub fn parse(search: &str) -> View {
        let mut v = View::default();
        for pair in search.trim_start_matches('?').split('&') {
            let (k, val) = pair.split_once('=').unwrap_or((pair, ""));
            let val = decode(val);
            match k {
                "q" => v.q = val,
                "speaker" => v.speaker = val.trim().to_string(),
                "role" => v.role = Role::from_name(val.trim()),
                "organiser" => v.organiser = val.trim().to_string(),
                "from" => v.from = val.trim().to_string(),
                "to" => v.to = val.trim().to_string(),
                "sort" if val == "relevance" => v.sort = Sort::Relevance,
                "by" if val == "transcript" => v.by = By::Transcript,
                _ => {}
            }
        }
        v
    }

    /// The query string of this view (no `?`), defaults left out.
    pub fn query_string(&self) -> String {
        let mut out = Vec::new();
        let mut put = |k: &str, v: &str| {
            if !v.is_empty() {
                out.push(format!("{k}={}", query_component(v)));
            }
        };
        put("q", &self.q);
        put("speaker", &self.speaker);
        put("role", self.role.map_or("", |r| r.as_str()));
        put("organiser", &self.organiser);
        put("from", &self.from);
        put("to", &self.to);
        put(
            "sort",
            if self.sort == Sort::Relevance {
                "relevance"
            } else {
                ""
            },
        );
        put(
            "by",
            if self.by == By::Transcript {
                "transcript"
            } else {
                ""
            },
        );
        out.join("&")
    }

    /// The filters this view asks for, or why its dates cannot be read.
    pub fn filters(&self) -> Result<Filters, ViewError> {
        for d in [&self.from, &self.to] {
            if !d.is_empty() && !date_ok(d) {
                return Err(ViewError::Date(d.clone()));
            }
        }
        let some = |s: &str| (!s.is_empty()).then(|| s.to_string());
        Ok(Filters {
            speaker: some(&self.speaker).map(|name| Identity {
                kind: Kind::Person,
                key: identity::key(&name),
            }),
            role: self.role,
            organiser: some(&self.organiser),
            from: some(&self.from),
            to: some(&self.to),
        })
    }
}

/// `s` as a URL's query value: UTF-8, each byte but the unreserved ones
/// percent-encoded.
pub fn query_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A form's or URL's query value decoded: `+` is a space, `%XX` a byte;
/// bytes that are not UTF-8 are replaced.
pub fn decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len() => {
                let hex = std::str::from_utf8(&b[i + 1..i + 3])
                    .ok()
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(v) => {
                        out.push(v);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_view_reads_back_what_it_writes() {
        let v = View {
            q: "数位 \"open data\" -區塊鏈 a&b=c+d%".into(),
            speaker: "唐鳳".into(),
            role: Some(Role::Official),
            organiser: "国务院新闻办公室".into(),
            from: "2019".into(),
            to: "2020-06".into(),
            sort: Sort::Relevance,
            by: By::Transcript,
        };
        assert_eq!(View::parse(&v.query_string()), v);
        assert_eq!(View::parse(&format!("?{}", v.query_string())), v);
        assert_eq!(View::default().query_string(), "");
    }

    #[test]
    fn a_forms_query_string_reads_as_a_browser_writes_it() {
        // A GET form: spaces as `+`, empty fields present.
        let v = View::parse("q=%E6%95%B0%E4%BD%8D+%E6%B2%BB%E7%90%86&speaker=&role=&from=2020&to=&sort=date&by=passage");
        assert_eq!(v.q, "数位 治理");
        assert_eq!(v.from, "2020");
        assert_eq!((v.sort, v.by, v.role), (Sort::Date, By::Passage, None));
        // A stray `%` stays as written.
        assert_eq!(decode("100%"), "100%");
        assert_eq!(decode("%zz%4"), "%zz%4");
    }

    #[test]
    fn dates_that_cannot_be_read_say_so() {
        let v = View::parse("q=a&from=2020-1");
        assert_eq!(v.filters(), Err(ViewError::Date("2020-1".into())));
        let v = View::parse("q=a&from=2020-01&to=2021&speaker=唐鳳");
        let f = v.filters().unwrap();
        assert_eq!(f.from.as_deref(), Some("2020-01"));
        assert_eq!(f.speaker.unwrap().key, identity::key("唐凤"));
    }
}

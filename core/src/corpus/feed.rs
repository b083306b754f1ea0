//! A corpus site's feed and sitemap: an Atom 1.0 feed (RFC 4287) of the
//! newest transcripts, and a sitemap (sitemaps.org 0.9) of every page,
//! written with the `xml` crate's writer (escaping and well-formedness
//! are its job).

use super::catalog::Record;
use xml::writer::{EmitterConfig, EventWriter, XmlEvent};

/// Transcripts in the feed.
pub const FEED_ENTRIES: usize = 50;

const ATOM: &str = "http://www.w3.org/2005/Atom";
const SITEMAP: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";

type W = EventWriter<Vec<u8>>;
type R = xml::writer::Result<()>;

fn writer() -> W {
    EmitterConfig::new()
        .perform_indent(true)
        .create_writer(Vec::new())
}

fn element(w: &mut W, name: &str, text: &str) -> R {
    w.write(XmlEvent::start_element(name))?;
    w.write(XmlEvent::characters(text))?;
    w.write(XmlEvent::end_element())
}

/// An RFC 3339 time for a date as the core writes it (`YYYY`,
/// `YYYY-MM` or `YYYY-MM-DD`): its first moment, UTC.
pub fn timestamp(date: &str) -> Option<String> {
    let mut parts = date.splitn(3, '-');
    let y: u32 = parts.next()?.parse().ok()?;
    let m: u32 = parts.next().map_or(Some(1), |m| m.parse().ok())?;
    let d: u32 = parts.next().map_or(Some(1), |d| d.parse().ok())?;
    ((1..=12).contains(&m) && (1..=31).contains(&d) && (1000..=9999).contains(&y))
        .then(|| format!("{y:04}-{m:02}-{d:02}T00:00:00Z"))
}

/// The address of the page at `folder`: under `base` (the site's
/// address, ending in `/`) if there is one, else relative to the feed.
fn address(base: Option<&str>, folder: &str) -> String {
    match base {
        Some(b) => format!("{b}{folder}"),
        None if folder.is_empty() => "./".into(),
        None => folder.into(),
    }
}

/// A lasting id for the page at `folder`: its address under `base`,
/// else a URN from the folder.
fn id(base: Option<&str>, folder: &str) -> String {
    match base {
        Some(b) => format!("{b}{folder}"),
        None => format!("urn:shilu:{}", folder.trim_end_matches('/')),
    }
}

/// What a feed entry says of a transcript besides its title.
pub struct Summary<'a> {
    pub record: &'a Record,
    /// Its speakers' names, as the page lists them.
    pub speakers: Vec<&'a str>,
}

/// The Atom feed titled `title` of `newest` (newest first, dated ones
/// only; at most [`FEED_ENTRIES`]). `base` is the site's address, ending
/// in `/`; without it, links are relative to the feed (which is at the
/// site's root).
pub fn atom(title: &str, base: Option<&str>, newest: &[Summary<'_>]) -> String {
    let mut w = writer();
    write_atom(&mut w, title, base, newest).expect("writing XML into memory does not fail");
    String::from_utf8(w.into_inner()).expect("the writer writes UTF-8")
}

fn write_atom(w: &mut W, title: &str, base: Option<&str>, newest: &[Summary<'_>]) -> R {
    let dated: Vec<(&Summary<'_>, String)> = newest
        .iter()
        .filter_map(|s| Some((s, timestamp(s.record.date.as_deref()?)?)))
        .take(FEED_ENTRIES)
        .collect();
    w.write(XmlEvent::start_element("feed").default_ns(ATOM))?;
    element(w, "title", title)?;
    element(w, "id", &id(base, ""))?;
    let updated = dated
        .iter()
        .map(|(_, t)| t.as_str())
        .max()
        .unwrap_or("1970-01-01T00:00:00Z");
    element(w, "updated", updated)?;
    let feed = address(base, "feed.xml");
    w.write(
        XmlEvent::start_element("link")
            .attr("rel", "self")
            .attr("href", &feed),
    )?;
    w.write(XmlEvent::end_element())?;
    let home = address(base, "");
    w.write(XmlEvent::start_element("link").attr("href", &home))?;
    w.write(XmlEvent::end_element())?;
    w.write(XmlEvent::start_element("author"))?;
    element(w, "name", title)?;
    w.write(XmlEvent::end_element())?;
    element(w, "generator", "shilu")?;
    for (s, time) in dated {
        let r = s.record;
        w.write(XmlEvent::start_element("entry"))?;
        element(w, "title", &r.title)?;
        element(w, "id", &id(base, &r.url))?;
        element(w, "updated", &time)?;
        let href = address(base, &r.url);
        w.write(XmlEvent::start_element("link").attr("href", &href))?;
        w.write(XmlEvent::end_element())?;
        if let Some(o) = &r.organiser {
            w.write(XmlEvent::start_element("author"))?;
            element(w, "name", o)?;
            w.write(XmlEvent::end_element())?;
        }
        let mut summary = Vec::new();
        if let Some(d) = &r.date {
            summary.push(d.clone());
        }
        if !s.speakers.is_empty() {
            summary.push(s.speakers.join("、"));
        }
        if r.questions > 0 {
            summary.push(format!("{} 问", r.questions));
        }
        summary.push(r.source.clone());
        element(w, "summary", &summary.join(" · "))?;
        w.write(XmlEvent::end_element())?;
    }
    w.write(XmlEvent::end_element())
}

/// The sitemap of the pages at `folders` under `base` (the site's
/// address, ending in `/`), each with its last modification date where
/// known.
pub fn sitemap(base: &str, pages: &[(String, Option<String>)]) -> String {
    let mut w = writer();
    write_sitemap(&mut w, base, pages).expect("writing XML into memory does not fail");
    String::from_utf8(w.into_inner()).expect("the writer writes UTF-8")
}

fn write_sitemap(w: &mut W, base: &str, pages: &[(String, Option<String>)]) -> R {
    w.write(XmlEvent::start_element("urlset").default_ns(SITEMAP))?;
    for (folder, date) in pages {
        w.write(XmlEvent::start_element("url"))?;
        element(w, "loc", &encode_path(&format!("{base}{folder}")))?;
        if let Some(d) = date.as_deref().and_then(timestamp) {
            element(w, "lastmod", &d[..10])?;
        }
        w.write(XmlEvent::end_element())?;
    }
    w.write(XmlEvent::end_element())
}

/// A URL with the characters a sitemap's `loc` may not hold raw (beyond
/// ASCII, spaces) percent-encoded, as RFC 3986 asks.
pub fn encode_path(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for b in url.bytes() {
        if b.is_ascii_graphic() {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_of_whole_and_partial_dates() {
        assert_eq!(
            timestamp("2017-10-12").as_deref(),
            Some("2017-10-12T00:00:00Z")
        );
        assert_eq!(
            timestamp("2017-10").as_deref(),
            Some("2017-10-01T00:00:00Z")
        );
        assert_eq!(timestamp("2017").as_deref(), Some("2017-01-01T00:00:00Z"));
        for bad in ["", "17-1-1", "2017-13-01", "2017-01-32", "x"] {
            assert_eq!(timestamp(bad), None, "{bad}");
        }
    }

    #[test]
    fn sitemap_addresses_are_absolute_and_encoded() {
        let xml = sitemap(
            "https://example.org/a/",
            &[
                ("".into(), None),
                ("s/p-唐凤/".into(), Some("2020-01-02".into())),
            ],
        );
        assert!(xml.contains("<loc>https://example.org/a/</loc>"));
        assert!(xml.contains("<loc>https://example.org/a/s/p-%E5%94%90%E5%87%A4/</loc>"));
        assert!(xml.contains("<lastmod>2020-01-02</lastmod>"));
    }
}

//! What each page of a corpus site shows, as data: the transcripts
//! newest first in pages, by year, each transcript's neighbours in its
//! series, the speakers index in pages (everyone, and by role), and the
//! addresses of every page. The site generator (the `site` crate)
//! renders these; nothing here is HTML.
//!
//! Every address is a folder relative to the site's root (`""`, `t/…/`,
//! `s/…/`, `page/2/`), so the site works at `/` or under a sub-path;
//! [`link`] makes one page's link to another.

use super::catalog::Record;
use super::identity;
use super::speakers::Speaker;
use crate::model::{Document, Role};

/// Rows on one page of a list.
pub const PAGE_ROWS: usize = 100;

/// One page of a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListPage {
    /// Its folder (`""` for the site's root, `page/2/`, `y/2019/page/3/`).
    pub url: String,
    /// 1-based.
    pub number: usize,
    /// The list's first page's folder, and how many pages it has.
    pub first: String,
    pub pages: usize,
    /// The items it shows, as indices into the list's source.
    pub items: Vec<usize>,
}

impl ListPage {
    /// The folder of page `n` (1-based) of the list at `first`.
    pub fn url_of(first: &str, n: usize) -> String {
        if n <= 1 {
            first.to_string()
        } else {
            format!("{first}page/{n}/")
        }
    }
}

/// `items` in pages of [`PAGE_ROWS`], the first at `first`; an empty
/// list is one empty page.
pub fn paginate(first: &str, items: &[usize]) -> Vec<ListPage> {
    let pages = items.len().div_ceil(PAGE_ROWS).max(1);
    (1..=pages)
        .map(|n| ListPage {
            url: ListPage::url_of(first, n),
            number: n,
            first: first.to_string(),
            pages,
            items: items
                .iter()
                .skip((n - 1) * PAGE_ROWS)
                .take(PAGE_ROWS)
                .copied()
                .collect(),
        })
        .collect()
}

/// The transcripts newest first (dated ones by date, newest first; then
/// the undated), as indices into `records` (which are in the corpus's
/// order, oldest first).
pub fn newest_first(records: &[Record]) -> Vec<usize> {
    let dated = records.iter().filter(|r| r.date.is_some()).count();
    let undated = records.len() - dated;
    // The corpus's order puts the undated first: they go last here.
    (undated..records.len()).rev().chain(0..undated).collect()
}

/// The years of the dated transcripts, newest first, each with its
/// transcripts newest first.
pub fn years(records: &[Record]) -> Vec<(String, Vec<usize>)> {
    let mut out: Vec<(String, Vec<usize>)> = Vec::new();
    for i in newest_first(records) {
        let Some(year) = records[i].date.as_deref().and_then(|d| d.get(..4)) else {
            continue;
        };
        match out.last_mut() {
            Some((y, list)) if y == year => list.push(i),
            _ => out.push((year.to_string(), vec![i])),
        }
    }
    out
}

/// The folder of the year's list.
pub fn year_url(year: &str) -> String {
    format!("y/{year}/")
}

/// What series a transcript belongs to: its organiser (folded, so one
/// organiser in either script is one series); else the folder its file
/// is in; else the whole corpus.
pub fn series_key(r: &Record) -> String {
    match r.organiser.as_deref().map(identity::key) {
        Some(k) if !k.is_empty() => format!("o:{k}"),
        _ => match r.source.rsplit_once('/') {
            Some((folder, _)) => format!("f:{folder}"),
            None => String::new(),
        },
    }
}

/// A transcript's neighbours in its series, by date.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Neighbours {
    pub previous: Option<usize>,
    pub next: Option<usize>,
}

/// Each transcript's [`Neighbours`] ([`series_key`]), in the corpus's
/// order (by date, then source).
pub fn series(records: &[Record]) -> Vec<Neighbours> {
    let mut out = vec![Neighbours::default(); records.len()];
    let mut last: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (i, r) in records.iter().enumerate() {
        if let Some(p) = last.insert(series_key(r), i) {
            out[i].previous = Some(p);
            out[p].next = Some(i);
        }
    }
    out
}

/// The folder of the speakers index, for everyone (`None`) or a role.
pub fn speakers_url(role: Option<Role>) -> String {
    match role {
        None => "speakers/".into(),
        Some(r) => format!("speakers/{}/", r.as_str()),
    }
}

/// The speakers index's lists: everyone, then each role that anyone has
/// most often, as indices into `speakers` (most transcripts first).
pub fn speaker_lists(speakers: &[Speaker]) -> Vec<(Option<Role>, Vec<usize>)> {
    let mut out = vec![(None, (0..speakers.len()).collect())];
    for role in Role::ALL {
        let of: Vec<usize> = (0..speakers.len())
            .filter(|&i| speakers[i].role() == role)
            .collect();
        if !of.is_empty() {
            out.push((Some(role), of));
        }
    }
    out
}

/// What the list's filters read (`catalog.json`): every transcript
/// newest first, compactly, with the speakers and organisers it names by
/// number, so a reader's browser can filter the whole list at once by
/// year, speaker, organiser and role without a page per combination.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Catalog {
    /// Each speaker across the corpus: name, page, most frequent role.
    pub speakers: Vec<(String, String, Role)>,
    pub organisers: Vec<String>,
    /// Newest first.
    pub rows: Vec<CatalogRow>,
}

/// One transcript in the [`Catalog`].
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct CatalogRow {
    pub title: String,
    pub url: String,
    pub date: Option<String>,
    /// Its organiser's number, if it names one.
    pub organiser: Option<usize>,
    pub source: String,
    pub questions: usize,
    /// Its speakers with an identity, by number, each with the role they
    /// had here.
    pub speakers: Vec<(usize, Role)>,
}

/// The catalog of `records` and `speakers` (the corpus's, as
/// `folder::Built` has them).
pub fn catalog(records: &[Record], speakers: &[Speaker]) -> Catalog {
    let number: std::collections::HashMap<&identity::Identity, usize> = speakers
        .iter()
        .enumerate()
        .map(|(i, s)| (&s.identity, i))
        .collect();
    let mut organisers: Vec<String> = Vec::new();
    let mut organiser_number: std::collections::HashMap<String, usize> =
        std::collections::HashMap::new();
    let rows = newest_first(records)
        .into_iter()
        .map(|i| {
            let r = &records[i];
            let organiser = r.organiser.as_ref().map(|o| {
                *organiser_number.entry(o.clone()).or_insert_with(|| {
                    organisers.push(o.clone());
                    organisers.len() - 1
                })
            });
            let speakers = r
                .people()
                .into_iter()
                .filter_map(|(s, id)| Some((*number.get(id)?, s.role)))
                .collect();
            CatalogRow {
                title: r.title.clone(),
                url: r.url.clone(),
                date: r.date.clone(),
                organiser,
                source: r.source.clone(),
                questions: r.questions,
                speakers,
            }
        })
        .collect();
    Catalog {
        speakers: speakers
            .iter()
            .map(|s| (s.name.clone(), s.url.clone(), s.role()))
            .collect(),
        organisers,
        rows,
    }
}

/// Where a transcript's participants have their speaker pages: each
/// participant's id (in `doc`, the transcript `record` was made from)
/// with the link from the transcript's page. A role word alone (`问`,
/// `主持人`) has none; a journalist known by outlet links to the outlet's.
///
/// The record's speakers are `doc`'s participants, in order, with who
/// they are across the corpus (an editor's [`super::aliases`] applied).
pub fn speaker_pages(doc: &Document, record: &Record) -> Vec<(String, String)> {
    doc.participants
        .iter()
        .zip(&record.speakers)
        .filter_map(|(p, s)| {
            let id = s.identity.as_ref()?;
            Some((p.id.clone(), link(&record.url, &id.url())))
        })
        .collect()
}

/// The link from the page at folder `from` to the page at folder `to`
/// (both relative to the site's root), with an optional `#fragment`.
pub fn link(from: &str, to: &str) -> String {
    let up = from.matches('/').count();
    let mut s = "../".repeat(up);
    s.push_str(to);
    if s.is_empty() {
        s.push_str("./");
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(source: &str, date: Option<&str>, organiser: Option<&str>) -> Record {
        Record {
            source: source.into(),
            url: String::new(),
            title: source.into(),
            date: date.map(Into::into),
            organiser: organiser.map(Into::into),
            questions: 0,
            speakers: Vec::new(),
            passages: Vec::new(),
        }
    }

    #[test]
    fn lists_come_in_pages_with_the_first_at_the_lists_folder() {
        let items: Vec<usize> = (0..PAGE_ROWS * 2 + 1).collect();
        let pages = paginate("y/2019/", &items);
        let urls: Vec<&str> = pages.iter().map(|p| p.url.as_str()).collect();
        assert_eq!(urls, ["y/2019/", "y/2019/page/2/", "y/2019/page/3/"]);
        assert_eq!(pages[2].items, [PAGE_ROWS * 2]);
        assert!(pages.iter().all(|p| p.pages == 3));
        assert_eq!(paginate("", &[]).len(), 1);
    }

    #[test]
    fn newest_first_with_the_undated_last_and_years_in_order() {
        let mut records = vec![
            record("c.txt", Some("2020-01-02"), None),
            record("u.txt", None, None),
            record("a.txt", Some("2019-05-01"), None),
            record("b.txt", Some("2019-06-01"), None),
        ];
        records.sort_by(crate::corpus::catalog::order);
        let order: Vec<&str> = newest_first(&records)
            .into_iter()
            .map(|i| records[i].source.as_str())
            .collect();
        assert_eq!(order, ["c.txt", "b.txt", "a.txt", "u.txt"]);
        let years: Vec<(String, usize)> = years(&records)
            .into_iter()
            .map(|(y, l)| (y, l.len()))
            .collect();
        assert_eq!(years, [("2020".into(), 1), ("2019".into(), 2)]);
    }

    #[test]
    fn series_follow_the_organiser_in_either_script_else_the_folder() {
        let mut records = vec![
            record("x/1.txt", Some("2019-01-01"), Some("外交部")),
            record("y/2.txt", Some("2019-01-02"), Some("國務院新聞辦公室")),
            record("x/3.txt", Some("2019-01-03"), Some("外交部")),
            record("y/4.txt", Some("2019-01-04"), Some("国务院新闻办公室")),
            record("z/5.txt", Some("2019-01-05"), None),
            record("z/6.txt", Some("2019-01-06"), None),
        ];
        records.sort_by(crate::corpus::catalog::order);
        let n = series(&records);
        assert_eq!(
            n[0],
            Neighbours {
                previous: None,
                next: Some(2)
            }
        );
        assert_eq!(n[1].next, Some(3));
        assert_eq!(n[3].previous, Some(1));
        assert_eq!(n[4].next, Some(5));
        assert_eq!(
            n[5],
            Neighbours {
                previous: Some(4),
                next: None
            }
        );
    }

    #[test]
    fn the_catalog_names_speakers_and_organisers_by_number_newest_first() {
        let text = |date: &str, org: &str| {
            format!("# {date} 记者会\n\n{org}新闻发布会\n\n主持人：各位好。\n\n彭博社记者：请问何时上路？\n\n唐凤：明年。\n")
        };
        let mut records = Vec::new();
        let mut appearances = Vec::new();
        for (i, (d, o)) in [("2019-03-01", "外交部"), ("2020-05-02", "外交部")]
            .iter()
            .enumerate()
        {
            let t = crate::corpus::load::Transcript {
                source: format!("{i}.txt"),
                bytes: 0,
                doc: crate::structure(&text(d, o), Some("x.txt")),
            };
            let passages = crate::corpus::passages::of(&t.doc);
            records.push(crate::corpus::catalog::record(
                &t,
                format!("t/{i}/"),
                &passages,
            ));
            appearances.push(crate::corpus::speakers::appearances(&t.doc));
        }
        let speakers = crate::corpus::speakers::aggregate(&records, &appearances);
        let c = catalog(&records, &speakers);
        let urls: Vec<&str> = c.rows.iter().map(|r| r.url.as_str()).collect();
        assert_eq!(urls, ["t/1/", "t/0/"]);
        for r in &c.rows {
            let names: Vec<&str> = r
                .speakers
                .iter()
                .map(|(n, _)| c.speakers[*n].0.as_str())
                .collect();
            assert!(names.contains(&"唐凤"), "{names:?}");
            assert!(!names.contains(&"主持人"));
            assert_eq!(
                r.organiser.map(|o| c.organisers[o].as_str()),
                records[0].organiser.as_deref()
            );
        }
    }

    #[test]
    fn speaker_pages_are_the_people_of_the_transcript_linked_from_its_page() {
        let text = "# 2019-03-01 记者会\n\n主持人：各位好。\n\n彭博社记者：请问何时上路？\n\n唐凤：明年。\n\n问：还有呢？\n\n唐凤：没有了。\n";
        let t = crate::corpus::load::Transcript {
            source: "a.txt".into(),
            bytes: 0,
            doc: crate::structure(text, Some("a.txt")),
        };
        let passages = crate::corpus::passages::of(&t.doc);
        let r = crate::corpus::catalog::record(&t, "t/a/".into(), &passages);
        let pages = speaker_pages(&t.doc, &r);
        let name_of = |id: &str| {
            let p = t.doc.participants.iter().find(|p| p.id == id).unwrap();
            p.outlet.clone().unwrap_or(p.name.clone())
        };
        let named: Vec<(String, String)> = pages
            .iter()
            .map(|(id, href)| (name_of(id), href.clone()))
            .collect();
        let tang = identity::of(
            t.doc
                .participants
                .iter()
                .find(|p| p.name == "唐凤")
                .unwrap(),
        );
        assert!(
            named.contains(&("唐凤".into(), format!("../../{}", tang.unwrap().url()))),
            "{named:?}"
        );
        assert!(named.iter().any(|(n, _)| n == "彭博社"), "{named:?}");
        // Role words alone are nobody's page.
        assert!(
            !named.iter().any(|(n, _)| n == "主持人" || n == "问"),
            "{named:?}"
        );
        // Each a page the record links too.
        let linked: Vec<String> = r
            .people()
            .iter()
            .map(|(_, id)| link(&r.url, &id.url()))
            .collect();
        assert!(pages.iter().all(|(_, href)| linked.contains(href)));
    }

    #[test]
    fn links_climb_from_the_page_to_the_root() {
        assert_eq!(link("", ""), "./");
        assert_eq!(link("", "t/a/"), "t/a/");
        assert_eq!(link("t/a/", "s/p-b/"), "../../s/p-b/");
        assert_eq!(link("y/2019/page/2/", ""), "../../../../");
    }
}

//! The reader's library searched as one corpus: what is kept of each
//! transcript for search ([`Part`]: its title, date and passages, each
//! with its folded text), and a query answered by reading the folded
//! passages ([`find`]). Same query syntax, same folding and the same
//! matches as [`super::scan`]; the library holds the folded text in
//! memory once read, so that a query neither parses nor folds a
//! transcript again.
//!
//! Why a scan and not the site's bigram index: over 500 transcripts
//! (about 20 MB) the scan answers in tens of milliseconds (see
//! ARCHITECTURE.md, "The reader's library search"), and a part is written
//! as a transcript is kept, with nothing shared to update.

use super::excerpt::{excerpt, Excerpt};
use super::view::query_component;
use super::fold::fold_str;
use super::passages;
use super::query::Query;
use super::search::Span;
use crate::facts::chinese_date;
use crate::model::Document;
use serde::{Deserialize, Serialize};

/// What the library keeps of a transcript for search.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Part {
    /// The title, or the file name when the text has none.
    pub title: String,
    /// The conference's date (`2017-10-12`), when known.
    pub date: Option<String>,
    /// Who speaks, in order of first appearance.
    #[serde(default)]
    pub speakers: Vec<String>,
    pub passages: Vec<Kept>,
}

impl Part {
    /// The library's line for the transcript (as
    /// [`crate::library::summary`] makes it from the document).
    pub fn summary(&self) -> crate::library::Summary {
        crate::library::Summary {
            title: self.title.clone(),
            date: self.date.as_deref().map(chinese_date),
            speakers: self.speakers.clone(),
        }
    }
}

/// One passage of a [`Part`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Kept {
    /// The element it is in (`t3-b2`): the link's fragment.
    pub anchor: String,
    /// Who said it, by name; `None` for front matter and the appendix.
    pub speaker: Option<String>,
    /// As written.
    pub text: String,
    /// As search reads it ([`super::fold`]), one character for each of
    /// `text`'s (white space runs as one). Not stored: [`read`] folds the
    /// text again, which costs less than reading it twice from storage
    /// (parts stored with it, before, are read as they are).
    #[serde(skip_serializing, default)]
    pub folded: String,
}

/// The part of `doc`, opened from the file `name` (if any).
pub fn part(doc: &Document, name: Option<&str>) -> Part {
    let summary = crate::library::summary(doc, name);
    let who = |id: &str| {
        doc.participants
            .iter()
            .find(|p| p.id == id)
            .map(|p| p.name.clone())
    };
    Part {
        title: summary.title,
        date: doc.meta.date.clone(),
        speakers: summary.speakers,
        passages: passages::of(doc)
            .into_iter()
            .map(|p| Kept {
                anchor: p.anchor.to_string(),
                speaker: p.participant.and_then(who),
                text: p.text.to_string(),
                folded: fold_str(p.text),
            })
            .collect(),
    }
}

/// A part as stored (JSON, without the folded text).
pub fn write(part: &Part) -> String {
    serde_json::to_string(part).unwrap_or_default()
}

/// A stored part read back, its passages folded; an error for anything
/// [`write`] did not write.
pub fn read(stored: &str) -> Result<Part, String> {
    let mut part: Part = serde_json::from_str(stored).map_err(|e| e.to_string())?;
    for k in &mut part.passages {
        if k.folded.is_empty() {
            k.folded = fold_str(&k.text);
        }
    }
    Ok(part)
}

/// The library's line of a stored part ([`Part::summary`]), its passages
/// skipped, not read.
pub fn read_summary(stored: &str) -> Result<crate::library::Summary, String> {
    #[derive(Deserialize)]
    struct Head {
        title: String,
        date: Option<String>,
        #[serde(default)]
        speakers: Vec<String>,
    }
    let h: Head = serde_json::from_str(stored).map_err(|e| e.to_string())?;
    Ok(crate::library::Summary {
        title: h.title,
        date: h.date.as_deref().map(chinese_date),
        speakers: h.speakers,
    })
}

/// A matching passage: its part's place in the list searched, its own in
/// the part, and its matches (folded character positions).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub part: usize,
    pub passage: usize,
    pub spans: Vec<Span>,
}

/// Every passage of `parts` that matches `query`: the newest transcripts
/// first (undated last), each one's passages in reading order.
pub fn find(query: &Query, parts: &[&Part]) -> Vec<Hit> {
    let required: Vec<(String, u32)> = query
        .required()
        .map(|t| (t.folded.iter().collect(), t.folded.len() as u32))
        .collect();
    let excluded: Vec<String> = query
        .excluded()
        .map(|t| t.folded.iter().collect())
        .collect();
    let mut order: Vec<usize> = (0..parts.len()).collect();
    order.sort_by(|&a, &b| parts[b].date.cmp(&parts[a].date));
    let mut hits = Vec::new();
    for i in order {
        for (p, kept) in parts[i].passages.iter().enumerate() {
            if let Some(spans) = matches(&kept.folded, &required, &excluded) {
                hits.push(Hit {
                    part: i,
                    passage: p,
                    spans,
                });
            }
        }
    }
    hits
}

/// The matches in `hay` of every required term (none overlapping another
/// of the same term), in order; `None` unless each is there and no
/// excluded one is.
fn matches(hay: &str, required: &[(String, u32)], excluded: &[String]) -> Option<Vec<Span>> {
    if required.iter().any(|(t, _)| !hay.contains(t.as_str())) {
        return None;
    }
    if excluded.iter().any(|t| hay.contains(t.as_str())) {
        return None;
    }
    let mut spans = Vec::new();
    for (term, len) in required {
        // Byte offsets to character positions, counted as they come.
        let (mut byte, mut char_at) = (0, 0u32);
        for (at, _) in hay.match_indices(term.as_str()) {
            char_at += hay[byte..at].chars().count() as u32;
            byte = at;
            spans.push(Span {
                start: char_at,
                len: *len,
            });
        }
    }
    spans.sort_unstable();
    Some(spans)
}

/// A result as a list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    pub title: String,
    /// `2017-10-12`, when known.
    pub date: Option<String>,
    pub speaker: Option<String>,
    /// The paragraph's element: the link's fragment.
    pub anchor: String,
    pub excerpt: Excerpt,
    pub hits: usize,
}

impl Shown {
    /// The link to the passage in the reader, whose library keeps its
    /// transcript under `key`: the transcript opened with its first
    /// match as written in the query (the reader's search highlights
    /// text as written) and the paragraph as the fragment.
    pub fn link(&self, key: &str) -> String {
        let mut url = format!("?doc={}", query_component(key));
        if let Some(m) = self.excerpt.first_match() {
            url.push_str("&q=");
            url.push_str(&query_component(&m));
        }
        if !self.anchor.is_empty() {
            url.push('#');
            url.push_str(&self.anchor);
        }
        url
    }
}

/// How `hit` shows, in an excerpt of about `width` characters.
pub fn shown(part: &Part, hit: &Hit, width: usize) -> Shown {
    let kept = &part.passages[hit.passage];
    Shown {
        title: part.title.clone(),
        date: part.date.clone(),
        speaker: kept.speaker.clone(),
        anchor: kept.anchor.clone(),
        excerpt: excerpt(&kept.text, &hit.spans, width / 4, width),
        hits: hit.spans.len(),
    }
}

/// How many transcripts `hits` are in.
pub fn transcripts(hits: &[Hit]) -> usize {
    let mut parts: Vec<usize> = hits.iter().map(|h| h.part).collect();
    parts.dedup();
    parts.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::query::parse;
    use crate::corpus::scan;

    const SPRING: &str = "關於春季農業生產的新聞發布會\n\n時間：2018年3月5日\n\n主持人：各位記者，上午好。倫理委員會今天開會。\n\n王明：我們將召開全省春耕現場會，春耕 春耕。AI 與倫理。\n";
    const AUTUMN: &str = "关于秋粮收购的新闻发布会\n\n时间：2019年10月9日\n\n主持人：各位记者，上午好。\n\n李华：今年秋粮收购工作已经全面展开，伦理也要讲。\n";

    fn parts() -> Vec<Part> {
        [SPRING, AUTUMN]
            .iter()
            .map(|t| part(&crate::structure(t, Some("x.txt")), Some("x.txt")))
            .collect()
    }

    #[test]
    fn a_part_holds_title_date_speakers_and_folded_passages() {
        let p = &parts()[0];
        assert_eq!(p.title, "關於春季農業生產的新聞發布會");
        assert_eq!(p.date.as_deref(), Some("2018-03-05"));
        let wang = p
            .passages
            .iter()
            .find(|k| k.text.contains("春耕現場會"))
            .unwrap();
        assert_eq!(wang.speaker.as_deref(), Some("王明"));
        assert!(wang.folded.contains("春耕现场会"));
        let stored = write(p);
        assert_eq!(read(&stored), Ok(p.clone()));
        assert!(
            !stored.contains("春耕现场会") && !stored.contains("folded"),
            "the folded text is not stored"
        );
        assert_eq!(read_summary(&stored), Ok(p.summary()));
        // A part stored with its folded text (before) reads the same.
        let mut old: serde_json::Value = serde_json::from_str(&stored).unwrap();
        for (k, v) in p.passages.iter().zip(old["passages"].as_array_mut().unwrap()) {
            v["folded"] = k.folded.clone().into();
        }
        assert_eq!(read(&old.to_string()), Ok(p.clone()));
        let doc = crate::structure(SPRING, Some("x.txt"));
        assert_eq!(p.summary(), crate::library::summary(&doc, Some("x.txt")));
        assert_eq!(p.speakers, ["主持人", "王明"]);
        assert!(read("{\"title\":1}").is_err());
    }

    #[test]
    fn finds_what_the_scan_finds_in_either_script() {
        let parts = parts();
        let refs: Vec<&Part> = parts.iter().collect();
        for q in [
            "伦理",
            "倫理",
            "春耕",
            "上午好 -伦理",
            "\"ai 与\"",
            "AI",
            "记者 上午",
            "。",
            "收购 -秋粮",
            "没有的词",
        ] {
            let query = parse(q).unwrap();
            let mut got: Vec<(usize, usize, Vec<Span>)> = find(&query, &refs)
                .into_iter()
                .map(|h| (h.part, h.passage, h.spans))
                .collect();
            got.sort();
            let texts: Vec<Vec<String>> = parts
                .iter()
                .map(|p| p.passages.iter().map(|k| k.text.clone()).collect())
                .collect();
            let want: Vec<(usize, usize, Vec<Span>)> = scan::find(&query, &texts)
                .passages
                .into_iter()
                .map(|((d, p), s)| (d as usize, p as usize, s))
                .collect();
            assert_eq!(got, want, "{q}");
        }
    }

    #[test]
    fn the_newest_come_first_and_a_result_shows_the_match_as_written() {
        let parts = parts();
        let refs: Vec<&Part> = parts.iter().collect();
        let hits = find(&parse("伦理").unwrap(), &refs);
        assert_eq!(hits.iter().map(|h| h.part).collect::<Vec<_>>(), [1, 0, 0]);
        assert_eq!(transcripts(&hits), 2);
        let s = shown(&parts[0], &hits[1], 40);
        assert_eq!(s.excerpt.first_match().as_deref(), Some("倫理"));
        assert_eq!(s.date.as_deref(), Some("2018-03-05"));
        assert_eq!(s.title, "關於春季農業生產的新聞發布會");
        let marked: Vec<String> = s
            .excerpt
            .pieces()
            .into_iter()
            .filter(|p| p.1)
            .map(|p| p.0)
            .collect();
        assert_eq!(marked, ["倫理"]);
        assert_eq!(
            s.link("k1"),
            format!("?doc=k1&q=%E5%80%AB%E7%90%86#{}", s.anchor)
        );
        let spring = shown(&parts[0], &find(&parse("春耕").unwrap(), &refs)[0], 40);
        assert_eq!(spring.speaker.as_deref(), Some("王明"));
        assert_eq!(spring.hits, 3);
        assert!(spring.anchor.starts_with('t'));
    }
}

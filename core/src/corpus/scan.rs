//! Search by reading every passage: the reference the index is checked
//! against (tests, `shilu search --verify`, the benchmark). Same query,
//! same folding, same matches, with no index at all.

use super::fold::fold_text;
use super::query::Query;
use super::search::{Found, Span};

/// Where `needle` starts in `hay`, overlapping starts included.
fn starts(hay: &[char], needle: &[char]) -> Vec<u32> {
    if needle.is_empty() || needle.len() > hay.len() {
        return Vec::new();
    }
    hay.windows(needle.len())
        .enumerate()
        .filter(|(_, w)| *w == needle)
        .map(|(i, _)| i as u32)
        .collect()
}

/// The passages of `texts` (each transcript's passages, in the corpus's
/// order) that match `query`, found by reading them all.
pub fn find(query: &Query, texts: &[Vec<String>]) -> Found {
    let mut found = Found::default();
    for (doc, passages) in texts.iter().enumerate() {
        scan_into(query, doc as u32, 0, passages, &mut found);
    }
    found
}

/// The passages of transcript `doc` from its passage `first` on, given
/// as `texts`, that match `query`: what a page reads when a query has
/// only characters common enough that reading the newest transcripts
/// finds its first results sooner than their postings would.
pub fn find_in<S: AsRef<str>>(query: &Query, doc: u32, first: u32, texts: &[S]) -> Found {
    let mut found = Found::default();
    scan_into(query, doc, first, texts, &mut found);
    found
}

fn scan_into<S: AsRef<str>>(query: &Query, doc: u32, first: u32, texts: &[S], found: &mut Found) {
    for (p, text) in texts.iter().enumerate() {
        let hay = fold_text(text.as_ref()).chars;
        if query
            .excluded()
            .any(|t| !starts(&hay, &t.folded).is_empty())
        {
            continue;
        }
        let mut spans = Vec::new();
        let mut all = true;
        for t in query.required() {
            let s = starts(&hay, &t.folded);
            if s.is_empty() {
                all = false;
                break;
            }
            let len = t.folded.len() as u32;
            let mut next = 0;
            for start in s {
                if start >= next {
                    spans.push(Span { start, len });
                    next = start + len;
                }
            }
        }
        if all {
            spans.sort_unstable();
            found.passages.insert((doc, first + p as u32), spans);
        }
    }
}

//! Tolerant text search: ignores whitespace and full-width/half-width
//! differences, and reports matches as byte ranges into the original text so
//! the app can highlight them in place.

use crate::model::{Block, Document};
use std::ops::Range;

/// Folds a character for comparison; `None` for characters search ignores
/// (all whitespace, including U+3000 and no-break spaces).
pub fn fold_char(c: char) -> Option<char> {
    if c.is_whitespace() {
        return None;
    }
    let c = match c {
        // Full-width ASCII variants (！ to ～) map to ASCII.
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{FF61}' => '。',
        '\u{FF64}' => '、',
        '\u{FF62}' => '「',
        '\u{FF63}' => '」',
        _ => c,
    };
    Some(c.to_ascii_lowercase())
}

/// A compiled query. Empty (or whitespace-only) queries compile to `None`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Matcher {
    needle: Vec<char>,
}

impl Matcher {
    pub fn new(query: &str) -> Option<Matcher> {
        let needle: Vec<char> = query.chars().filter_map(fold_char).collect();
        (!needle.is_empty()).then_some(Matcher { needle })
    }

    /// Non-overlapping matches in `text`, as byte ranges of the original
    /// text that start and end on a matched character.
    pub fn find_in(&self, text: &str) -> Vec<Range<usize>> {
        // Folded characters with their original byte spans.
        let folded: Vec<(char, usize, usize)> = text
            .char_indices()
            .filter_map(|(i, c)| fold_char(c).map(|f| (f, i, i + c.len_utf8())))
            .collect();
        let n = self.needle.len();
        let mut out = Vec::new();
        let mut i = 0;
        while i + n <= folded.len() {
            if folded[i..i + n]
                .iter()
                .zip(&self.needle)
                .all(|((f, _, _), q)| f == q)
            {
                out.push(folded[i].1..folded[i + n - 1].2);
                i += n;
            } else {
                i += 1;
            }
        }
        out
    }
}

/// Which part of a block a match lies in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Marker,
    Heading,
    Text,
    Note,
}

impl Block {
    /// The block's text parts in reading order.
    pub fn fields(&self) -> impl Iterator<Item = (Field, &str)> + '_ {
        [
            (Field::Marker, self.marker.as_deref()),
            (Field::Heading, self.heading.as_deref()),
            (Field::Text, Some(self.text.as_str())),
            (Field::Note, self.note.as_deref()),
        ]
        .into_iter()
        .filter_map(|(f, s)| s.map(|s| (f, s)))
    }
}

/// One match in a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Id of the block that holds it.
    pub block: String,
    pub field: Field,
    /// Byte range within that field's text.
    pub range: Range<usize>,
}

/// Every match of `matcher` in the document's blocks, in reading order.
/// Matches do not cross field or block boundaries.
pub fn search(doc: &Document, matcher: &Matcher) -> Vec<Hit> {
    doc.blocks()
        .flat_map(|b| {
            b.fields().flat_map(move |(field, text)| {
                matcher.find_in(text).into_iter().map(move |range| Hit {
                    block: b.id.clone(),
                    field,
                    range,
                })
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find<'a>(text: &'a str, q: &str) -> Vec<&'a str> {
        Matcher::new(q)
            .map(|m| m.find_in(text).into_iter().map(|r| &text[r]).collect())
            .unwrap_or_default()
    }

    #[test]
    fn empty_query_matches_nothing() {
        assert!(Matcher::new("").is_none());
        assert!(Matcher::new(" \u{3000}\u{a0}").is_none());
    }

    #[test]
    fn finds_every_non_overlapping_match() {
        assert_eq!(find("光伏扶贫，光伏电站", "光伏"), vec!["光伏", "光伏"]);
        assert_eq!(find("aaaa", "aa"), vec!["aa", "aa"]);
        assert!(find("扶贫", "光伏").is_empty());
    }

    #[test]
    fn ignores_whitespace_on_both_sides() {
        assert_eq!(find("光 伏扶贫", "光伏"), vec!["光 伏"]);
        assert_eq!(find("光伏扶贫", "光\u{3000}伏"), vec!["光伏"]);
        assert_eq!(find("2017 年", "2017年"), vec!["2017 年"]);
    }

    #[test]
    fn folds_full_width_and_case() {
        assert_eq!(find("ＡＢＣ１２３", "abc123"), vec!["ＡＢＣ１２３"]);
        assert_eq!(
            find("(牵头单位:省直工委)", "（牵头单位："),
            vec!["(牵头单位:"]
        );
        assert_eq!(find("30.5%", "３０．５％"), vec!["30.5%"]);
    }

    #[test]
    fn ranges_are_char_boundaries_of_the_original() {
        let text = "资金\u{a0}\u{a0}11.76亿元";
        for r in Matcher::new("金11").unwrap().find_in(text) {
            assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
            assert_eq!(&text[r], "金\u{a0}\u{a0}11");
        }
    }
}

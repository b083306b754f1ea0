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

impl Field {
    /// The field's one-letter code in links and marks: `m`arker,
    /// `h`eading, `t`ext, `n`ote.
    pub fn code(self) -> &'static str {
        match self {
            Field::Marker => "m",
            Field::Heading => "h",
            Field::Text => "t",
            Field::Note => "n",
        }
    }

    /// The field a [`Field::code`] names.
    pub fn from_code(code: &str) -> Option<Field> {
        [Field::Marker, Field::Heading, Field::Text, Field::Note]
            .into_iter()
            .find(|f| f.code() == code)
    }
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

/// Where a block id falls in reading order: the front (`f3`), the turns'
/// blocks (`t7-b2`), then the appendix (`a1`), as [`Document::blocks`] gives
/// them and as the parser numbers them.
fn reading_key(id: &str) -> (u8, u32, u32) {
    let part = match id.as_bytes().first() {
        Some(b'f') => 0,
        Some(b't') => 1,
        Some(b'a') => 2,
        _ => 3,
    };
    // The numbers in the id: the turn or block, then a turn's block.
    let mut nums = [0u32; 2];
    let mut at = 0;
    for d in id.bytes().skip(1) {
        if d.is_ascii_digit() {
            nums[at] = nums[at].wrapping_mul(10).wrapping_add(u32::from(d - b'0'));
        } else if at == 0 {
            at = 1;
        }
    }
    (part, nums[0], nums[1])
}

/// The positions in `hits` (in reading order, as [`search`] returns them,
/// or any subsequence of that) of the hits in `block`: found by binary
/// search, so each block's marks cost no scan of every hit.
pub fn hits_in(hits: &[Hit], block: &str) -> Range<usize> {
    let start = start_of(hits, reading_key(block));
    let len = hits[start..]
        .iter()
        .take_while(|h| h.block == block)
        .count();
    start..start + len
}

/// The position of the first hit at or after `key` in reading order.
fn start_of(hits: &[Hit], key: (u8, u32, u32)) -> usize {
    hits.partition_point(|h| reading_key(&h.block) < key)
}

/// The positions in `hits` (in reading order) of the hits in one part of
/// the document: `f` the front matter, `a` the appendix, or a turn (`t7`,
/// its blocks `t7-b1`, `t7-b2`, …).
pub fn hits_in_part(hits: &[Hit], part: &str) -> Range<usize> {
    let from = reading_key(part);
    let to = match from {
        (1, turn, _) => (1, turn.wrapping_add(1), 0),
        (p, _, _) => (p + 1, 0, 0),
    };
    start_of(hits, from)..start_of(hits, to)
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

    fn seed() -> Document {
        crate::structure(
            include_str!("../../seeds/shanxi-2017-10-12-deep-poverty-press-conference.txt"),
            None,
        )
    }

    #[test]
    fn hits_in_a_block_are_those_a_scan_finds() {
        let doc = seed();
        for q in ["扶贫", "光伏", "省", "2017"] {
            let hits = search(&doc, &Matcher::new(q).unwrap());
            assert!(!hits.is_empty(), "{q}");
            for b in doc.blocks() {
                let scan: Vec<usize> = (0..hits.len()).filter(|&i| hits[i].block == b.id).collect();
                let found: Vec<usize> = hits_in(&hits, &b.id).collect();
                assert_eq!(found, scan, "{q} in {}", b.id);
            }
            // A subsequence (the hits in shown blocks only) keeps the order.
            let some: Vec<Hit> = hits
                .iter()
                .filter(|h| !h.block.ends_with("-b1"))
                .cloned()
                .collect();
            for b in doc.blocks() {
                let r = hits_in(&some, &b.id);
                assert!(some[r.clone()].iter().all(|h| h.block == b.id));
                assert_eq!(r.len(), some.iter().filter(|h| h.block == b.id).count());
            }
        }
        assert_eq!(hits_in(&[], "t1-b1"), 0..0);
    }

    #[test]
    fn hits_in_a_part_are_those_of_its_blocks() {
        let doc = seed();
        for q in ["扶贫", "省", "2017", "发布会"] {
            let hits = search(&doc, &Matcher::new(q).unwrap());
            let mut parts: Vec<(String, Vec<String>)> = vec![
                ("f".into(), doc.front.iter().map(|b| b.id.clone()).collect()),
                (
                    "a".into(),
                    doc.appendix.iter().map(|b| b.id.clone()).collect(),
                ),
            ];
            for t in &doc.turns {
                parts.push((
                    t.id.clone(),
                    t.blocks.iter().map(|b| b.id.clone()).collect(),
                ));
            }
            let mut seen = 0;
            for (part, blocks) in &parts {
                let scan: Vec<usize> = (0..hits.len())
                    .filter(|&i| blocks.contains(&hits[i].block))
                    .collect();
                let found: Vec<usize> = hits_in_part(&hits, part).collect();
                assert_eq!(found, scan, "{q} in {part}");
                seen += found.len();
            }
            assert_eq!(seen, hits.len(), "{q}: every hit is in one part");
        }
        assert_eq!(hits_in_part(&[], "t1"), 0..0);
    }

    #[test]
    fn reading_keys_follow_the_parsers_ids() {
        let ids = [
            "f1", "f2", "f10", "t1-b1", "t1-b2", "t1-b10", "t2-b1", "t10-b1", "a1", "a2",
        ];
        for w in ids.windows(2) {
            assert!(reading_key(w[0]) < reading_key(w[1]), "{} < {}", w[0], w[1]);
        }
    }
}

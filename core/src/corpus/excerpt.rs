//! A passage's excerpt around its matches, as written, with the matches
//! marked: what a result shows.

use super::fold::fold_text;
use super::search::Span;
use std::ops::Range;

/// An excerpt of a passage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excerpt {
    /// The text as written, cut to the context.
    pub text: String,
    /// The matches, as character ranges of `text`.
    pub marks: Vec<Range<usize>>,
    /// Whether text was cut before and after.
    pub cut_before: bool,
    pub cut_after: bool,
}

impl Excerpt {
    /// The text as runs, each marked (a match) or not, with an ellipsis
    /// where it was cut: what a result list shows.
    pub fn pieces(&self) -> Vec<(String, bool)> {
        let chars: Vec<char> = self.text.chars().collect();
        let mut out = Vec::new();
        if self.cut_before {
            out.push(("…".to_string(), false));
        }
        let mut at = 0;
        for m in &self.marks {
            let (s, t) = (m.start.max(at).min(chars.len()), m.end.min(chars.len()));
            if s >= t {
                continue;
            }
            if s > at {
                out.push((chars[at..s].iter().collect(), false));
            }
            out.push((chars[s..t].iter().collect(), true));
            at = t;
        }
        if at < chars.len() {
            out.push((chars[at..].iter().collect(), false));
        }
        if self.cut_after {
            out.push(("…".to_string(), false));
        }
        out
    }

    /// The first match as the passage writes it (its script and width,
    /// whatever the query's): what a link asks the transcript to
    /// highlight.
    pub fn first_match(&self) -> Option<String> {
        let m = self.marks.first()?;
        Some(self.text.chars().skip(m.start).take(m.len()).collect())
    }
}

/// The excerpt of `text` around its first match, `before` characters of
/// context ahead of it and about `width` in all; `spans` are folded
/// positions, as the index gives them.
pub fn excerpt(text: &str, spans: &[Span], before: usize, width: usize) -> Excerpt {
    let folded = fold_text(text);
    let chars: Vec<char> = text.chars().collect();
    // Folded positions to original character ranges.
    let original = |s: &Span| -> Option<Range<usize>> {
        let first = *folded.at.get(s.start as usize)? as usize;
        let last = *folded.at.get((s.start + s.len).checked_sub(1)? as usize)? as usize;
        Some(first..last + 1)
    };
    let marks: Vec<Range<usize>> = spans.iter().filter_map(original).collect();
    let anchor = marks.first().map_or(0, |m| m.start);
    let start = anchor.saturating_sub(before);
    let end = (start + width.max(1))
        .min(chars.len())
        .max(marks.first().map_or(0, |m| m.end));
    Excerpt {
        text: chars[start..end].iter().collect(),
        marks: marks
            .into_iter()
            .filter(|m| m.start >= start && m.end <= end)
            .map(|m| m.start - start..m.end - start)
            .collect(),
        cut_before: start > 0,
        cut_after: end < chars.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_the_written_characters_of_folded_matches() {
        // 「倫理」 found by 伦理, after a run of white space.
        let text = "AI  與倫理，以及倫理委員會";
        let e = excerpt(
            text,
            &[Span { start: 4, len: 2 }, Span { start: 9, len: 2 }],
            2,
            100,
        );
        assert_eq!(e.text, " 與倫理，以及倫理委員會");
        let marked: Vec<String> = e
            .marks
            .iter()
            .map(|m| e.text.chars().skip(m.start).take(m.len()).collect())
            .collect();
        assert_eq!(marked, ["倫理", "倫理"]);
        assert!(e.cut_before && !e.cut_after);
    }

    #[test]
    fn a_long_passage_is_cut_around_the_first_match() {
        let text = format!("{}目标{}", "前".repeat(200), "后".repeat(200));
        let e = excerpt(&text, &[Span { start: 200, len: 2 }], 10, 40);
        assert_eq!(e.text.chars().count(), 40);
        assert_eq!(e.marks, [10..12]);
        assert!(e.cut_before && e.cut_after);
    }

    #[test]
    fn pieces_alternate_text_and_matches_with_ellipses_where_cut() {
        let text = format!("{}倫理與倫理{}", "前".repeat(50), "后".repeat(50));
        let e = excerpt(
            &text,
            &[Span { start: 50, len: 2 }, Span { start: 53, len: 2 }],
            3,
            10,
        );
        let pieces = e.pieces();
        let p: Vec<(&str, bool)> = pieces.iter().map(|(t, m)| (t.as_str(), *m)).collect();
        assert_eq!(
            p,
            [
                ("…", false),
                ("前前前", false),
                ("倫理", true),
                ("與", false),
                ("倫理", true),
                ("后后", false),
                ("…", false)
            ]
        );
        assert_eq!(e.first_match().as_deref(), Some("倫理"));
    }

    #[test]
    fn overlapping_marks_are_marked_once_and_no_match_has_no_first() {
        let e = Excerpt {
            text: "一二三四".into(),
            marks: vec![0..2, 1..3],
            cut_before: false,
            cut_after: false,
        };
        let p: Vec<(String, bool)> = e.pieces();
        assert_eq!(p, [("一二".into(), true), ("三".into(), true), ("四".into(), false)]);
        let none = Excerpt { marks: vec![], ..e };
        assert_eq!(none.pieces(), [("一二三四".to_string(), false)]);
        assert_eq!(none.first_match(), None);
    }
}

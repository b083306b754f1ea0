//! Lead-unit notes (牵头单位): `(牵头单位:省文化厅)` after an activity of a
//! plan, in ASCII or full-width brackets and colons. The parser moves a
//! paragraph's trailing note into `Block::note` and `Block::lead_unit`
//! ([`split_note`]); the events find every note inside a text ([`notes`])
//! to give each activity its unit.

use crate::chars::is_colon;
use std::ops::Range;

/// The keys a trailing note starts with (simplified and traditional).
const NOTE_KEYS: &[&str] = &[
    "牵头单位",
    "牽頭單位",
    "责任单位",
    "責任單位",
    "牵头部门",
    "牽頭部門",
    "责任部门",
    "責任部門",
    "负责单位",
    "負責單位",
    "牵头",
    "牽頭",
];

/// `…活动。(牵头单位:省直工委)` → (`…活动。`, note, `省直工委`).
pub fn split_note(s: &str) -> (&str, Option<String>, Option<String>) {
    let none = (s, None, None);
    let Some(inner_end) = s.strip_suffix(')').or_else(|| s.strip_suffix('\u{FF09}')) else {
        return none;
    };
    let Some(open) = inner_end.rfind(['(', '\u{FF08}']) else {
        return none;
    };
    let open_len = inner_end[open..].chars().next().map_or(1, char::len_utf8);
    let inner = &inner_end[open + open_len..];
    let Some(key) = NOTE_KEYS.iter().find(|k| inner.starts_with(**k)) else {
        return none;
    };
    let after = inner[key.len()..].trim_start();
    let Some(c) = after.chars().next().filter(|&c| is_colon(c)) else {
        return none;
    };
    let unit = after[c.len_utf8()..].trim();
    if unit.is_empty() {
        return none;
    }
    (
        s[..open].trim_end(),
        Some(s[open..].to_string()),
        Some(unit.to_string()),
    )
}

/// A lead-unit note in a text: its byte range (parentheses included) and unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Note {
    pub range: Range<usize>,
    pub unit: String,
}

/// Finds `(牵头单位:省文化厅)` notes (ASCII or full-width brackets and colons).
pub(crate) fn notes(text: &str) -> Vec<Note> {
    let mut out = Vec::new();
    if !may_have_notes(text) {
        return out;
    }
    let mut from = 0;
    while let Some(open) = find_bracket(text, from, b'(', 0x88) {
        let (note, resume) = note_at(text, open);
        out.extend(note);
        from = resume;
    }
    out
}

/// Every note key starts with 牵头 or 责任单位: without them, no note.
fn may_have_notes(text: &str) -> bool {
    text.contains("牵头") || text.contains("责任单位")
}

/// Reads a note at the opening bracket at byte `open`: the note if there is
/// one, and where scanning resumes (after the note, or after the bracket).
fn note_at(text: &str, open: usize) -> (Option<Note>, usize) {
    const KEYS: &[&str] = &["牵头单位", "牵头部门", "责任单位", "牵头"];
    let after = open + text[open..].chars().next().map_or(1, char::len_utf8);
    let Some(key) = KEYS.iter().find(|k| text[after..].starts_with(*k)) else {
        return (None, after);
    };
    let mut k = after + key.len();
    if let Some(c) = text[k..]
        .chars()
        .next()
        .filter(|c| *c == ':' || *c == '\u{FF1A}')
    {
        k += c.len_utf8();
    }
    let Some(close) = find_bracket(text, k, b')', 0x89) else {
        return (None, after);
    };
    let end = close + text[close..].chars().next().map_or(1, char::len_utf8);
    let unit = text[k..close].trim();
    let note = (!unit.is_empty()).then(|| Note {
        range: open..end,
        unit: unit.to_string(),
    });
    (note, end)
}

/// The first `ascii` bracket or its full-width form (U+FF00 + `low` - 0x80,
/// i.e. the bytes EF BC `low`) at or after byte `from`. A byte scan: these
/// run over every block.
fn find_bracket(text: &str, from: usize, ascii: u8, low: u8) -> Option<usize> {
    let b = text.as_bytes();
    let mut i = from;
    while let Some(r) = b.get(i..)?.iter().position(|&x| x == ascii || x == 0xEF) {
        let j = i + r;
        if b[j] == ascii || (b.get(j + 1) == Some(&0xBC) && b.get(j + 2) == Some(&low)) {
            return Some(j);
        }
        i = j + 1;
    }
    None
}

/// The first note a scan from any byte `p` of one text finds (what
/// `notes(&text[p..])` would find first), for many `p` in linear time: each
/// bracket's outcome is read once, and the answers are chained from the end.
pub(crate) struct NoteIndex {
    /// Byte offsets of the opening brackets.
    opens: Vec<usize>,
    /// For each, the first note a scan from it finds.
    first: Vec<Option<usize>>,
    notes: Vec<Note>,
}

impl NoteIndex {
    pub(crate) fn new(text: &str) -> Self {
        let mut index = NoteIndex {
            opens: Vec::new(),
            first: Vec::new(),
            notes: Vec::new(),
        };
        if !may_have_notes(text) {
            return index;
        }
        let mut from = 0;
        while let Some(open) = find_bracket(text, from, b'(', 0x88) {
            index.opens.push(open);
            from = open + 1;
        }
        let outcomes: Vec<(Option<Note>, usize)> =
            index.opens.iter().map(|&o| note_at(text, o)).collect();
        index.first = vec![None; index.opens.len()];
        for (i, (note, resume)) in outcomes.into_iter().enumerate().rev() {
            index.first[i] = match note {
                Some(n) => {
                    index.notes.push(n);
                    Some(index.notes.len() - 1)
                }
                None => {
                    let next = index.opens.partition_point(|&o| o < resume);
                    index.first.get(next).copied().flatten()
                }
            };
        }
        index
    }

    /// The first note a scan from byte `p` finds.
    pub(crate) fn first_from(&self, p: usize) -> Option<&Note> {
        let i = self.opens.partition_point(|&o| o < p);
        let n = self.first.get(i).copied().flatten()?;
        Some(&self.notes[n])
    }
}

/// `text` without its lead-unit notes.
pub(crate) fn strip_notes(text: &str) -> String {
    let mut out = String::new();
    let mut from = 0;
    for n in notes(text) {
        out.push_str(&text[from..n.range.start]);
        from = n.range.end;
    }
    out.push_str(&text[from..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_notes() {
        let t = "组织资助;(牵头单位:省教育厅)组织义诊。(牵头单位:省卫计委)";
        let n = notes(t);
        assert_eq!(n.len(), 2);
        assert_eq!(n[0].unit, "省教育厅");
        assert_eq!(n[1].unit, "省卫计委");
        assert_eq!(&t[n[1].range.clone()], "(牵头单位:省卫计委)");
        assert!(notes("(一)政府主导。").is_empty());
    }

    #[test]
    fn a_trailing_note_is_split_off_with_its_unit() {
        let (body, note, unit) = split_note("组织义诊活动。(牵头单位:省卫计委)");
        assert_eq!(body, "组织义诊活动。");
        assert_eq!(note.as_deref(), Some("(牵头单位:省卫计委)"));
        assert_eq!(unit.as_deref(), Some("省卫计委"));
        let (body, note, unit) = split_note("组织义诊活动。（牽頭單位：省衛計委）");
        assert_eq!(
            (body, unit.as_deref()),
            ("组织义诊活动。", Some("省衛計委"))
        );
        assert!(note.is_some());
        assert_eq!(split_note("(一)政府主导。"), ("(一)政府主导。", None, None));
        assert_eq!(
            split_note("活动(牵头单位:)"),
            ("活动(牵头单位:)", None, None)
        );
    }
}

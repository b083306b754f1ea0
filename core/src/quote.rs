//! Quote anchors: a passage of one field of one block, as a link names it.
//!
//! `?quote=t3-b2.12-40.1a2b3c4d` is characters 12 to 40 (Unicode scalar
//! values, end exclusive) of the text of block `t3-b2`; a field other than
//! the text names itself before the range (`t3-b2.h0-5.…`: `m`arker,
//! `h`eading, `n`ote). The last part is the first 8 hex digits of the
//! passage's [`content_key`]: a link to a transcript that has changed since
//! (edited, or offsets that no longer fit) finds nothing rather than a
//! wrong passage.
//!
//! Characters, not bytes or UTF-16 units: the same count whatever the
//! encoding of the page or the URL, and what a reader's selection gives
//! once the UI has its text.

use crate::library::content_key;
use crate::model::Document;
use crate::search::Field;
use std::ops::Range;

/// A quoted passage: where it is and what it said.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// The block's id (`t3-b2`, `f1`, `a2`).
    pub block: String,
    pub field: Field,
    /// Characters of the field's text, end exclusive, never empty.
    pub chars: Range<usize>,
    /// The first 8 hex digits of the passage's content key.
    pub check: String,
}

/// The byte offset of character `n` of `text` (its length for `n` = the
/// number of characters), if there is one.
fn byte_at(text: &str, n: usize) -> Option<usize> {
    let mut left = n;
    for (i, _) in text.char_indices() {
        if left == 0 {
            return Some(i);
        }
        left -= 1;
    }
    (left == 0).then_some(text.len())
}

/// The check of a passage.
fn check_of(passage: &str) -> String {
    content_key(passage)[..8].to_string()
}

/// Digits only, at most nine (no overflow), read by hand.
fn number(s: &str) -> Option<usize> {
    let ok = !s.is_empty() && s.len() <= 9 && s.bytes().all(|d| d.is_ascii_digit());
    ok.then(|| s.bytes().fold(0, |n, d| n * 10 + usize::from(d - b'0')))
}

impl Quote {
    /// The quote of characters `chars` of `text`, field `field` of block
    /// `block`, less the whitespace at either end; `None` when nothing but
    /// whitespace is left or the range does not fit the text.
    pub fn of(block: &str, field: Field, text: &str, chars: Range<usize>) -> Option<Quote> {
        let (from, to) = (byte_at(text, chars.start)?, byte_at(text, chars.end)?);
        let passage = text.get(from..to)?;
        let trimmed = passage.trim();
        if trimmed.is_empty() {
            return None;
        }
        let lead = passage.len() - passage.trim_start().len();
        let start = chars.start + passage[..lead].chars().count();
        Some(Quote {
            block: block.to_string(),
            field,
            chars: start..start + trimmed.chars().count(),
            check: check_of(trimmed),
        })
    }

    /// The `quote` parameter of a link: `t3-b2.12-40.1a2b3c4d`.
    pub fn param(&self) -> String {
        let field = match self.field {
            Field::Text => "",
            f => f.code(),
        };
        let (start, end) = (self.chars.start, self.chars.end);
        format!("{}.{field}{start}-{end}.{}", self.block, self.check)
    }

    /// Reads a `quote` parameter as [`Quote::param`] writes it; anything
    /// else (a block id that is not one, an empty or reversed range, a bad
    /// check) is `None`.
    pub fn parse(s: &str) -> Option<Quote> {
        let mut parts = s.split('.');
        let (block, range, check) = (parts.next()?, parts.next()?, parts.next()?);
        let block_ok = !block.is_empty()
            && block.len() <= 24
            && block
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-');
        let check_ok = check.len() == 8
            && check
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
        if parts.next().is_some() || !block_ok || !check_ok {
            return None;
        }
        let (field, range) = match range.as_bytes().first() {
            Some(b'0'..=b'9') => (Field::Text, range),
            _ => (
                Field::from_code(range.get(..1)?).filter(|f| *f != Field::Text)?,
                &range[1..],
            ),
        };
        let (start, end) = range.split_once('-')?;
        let (start, end) = (number(start)?, number(end)?);
        (start < end).then(|| Quote {
            block: block.to_string(),
            field,
            chars: start..end,
            check: check.to_string(),
        })
    }

    /// Where the passage is in `text` (the field's text), as bytes: `None`
    /// when the range does not fit it or the text there is not the passage
    /// quoted.
    pub fn in_text(&self, text: &str) -> Option<Range<usize>> {
        let range = byte_at(text, self.chars.start)?..byte_at(text, self.chars.end)?;
        (check_of(text.get(range.clone())?) == self.check).then_some(range)
    }

    /// The passage in `doc`: its block, its field, and there the passage
    /// quoted (bytes of the field's text). `None` when any of them is not there.
    pub fn find<'a>(&self, doc: &'a Document) -> Option<(&'a str, Range<usize>)> {
        let block = doc.blocks().find(|b| b.id == self.block)?;
        let (_, text) = block.fields().find(|(f, _)| *f == self.field)?;
        Some((text, self.in_text(text)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quote_trims_its_ends_and_writes_its_link() {
        let text = "今年全省 安排扶贫资金 21.6亿元。";
        let q = Quote::of("t3-b2", Field::Text, text, 4..11).unwrap();
        assert_eq!(q.chars, 5..11);
        let back = q.in_text(text).unwrap();
        assert_eq!(&text[back], "安排扶贫资金");
        assert_eq!(q.param(), format!("t3-b2.5-11.{}", q.check));
        assert_eq!(Quote::parse(&q.param()), Some(q.clone()));
        let h = Quote::of("t1-b1", Field::Heading, "——聚焦攻坚重点。", 2..6).unwrap();
        assert!(h.param().starts_with("t1-b1.h2-6."), "{}", h.param());
        assert_eq!(Quote::parse(&h.param()), Some(h));
        // Only whitespace, or out of the text: no quote.
        assert_eq!(Quote::of("t1", Field::Text, "甲  乙", 1..3), None);
        assert_eq!(Quote::of("t1", Field::Text, "甲乙", 1..3), None);
    }

    #[test]
    fn an_edited_text_or_a_garbled_link_finds_nothing() {
        let text = "光伏扶贫向深度贫困倾斜";
        let q = Quote::of("t2-b1", Field::Text, text, 0..4).unwrap();
        assert_eq!(q.in_text("光伏发电向深度贫困倾斜"), None);
        assert_eq!(q.in_text("光伏"), None);
        assert_eq!(q.in_text(""), None);
        for bad in [
            "",
            "t2-b1",
            "t2-b1.0-4",
            "t2-b1.4-0.00000000",
            "t2-b1.3-3.00000000",
            "t2-b1.0-4.0000000",
            "t2-b1.0-4.0000000G",
            "t2-b1.0-4.00000000.x",
            "t2 b1.0-4.00000000",
            "t2-b1.t0-4.00000000",
            "t2-b1.x0-4.00000000",
            "t2-b1.0-9999999999.00000000",
            "t2-b1.-4.00000000",
            "t2-b1.h.00000000",
            "t2-b1.0-+4.00000000",
            "t2-b1.é0-4.00000000",
        ] {
            assert_eq!(Quote::parse(bad), None, "{bad}");
        }
    }
}

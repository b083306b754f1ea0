//! Blocks inside a speech: `——` sections with a lead sentence, the outline
//! `一、` > `(一)` > `1、`, enumerations `一是…`, lead-unit notes
//! `(牵头单位:省直工委)`, captions and timestamps.

use super::lines;
use crate::chars::{count_upto, digit, is_cn_numeral, is_sentence_end};
use crate::model::BlockKind;
pub use crate::notes::split_note;

/// A block's content before it gets its id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parts {
    pub kind: BlockKind,
    pub level: u8,
    pub marker: Option<String>,
    pub heading: Option<String>,
    pub text: String,
    pub note: Option<String>,
    pub lead_unit: Option<String>,
}

impl Parts {
    pub fn plain(kind: BlockKind, text: &str) -> Parts {
        Parts {
            kind,
            level: 0,
            marker: None,
            heading: None,
            text: text.to_string(),
            note: None,
            lead_unit: None,
        }
    }
}

/// Marker styles, in no particular order: levels come from the order in
/// which a speech uses them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// `——聚焦攻坚重点。`
    Dash,
    /// `一、`
    CnComma,
    /// `(一)`
    CnParen,
    /// `1、`, `1.`
    Arabic,
    /// `(1)`
    ArabicParen,
    /// `一是`
    Shi,
    /// `第一,`
    Di,
}

/// The outline state of one speech: the stack of styles seen.
#[derive(Debug, Default)]
pub struct Outline {
    stack: Vec<Style>,
}

impl Outline {
    fn level(&mut self, style: Style) -> u8 {
        if let Some(i) = self.stack.iter().position(|s| *s == style) {
            self.stack.truncate(i + 1);
        } else {
            self.stack.push(style);
        }
        self.stack.len().min(u8::MAX as usize) as u8
    }
}

/// Lead sentences longer than this are not headings.
const MAX_HEADING: usize = 40;

/// Classifies one line of a speech.
pub fn classify(text: &str, outline: &mut Outline) -> Parts {
    if lines::timestamp(text).is_some() {
        return Parts::plain(BlockKind::Timestamp, text);
    }
    if lines::is_caption(text) {
        return Parts::plain(BlockKind::Caption, text);
    }
    let Some((style, marker_len)) = marker(text) else {
        let mut p = Parts::plain(BlockKind::Paragraph, text);
        take_note(&mut p);
        return p;
    };
    let marker = &text[..marker_len];
    let rest = text[marker_len..].trim_start();
    let level = outline.level(style);
    let (body, note, lead_unit) = split_note(rest);
    let (kind, heading, body) = match lead_sentence(body) {
        // `(一)政府主导。坚持…`
        Some(end) => {
            let kind = if style == Style::Dash {
                BlockKind::Section
            } else {
                BlockKind::Item
            };
            (
                kind,
                Some(body[..end].to_string()),
                body[end..].trim_start(),
            )
        }
        // `一、活动宗旨`: a heading line.
        None if count_upto(body, MAX_HEADING) <= MAX_HEADING && note.is_none() => {
            let kind = if style == Style::Dash {
                BlockKind::Section
            } else {
                BlockKind::Heading
            };
            (kind, Some(body.to_string()), "")
        }
        None => {
            let kind = if style == Style::Dash {
                BlockKind::Section
            } else {
                BlockKind::Item
            };
            (kind, None, body)
        }
    };
    Parts {
        kind,
        level,
        marker: Some(marker.to_string()),
        heading: heading.filter(|h| !h.is_empty()),
        text: body.to_string(),
        note,
        lead_unit,
    }
}

/// The end (byte offset, inclusive of the punctuation) of a short lead
/// sentence at the start of `s`.
fn lead_sentence(s: &str) -> Option<usize> {
    let (i, c) = s
        .char_indices()
        .take(MAX_HEADING + 1)
        .find(|&(_, c)| is_sentence_end(c))?;
    Some(i + c.len_utf8())
}

/// Moves a trailing lead-unit note of a paragraph into `note`.
fn take_note(p: &mut Parts) {
    let (body, note, lead) = split_note(&p.text);
    if note.is_some() {
        p.text = body.to_string();
        p.note = note;
        p.lead_unit = lead;
    }
}

/// The marker at the start of a line and its length in bytes.
pub fn marker(s: &str) -> Option<(Style, usize)> {
    let mut chars = s.char_indices().peekable();
    let (_, first) = *chars.peek()?;
    // `——`
    if let Some(rest) = s.strip_prefix("——") {
        return (!rest.trim().is_empty()).then_some((Style::Dash, "——".len()));
    }
    // `(一)`, `(1)`
    if matches!(first, '(' | '\u{FF08}') {
        let close = s
            .char_indices()
            .take(6)
            .find(|&(_, c)| matches!(c, ')' | '\u{FF09}'))?;
        let inner = &s[first.len_utf8()..close.0];
        let end = close.0 + close.1.len_utf8();
        if s[end..].trim().is_empty() {
            return None;
        }
        if !inner.is_empty() && inner.chars().all(is_cn_numeral) {
            return Some((Style::CnParen, end));
        }
        if !inner.is_empty()
            && inner.chars().count() <= 2
            && inner.chars().all(|c| digit(c).is_some())
        {
            return Some((Style::ArabicParen, end));
        }
        return None;
    }
    // `第一,`
    if let Some(rest) = s.strip_prefix('第') {
        let n: usize = rest
            .chars()
            .take_while(|&c| is_cn_numeral(c))
            .map(char::len_utf8)
            .sum();
        if (1..=6).contains(&n) {
            let c = rest[n..].chars().next()?;
            if matches!(c, ',' | '\u{FF0C}' | '、') {
                return Some((Style::Di, '第'.len_utf8() + n + c.len_utf8()));
            }
        }
        return None;
    }
    // `一、`, `一是`
    if is_cn_numeral(first) {
        let n: usize = s
            .chars()
            .take_while(|&c| is_cn_numeral(c))
            .take(3)
            .map(char::len_utf8)
            .sum();
        let c = s[n..].chars().next()?;
        if s[n + c.len_utf8()..].trim().is_empty() {
            return None;
        }
        return match c {
            '、' => Some((Style::CnComma, n + c.len_utf8())),
            '是' => Some((Style::Shi, n + c.len_utf8())),
            _ => None,
        };
    }
    // `1、`, `1.` (not `10.17`)
    if digit(first).is_some() {
        let n: usize = s
            .chars()
            .take_while(|&c| digit(c).is_some())
            .take(3)
            .map(char::len_utf8)
            .sum();
        if n > 6 {
            return None;
        }
        let mut after = s[n..].chars();
        let c = after.next()?;
        let next = after.next();
        let ok = match c {
            '、' => true,
            '.' | '\u{FF0E}' => next.is_some_and(|d| digit(d).is_none()),
            _ => false,
        };
        if ok && !s[n + c.len_utf8()..].trim().is_empty() {
            return Some((Style::Arabic, n + c.len_utf8()));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_outline() {
        let mut o = Outline::default();
        let p = classify("一、活动宗旨", &mut o);
        assert_eq!((p.kind, p.level), (BlockKind::Heading, 1));
        assert_eq!(p.marker.as_deref(), Some("一、"));
        assert_eq!(p.heading.as_deref(), Some("活动宗旨"));
        assert_eq!(p.text, "");
        let p = classify(
            "(一)政府主导。坚持党委、政府在脱贫攻坚中的主导作用。",
            &mut o,
        );
        assert_eq!((p.kind, p.level), (BlockKind::Item, 2));
        assert_eq!(p.heading.as_deref(), Some("政府主导。"));
        assert_eq!(p.text, "坚持党委、政府在脱贫攻坚中的主导作用。");
        let p = classify(
            "3、企业合作帮扶。组织省属国有企业。(牵头单位:省国资委、省工商联)",
            &mut o,
        );
        assert_eq!((p.kind, p.level), (BlockKind::Item, 3));
        assert_eq!(p.note.as_deref(), Some("(牵头单位:省国资委、省工商联)"));
        assert_eq!(p.lead_unit.as_deref(), Some("省国资委、省工商联"));
        assert_eq!(p.text, "组织省属国有企业。");
        let p = classify("二、基本原则", &mut o);
        assert_eq!(p.level, 1);
        let p = classify("——聚焦攻坚重点。总书记指出:“要…”", &mut o);
        assert_eq!(p.kind, BlockKind::Section);
        assert_eq!(p.heading.as_deref(), Some("聚焦攻坚重点。"));
    }

    #[test]
    fn enumerations() {
        let mut o = Outline::default();
        let p = classify("一是进一步夯实基础工作。在今后的工作中", &mut o);
        assert_eq!(p.marker.as_deref(), Some("一是"));
        assert_eq!(p.kind, BlockKind::Item);
        assert_eq!(p.level, 1);
        assert_eq!(p.heading.as_deref(), Some("进一步夯实基础工作。"));
    }

    #[test]
    fn not_markers() {
        for s in [
            "10.17前,召开",
            "2016年,我省",
            "3.59亿元",
            "一方水土",
            "(牵头单位:省直工委)",
            "一、",
            "——",
            "第一次",
        ] {
            assert!(marker(s).is_none(), "{s}");
        }
        assert!(marker("1. 开展").is_some());
        assert!(marker("(1)开展").is_some());
        assert!(marker("第一,开展").is_some());
    }

    #[test]
    fn paragraph_note() {
        let mut o = Outline::default();
        let p = classify(
            "向全省手机用户发送宣传短信。(牵头单位:省通信管理局)",
            &mut o,
        );
        assert_eq!(p.kind, BlockKind::Paragraph);
        assert_eq!(p.lead_unit.as_deref(), Some("省通信管理局"));
    }
}

//! What dates are resolved against: the reference date (the conference's)
//! and the named days, the built-in ones and those the document defines.

use super::calendar::Date;
use super::find;
use super::scan::{starts_with, MD_SEPS};
use crate::chars::digit;
use crate::model::{Block, Document};
use std::borrow::Cow;

/// What dates are resolved against: the reference date and the named days.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateContext {
    /// The conference date. Without one, only phrases with an explicit
    /// four-digit year resolve.
    pub reference: Option<Date>,
    /// Named days (name, month, day); the document's own first.
    pub(super) named_days: Vec<(String, u32, u32)>,
    /// The first characters of the named days, for a quick test.
    pub(super) first_chars: Vec<char>,
    /// The characters a date expression may start with (digits, `今`, `年`,
    /// `一`…, the named days' first characters), as a bitmap over `c % 1024`:
    /// the scanner tests every character, and most are none of these.
    pub(super) triggers: [u64; 16],
}

/// Named days every reader of these transcripts knows. The document's own
/// statement (`10月17日是全国扶贫日`) takes precedence.
pub(super) const BUILTIN_NAMED_DAYS: &[(&str, u32, u32)] = &[
    ("全国扶贫日", 10, 17),
    ("扶贫日", 10, 17),
    ("国庆节", 10, 1),
    ("元旦", 1, 1),
    ("植树节", 3, 12),
    ("劳动节", 5, 1),
];

impl DateContext {
    /// A context with this reference date and the built-in named days.
    pub fn new(reference: Option<Date>) -> Self {
        let mut ctx = DateContext {
            reference,
            named_days: Vec::new(),
            first_chars: Vec::new(),
            triggers: [0; 16],
        };
        ctx.set_named_days(
            BUILTIN_NAMED_DAYS
                .iter()
                .map(|&(n, m, d)| (n.to_string(), m, d))
                .collect(),
        );
        ctx
    }

    pub(super) fn set_named_days(&mut self, days: Vec<(String, u32, u32)>) {
        self.first_chars = days
            .iter()
            .filter_map(|(n, _, _)| n.chars().next())
            .collect();
        self.first_chars.sort_unstable();
        self.first_chars.dedup();
        self.triggers = [0; 16];
        let always = ('0'..='9')
            .chain('０'..='９')
            .chain("今明去年上下十〇零О一二两三四五六七八九".chars());
        for c in always.chain(self.first_chars.iter().copied()) {
            let b = c as usize % 1024;
            self.triggers[b / 64] |= 1 << (b % 64);
        }
        self.named_days = days;
    }

    /// The context for a document: its conference date (`meta.date`, else the
    /// publication stamp's date) and the named days it defines itself.
    pub fn from_document(doc: &Document) -> Self {
        let reference = doc
            .meta
            .date
            .as_deref()
            .and_then(Date::parse_iso)
            .or_else(|| doc.meta.published.as_deref().and_then(Date::parse_iso));
        let mut ctx = DateContext::new(reference);
        let mut learned: Vec<(String, u32, u32)> = Vec::new();
        for block in doc.blocks() {
            let text = full_text(block);
            for e in naming_windows(&text)
                .into_iter()
                .flat_map(|w| find(w, &ctx))
            {
                if let Some(name) = &e.named_day {
                    let (m, d) = (e.start.month, e.start.day);
                    let mut names = vec![name.clone()];
                    if let Some(rest) = strip_scope(name) {
                        names.push(rest.to_string());
                    }
                    for n in names {
                        if !learned.iter().any(|(l, _, _)| *l == n) {
                            learned.push((n, m, d));
                        }
                    }
                }
            }
        }
        learned.append(&mut ctx.named_days);
        ctx.set_named_days(learned);
        ctx
    }

    /// Whether a date expression may start with `c` (false: surely not).
    pub(super) fn may_start(&self, c: char) -> bool {
        let b = c as usize % 1024;
        self.triggers[b / 64] & 1 << (b % 64) != 0
    }

    /// The month and day of a named day.
    pub fn named_day(&self, name: &str) -> Option<(u32, u32)> {
        self.named_days
            .iter()
            .find(|(n, _, _)| n == name)
            .map(|&(_, m, d)| (m, d))
    }

    /// The longest named day written at `chars[i..]`, with its length in chars.
    pub(super) fn named_day_at(&self, chars: &[char], i: usize) -> Option<(usize, u32, u32)> {
        self.named_days
            .iter()
            .filter(|(n, _, _)| starts_with(chars, i, n))
            .map(|(n, m, d)| (n.chars().count(), *m, *d))
            // The first of the longest: the document's own beat the table.
            .fold(None, |best: Option<(usize, u32, u32)>, x| match best {
                Some(b) if b.0 >= x.0 => Some(b),
                _ => Some(x),
            })
    }
}

/// Short windows of a text around where a named day may be defined
/// (`10月17日是…`, `10.17…`), so that learning named days does not scan
/// every block in full: from 8 chars before a hit to 12 chars after it,
/// overlapping windows merged. A hit is `是` after `日`, or a month/day
/// separator between digits. Windows without `日` or `节` are left out: a
/// named day (`…日`, `…节`) cannot come out of them.
pub(super) fn naming_windows(text: &str) -> Vec<&str> {
    let b = text.as_bytes();
    let mut windows: Vec<(usize, usize)> = Vec::new();
    // Most blocks have no hit, or no 日/节: tell by substring searches (SIMD
    // or memchr) before the byte loop.
    let named = text.contains("日") || text.contains("节");
    let hit = text.contains("日是")
        || b.contains(&b'.')
        || MD_SEPS[1..]
            .iter()
            .any(|&c| text.contains(c.encode_utf8(&mut [0; 4]) as &str));
    if !(named && hit) {
        return Vec::new();
    }
    // One byte scan for the last byte of `是` and of each separator.
    for (j, &x) in b.iter().enumerate() {
        if !matches!(x, b'.' | 0xAF | 0xB7 | 0xBB | 0x8E | 0xA2) || !text.is_char_boundary(j + 1) {
            continue;
        }
        let Some(c) = text[..=j].chars().next_back() else {
            continue;
        };
        let o = j + 1 - c.len_utf8();
        let prev = text[..o].chars().next_back();
        let hit = if c == '是' {
            prev == Some('日')
        } else {
            MD_SEPS.contains(&c)
                && prev.and_then(digit).is_some()
                && text[j + 1..].chars().next().and_then(digit).is_some()
        };
        if !hit {
            continue;
        }
        let from = text[..o].char_indices().rev().nth(7).map_or(0, |(f, _)| f);
        let to = text[o..]
            .char_indices()
            .nth(12)
            .map_or(text.len(), |(r, _)| o + r);
        match windows.last_mut() {
            Some(last) if from <= last.1 => last.1 = to,
            _ => windows.push((from, to)),
        }
    }
    windows
        .into_iter()
        .map(|(a, b)| &text[a..b])
        .filter(|w| w.contains(['日', '节']))
        .collect()
}

/// A block's text as [`Block::full_text`] gives it (marker, heading, text,
/// note), borrowed when it is the text alone, else built in one allocation.
pub(crate) fn full_text(block: &Block) -> Cow<'_, str> {
    let parts = [&block.marker, &block.heading, &block.note];
    if parts.iter().all(|p| p.is_none()) {
        return Cow::Borrowed(&block.text);
    }
    let len = parts
        .iter()
        .filter_map(|p| p.as_ref())
        .map(String::len)
        .sum::<usize>();
    let mut s = String::with_capacity(len + block.text.len());
    for part in [&block.marker, &block.heading].into_iter().flatten() {
        s.push_str(part);
    }
    s.push_str(&block.text);
    if let Some(n) = &block.note {
        s.push_str(n);
    }
    Cow::Owned(s)
}

/// `全国扶贫日` → `扶贫日`.
pub(super) fn strip_scope(name: &str) -> Option<&str> {
    ["全国", "国际", "世界", "中国"]
        .iter()
        .find_map(|p| name.strip_prefix(p))
        .filter(|r| r.chars().count() >= 2)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::resolve;

    #[test]
    fn named_days_are_learned_from_the_document() {
        let mut doc = Document::default();
        doc.meta.date = Some("2019-05-01".into());
        let para = |t: &str| crate::model::Block {
            id: "f1".into(),
            kind: crate::model::BlockKind::Paragraph,
            level: 0,
            marker: None,
            heading: None,
            text: t.into(),
            note: None,
            lead_unit: None,
        };
        doc.front = vec![para("5月19日是全国助残日。助残日活动结束后3日内报送。")];
        let ctx = DateContext::from_document(&doc);
        assert_eq!(ctx.named_day("全国助残日"), Some((5, 19)));
        assert_eq!(ctx.named_day("助残日"), Some((5, 19)));
        let e = resolve("助残日活动结束后3日内", &ctx).unwrap();
        assert_eq!(
            (e.start_iso(), e.end_iso().unwrap()),
            ("2019-05-20".into(), "2019-05-22".into())
        );
        // Written as month.day before the name, too.
        doc.front = vec![para("迎来“5·19”助残日。")];
        assert_eq!(
            DateContext::from_document(&doc).named_day("助残日"),
            Some((5, 19))
        );
    }
}

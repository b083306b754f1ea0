//! Scanning text for dates: what a match holds before it is resolved
//! ([`Match`], [`What`]), and reading characters, digits and numbers.

use crate::chars::digit;

/// An unresolved match: what was written, as numbers.
#[derive(Debug, Clone)]
pub(super) struct Match {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) what: What,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Year {
    Explicit(i32),
    /// Offset from the reference year: 今年 0, 明年 1, 去年 -1.
    Relative(i32),
    /// Not written: the reference year (maybe the next, see `forward`).
    Implied,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum What {
    /// A whole year, or a span of years.
    Years(Year, Option<i32>),
    /// Part of a year: months `from..=to` (whole months), approximate or range.
    YearPart { year: Year, kind: YearPart },
    Month {
        year: Year,
        month: u32,
        to_month: Option<u32>,
        /// Resolved day within the month for 底 (last) and 初 (first), or a
        /// 旬 range.
        sub: MonthSub,
        forward: bool,
    },
    Day {
        year: Year,
        month: u32,
        day: u32,
        /// End of a range: (month, day).
        to: Option<(u32, u32)>,
        part: Option<String>,
        /// Written with 前 (a deadline).
        deadline: bool,
        /// Written with 前/起: looks forward from the conference.
        forward: bool,
        named: Option<String>,
        /// `…后N日内` after the day: (days, within).
        after: Option<(i64, bool)>,
    },
    /// `扶贫日活动结束后5日内`.
    NamedRelative {
        month: u32,
        day: u32,
        days: i64,
        within: bool,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum YearPart {
    Early,
    End,
    FirstHalf,
    SecondHalf,
    Quarter(u32),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum MonthSub {
    Whole,
    End,
    Early,
    Dekad(u32),
}

pub(super) struct Scan<'a> {
    pub(super) text: &'a str,
    pub(super) chars: Vec<char>,
    /// A char index and its byte offset, where the last offset was asked
    /// for: matches come in reading order, so offsets are walked to, not
    /// stored for every char.
    pub(super) cursor: std::cell::Cell<(usize, usize)>,
}

pub(super) const DASHES: &[char] = &['—', '–', '－', '-', '~', '～', '〜', '至', '到'];
pub(super) const PARTS_OF_DAY: &[&str] = &[
    "上午", "下午", "中午", "晚上", "晚间", "傍晚", "早上", "凌晨", "夜间", "全天", "晚",
];
pub(super) const MD_SEPS: &[char] = &['.', '·', '・', '．', '•'];
pub(super) const CLOSE_QUOTES: &[char] = &['”', '’', '"', '」', '』', '\''];
pub(super) const OPEN_QUOTES: &[char] = &['“', '‘', '"', '「', '『', '\''];

pub(super) fn cn_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '零' | 'О' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

pub(crate) fn is_punct(c: char) -> bool {
    matches!(
        c,
        ',' | '，'
            | '。'
            | '、'
            | ';'
            | '；'
            | ':'
            | '：'
            | '!'
            | '！'
            | '?'
            | '？'
            | '('
            | ')'
            | '（'
            | '）'
            | '《'
            | '》'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '"'
            | '\''
            | '【'
            | '】'
            | '「'
            | '」'
            | '.'
    )
}

pub(super) fn starts_with(chars: &[char], i: usize, s: &str) -> bool {
    s.chars()
        .enumerate()
        .all(|(k, c)| chars.get(i + k) == Some(&c))
}

impl<'a> Scan<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        // Mostly CJK: three bytes a char.
        let mut chars = Vec::with_capacity(text.len() / 3 + 1);
        chars.extend(text.chars());
        Scan {
            text,
            chars,
            cursor: std::cell::Cell::new((0, 0)),
        }
    }

    /// The byte offset of char `i` (the text length for the end).
    pub(super) fn offset(&self, i: usize) -> usize {
        let (ci, bo) = self.cursor.get();
        let bytes = |r: std::ops::Range<usize>| -> usize {
            self.chars[r].iter().map(|c| c.len_utf8()).sum()
        };
        let o = if i >= ci {
            bo + bytes(ci..i)
        } else {
            bo - bytes(i..ci)
        };
        self.cursor.set((i, o));
        o
    }

    pub(super) fn c(&self, i: usize) -> Option<char> {
        self.chars.get(i).copied()
    }

    pub(super) fn is(&self, i: usize, s: &str) -> bool {
        starts_with(&self.chars, i, s)
    }

    /// The first of `options` written at `i`, with its length in chars.
    pub(super) fn one_of(
        &self,
        i: usize,
        options: &[&'static str],
    ) -> Option<(&'static str, usize)> {
        options
            .iter()
            .find(|o| self.is(i, o))
            .map(|o| (*o, o.chars().count()))
    }

    pub(super) fn digit_before(&self, i: usize) -> bool {
        i > 0
            && self
                .c(i - 1)
                .is_some_and(|c| digit(c).is_some() || MD_SEPS.contains(&c) || c == '%')
    }

    /// Arabic digits at `i`: (value, count, next). At most `max` digits, and
    /// the run must end there.
    pub(super) fn arabic(&self, i: usize, max: usize) -> Option<(u32, usize, usize)> {
        let mut v: u32 = 0;
        let mut k = i;
        while let Some(d) = self.c(k).and_then(digit) {
            if k - i == max {
                return None;
            }
            v = v * 10 + d;
            k += 1;
        }
        (k > i).then_some((v, k - i, k))
    }

    /// A small Chinese numeral 1..=99 at `i` (`五`, `十七`, `二十一`).
    pub(super) fn cn_small(&self, i: usize) -> Option<(u32, usize)> {
        let c0 = self.c(i)?;
        if c0 == '十' {
            return match self.c(i + 1).and_then(cn_digit) {
                Some(d) if d > 0 => Some((10 + d, i + 2)),
                _ => Some((10, i + 1)),
            };
        }
        let d0 = cn_digit(c0).filter(|&d| d > 0)?;
        if self.c(i + 1) == Some('十') {
            return match self.c(i + 2).and_then(cn_digit) {
                Some(d) if d > 0 => Some((d0 * 10 + d, i + 3)),
                _ => Some((d0 * 10, i + 2)),
            };
        }
        Some((d0, i + 1))
    }

    /// A day/month number: Arabic (1–2 digits) or Chinese.
    pub(super) fn small_num(&self, i: usize, allow_cn: bool) -> Option<(u32, usize, bool)> {
        if let Some((v, _, k)) = self.arabic(i, 2) {
            return Some((v, k, false));
        }
        if allow_cn {
            return self.cn_small(i).map(|(v, k)| (v, k, true));
        }
        None
    }

    pub(super) fn skip_spaces(&self, mut i: usize, max: usize) -> usize {
        let start = i;
        while i - start < max && self.c(i).is_some_and(|c| c == ' ' || c == '\u{3000}') {
            i += 1;
        }
        i
    }
}

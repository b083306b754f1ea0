//! Chinese date expressions: finding them in text and resolving them to the
//! calendar against a reference date (the conference's own date).
//!
//! Everything is hand-scanned (no regex crate, to keep the wasm small). The
//! year of a phrase without one (`6月21日`, `年初`, `今年`) always comes from the
//! reference date, which comes from the document ([`DateContext::from_document`]),
//! never from a constant.
//!
//! Resolution conventions (see the tests for every form):
//!
//! | written | start | end | precision |
//! | --- | --- | --- | --- |
//! | `6月21日`, `12月1日起` | that day | – | day |
//! | `10月17日上午`, `10月17日晚` | that day | – | part of day (+ `part_of_day`) |
//! | `8月`, `9月份` | 1st of month | last of month | month |
//! | `9月4日至5日`, `9—10月份` | first day | last day | range |
//! | `明年上半年`, `今年` (whole year) | first day | last day | range |
//! | `8月底`, `到9月底`, `2019年底前`, `年底` | last day of the month/year | – | approximate |
//! | `年初` | 1 January | – | approximate |
//! | `10.17前`, `2025年1月15日前` | the day named (the deadline) | – | approximate |
//! | `扶贫日活动结束后5日内` | anchor + 1 | anchor + 5 | range |
//!
//! A month/day written without a year takes the reference year; only a
//! forward-looking phrase (`…前`, `…起`) that would then lie more than 60 days
//! before the reference date is moved to the next year (`3月底前` said in
//! November means next March).

use std::ops::Range;

use std::borrow::Cow;

use crate::chars::{digit, is_han};
use crate::model::{Block, Document, Precision};

/// A proleptic Gregorian calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// A valid date, or `None`.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        if (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month) {
            Some(Date { year, month, day })
        } else {
            None
        }
    }

    /// Parses the date part of an ISO 8601 string: `2017-10-12`, `2017-10-13T14:57`.
    pub fn parse_iso(s: &str) -> Option<Date> {
        let s = s.trim();
        let b = s.as_bytes();
        if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let y = s.get(0..4)?.parse().ok()?;
        let m = s.get(5..7)?.parse().ok()?;
        let d = s.get(8..10)?.parse().ok()?;
        Date::new(y, m, d)
    }

    /// Exactly `YYYY-MM-DD`, a day that exists (`2017-02-31` is not one):
    /// the form a date takes in a URL or between the app's modules.
    pub fn from_iso(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        if !(digits(0..4) && digits(5..7) && digits(8..10)) {
            return None;
        }
        Date::parse_iso(s)
    }

    /// `YYYY-MM-DD`.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// `YYYYMMDD`, as iCalendar's DATE value.
    pub fn basic(&self) -> String {
        format!("{:04}{:02}{:02}", self.year, self.month, self.day)
    }

    /// The last day of a month.
    pub fn last_of_month(year: i32, month: u32) -> Date {
        Date {
            year,
            month,
            day: days_in_month(year, month),
        }
    }

    /// Days since 1970-01-01.
    pub fn to_days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days since 1970-01-01.
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// This date moved by `n` days.
    pub fn add_days(self, n: i64) -> Date {
        Date::from_days(self.to_days() + n)
    }
}

/// Number of days in a month.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// A date expression found in text and resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateExpr {
    /// Byte range of [`phrase`](Self::phrase) in the scanned text.
    pub span: Range<usize>,
    /// The phrase as written, e.g. `到9月底`, `10月17日上午`.
    pub phrase: String,
    pub start: Date,
    /// The last day, for months and ranges.
    pub end: Option<Date>,
    pub precision: Precision,
    /// `上午`, `下午`, `晚` … as written.
    pub part_of_day: Option<String>,
    /// A whole year and nothing finer (`今年`, `2016年`): real dates, but too
    /// coarse to be an event.
    pub year_only: bool,
    /// The named day this phrase denotes, e.g. `全国扶贫日` in
    /// `10月17日是全国扶贫日` or `“10·17”扶贫日`.
    pub named_day: Option<String>,
}

impl DateExpr {
    pub fn start_iso(&self) -> String {
        self.start.iso()
    }

    pub fn end_iso(&self) -> Option<String> {
        self.end.map(|d| d.iso())
    }

    /// The last day the expression covers.
    pub fn last(&self) -> Date {
        self.end.unwrap_or(self.start)
    }
}

/// What dates are resolved against: the reference date and the named days.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateContext {
    /// The conference date. Without one, only phrases with an explicit
    /// four-digit year resolve.
    pub reference: Option<Date>,
    /// Named days (name, month, day); the document's own first.
    named_days: Vec<(String, u32, u32)>,
    /// The first characters of the named days, for a quick test.
    first_chars: Vec<char>,
    /// The characters a date expression may start with (digits, `今`, `年`,
    /// `一`…, the named days' first characters), as a bitmap over `c % 1024`:
    /// the scanner tests every character, and most are none of these.
    triggers: [u64; 16],
}

/// Named days every reader of these transcripts knows. The document's own
/// statement (`10月17日是全国扶贫日`) takes precedence.
const BUILTIN_NAMED_DAYS: &[(&str, u32, u32)] = &[
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

    fn set_named_days(&mut self, days: Vec<(String, u32, u32)>) {
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
    fn may_start(&self, c: char) -> bool {
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
    fn named_day_at(&self, chars: &[char], i: usize) -> Option<(usize, u32, u32)> {
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
fn naming_windows(text: &str) -> Vec<&str> {
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
fn strip_scope(name: &str) -> Option<&str> {
    ["全国", "国际", "世界", "中国"]
        .iter()
        .find_map(|p| name.strip_prefix(p))
        .filter(|r| r.chars().count() >= 2)
}

/// Finds and resolves every date expression in `text`, in order.
pub fn find(text: &str, ctx: &DateContext) -> Vec<DateExpr> {
    let s = Scan::new(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.chars.len() {
        if !ctx.may_start(s.chars[i]) {
            i += 1;
            continue;
        }
        match s.at(i, ctx) {
            Some(m) => {
                let start = s.extend_prefix(m.start);
                i = m.end.max(i + 1);
                out.extend(s.finish(start, m, ctx));
            }
            None => i += 1,
        }
    }
    out
}

/// Resolves a phrase that is one date expression as a whole (surrounding
/// whitespace and punctuation aside); for tests and callers holding a phrase.
pub fn resolve(phrase: &str, ctx: &DateContext) -> Option<DateExpr> {
    let found = find(phrase, ctx);
    let e = found.into_iter().next()?;
    let rest: String = phrase[..e.span.start]
        .chars()
        .chain(phrase[e.span.end..].chars())
        .filter(|c| !c.is_whitespace() && !is_punct(*c))
        .collect();
    rest.is_empty().then_some(e)
}

// ---------------------------------------------------------------------------
// Scanning

/// An unresolved match: what was written, as numbers.
#[derive(Debug, Clone)]
struct Match {
    start: usize,
    end: usize,
    what: What,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Year {
    Explicit(i32),
    /// Offset from the reference year: 今年 0, 明年 1, 去年 -1.
    Relative(i32),
    /// Not written: the reference year (maybe the next, see `forward`).
    Implied,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum What {
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
enum YearPart {
    Early,
    End,
    FirstHalf,
    SecondHalf,
    Quarter(u32),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MonthSub {
    Whole,
    End,
    Early,
    Dekad(u32),
}

struct Scan<'a> {
    text: &'a str,
    chars: Vec<char>,
    /// A char index and its byte offset, where the last offset was asked
    /// for: matches come in reading order, so offsets are walked to, not
    /// stored for every char.
    cursor: std::cell::Cell<(usize, usize)>,
}

const DASHES: &[char] = &['—', '–', '－', '-', '~', '～', '〜', '至', '到'];
const PARTS_OF_DAY: &[&str] = &[
    "上午", "下午", "中午", "晚上", "晚间", "傍晚", "早上", "凌晨", "夜间", "全天", "晚",
];
const MD_SEPS: &[char] = &['.', '·', '・', '．', '•'];
const CLOSE_QUOTES: &[char] = &['”', '’', '"', '」', '』', '\''];
const OPEN_QUOTES: &[char] = &['“', '‘', '"', '「', '『', '\''];

fn cn_digit(c: char) -> Option<u32> {
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

fn starts_with(chars: &[char], i: usize, s: &str) -> bool {
    s.chars()
        .enumerate()
        .all(|(k, c)| chars.get(i + k) == Some(&c))
}

impl<'a> Scan<'a> {
    fn new(text: &'a str) -> Self {
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
    fn offset(&self, i: usize) -> usize {
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

    fn c(&self, i: usize) -> Option<char> {
        self.chars.get(i).copied()
    }

    fn is(&self, i: usize, s: &str) -> bool {
        starts_with(&self.chars, i, s)
    }

    /// The first of `options` written at `i`, with its length in chars.
    fn one_of(&self, i: usize, options: &[&'static str]) -> Option<(&'static str, usize)> {
        options
            .iter()
            .find(|o| self.is(i, o))
            .map(|o| (*o, o.chars().count()))
    }

    fn digit_before(&self, i: usize) -> bool {
        i > 0
            && self
                .c(i - 1)
                .is_some_and(|c| digit(c).is_some() || MD_SEPS.contains(&c) || c == '%')
    }

    /// Arabic digits at `i`: (value, count, next). At most `max` digits, and
    /// the run must end there.
    fn arabic(&self, i: usize, max: usize) -> Option<(u32, usize, usize)> {
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
    fn cn_small(&self, i: usize) -> Option<(u32, usize)> {
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
    fn small_num(&self, i: usize, allow_cn: bool) -> Option<(u32, usize, bool)> {
        if let Some((v, _, k)) = self.arabic(i, 2) {
            return Some((v, k, false));
        }
        if allow_cn {
            return self.cn_small(i).map(|(v, k)| (v, k, true));
        }
        None
    }

    fn skip_spaces(&self, mut i: usize, max: usize) -> usize {
        let start = i;
        while i - start < max && self.c(i).is_some_and(|c| c == ' ' || c == '\u{3000}') {
            i += 1;
        }
        i
    }

    /// Tries every form at `i`.
    fn at(&self, i: usize, ctx: &DateContext) -> Option<Match> {
        let c = self.c(i)?;
        if digit(c).is_some() {
            if self.digit_before(i) {
                return None;
            }
            return self
                .year_form(i)
                .or_else(|| self.md_form(i))
                .or_else(|| self.month_form(i, Year::Implied, i, false));
        }
        // Cheap dispatch on the first character: this runs at every position.
        if matches!(c, '今' | '明' | '去') {
            if let Some(m) = self.relative_year(i) {
                return Some(m);
            }
        }
        if matches!(c, '年' | '上' | '下') {
            if let Some(m) = self.bare_year_part(i) {
                return Some(m);
            }
        }
        if ctx.first_chars.contains(&c) {
            if let Some(m) = self.named_relative(i, ctx) {
                return Some(m);
            }
        }
        if cn_digit(c).is_some() || c == '十' {
            if i > 0
                && self
                    .c(i - 1)
                    .is_some_and(|p| cn_digit(p).is_some() || p == '第')
            {
                return None;
            }
            return self
                .cn_year(i)
                .or_else(|| self.month_form(i, Year::Implied, i, true));
        }
        None
    }

    /// `2017年…`, `2017 年`, `2017—2019年`.
    fn year_form(&self, i: usize) -> Option<Match> {
        let (y, n, k) = self.arabic(i, 4)?;
        if n != 4 || !(1900..=2100).contains(&y) {
            return None;
        }
        // A span of years: 2017—2019年.
        if let Some(d) = self.c(k).filter(|c| DASHES.contains(c)) {
            let _ = d;
            if let Some((y2, 4, k2)) = self.arabic(k + 1, 4) {
                let j = self.skip_spaces(k2, 2);
                if self.c(j) == Some('年') && y2 > y && y2 <= 2100 {
                    return Some(Match {
                        start: i,
                        end: j + 1,
                        what: What::Years(Year::Explicit(y as i32), Some(y2 as i32)),
                    });
                }
            }
        }
        let j = self.skip_spaces(k, 2);
        if self.c(j) != Some('年') {
            return None;
        }
        Some(self.after_year(i, j + 1, Year::Explicit(y as i32)))
    }

    /// `二〇一七年`.
    fn cn_year(&self, i: usize) -> Option<Match> {
        let mut y = 0u32;
        for k in 0..4 {
            let c = self.c(i + k)?;
            if c == '两' {
                return None;
            }
            y = y * 10 + cn_digit(c)?;
        }
        if self.c(i + 4) != Some('年') || !(1900..=2100).contains(&y) {
            return None;
        }
        Some(self.after_year(i, i + 5, Year::Explicit(y as i32)))
    }

    /// `今年`, `明年`, `去年` (and what follows).
    fn relative_year(&self, i: usize) -> Option<Match> {
        let (w, _) = self.one_of(i, &["今年", "明年", "去年"])?;
        let off = match w {
            "今年" => 0,
            "明年" => 1,
            _ => -1,
        };
        Some(self.after_year(i, i + 2, Year::Relative(off)))
    }

    /// What may follow a year: 初, 底(前), 上半年, a month…; else the whole year.
    fn after_year(&self, start: usize, j: usize, year: Year) -> Match {
        if let Some(m) = self.year_part_at(start, j, year) {
            return m;
        }
        if let Some(m) = self.month_form(j, year, start, true) {
            return m;
        }
        Match {
            start,
            end: j,
            what: What::Years(year, None),
        }
    }

    /// `初`, `底`, `底前`, `末`, `上半年`, `下半年`, `第一季度` at `j` (after 年).
    fn year_part_at(&self, start: usize, j: usize, year: Year) -> Option<Match> {
        let (w, n) = self.one_of(
            j,
            &[
                "底前",
                "末前",
                "初",
                "底",
                "末",
                "上半年",
                "下半年",
                "第一季度",
                "第二季度",
                "第三季度",
                "第四季度",
                "一季度",
                "二季度",
                "三季度",
                "四季度",
            ],
        )?;
        let kind = match w {
            "初" => YearPart::Early,
            "底前" | "末前" | "底" | "末" => YearPart::End,
            "上半年" => YearPart::FirstHalf,
            "下半年" => YearPart::SecondHalf,
            q => {
                let d = q.chars().find_map(cn_digit).unwrap_or(1);
                YearPart::Quarter(d)
            }
        };
        // 年末 in 年末考核 is fine; 年初 in 年初步 is not a date.
        if kind == YearPart::Early && self.c(j + 1) == Some('步') {
            return None;
        }
        Some(Match {
            start,
            end: j + n,
            what: What::YearPart { year, kind },
        })
    }

    /// `年初`, `年底(前)`, `上半年` written without a year: the reference year.
    fn bare_year_part(&self, i: usize) -> Option<Match> {
        if let Some(p) = i.checked_sub(1).and_then(|p| self.c(p)) {
            if digit(p).is_some()
                || cn_digit(p).is_some()
                || "青少成老童周新百千万多近每往历当同全翌隔晚中早几十今明去前后本".contains(p)
            {
                return None;
            }
        }
        if self.is(i, "年") {
            let m = self.year_part_at(i, i + 1, Year::Implied)?;
            // Only the parts that read as a time of the year.
            if let What::YearPart { kind, .. } = m.what {
                if matches!(
                    kind,
                    YearPart::Quarter(_) | YearPart::FirstHalf | YearPart::SecondHalf
                ) {
                    return None;
                }
            }
            return Some(m);
        }
        let (w, n) = self.one_of(i, &["上半年", "下半年"])?;
        Some(Match {
            start: i,
            end: i + n,
            what: What::YearPart {
                year: Year::Implied,
                kind: if w == "上半年" {
                    YearPart::FirstHalf
                } else {
                    YearPart::SecondHalf
                },
            },
        })
    }

    /// `10.17前`, `“10·17”扶贫日`, `10.17全国扶贫日`: month.day only with a
    /// context that makes it a date (a deadline, 起, or a named day after it),
    /// so that `11.76亿元`, `30.5%` and `4.3亿` stay numbers.
    fn md_form(&self, i: usize) -> Option<Match> {
        let (m, _, k) = self.arabic(i, 2)?;
        let sep = self.c(k)?;
        if !MD_SEPS.contains(&sep) {
            return None;
        }
        let (d, _, k2) = self.arabic(k + 1, 2)?;
        if self.c(k2).is_some_and(|c| MD_SEPS.contains(&c)) {
            return None;
        }
        Date::new(2000, m, d)?;
        let quoted = i > 0 && self.c(i - 1).is_some_and(|c| OPEN_QUOTES.contains(&c));
        let mut j = k2;
        if quoted && self.c(j).is_some_and(|c| CLOSE_QUOTES.contains(&c)) {
            j += 1;
        }
        let day = |deadline, forward, named| What::Day {
            year: Year::Implied,
            month: m,
            day: d,
            to: None,
            part: None,
            deadline,
            forward,
            named,
            after: None,
        };
        if let Some((_, n)) = self.one_of(k2, &["以前", "之前", "前"]) {
            return Some(Match {
                start: i,
                end: k2 + n,
                what: day(true, true, None),
            });
        }
        if self.is(k2, "起") {
            return Some(Match {
                start: i,
                end: k2 + 1,
                what: day(false, true, None),
            });
        }
        let name = self.day_name(j)?;
        Some(Match {
            start: i,
            end: k2,
            what: day(false, false, Some(name)),
        })
    }

    /// A named day written at `j`: up to 6 CJK chars ending in 日 or 节
    /// (`全国扶贫日`, `扶贫日`).
    fn day_name(&self, j: usize) -> Option<String> {
        let mut best = None;
        for len in 2..=6 {
            let Some(c) = self.c(j + len - 1) else { break };
            if !is_han(c) {
                break;
            }
            if c == '日' || c == '节' {
                best = Some(len);
                break;
            }
        }
        best.map(|len| self.chars[j..j + len].iter().collect())
    }

    /// Month forms at `i`: `6月21日`, `10月17日晚`, `9月4日至5日`, `9—10月份`,
    /// `8月底`, `3月底前`, `12月1日起`, `8月份`.
    fn month_form(&self, i: usize, year: Year, start: usize, allow_cn: bool) -> Option<Match> {
        let (m, k, cn) = self.small_num(i, allow_cn)?;
        if !(1..=12).contains(&m) {
            return None;
        }
        // 9—10月份
        if let Some(dash) = self.c(k).filter(|c| DASHES.contains(c)) {
            let _ = dash;
            if let Some((m2, k2, _)) = self.small_num(k + 1, cn) {
                if self.c(k2) == Some('月') && m2 > m && m2 <= 12 {
                    let end = if self.c(k2 + 1) == Some('份') {
                        k2 + 2
                    } else {
                        k2 + 1
                    };
                    return Some(Match {
                        start,
                        end,
                        what: What::Month {
                            year,
                            month: m,
                            to_month: Some(m2),
                            sub: MonthSub::Whole,
                            forward: false,
                        },
                    });
                }
            }
            return None;
        }
        if self.c(k) != Some('月') {
            return None;
        }
        let k = k + 1;
        // A day?
        if let Some((d, kd, _)) = self.small_num(k, cn || allow_cn && year != Year::Implied) {
            if let Some(c) = self.c(kd).filter(|&c| c == '日' || c == '号') {
                let _ = c;
                return self.day_rest(start, year, m, d, kd + 1, cn);
            }
            if cn {
                return None;
            }
        }
        // A Chinese month needs a day or a written year: 一月一次 is no date.
        if cn && year == Year::Implied {
            return None;
        }
        let month = |sub, end, forward, to_month| Match {
            start,
            end,
            what: What::Month {
                year,
                month: m,
                to_month,
                sub,
                forward,
            },
        };
        if let Some((w, n)) = self.one_of(
            k,
            &[
                "底前", "末前", "底", "末", "初", "上旬", "中旬", "下旬", "份",
            ],
        ) {
            let sub = match w {
                "底前" | "末前" => return Some(month(MonthSub::End, k + n, true, None)),
                "底" | "末" => MonthSub::End,
                "初" => MonthSub::Early,
                "上旬" => MonthSub::Dekad(1),
                "中旬" => MonthSub::Dekad(2),
                "下旬" => MonthSub::Dekad(3),
                _ => MonthSub::Whole,
            };
            let mut end = k + n;
            // 9月份至10月份, 9月—10月
            if sub == MonthSub::Whole {
                if let Some(m) = self.month_range_tail(end, m, cn) {
                    return Some(month(MonthSub::Whole, m.1, false, Some(m.0)));
                }
            }
            if sub == MonthSub::End && self.is(end, "前") {
                end += 1;
                return Some(month(sub, end, true, None));
            }
            return Some(month(sub, end, false, None));
        }
        if let Some((m2, end)) = self.month_range_tail(k, m, cn) {
            return Some(month(MonthSub::Whole, end, false, Some(m2)));
        }
        Some(month(MonthSub::Whole, k, false, None))
    }

    /// `—10月(份)` after a month.
    fn month_range_tail(&self, k: usize, m: u32, cn: bool) -> Option<(u32, usize)> {
        let dash = self.c(k).filter(|c| DASHES.contains(c))?;
        let _ = dash;
        let (m2, k2, _) = self.small_num(k + 1, cn)?;
        if self.c(k2) != Some('月') || m2 <= m || m2 > 12 {
            return None;
        }
        // Not 9月—10月17日: that is a day range, handled by the day form.
        if self.small_num(k2 + 1, cn).is_some() {
            return None;
        }
        let end = if self.c(k2 + 1) == Some('份') {
            k2 + 2
        } else {
            k2 + 1
        };
        Some((m2, end))
    }

    /// After `M月D日`: part of day, `至5日`, `至10月2日`, `前`, `起`, `是…日`,
    /// `…后5日内`.
    fn day_rest(
        &self,
        start: usize,
        year: Year,
        m: u32,
        d: u32,
        k: usize,
        cn: bool,
    ) -> Option<Match> {
        let mut end = k;
        let mut part = None;
        let mut to = None;
        let mut deadline = false;
        let mut forward = false;
        let mut named = None;
        let mut after = None;
        if let Some((w, n)) = self.one_of(k, PARTS_OF_DAY) {
            // 10月17日晚 but not 晚会 / 晚报.
            let tail = self.c(k + n);
            if !(w == "晚" && tail.is_some_and(|c| "会宴报餐饭".contains(c))) {
                part = Some(w.to_string());
                end = k + n;
            }
        }
        if part.is_none() {
            if let Some(dash) = self.c(k).filter(|c| DASHES.contains(c)) {
                let _ = dash;
                if let Some((a, ka, _)) = self.small_num(k + 1, cn) {
                    if self.c(ka) == Some('日') || self.c(ka) == Some('号') {
                        if a > d {
                            to = Some((m, a));
                            end = ka + 1;
                        }
                    } else if self.c(ka) == Some('月') {
                        if let Some((b, kb, _)) = self.small_num(ka + 1, cn) {
                            if (self.c(kb) == Some('日') || self.c(kb) == Some('号')) && a > m {
                                to = Some((a, b));
                                end = kb + 1;
                            }
                        }
                    }
                }
            }
        }
        if let Some((_, n)) = self.one_of(end, &["以前", "之前", "前"]) {
            // …前后 is "around", not a deadline.
            if !self.is(end, "前后") {
                deadline = true;
                forward = true;
                end += n;
            }
        } else if let Some((_, n)) = self.one_of(end, &["起", "开始"]) {
            forward = true;
            end += n;
        }
        if to.is_none() && part.is_none() && !deadline {
            if self.is(end, "是") {
                named = self.day_name(end + 1);
            }
            if let Some((e, days, within)) = self.after_days(end) {
                after = Some((days, within));
                end = e;
            }
        }
        Date::new(2000, m, d)?;
        if let Some((tm, td)) = to {
            Date::new(2000, tm, td)?;
        }
        Some(Match {
            start,
            end,
            what: What::Day {
                year,
                month: m,
                day: d,
                to,
                part,
                deadline,
                forward,
                named,
                after,
            },
        })
    }

    /// `活动结束后5日内` at `k`: a filler of up to 8 CJK chars, 后, a number,
    /// 日/天, and 内 (within) or not. Returns (end, days, within).
    fn after_days(&self, k: usize) -> Option<(usize, i64, bool)> {
        let mut j = k;
        while j - k <= 8 {
            let c = self.c(j)?;
            if c == '后' {
                let n = j + 1;
                let (days, kn) = match self.arabic(n, 3) {
                    Some((v, _, kn)) => (v, kn),
                    None => self.cn_small(n)?,
                };
                let (_, u) = self.one_of(kn, &["个自然日", "日", "天"])?;
                let ku = kn + u;
                let within = self.is(ku, "内") || self.is(ku, "之内") || self.is(ku, "以内");
                let end = if self.is(ku, "内") {
                    ku + 1
                } else if within {
                    ku + 2
                } else {
                    ku
                };
                if days == 0 {
                    return None;
                }
                return Some((end, i64::from(days), within));
            }
            if !is_han(c) {
                return None;
            }
            j += 1;
        }
        None
    }

    /// `扶贫日活动结束后5日内`: a named day followed by `…后N日内`.
    fn named_relative(&self, i: usize, ctx: &DateContext) -> Option<Match> {
        let (len, month, day) = ctx.named_day_at(&self.chars, i)?;
        let (end, days, within) = self.after_days(i + len)?;
        Some(Match {
            start: i,
            end,
            what: What::NamedRelative {
                month,
                day,
                days,
                within,
            },
        })
    }

    /// Includes a leading `到` / `截至` in the phrase (`到9月底`).
    fn extend_prefix(&self, start: usize) -> usize {
        for p in ["截止到", "截至", "截止", "到"] {
            let n = p.chars().count();
            if start >= n && self.is(start - n, p) {
                return start - n;
            }
        }
        start
    }

    /// Resolves a match into a [`DateExpr`]; `None` when it cannot be
    /// resolved (no reference date for a year-less phrase, an impossible date).
    fn finish(&self, phrase_start: usize, m: Match, ctx: &DateContext) -> Option<DateExpr> {
        let span = self.offset(phrase_start)..self.offset(m.end);
        let phrase = self.text[span.clone()].to_string();
        let reference = ctx.reference;
        let ref_year = reference.map(|r| r.year);
        let year_of = |y: Year, probe: Option<(u32, u32)>, forward: bool| -> Option<i32> {
            match y {
                Year::Explicit(y) => Some(y),
                Year::Relative(o) => ref_year.map(|r| r + o),
                Year::Implied => {
                    let r = reference?;
                    let mut y = r.year;
                    if let (true, Some((mm, dd))) = (forward, probe) {
                        if let Some(d) = Date::new(y, mm, dd.min(days_in_month(y, mm))) {
                            if d.to_days() < r.to_days() - 60 {
                                y += 1;
                            }
                        }
                    }
                    Some(y)
                }
            }
        };
        let mut e = DateExpr {
            span,
            phrase,
            start: Date {
                year: 0,
                month: 1,
                day: 1,
            },
            end: None,
            precision: Precision::Day,
            part_of_day: None,
            year_only: false,
            named_day: None,
        };
        let ok = (|| -> Option<()> {
            match m.what {
                What::Years(y, to) => {
                    let y = year_of(y, None, false)?;
                    e.start = Date::new(y, 1, 1)?;
                    e.end = Some(Date::new(to.unwrap_or(y), 12, 31)?);
                    e.precision = Precision::Range;
                    e.year_only = true;
                }
                What::YearPart { year, kind } => {
                    let y = year_of(year, None, false)?;
                    let (s, t, p) = match kind {
                        YearPart::Early => (Date::new(y, 1, 1)?, None, Precision::Approximate),
                        YearPart::End => (Date::new(y, 12, 31)?, None, Precision::Approximate),
                        YearPart::FirstHalf => (
                            Date::new(y, 1, 1)?,
                            Some(Date::new(y, 6, 30)?),
                            Precision::Range,
                        ),
                        YearPart::SecondHalf => (
                            Date::new(y, 7, 1)?,
                            Some(Date::new(y, 12, 31)?),
                            Precision::Range,
                        ),
                        YearPart::Quarter(q) => {
                            if !(1..=4).contains(&q) {
                                return None;
                            }
                            let m0 = (q - 1) * 3 + 1;
                            (
                                Date::new(y, m0, 1)?,
                                Some(Date::last_of_month(y, m0 + 2)),
                                Precision::Range,
                            )
                        }
                    };
                    e.start = s;
                    e.end = t;
                    e.precision = p;
                }
                What::Month {
                    year,
                    month,
                    to_month,
                    sub,
                    forward,
                } => {
                    let y = year_of(year, Some((month, 31)), forward)?;
                    match (sub, to_month) {
                        (MonthSub::Whole, Some(m2)) => {
                            e.start = Date::new(y, month, 1)?;
                            e.end = Some(Date::last_of_month(y, m2));
                            e.precision = Precision::Range;
                        }
                        (MonthSub::Whole, None) => {
                            e.start = Date::new(y, month, 1)?;
                            e.end = Some(Date::last_of_month(y, month));
                            e.precision = Precision::Month;
                        }
                        (MonthSub::End, _) => {
                            e.start = Date::last_of_month(y, month);
                            e.precision = Precision::Approximate;
                        }
                        (MonthSub::Early, _) => {
                            e.start = Date::new(y, month, 1)?;
                            e.precision = Precision::Approximate;
                        }
                        (MonthSub::Dekad(n), _) => {
                            e.start = Date::new(y, month, (n - 1) * 10 + 1)?;
                            e.end = Some(if n == 3 {
                                Date::last_of_month(y, month)
                            } else {
                                Date::new(y, month, n * 10)?
                            });
                            e.precision = Precision::Range;
                        }
                    }
                }
                What::Day {
                    year,
                    month,
                    day,
                    to,
                    part,
                    deadline,
                    forward,
                    named,
                    after,
                } => {
                    let y = year_of(year, Some((month, day)), forward)?;
                    let d = Date::new(y, month, day)?;
                    e.start = d;
                    e.precision = if deadline {
                        Precision::Approximate
                    } else {
                        Precision::Day
                    };
                    if let Some((tm, td)) = to {
                        e.end = Some(Date::new(y, tm, td)?);
                        e.precision = Precision::Range;
                    }
                    if let Some(p) = part {
                        e.part_of_day = Some(p);
                        e.precision = Precision::PartOfDay;
                    }
                    if let Some((days, within)) = after {
                        relative(&mut e, d, days, within);
                    }
                    e.named_day = named;
                }
                What::NamedRelative {
                    month,
                    day,
                    days,
                    within,
                } => {
                    let d = Date::new(ref_year?, month, day)?;
                    relative(&mut e, d, days, within);
                }
            }
            Some(())
        })();
        ok.map(|()| e)
    }
}

/// `…后N日内` → the N days after the anchor; `…后N日` → that one day.
fn relative(e: &mut DateExpr, anchor: Date, days: i64, within: bool) {
    if within {
        e.start = anchor.add_days(1);
        e.end = Some(anchor.add_days(days));
        e.precision = Precision::Range;
    } else {
        e.start = anchor.add_days(days);
        e.end = None;
        e.precision = Precision::Day;
    }
    e.part_of_day = None;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn from_iso_takes_exactly_a_day_that_exists() {
        assert_eq!(Date::from_iso("2017-10-17"), Date::new(2017, 10, 17));
        assert_eq!(Date::from_iso("2016-02-29"), Date::new(2016, 2, 29));
        for bad in [
            "2017-02-31",
            "2017-02-29",
            "2017-13-01",
            "2017-00-10",
            "2017-10-00",
            "2017-10-1",
            "2017-10-17T10:00",
            " 2017-10-17",
            "20x7-10-17",
            "2017-+1-17",
            "",
        ] {
            assert_eq!(Date::from_iso(bad), None, "{bad}");
        }
    }
    use Precision::*;

    fn ctx(iso: &str) -> DateContext {
        DateContext::new(Date::parse_iso(iso))
    }

    /// Resolves `phrase` as one expression against `reference`.
    fn r(reference: &str, phrase: &str) -> DateExpr {
        resolve(phrase, &ctx(reference)).unwrap_or_else(|| {
            panic!(
                "{phrase:?} did not resolve as a whole: {:?}",
                find(phrase, &ctx(reference))
            )
        })
    }

    /// (start, end, precision, part of day) of `phrase` against 2017-10-12.
    fn conf(phrase: &str) -> (String, Option<String>, Precision, Option<String>) {
        let e = r("2017-10-12", phrase);
        (e.start_iso(), e.end_iso(), e.precision, e.part_of_day)
    }

    fn day(s: &str, p: Precision) -> (String, Option<String>, Precision, Option<String>) {
        (s.to_string(), None, p, None)
    }

    fn span(s: &str, e: &str, p: Precision) -> (String, Option<String>, Precision, Option<String>) {
        (s.to_string(), Some(e.to_string()), p, None)
    }

    #[test]
    fn calendar_arithmetic() {
        let d = Date::new(2017, 10, 17).unwrap();
        assert_eq!(Date::from_days(d.to_days()), d);
        assert_eq!(d.add_days(5).iso(), "2017-10-22");
        assert_eq!(
            Date::new(2016, 12, 31).unwrap().add_days(1).iso(),
            "2017-01-01"
        );
        assert_eq!(
            Date::new(2016, 2, 28).unwrap().add_days(1).iso(),
            "2016-02-29"
        );
        assert_eq!(Date::new(1970, 1, 1).unwrap().to_days(), 0);
        assert!(Date::new(2017, 2, 29).is_none());
        assert_eq!(
            Date::parse_iso("2017-10-13T14:57").unwrap().iso(),
            "2017-10-13"
        );
    }

    #[test]
    fn days_and_parts_of_day() {
        assert_eq!(conf("6月21日"), day("2017-06-21", Day));
        let (s, e, p, part) = conf("10月12日下午");
        assert_eq!(
            (s.as_str(), e, p, part.as_deref()),
            ("2017-10-12", None, PartOfDay, Some("下午"))
        );
        let (s, _, p, part) = conf("10月17日上午");
        assert_eq!(
            (s.as_str(), p, part.as_deref()),
            ("2017-10-17", PartOfDay, Some("上午"))
        );
        let (s, _, p, part) = conf("10月17日晚");
        assert_eq!(
            (s.as_str(), p, part.as_deref()),
            ("2017-10-17", PartOfDay, Some("晚"))
        );
    }

    #[test]
    fn ranges() {
        assert_eq!(conf("9月4日至5日"), span("2017-09-04", "2017-09-05", Range));
        assert_eq!(conf("9—10月份"), span("2017-09-01", "2017-10-31", Range));
        assert_eq!(conf("9-10月"), span("2017-09-01", "2017-10-31", Range));
        assert_eq!(
            conf("9月30日至10月2日"),
            span("2017-09-30", "2017-10-02", Range)
        );
        assert_eq!(conf("8月份"), span("2017-08-01", "2017-08-31", Month));
        assert_eq!(conf("9月"), span("2017-09-01", "2017-09-30", Month));
        assert_eq!(conf("10月下旬"), span("2017-10-21", "2017-10-31", Range));
    }

    #[test]
    fn approximate_and_deadlines() {
        assert_eq!(conf("10.17前"), day("2017-10-17", Approximate));
        assert_eq!(conf("8月底"), day("2017-08-31", Approximate));
        let e = r("2017-10-12", "到9月底");
        assert_eq!(
            (e.start_iso(), e.precision, e.phrase.as_str()),
            ("2017-09-30".into(), Approximate, "到9月底")
        );
        assert_eq!(conf("年初"), day("2017-01-01", Approximate));
        assert_eq!(conf("年底"), day("2017-12-31", Approximate));
        assert_eq!(conf("年底前"), day("2017-12-31", Approximate));
        assert_eq!(conf("2019年底前"), day("2019-12-31", Approximate));
        assert_eq!(conf("去年底"), day("2016-12-31", Approximate));
    }

    #[test]
    fn years() {
        let e = r("2017-10-12", "今年");
        assert_eq!(
            (e.start_iso(), e.end_iso(), e.year_only),
            ("2017-01-01".into(), Some("2017-12-31".into()), true)
        );
        assert_eq!(conf("明年上半年"), span("2018-01-01", "2018-06-30", Range));
        assert!(!r("2017-10-12", "明年上半年").year_only);
        let e = r("2017-10-12", "2016年");
        assert_eq!(
            (e.start_iso(), e.end_iso(), e.year_only),
            ("2016-01-01".into(), Some("2016-12-31".into()), true)
        );
        let e = r("2017-10-12", "2017 年");
        assert_eq!(
            (e.start_iso(), e.year_only, e.phrase.as_str()),
            ("2017-01-01".into(), true, "2017 年")
        );
        assert_eq!(
            conf("2017—2019年"),
            (
                String::from("2017-01-01"),
                Some("2019-12-31".into()),
                Range,
                None
            )
        );
        assert_eq!(conf("二〇一七年十月十七日"), day("2017-10-17", Day));
        assert_eq!(
            conf("今年第三季度"),
            span("2017-07-01", "2017-09-30", Range)
        );
    }

    #[test]
    fn the_year_comes_from_the_reference() {
        assert_eq!(r("2019-03-05", "6月21日").start_iso(), "2019-06-21");
        assert_eq!(r("2019-03-05", "年初").start_iso(), "2019-01-01");
        assert_eq!(
            r("2019-03-05", "明年上半年").end_iso().unwrap(),
            "2020-06-30"
        );
        assert!(resolve("6月21日", &DateContext::new(None)).is_none());
        // An explicit year needs no reference.
        assert_eq!(
            resolve("2019年底前", &DateContext::new(None))
                .unwrap()
                .start_iso(),
            "2019-12-31"
        );
    }

    #[test]
    fn relative_to_the_named_day() {
        // 扶贫日 is 10月17日; "within 5 days after" = the 5 days 18th–22nd.
        assert_eq!(
            conf("扶贫日活动结束后5日内"),
            span("2017-10-18", "2017-10-22", Range)
        );
        assert_eq!(conf("10月17日后3日"), day("2017-10-20", Day));
        // A document that names another day for it wins over the table.
        let mut c = ctx("2017-10-12");
        let mut days = c.named_days.clone();
        days.insert(0, ("扶贫日".into(), 10, 10));
        c.set_named_days(days);
        assert_eq!(
            resolve("扶贫日活动结束后5日内", &c)
                .unwrap()
                .end_iso()
                .unwrap(),
            "2017-10-15"
        );
    }

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

    #[test]
    fn other_transcripts() {
        assert_eq!(r("2024-11-20", "2025年1月15日前").start_iso(), "2025-01-15");
        assert_eq!(r("2024-11-20", "2025年1月15日前").precision, Approximate);
        let e = r("2024-11-20", "12月1日起");
        assert_eq!((e.start_iso(), e.precision), ("2024-12-01".into(), Day));
        // Said in November, a deadline at the end of March is next March…
        let e = r("2024-11-20", "3月底前");
        assert_eq!(
            (e.start_iso(), e.precision),
            ("2025-03-31".into(), Approximate)
        );
        // …said in February, it is this March.
        assert_eq!(r("2025-02-10", "3月底前").start_iso(), "2025-03-31");
        // "As of the end of March", without 前, is the past.
        assert_eq!(r("2024-11-20", "到3月底").start_iso(), "2024-03-31");
    }

    #[test]
    fn named_days_written_as_month_dot_day() {
        let c = ctx("2017-10-12");
        let f = find("在10.17全国扶贫日即将来临之际", &c);
        assert_eq!(f.len(), 1);
        assert_eq!(
            (
                f[0].start_iso(),
                f[0].named_day.as_deref(),
                f[0].phrase.as_str()
            ),
            ("2017-10-17".into(), Some("全国扶贫日"), "10.17")
        );
        let f = find("全国第四个“10·17”扶贫日。我省“10.17”扶贫日的主题", &c);
        assert_eq!(f.len(), 2);
        assert!(f
            .iter()
            .all(|e| e.start_iso() == "2017-10-17" && e.named_day.as_deref() == Some("扶贫日")));
        let f = find("10月17日是全国扶贫日。", &c);
        assert_eq!(f[0].named_day.as_deref(), Some("全国扶贫日"));
        assert_eq!(f[0].precision, Day);
    }

    #[test]
    fn numbers_are_not_dates() {
        let c = ctx("2017-10-12");
        for text in [
            "全省拿出中央和省财政专项扶贫资金的30.5%共11.76亿元",
            "4.3亿元奖补资金兑现到户,惠及8.2万贫困户",
            "1900个贫困村退出,人均1.5万,省级筹资15亿",
            "每100千瓦补贴15-20万元",
            "13.10.2017  14:57",
            "是对30年扶贫开发规律的科学总结,用三年时间",
            "拨付专项资金4785.财政厅",
            "光伏扶贫2017—2019三年实施方案",
            "每个县至少有3家省直单位,一月一次",
            "我省57万贫困人口脱贫,年初步",
            "第四个扶贫日,扶贫日活动方案",
        ] {
            assert_eq!(find(text, &c), vec![], "{text}");
        }
    }

    #[test]
    fn finds_in_running_text() {
        let c = ctx("2017-10-12");
        let text =
            "确保2016年项目年底前全部竣工入住;2017年项目投资完成率达到60%以上;2019年底前全面完成。";
        let f: Vec<_> = find(text, &c)
            .into_iter()
            .map(|e| (e.phrase, e.start.iso(), e.year_only))
            .collect();
        assert_eq!(
            f,
            vec![
                ("2016年".into(), "2016-01-01".into(), true),
                ("年底前".into(), "2017-12-31".into(), false),
                ("2017年".into(), "2017-01-01".into(), true),
                ("2019年底前".into(), "2019-12-31".into(), false),
            ]
        );
        let text =
            "8月份组织开展核准工作;9月份组织开展了专项督查。到8月底,全省开工建设集中安置点1102个。";
        let f: Vec<_> = find(text, &c).into_iter().map(|e| e.phrase).collect();
        assert_eq!(f, vec!["8月份", "9月份", "到8月底"]);
        // Spans index the text.
        for e in find(text, &c) {
            assert_eq!(&text[e.span.clone()], e.phrase);
        }
    }
}

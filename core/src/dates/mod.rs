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

mod calendar;
mod context;
mod forms;
mod resolve;
mod scan;
#[cfg(test)]
mod tests;

pub use calendar::{days_in_month, Date};
pub(crate) use context::full_text;
pub use context::DateContext;
pub(crate) use scan::is_punct;

use crate::model::Precision;
use scan::Scan;
use std::ops::Range;

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

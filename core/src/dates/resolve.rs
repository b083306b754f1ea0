//! Resolution: a [`Match`] becomes a [`DateExpr`] against the context's
//! reference date (the year of a year-less phrase, forward-looking phrases,
//! month ends, ranges, days after an anchor).

use super::calendar::{days_in_month, Date};
use super::context::DateContext;
use super::scan::*;
use super::DateExpr;
use crate::model::Precision;

impl Scan<'_> {
    /// Resolves a match into a [`DateExpr`]; `None` when it cannot be
    /// resolved (no reference date for a year-less phrase, an impossible date).
    pub(super) fn finish(
        &self,
        phrase_start: usize,
        m: Match,
        ctx: &DateContext,
    ) -> Option<DateExpr> {
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
pub(super) fn relative(e: &mut DateExpr, anchor: Date, days: i64, within: bool) {
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

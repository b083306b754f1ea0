//! The calendar's pure logic: which dates fill a Monday-first month, where
//! multi-day events run in each week, which months have events, and where the
//! grid opens. No Leptos here, so it is tested directly. (Which days the
//! document names, and which day its plan centres on, are the core's:
//! `shilu_core::days`.)
//!
//! Everything is derived from the document's events; nothing is stored.

use shilu_core::dates::{self, Date};
use shilu_core::days::plan_day;
pub use shilu_core::days::{event_span, is_multi_day};
use shilu_core::{Event, Precision};
use std::collections::BTreeSet;

/// A calendar month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    pub year: i32,
    pub month: u32,
}

impl YearMonth {
    pub fn of(d: Date) -> YearMonth {
        YearMonth {
            year: d.year,
            month: d.month,
        }
    }

    pub fn first(self) -> Date {
        Date {
            year: self.year,
            month: self.month,
            day: 1,
        }
    }

    pub fn last(self) -> Date {
        Date::last_of_month(self.year, self.month)
    }

    /// `2017-10`.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}", self.year, self.month)
    }

    /// The same day of the month in `self`, clamped to its last day.
    pub fn with_day(self, day: u32) -> Date {
        Date {
            year: self.year,
            month: self.month,
            day: day.clamp(1, dates::days_in_month(self.year, self.month)),
        }
    }
}

/// Day of the week, Monday = 0 … Sunday = 6.
pub fn weekday(d: Date) -> usize {
    // 1970-01-01 was a Thursday (3).
    (d.to_days() + 3).rem_euclid(7) as usize
}

/// One row of the month grid: Monday to Sunday, `None` outside the month.
pub type Week = [Option<Date>; 7];

/// The weeks of a month, Monday first, padded with `None` before the 1st and
/// after the last day.
pub fn month_weeks(ym: YearMonth) -> Vec<Week> {
    let mut weeks = Vec::new();
    let mut week: Week = [None; 7];
    let mut col = weekday(ym.first());
    for day in 1..=dates::days_in_month(ym.year, ym.month) {
        week[col] = Some(Date {
            year: ym.year,
            month: ym.month,
            day,
        });
        col += 1;
        if col == 7 {
            weeks.push(week);
            week = [None; 7];
            col = 0;
        }
    }
    if col > 0 {
        weeks.push(week);
    }
    weeks
}

/// The date is only approximately known (`8月底`, `年初`, `10.17前`).
pub fn is_approximate(e: &Event) -> bool {
    e.precision == Some(Precision::Approximate)
}

/// Where a multi-day event runs within one week row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    /// Index into the event list.
    pub event: usize,
    /// Vertical slot in the row (0 = top), the same for all its days.
    pub lane: usize,
    /// First and last column (0 = Monday), inclusive.
    pub from: usize,
    pub to: usize,
    /// The event begins (ends) within this row, not before (after) it.
    pub starts: bool,
    pub ends: bool,
}

/// The bars of multi-day events in one week: each clipped to the week's days
/// in the month, in lanes so that no two overlap (earliest first, longer
/// first on ties).
pub fn week_segments(week: &Week, spans: &[(usize, Date, Date)]) -> Vec<Segment> {
    let days: Vec<(usize, Date)> = week
        .iter()
        .enumerate()
        .filter_map(|(i, d)| d.map(|d| (i, d)))
        .collect();
    let (Some(&(first_col, first)), Some(&(last_col, last))) = (days.first(), days.last()) else {
        return Vec::new();
    };
    let mut found: Vec<(Date, Date, Segment)> = spans
        .iter()
        .filter(|(_, s, e)| *s <= last && *e >= first)
        .map(|&(event, s, e)| {
            let from = if s <= first {
                first_col
            } else {
                first_col + (s.to_days() - first.to_days()) as usize
            };
            let to = if e >= last {
                last_col
            } else {
                first_col + (e.to_days() - first.to_days()) as usize
            };
            (
                s,
                e,
                Segment {
                    event,
                    lane: 0,
                    from,
                    to,
                    starts: s >= first,
                    ends: e <= last,
                },
            )
        })
        .collect();
    // A total order (ties end on the event index), so an unstable sort is exact
    // and smaller in the wasm than a stable one.
    found.sort_unstable_by(|a, b| {
        a.2.from
            .cmp(&b.2.from)
            .then(b.2.to.cmp(&a.2.to))
            .then(a.0.cmp(&b.0))
            .then(a.2.event.cmp(&b.2.event))
    });
    let mut lane_end: Vec<usize> = Vec::new();
    let mut out = Vec::with_capacity(found.len());
    for (_, _, mut seg) in found {
        let lane = match lane_end.iter().position(|&end| end < seg.from) {
            Some(l) => l,
            None => {
                lane_end.push(0);
                lane_end.len() - 1
            }
        };
        lane_end[lane] = seg.to;
        seg.lane = lane;
        out.push(seg);
    }
    out
}

/// The number of lanes a week's segments use.
pub fn lane_count(segments: &[Segment]) -> usize {
    segments.iter().map(|s| s.lane + 1).max().unwrap_or(0)
}

/// The first and last month that any dated event touches.
pub fn month_range(events: &[Event]) -> Option<(YearMonth, YearMonth)> {
    let spans: Vec<(Date, Date)> = events.iter().filter_map(event_span).collect();
    let first = spans.iter().map(|s| s.0).min()?;
    let last = spans.iter().map(|s| s.1).max()?;
    Some((YearMonth::of(first), YearMonth::of(last)))
}

/// Every month that some event touches (a range touches all its months).
pub fn months_with_events(events: &[Event]) -> BTreeSet<YearMonth> {
    let mut out = BTreeSet::new();
    for (s, e) in events.iter().filter_map(event_span) {
        let mut m = YearMonth::of(s);
        while m <= YearMonth::of(e) {
            out.insert(m);
            m = add_months(m, 1);
        }
    }
    out
}

/// Indices of the events on a day: every event whose span covers it.
pub fn events_on(events: &[Event], day: Date) -> Vec<usize> {
    events
        .iter()
        .enumerate()
        .filter(|(_, e)| event_span(e).is_some_and(|(s, t)| s <= day && day <= t))
        .map(|(i, _)| i)
        .collect()
}

/// Indices of the single-day events that fall on a day.
pub fn single_day_events_on(events: &[Event], day: Date) -> Vec<usize> {
    events
        .iter()
        .enumerate()
        .filter(|(_, e)| !is_multi_day(e) && event_span(e).is_some_and(|(s, _)| s == day))
        .map(|(i, _)| i)
        .collect()
}

/// The day the calendar opens on: the plan's day; else the conference date
/// when it has events; else the first day with an event.
pub fn default_focus(
    events: &[Event],
    named: &[(Date, String)],
    conference: Option<Date>,
) -> Option<Date> {
    if let Some(d) = plan_day(events, named) {
        return Some(d);
    }
    let months = months_with_events(events);
    if let Some(c) = conference.filter(|c| months.contains(&YearMonth::of(*c))) {
        return Some(c);
    }
    events.iter().filter_map(event_span).map(|s| s.0).min()
}

/// Clamps a date into the months that have events.
pub fn clamp_to(range: (YearMonth, YearMonth), d: Date) -> Date {
    let (first, last) = (range.0.first(), range.1.last());
    d.clamp(first, last)
}

/// A month plus `n` months (negative: back).
pub fn add_months(ym: YearMonth, n: i32) -> YearMonth {
    let idx = ym.year * 12 + ym.month as i32 - 1 + n;
    YearMonth {
        year: idx.div_euclid(12),
        month: idx.rem_euclid(12) as u32 + 1,
    }
}

/// Where a key moves the focused day in the grid, or `None` for other keys.
pub fn key_target(key: &str, d: Date) -> Option<Date> {
    let ym = YearMonth::of(d);
    Some(match key {
        "ArrowLeft" => d.add_days(-1),
        "ArrowRight" => d.add_days(1),
        "ArrowUp" => d.add_days(-7),
        "ArrowDown" => d.add_days(7),
        "Home" => d.add_days(-(weekday(d) as i64)),
        "End" => d.add_days(6 - weekday(d) as i64),
        "PageUp" => add_months(ym, -1).with_day(d.day),
        "PageDown" => add_months(ym, 1).with_day(d.day),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::new(y, m, day).unwrap()
    }

    fn ev(start: &str, end: Option<&str>, activity: bool) -> Event {
        Event {
            start: Some(start.into()),
            end: end.map(Into::into),
            precision: Some(if end.is_some() {
                Precision::Range
            } else {
                Precision::Day
            }),
            activity,
            ..Event::default()
        }
    }

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn weekdays_are_monday_first() {
        assert_eq!(weekday(d(1970, 1, 1)), 3, "a Thursday");
        assert_eq!(weekday(d(2017, 10, 1)), 6, "a Sunday");
        assert_eq!(weekday(d(2017, 10, 17)), 1, "a Tuesday");
        assert_eq!(weekday(d(2017, 9, 4)), 0, "a Monday");
    }

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn october_2017_fills_six_monday_first_weeks() {
        let weeks = month_weeks(YearMonth {
            year: 2017,
            month: 10,
        });
        assert_eq!(weeks.len(), 6);
        assert_eq!(weeks[0][..6], [None; 6], "1 October is a Sunday");
        assert_eq!(weeks[0][6], Some(d(2017, 10, 1)));
        assert_eq!(weeks[3][1], Some(d(2017, 10, 17)));
        assert_eq!(
            weeks[5][..2],
            [Some(d(2017, 10, 30)), Some(d(2017, 10, 31))]
        );
        assert_eq!(weeks[5][2..], [None; 5]);
        // Every day once, in order.
        let all: Vec<Date> = weeks.iter().flatten().flatten().copied().collect();
        assert_eq!(all.len(), 31);
        assert!(all.windows(2).all(|w| w[1] == w[0].add_days(1)));
    }

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn february_starting_on_monday_needs_four_weeks() {
        // February 2021 begins on a Monday and has 28 days.
        let weeks = month_weeks(YearMonth {
            year: 2021,
            month: 2,
        });
        assert_eq!(weeks.len(), 4);
        assert!(weeks.iter().all(|w| w.iter().all(Option::is_some)));
        assert_eq!(
            month_weeks(YearMonth {
                year: 2016,
                month: 2
            })
            .iter()
            .flatten()
            .flatten()
            .count(),
            29
        );
    }

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn a_range_spans_its_days_in_lanes() {
        // 9—10月份 and 9月4日至5日, in the week of 4 September 2017.
        let spans = [
            (0, d(2017, 9, 1), d(2017, 10, 31)),
            (1, d(2017, 9, 4), d(2017, 9, 5)),
        ];
        let sept = month_weeks(YearMonth {
            year: 2017,
            month: 9,
        });
        // First week: Fri 1 – Sun 3.
        let w0 = week_segments(&sept[0], &spans);
        assert_eq!(
            w0,
            vec![Segment {
                event: 0,
                lane: 0,
                from: 4,
                to: 6,
                starts: true,
                ends: false
            }]
        );
        let w1 = week_segments(&sept[1], &spans);
        assert_eq!(
            w1,
            vec![
                Segment {
                    event: 0,
                    lane: 0,
                    from: 0,
                    to: 6,
                    starts: false,
                    ends: false
                },
                Segment {
                    event: 1,
                    lane: 1,
                    from: 0,
                    to: 1,
                    starts: true,
                    ends: true
                },
            ]
        );
        assert_eq!(lane_count(&w1), 2);
        // Last week of October: Mon 30 – Tue 31, where the range ends.
        let oct = month_weeks(YearMonth {
            year: 2017,
            month: 10,
        });
        let last = week_segments(oct.last().unwrap(), &spans);
        assert_eq!(
            last,
            vec![Segment {
                event: 0,
                lane: 0,
                from: 0,
                to: 1,
                starts: false,
                ends: true
            }]
        );
    }

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn disjoint_spans_share_a_lane() {
        let spans = [
            (0, d(2017, 9, 4), d(2017, 9, 5)),
            (1, d(2017, 9, 7), d(2017, 9, 9)),
        ];
        let week = month_weeks(YearMonth {
            year: 2017,
            month: 9,
        })[1];
        let segs = week_segments(&week, &spans);
        assert_eq!(segs.iter().map(|s| s.lane).collect::<Vec<_>>(), vec![0, 0]);
    }

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn month_range_covers_every_event_month() {
        let events = [
            ev("2017-06-21", None, false),
            ev("2017-09-01", Some("2017-10-31"), true),
            ev("2019-12-31", None, false),
        ];
        let (first, last) = month_range(&events).unwrap();
        assert_eq!(
            (first.iso(), last.iso()),
            ("2017-06".into(), "2019-12".into())
        );
        let months: Vec<String> = months_with_events(&events)
            .into_iter()
            .map(YearMonth::iso)
            .collect();
        assert_eq!(months, ["2017-06", "2017-09", "2017-10", "2019-12"]);
        assert_eq!(month_range(&[]), None);
    }

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn without_a_plan_the_calendar_opens_on_the_conference() {
        let events = [ev("2017-10-12", None, false)];
        assert_eq!(
            default_focus(&events, &[], Some(d(2017, 10, 12))),
            Some(d(2017, 10, 12))
        );
    }

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn keys_move_the_focus() {
        let day = d(2017, 10, 17);
        assert_eq!(key_target("ArrowRight", day), Some(d(2017, 10, 18)));
        assert_eq!(key_target("ArrowUp", day), Some(d(2017, 10, 10)));
        assert_eq!(key_target("Home", day), Some(d(2017, 10, 16)));
        assert_eq!(key_target("End", day), Some(d(2017, 10, 22)));
        assert_eq!(key_target("PageUp", d(2017, 10, 31)), Some(d(2017, 9, 30)));
        assert_eq!(
            key_target("PageDown", d(2017, 12, 31)),
            Some(d(2018, 1, 31))
        );
        assert_eq!(key_target("a", day), None);
        let range = (
            YearMonth {
                year: 2017,
                month: 6,
            },
            YearMonth {
                year: 2017,
                month: 10,
            },
        );
        assert_eq!(clamp_to(range, d(2017, 11, 1)), d(2017, 10, 31));
        assert_eq!(clamp_to(range, d(2017, 5, 31)), d(2017, 6, 1));
    }

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn events_on_a_day_include_ranges_covering_it() {
        let events = [
            ev("2017-09-01", Some("2017-10-31"), true),
            ev("2017-10-17", None, true),
            ev("2017-10-18", None, false),
        ];
        assert_eq!(events_on(&events, d(2017, 10, 17)), vec![0, 1]);
        assert_eq!(single_day_events_on(&events, d(2017, 10, 17)), vec![1]);
    }
}

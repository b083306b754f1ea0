//! The days a document's events fall on: each event's span, the named days
//! the text mentions (`10月17日是全国扶贫日`), and the day an activity plan
//! centres on. The calendar shows them; the core decides them.

use crate::dates::{self, Date, DateContext};
use crate::model::{BlockKind, Document, Event};
use std::collections::BTreeSet;

/// An event's first and last day, when it has a date.
pub fn event_span(e: &Event) -> Option<(Date, Date)> {
    let start = Date::parse_iso(e.start.as_deref()?)?;
    let end = e
        .end
        .as_deref()
        .and_then(Date::parse_iso)
        .filter(|d| *d >= start)
        .unwrap_or(start);
    Some((start, end))
}

/// More than one day: drawn as a bar across its days.
pub fn is_multi_day(e: &Event) -> bool {
    event_span(e).is_some_and(|(s, t)| t > s)
}

/// Named days the document mentions (`10月17日是全国扶贫日`), with the date
/// they fall on: the first name given for each date, in date order.
pub fn named_days(doc: &Document) -> Vec<(Date, String)> {
    let ctx = DateContext::from_document(doc);
    let blocks = doc
        .front
        .iter()
        .chain(doc.turns.iter().flat_map(|t| t.blocks.iter()));
    let mut out: Vec<(Date, String)> = Vec::new();
    for block in blocks.filter(|b| {
        !matches!(
            b.kind,
            BlockKind::Title | BlockKind::Stamp | BlockKind::Header
        )
    }) {
        for e in dates::find(&block.full_text(), &ctx) {
            if let Some(name) = e.named_day {
                if !out.iter().any(|(d, _)| *d == e.start) {
                    out.push((e.start, name));
                }
            }
        }
    }
    // Dates are unique here, so an unstable sort is exact.
    out.sort_unstable_by_key(|(d, _)| *d);
    out
}

/// The day the activity plan centres on: the named day with the most plan
/// activities on it; else the day with the most activities.
pub fn plan_day(events: &[Event], named: &[(Date, String)]) -> Option<Date> {
    let activities_on = |d: Date| {
        events
            .iter()
            .filter(|e| e.activity && event_span(e).is_some_and(|(s, t)| s <= d && d <= t))
            .count()
    };
    let best_named = named
        .iter()
        .map(|(d, _)| (*d, activities_on(*d)))
        .filter(|(_, n)| *n > 0)
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)));
    if let Some((d, _)) = best_named {
        return Some(d);
    }
    let days: BTreeSet<Date> = events
        .iter()
        .filter(|e| e.activity && !is_multi_day(e))
        .filter_map(|e| event_span(e).map(|s| s.0))
        .collect();
    days.into_iter()
        .map(|d| (d, activities_on(d)))
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(d, _)| d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Precision;

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

    #[test]
    fn a_span_runs_from_start_to_a_later_end() {
        let one = ev("2017-10-17", None, false);
        assert_eq!(event_span(&one), Some((d(2017, 10, 17), d(2017, 10, 17))));
        assert!(!is_multi_day(&one));
        let range = ev("2017-09-01", Some("2017-10-31"), true);
        assert_eq!(event_span(&range), Some((d(2017, 9, 1), d(2017, 10, 31))));
        assert!(is_multi_day(&range));
        // An end before the start is ignored; no start, no span.
        let back = ev("2017-10-17", Some("2017-10-01"), false);
        assert_eq!(event_span(&back), Some((d(2017, 10, 17), d(2017, 10, 17))));
        assert_eq!(event_span(&Event::default()), None);
    }

    #[test]
    fn the_named_days_are_those_the_text_mentions_in_date_order() {
        let seed = include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../seeds/shanxi-2017-10-12-deep-poverty-press-conference.txt"
        ));
        let doc = crate::structure(seed, None);
        let named = named_days(&doc);
        assert!(named.windows(2).all(|w| w[0].0 < w[1].0), "{named:?}");
        let fupin = named.iter().find(|(_, n)| n == "全国扶贫日").unwrap();
        assert_eq!(fupin.0, d(2017, 10, 17));
        let plain = crate::structure("没有日期的一段话。", None);
        assert_eq!(named_days(&plain), vec![], "{:?}", plain.front);
    }

    #[test]
    fn the_plan_day_is_the_named_day_with_activities() {
        let events = [
            ev("2017-10-12", None, false),
            ev("2017-09-01", Some("2017-10-31"), true),
            ev("2017-10-17", None, true),
            ev("2017-10-17", None, true),
        ];
        let named = [
            (d(2017, 10, 1), "国庆节".to_string()),
            (d(2017, 10, 17), "全国扶贫日".to_string()),
        ];
        assert_eq!(plan_day(&events, &named), Some(d(2017, 10, 17)));
        assert_eq!(
            plan_day(&events, &[]),
            Some(d(2017, 10, 17)),
            "else the busiest activity day"
        );
    }
}

//! A query's hits over time, for its chart: per year, or per month when
//! the matching transcripts span two years or less.

use super::catalog::Record;
use super::search::Results;
use std::collections::{BTreeMap, HashMap};

/// The chart's unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Year,
    Month,
}

/// Hits per year or month, oldest first, every one in the span (those
/// without hits at 0), so the bars are evenly spaced in time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OverTime {
    pub unit: Unit,
    /// `YYYY` or `YYYY-MM`, and its hits.
    pub bars: Vec<(String, usize)>,
}

/// Months a span may cover and still be shown by month.
const MONTHS: usize = 24;

fn next_month(m: &str) -> Option<String> {
    let (y, mo) = m.split_once('-')?;
    let (y, mo): (u32, u32) = (y.parse().ok()?, mo.parse().ok()?);
    Some(if mo >= 12 {
        format!("{:04}-01", y + 1)
    } else {
        format!("{y:04}-{:02}", mo + 1)
    })
}

fn next_year(y: &str) -> Option<String> {
    Some(format!("{:04}", y.parse::<u32>().ok()? + 1))
}

/// `results`' hits over time, from the records of its transcripts
/// (undated ones left out).
pub fn over_time(results: &Results, records: &HashMap<u32, Record>) -> OverTime {
    let mut months: BTreeMap<String, usize> = BTreeMap::new();
    for t in &results.transcripts {
        let m = records
            .get(&t.doc)
            .and_then(|r| r.date.as_deref())
            .and_then(|d| d.get(..7))
            .filter(|m| m.as_bytes().get(4) == Some(&b'-'));
        if let Some(m) = m {
            *months.entry(m.to_string()).or_default() += t.hits;
        }
    }
    let fill = |counts: BTreeMap<String, usize>, next: fn(&str) -> Option<String>| {
        let mut bars = Vec::new();
        let (Some(first), Some(last)) = (counts.keys().next(), counts.keys().next_back()) else {
            return bars;
        };
        let mut at = first.clone();
        while at <= *last {
            bars.push((at.clone(), counts.get(&at).copied().unwrap_or(0)));
            match next(&at) {
                Some(n) => at = n,
                None => break,
            }
        }
        bars
    };
    let by_month = fill(months.clone(), next_month);
    if !by_month.is_empty() && by_month.len() <= MONTHS {
        return OverTime {
            unit: Unit::Month,
            bars: by_month,
        };
    }
    let mut years: BTreeMap<String, usize> = BTreeMap::new();
    for (m, n) in months {
        *years.entry(m[..4].to_string()).or_default() += n;
    }
    OverTime {
        unit: Unit::Year,
        bars: fill(years, next_year),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::search::TranscriptHits;

    fn dated(dates: &[(&str, usize)]) -> (Results, HashMap<u32, Record>) {
        let mut results = Results::default();
        let mut records = HashMap::new();
        for (i, (d, hits)) in dates.iter().enumerate() {
            let r: Record = serde_json::from_value(serde_json::json!({
                "source": format!("{i}.md"), "url": format!("t/{i}/"), "title": "t",
                "date": d, "organiser": null, "speakers": [], "passages": [], "questions": 0,
            }))
            .unwrap();
            records.insert(i as u32, r);
            results.transcripts.push(TranscriptHits {
                doc: i as u32,
                passages: 1,
                hits: *hits,
            });
        }
        (results, records)
    }

    #[test]
    fn a_short_span_is_by_month_with_the_empty_months() {
        let (r, recs) = dated(&[("2020-11-03", 2), ("2021-01-20", 1), ("2020-11-30", 4)]);
        let t = over_time(&r, &recs);
        assert_eq!(t.unit, Unit::Month);
        assert_eq!(
            t.bars,
            [
                ("2020-11".into(), 6),
                ("2020-12".into(), 0),
                ("2021-01".into(), 1)
            ]
        );
    }

    #[test]
    fn a_long_span_is_by_year() {
        let (r, recs) = dated(&[("2015-10-05", 3), ("2019-06-12", 1), ("2017", 9)]);
        let t = over_time(&r, &recs);
        assert_eq!(t.unit, Unit::Year);
        let years: Vec<_> = t.bars.iter().map(|(y, n)| (y.as_str(), *n)).collect();
        // A date without its month is left out of the chart.
        assert_eq!(
            years,
            [
                ("2015", 3),
                ("2016", 0),
                ("2017", 0),
                ("2018", 0),
                ("2019", 1)
            ]
        );
        assert_eq!(over_time(&Results::default(), &recs).bars, []);
    }
}

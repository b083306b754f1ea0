//! An RFC 5545 iCalendar writer for a transcript's events.
//!
//! - All-day events (`DTSTART;VALUE=DATE`) with an exclusive `DTEND` (the day
//!   after the last day); part of day and precision go in the description.
//! - Events without a date are skipped.
//! - Reproducible: no wall clock. `DTSTAMP` is the document's publication
//!   stamp (Beijing time, converted to UTC), else its conference date; `UID`
//!   is `{event id}-{document key}@shilu`, the key a hash of title and date
//!   so that two transcripts' `e1` do not collide in one calendar app.
//! - Lines end in CRLF and are folded at 75 octets without ever splitting a
//!   UTF-8 character; TEXT values escape `\`, `;`, `,` and newlines.

use crate::events;
use crate::model::{Block, Document, Event, Precision, Status};

/// Which events go into the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IcsScope {
    /// The activity plan only (the 扶贫日 activities).
    Activities,
    /// Every dated event.
    All,
}

const PRODID: &str = "-//shilu//shilu-core//ZH";

/// The calendar of a document's events, as an `.ics` text.
///
/// Uses `doc.events` when the parser filled them, else extracts them.
pub fn calendar(doc: &Document, scope: IcsScope) -> String {
    let extracted;
    let all: &[Event] = if doc.events.is_empty() {
        extracted = events::extract(doc);
        &extracted
    } else {
        &doc.events
    };
    let key = doc_key(doc);
    let stamp = dtstamp(doc);
    let title = if doc.meta.title.trim().is_empty() {
        "shilu"
    } else {
        doc.meta.title.trim()
    };
    let name = match scope {
        IcsScope::Activities => format!("{title} · 活动安排"),
        IcsScope::All => format!("{title} · 全部事件"),
    };
    let mut out = String::new();
    let mut line = |s: &str| out.push_str(&fold(s));
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line(&format!("PRODID:{PRODID}"));
    line("CALSCALE:GREGORIAN");
    line("METHOD:PUBLISH");
    line(&format!("X-WR-CALNAME:{}", escape_text(&name)));
    let mut blocks = BlockWalk {
        doc,
        rest: doc.blocks(),
        current: None,
    };
    for e in all {
        if scope == IcsScope::Activities && !e.activity {
            continue;
        }
        let Some(start) = e.start.as_deref().and_then(crate::dates::Date::parse_iso) else {
            continue;
        };
        let last = e
            .end
            .as_deref()
            .and_then(crate::dates::Date::parse_iso)
            .filter(|d| *d >= start)
            .unwrap_or(start);
        line("BEGIN:VEVENT");
        line(&format!("UID:{}-{key}@shilu", e.id));
        line(&format!("DTSTAMP:{stamp}"));
        line(&format!("DTSTART;VALUE=DATE:{}", start.basic()));
        line(&format!("DTEND;VALUE=DATE:{}", last.add_days(1).basic()));
        line(&format!("SUMMARY:{}", escape_text(&e.label)));
        line(&format!(
            "DESCRIPTION:{}",
            escape_text(&description(doc, e, blocks.find(&e.block)))
        ));
        if let Some(place) = doc.meta.place.as_deref().filter(|p| !p.is_empty()) {
            line(&format!("LOCATION:{}", escape_text(place)));
        }
        let mut cats = vec![if e.activity { "活动" } else { "大事记" }];
        match e.status {
            Some(Status::Done) => cats.push("已完成"),
            Some(Status::Planned) => cats.push("计划"),
            None => {}
        }
        let cats: Vec<String> = cats.iter().map(|c| escape_text(c)).collect();
        line(&format!("CATEGORIES:{}", cats.join(",")));
        line(if e.precision == Some(Precision::Approximate) {
            "STATUS:TENTATIVE"
        } else {
            "STATUS:CONFIRMED"
        });
        line("TRANSP:TRANSPARENT");
        line("END:VEVENT");
    }
    line("END:VCALENDAR");
    out
}

/// Finds events' blocks by walking the document once, in reading order
/// (events come in reading order, several to a block); an event out of
/// order is looked up from the start.
struct BlockWalk<'a, I> {
    doc: &'a Document,
    rest: I,
    current: Option<&'a Block>,
}

impl<'a, I: Iterator<Item = &'a Block>> BlockWalk<'a, I> {
    fn find(&mut self, id: &str) -> Option<&'a Block> {
        if let Some(b) = self.current.filter(|b| b.id == id) {
            return Some(b);
        }
        match self.rest.find(|b| b.id == id) {
            Some(b) => {
                self.current = Some(b);
                Some(b)
            }
            None => self.doc.blocks().find(|b| b.id == id),
        }
    }
}

/// What the event says: the phrase, who said it, who leads, the sentence of
/// its block.
fn description(doc: &Document, e: &Event, block: Option<&Block>) -> String {
    let mut parts = Vec::new();
    let mut when = format!("时间:{}", e.phrase);
    match e.precision {
        Some(Precision::Approximate) => when.push_str("(大致)"),
        Some(Precision::Range) | Some(Precision::Month) => {
            if let (Some(s), Some(t)) = (&e.start, &e.end) {
                when.push_str(&format!("({s} 至 {t})"));
            }
        }
        _ => {}
    }
    parts.push(when);
    if let Some(s) = &e.speaker {
        parts.push(format!("发言人:{s}"));
    }
    if let Some(u) = &e.lead_unit {
        parts.push(format!("牵头单位:{u}"));
    }
    if let Some(s) = block.and_then(|b| events::sentence_in(b, e)) {
        parts.push(format!("“{s}”"));
    }
    parts.push(format!("出处:{} #{}", doc.meta.title.trim(), e.block));
    parts.join("\n")
}

/// Escapes a TEXT value (RFC 5545 §3.3.11).
pub fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// One content line, folded at 75 octets (never inside a UTF-8 character),
/// with CRLF line ends (RFC 5545 §3.1).
pub fn fold(line: &str) -> String {
    const LIMIT: usize = 75;
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3 + 2);
    let mut used = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if used + n > LIMIT {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += n;
    }
    out.push_str("\r\n");
    out
}

/// `YYYYMMDDTHHMMSSZ` from the publication stamp (Beijing time, UTC+8), else
/// the conference date at midnight UTC, else the epoch.
fn dtstamp(doc: &Document) -> String {
    use crate::dates::Date;
    if let Some(p) = doc.meta.published.as_deref() {
        if let Some(d) = Date::parse_iso(p) {
            let time = p.get(11..).unwrap_or("");
            let num = |r: std::ops::Range<usize>| time.get(r).and_then(|s| s.parse::<i64>().ok());
            let (h, m, s) = (
                num(0..2).unwrap_or(0),
                num(3..5).unwrap_or(0),
                num(6..8).unwrap_or(0),
            );
            if (0..24).contains(&h) && (0..60).contains(&m) && (0..60).contains(&s) {
                let secs = d.to_days() * 86_400 + h * 3600 + m * 60 + s - 8 * 3600;
                let day = Date::from_days(secs.div_euclid(86_400));
                let t = secs.rem_euclid(86_400);
                return format!(
                    "{}T{:02}{:02}{:02}Z",
                    day.basic(),
                    t / 3600,
                    t % 3600 / 60,
                    t % 60
                );
            }
        }
    }
    if let Some(d) = doc.meta.date.as_deref().and_then(Date::parse_iso) {
        return format!("{}T000000Z", d.basic());
    }
    "19700101T000000Z".to_string()
}

/// A short stable key for the document: FNV-1a of title and date.
fn doc_key(doc: &Document) -> String {
    let mut h: u32 = 0x811c_9dc5;
    let date = doc.meta.date.as_deref().unwrap_or("");
    for b in doc.meta.title.trim().bytes().chain([0]).chain(date.bytes()) {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    format!("{h:08x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_at_75_octets_on_char_boundaries() {
        let line = format!("SUMMARY:{}", "扶贫日活动安排".repeat(20));
        let folded = fold(&line);
        assert!(folded.ends_with("\r\n"));
        for l in folded.trim_end_matches("\r\n").split("\r\n") {
            assert!(l.len() <= 75, "{} octets", l.len());
        }
        assert_eq!(folded.trim_end_matches("\r\n").replace("\r\n ", ""), line);
        assert_eq!(fold("BEGIN:VEVENT"), "BEGIN:VEVENT\r\n");
        // Exactly 75 octets: not folded.
        assert_eq!(fold(&"a".repeat(75)).matches("\r\n").count(), 1);
        assert_eq!(fold(&"a".repeat(76)).matches("\r\n").count(), 2);
    }

    #[test]
    fn escapes_text() {
        assert_eq!(escape_text("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    }

    #[test]
    fn stamps_from_the_document() {
        let mut doc = Document::default();
        assert_eq!(dtstamp(&doc), "19700101T000000Z");
        doc.meta.date = Some("2017-10-12".into());
        assert_eq!(dtstamp(&doc), "20171012T000000Z");
        doc.meta.published = Some("2017-10-13T14:57".into());
        assert_eq!(dtstamp(&doc), "20171013T065700Z");
        doc.meta.published = Some("2017-10-13T03:05".into());
        assert_eq!(dtstamp(&doc), "20171012T190500Z");
    }

    #[test]
    fn each_event_is_described_with_its_own_sentence_in_any_order() {
        let text = "某县新闻发布会\n\n2017年10月12日下午举行。\n\n主持人 王某:\n\n10月17日举办扶贫论坛。10月18日起集中报道。\n\n李某:\n\n11月1日召开总结会。\n";
        let mut doc = crate::analysed(text, None);
        assert_eq!(doc.events.len(), 4, "{:?}", doc.events);
        let sentences = |doc: &Document| -> Vec<String> {
            calendar(doc, IcsScope::All)
                .replace("\r\n ", "")
                .lines()
                .filter_map(|l| l.strip_prefix("DESCRIPTION:"))
                .map(|d| {
                    d.split("\\n")
                        .find(|p| p.starts_with('“'))
                        .unwrap_or("")
                        .to_string()
                })
                .collect()
        };
        let in_order = sentences(&doc);
        assert_eq!(
            in_order,
            [
                "“2017年10月12日下午举行。”",
                "“10月17日举办扶贫论坛。”",
                "“10月18日起集中报道。”",
                "“11月1日召开总结会。”"
            ]
        );
        // Out of reading order (as a caller may pass them): still each its own.
        doc.events.reverse();
        let mut reversed = sentences(&doc);
        reversed.reverse();
        assert_eq!(reversed, in_order);
    }
}

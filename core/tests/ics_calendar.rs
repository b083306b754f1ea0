//! The .ics writer, validated by parsing its output back with a real
//! iCalendar parser (the `icalendar` crate), not by string comparison.

use icalendar::{Calendar, CalendarComponent, Component, DatePerhapsTime};
use shilu_core::ics::{self, IcsScope};
use shilu_core::model::*;

fn seed() -> Document {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../seeds/shanxi-2017-10-12-deep-poverty-press-conference.txt"
    ))
    .unwrap();
    shilu_core::analysed(&text, None)
}

/// (summary, start, exclusive end) of every VEVENT.
fn parsed(ics: &str) -> (Calendar, Vec<(String, String, String)>) {
    let cal: Calendar = ics.parse().expect("the parser reads it");
    let rows = cal
        .components
        .iter()
        .filter_map(CalendarComponent::as_event)
        .map(|e| {
            let date = |d: Option<DatePerhapsTime>| match d {
                Some(DatePerhapsTime::Date(d)) => d.format("%Y-%m-%d").to_string(),
                other => panic!("not an all-day date: {other:?}"),
            };
            (
                e.get_summary().unwrap().to_string(),
                date(e.get_start()),
                date(e.get_end()),
            )
        })
        .collect();
    (cal, rows)
}

fn row(s: &str, start: &str, end: &str) -> (String, String, String) {
    (s.into(), start.into(), end.into())
}

#[test]
fn the_activities_calendar() {
    let doc = seed();
    let ics = ics::calendar(&doc, IcsScope::Activities);
    let (cal, rows) = parsed(&ics);
    assert_eq!(
        rows,
        vec![
            row("全国扶贫日", "2017-10-17", "2017-10-18"),
            row("开展“五进”宣讲活动", "2017-09-01", "2017-11-01"),
            row("举办攻坚深度贫困论坛", "2017-10-17", "2017-10-18"),
            row("组织扶贫文艺节目汇演", "2017-10-17", "2017-10-18"),
            row("召开新闻媒体通气会", "2017-10-17", "2017-10-18"),
            row(
                "各市县和省直各单位将活动开展情况报送省扶贫日活动办公室",
                "2017-10-18",
                "2017-10-23"
            ),
        ]
    );
    assert_eq!(
        cal.property_value("X-WR-CALNAME"),
        Some("“聚焦深度贫困 凝心聚力攻坚”新闻发布会 · 活动安排")
    );
    assert_eq!(
        cal.property_value("PRODID"),
        Some("-//shilu//shilu-core//ZH")
    );
    assert_eq!(cal.property_value("VERSION"), Some("2.0"));
    let forum = cal
        .components
        .iter()
        .filter_map(CalendarComponent::as_event)
        .find(|e| e.get_summary() == Some("举办攻坚深度贫困论坛"))
        .unwrap();
    let desc = forum.get_description().unwrap();
    assert!(desc.contains("时间:10月17日上午"), "{desc}");
    assert!(desc.contains("牵头单位:省扶贫办"), "{desc}");
    assert!(desc.contains("发言人:张建成"), "{desc}");
    // The comma in the sentence came back unescaped.
    assert!(
        desc.contains("“10月17日上午,举办攻坚深度贫困论坛。”"),
        "{desc}"
    );
    assert!(forum.get_uid().unwrap().ends_with("@shilu"));
}

#[test]
fn the_full_calendar() {
    let doc = seed();
    let ics = ics::calendar(&doc, IcsScope::All);
    let (_, rows) = parsed(&ics);
    let dated = shilu_core::events::extract(&doc)
        .into_iter()
        .filter(|e| e.start.is_some())
        .count();
    assert_eq!(rows.len(), dated);
    assert!(rows.contains(&row(
        "国务院扶贫开发领导小组召开深度贫困地区脱贫攻坚电视电话会",
        "2017-09-28",
        "2017-09-29"
    )));
    assert!(rows.contains(&row("李克强总理视察我省时", "2017-09-04", "2017-09-06")));
    assert!(rows.contains(&row(
        "组织开展易地扶贫搬迁对象进一步核准工作",
        "2017-08-01",
        "2017-09-01"
    )));
    assert!(rows.contains(&row("全部建成并网发电", "2018-01-01", "2018-07-01")));
}

#[test]
fn lines_are_folded_crlf_and_reproducible() {
    let doc = seed();
    let ics = ics::calendar(&doc, IcsScope::All);
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    // CRLF everywhere, no bare LF, every physical line ≤ 75 octets.
    assert_eq!(ics.matches('\n').count(), ics.matches("\r\n").count());
    let mut folded = 0;
    for l in ics.split("\r\n") {
        assert!(l.len() <= 75, "{} octets: {l}", l.len());
        if l.starts_with(' ') {
            folded += 1;
        }
    }
    assert!(folded > 10, "long Chinese lines were folded");
    // Unfolding (remove CRLF + one space) restores complete UTF-8 lines.
    let unfolded = ics.replace("\r\n ", "");
    assert!(unfolded
        .lines()
        .any(|l| l.starts_with("DESCRIPTION:") && l.contains("牵头单位:省委宣传部、省扶贫办")));
    // No wall clock: the same document gives the same bytes.
    assert_eq!(ics, ics::calendar(&doc, IcsScope::All));
    assert!(ics.contains("DTSTAMP:20171013T065700Z\r\n"));
}

#[test]
fn events_without_a_date_are_skipped_and_text_escaped() {
    let mut doc = Document::default();
    doc.meta.title = "测试; 标题, 带\\符号".into();
    doc.meta.date = Some("2024-11-20".into());
    let long = "很长的中文标签".repeat(12);
    doc.events = vec![
        Event {
            id: "e1".into(),
            start: Some("2024-12-01".into()),
            end: None,
            precision: Some(Precision::Day),
            part_of_day: None,
            phrase: "12月1日起".into(),
            label: format!("实施;新规,{long}"),
            speaker: Some("某人".into()),
            lead_unit: None,
            block: "t1-b1".into(),
            status: Some(Status::Planned),
            activity: true,
        },
        Event {
            id: "e2".into(),
            start: None,
            end: None,
            precision: None,
            part_of_day: None,
            phrase: String::new(),
            label: "没有日期".into(),
            speaker: None,
            lead_unit: None,
            block: "t1-b2".into(),
            status: Some(Status::Planned),
            activity: true,
        },
    ];
    let ics = ics::calendar(&doc, IcsScope::Activities);
    let (cal, rows) = parsed(&ics);
    assert_eq!(
        rows,
        vec![row(
            &format!("实施;新规,{long}"),
            "2024-12-01",
            "2024-12-02"
        )]
    );
    assert_eq!(
        cal.property_value("X-WR-CALNAME"),
        Some("测试; 标题, 带\\符号 · 活动安排")
    );
    assert!(ics.contains("SUMMARY:实施\\;新规\\,"));
    for l in ics.split("\r\n") {
        assert!(l.len() <= 75);
    }
}

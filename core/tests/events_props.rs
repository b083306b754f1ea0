//! Property tests for dates, events, figures and the .ics writer: no panics
//! on date-like noise, spans that index the text, sane ranges, and calendars
//! that stay within 75 octets a line.

use proptest::prelude::*;
use proptest::sample::select;
use shilu_core::dates::{self, Date, DateContext};
use shilu_core::ics::{self, IcsScope};
use shilu_core::{events, figures, model::*};

/// Pieces that make date-like and number-like noise.
const PIECES: &[&str] = &[
    "0",
    "1",
    "2",
    "9",
    "10",
    "12",
    "17",
    "31",
    "2017",
    "2019",
    "2025",
    ".",
    "·",
    "．",
    "年",
    "月",
    "日",
    "号",
    "份",
    "至",
    "—",
    "-",
    "~",
    "到",
    "前",
    "后",
    "起",
    "底",
    "初",
    "末",
    "今年",
    "明年",
    "去年",
    "上半年",
    "下午",
    "上午",
    "晚",
    "扶贫日",
    "全国扶贫日",
    "活动结束",
    "内",
    "是",
    "“",
    "”",
    ",",
    "。",
    ";",
    "、",
    "万",
    "亿",
    "元",
    "个",
    "%",
    "多",
    "第",
    "(牵头单位:省扶贫办)",
    "(一)",
    "1、",
    "十",
    "五",
    "二〇",
    "旬",
    "季度",
    " ",
    "\u{3000}",
    "１",
    "０",
    "a",
    "贫困人口",
];

fn noise() -> impl Strategy<Value = String> {
    prop::collection::vec(select(PIECES), 0..30).prop_map(|v| v.concat())
}

fn doc_of(paragraphs: &[String]) -> Document {
    let mut doc = Document::default();
    doc.meta.date = Some("2017-10-12".into());
    doc.turns.push(Turn {
        id: "t1".into(),
        speaker: "某人".into(),
        participant: "p1".into(),
        role: Role::Official,
        title: None,
        outlet: None,
        label: "某人".into(),
        time: None,
        blocks: paragraphs
            .iter()
            .enumerate()
            .map(|(i, p)| Block {
                id: format!("t1-b{}", i + 1),
                kind: if i % 2 == 0 {
                    BlockKind::Item
                } else {
                    BlockKind::Paragraph
                },
                level: 2,
                marker: None,
                heading: None,
                text: p.clone(),
                note: None,
                lead_unit: None,
            })
            .collect(),
    });
    doc
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn date_spans_index_the_text(text in noise()) {
        let ctx = DateContext::new(Date::parse_iso("2017-10-12"));
        let mut last = 0;
        for e in dates::find(&text, &ctx) {
            prop_assert_eq!(&text[e.span.clone()], e.phrase.as_str());
            prop_assert!(e.span.start >= last, "in order, not overlapping");
            last = e.span.end;
            if let Some(end) = e.end {
                prop_assert!(end >= e.start, "{:?}", e);
            }
        }
    }

    #[test]
    fn figure_spans_index_the_text(text in noise()) {
        let ctx = DateContext::new(Date::parse_iso("2017-10-12"));
        for f in figures::find(&text, &ctx) {
            prop_assert_eq!(&text[f.span.clone()], f.text.as_str());
            prop_assert!(f.value.is_finite() && f.value >= 0.0);
        }
    }

    #[test]
    fn events_and_calendars_hold_up(paragraphs in prop::collection::vec(noise(), 0..6)) {
        let doc = doc_of(&paragraphs);
        let ev = events::extract(&doc);
        for e in &ev {
            if let (Some(s), Some(t)) = (&e.start, &e.end) {
                prop_assert!(s <= t);
            }
            prop_assert!(e.start.is_some() || e.activity);
        }
        let _ = figures::extract(&doc);
        for scope in [IcsScope::All, IcsScope::Activities] {
            let out = ics::calendar(&doc, scope);
            for line in out.split("\r\n") {
                prop_assert!(line.len() <= 75);
            }
            let cal: Result<icalendar::Calendar, _> = out.parse();
            prop_assert!(cal.is_ok(), "{}", out);
        }
    }
}

//! Other transcript formats, from the fixtures in tests/fixtures/.

mod common;

use common::*;
use shilu_core::{analysed, BlockKind, Document, Role};

fn doc(name: &str) -> Document {
    analysed(&fixture(name), None)
}

fn speakers(d: &Document) -> Vec<(&str, Role)> {
    d.turns
        .iter()
        .map(|t| (t.speaker.as_str(), t.role))
        .collect()
}

#[test]
fn every_fixture_is_lossless() {
    for name in fixtures() {
        let text = fixture(&name);
        let d = analysed(&text, None);
        assert!(!d.turns.is_empty(), "{name} has turns");
        assert_lossless(&text, &d);
        assert_lossless_any(&text, &d);
    }
}

#[test]
fn inline_labels_titles_headers_fullwidth_crlf() {
    let raw = std::fs::read_to_string(fixture_path("fullwidth-inline-crlf.txt")).unwrap();
    assert!(
        raw.contains("\r\n") && raw.contains('\u{FF1A}'),
        "fixture is CRLF and fullwidth"
    );
    let d = doc("fullwidth-inline-crlf.txt");
    use Role::*;
    assert_eq!(
        speakers(&d),
        [
            ("王某", Host),
            ("张某", Official),
            ("中国环境报记者", Journalist),
            ("李某", Official),
            ("王某", Host)
        ]
    );
    // Inline label: the speech starts the turn.
    let t1 = &d.turns[0];
    assert_eq!(
        t1.label,
        "主持人\u{FF08}省生态环境厅宣教处处长王某\u{FF09}\u{FF1A}"
    );
    assert!(t1.blocks[0].text.starts_with("各位记者朋友"));
    assert_eq!(t1.blocks[1].kind, BlockKind::Caption);
    // Titled label.
    assert_eq!(
        d.turns[1].label,
        "某省生态环境厅副厅长、新闻发言人张某\u{FF1A}"
    );
    // Header lines are front matter, not speech, and name participants.
    let headers: Vec<_> = d
        .front
        .iter()
        .filter(|b| b.kind == BlockKind::Header)
        .collect();
    assert_eq!(headers.len(), 4);
    assert!(headers[0].text.starts_with("发布人"));
    let p = |n: &str| d.participants.iter().find(|p| p.name == n).unwrap();
    assert_eq!(
        p("张某").title.as_deref(),
        Some("某省生态环境厅副厅长、新闻发言人")
    );
    assert_eq!(
        p("李某").title.as_deref(),
        Some("某省生态环境厅水生态环境处处长")
    );
    assert_eq!(p("王某").role, Host);
    assert_eq!(p("王某").title.as_deref(), Some("某省生态环境厅宣教处处长"));
    assert_eq!(p("中国环境报记者").outlet.as_deref(), Some("中国环境报"));
    // Fullwidth enumeration and note.
    let items: Vec<_> = d.turns[1]
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Item)
        .collect();
    assert_eq!(items.len(), 3);
    assert_eq!(
        items[1].lead_unit.as_deref(),
        Some("省生态环境厅、省水利厅")
    );
    assert_eq!(
        items[1].note.as_deref(),
        Some("\u{FF08}牵头单位\u{FF1A}省生态环境厅、省水利厅\u{FF09}")
    );
    // The vocative line inside the speech is not a label.
    assert_eq!(d.turns[1].blocks[0].text, "各位记者朋友\u{FF1A}");
    assert_eq!(d.meta.date.as_deref(), Some("2021-06-05"));
    assert_eq!(d.meta.place.as_deref(), Some("某省新闻发布厅"));
    assert_eq!(d.qa.len(), 1);
    assert!(d.appendix.is_empty());
}

#[test]
fn traditional_characters_and_timestamps() {
    let d = doc("traditional-timestamps.txt");
    use Role::*;
    assert_eq!(
        speakers(&d),
        [
            ("胡某", Host),
            ("陳某", Official),
            ("香港商報記者", Journalist),
            ("陳某", Official),
            ("胡某", Host)
        ]
    );
    let times: Vec<Option<&str>> = d.turns.iter().map(|t| t.time.as_deref()).collect();
    assert_eq!(
        times,
        [
            Some("2019-03-07 10\u{FF1A}00\u{FF1A}05"),
            Some("2019-03-07 10\u{FF1A}05\u{FF1A}12"),
            Some("2019-03-07 10\u{FF1A}20\u{FF1A}30"),
            Some("2019-03-07 10\u{FF1A}21\u{FF1A}00"),
            None
        ]
    );
    assert_eq!(d.meta.published.as_deref(), Some("2019-03-07T10:00"));
    assert_eq!(d.meta.date.as_deref(), Some("2019-03-07"));
    assert_eq!(d.meta.organiser.as_deref(), Some("國務院新聞辦公室"));
    assert_eq!(d.meta.place.as_deref(), Some("國務院新聞辦新聞發布廳"));
    let chen = d.participants.iter().find(|p| p.name == "陳某").unwrap();
    assert_eq!(chen.title.as_deref(), Some("某部部長"));
    assert_eq!(
        d.participants
            .iter()
            .find(|p| p.name == "香港商報記者")
            .unwrap()
            .outlet
            .as_deref(),
        Some("香港商報")
    );
    let outline: Vec<(BlockKind, u8)> = d.turns[1]
        .blocks
        .iter()
        .skip(1)
        .map(|b| (b.kind, b.level))
        .collect();
    assert_eq!(
        outline,
        [
            (BlockKind::Heading, 1),
            (BlockKind::Item, 2),
            (BlockKind::Item, 2)
        ]
    );
    assert_eq!(d.appendix.len(), 1);
    assert_eq!(d.appendix[0].text, "責任編輯\u{FF1A}趙某");
    assert_eq!(d.qa.len(), 1);
}

#[test]
fn question_and_answer_transcripts() {
    let d = doc("qa-format.txt");
    use Role::*;
    assert_eq!(
        speakers(&d),
        [
            ("问", Journalist),
            ("答", Official),
            ("问", Journalist),
            ("答", Official)
        ]
    );
    assert_eq!(d.qa.len(), 2);
    assert_eq!(d.qa[1].question, "t3");
    assert_eq!(d.qa[1].answers, ["t4"]);
    assert_eq!(d.turns[1].blocks.len(), 2);
    assert_eq!(d.meta.published.as_deref(), Some("2020-05-12T15:30"));
    assert_eq!(d.front[1].kind, BlockKind::Header);
}

#[test]
fn indented_transcript_with_known_names() {
    let d = doc("indented-names.txt");
    use Role::*;
    assert_eq!(
        speakers(&d),
        [
            ("孙某", Host),
            ("赵某某", Official),
            ("市广播电视台记者", Journalist),
            ("钱某", Official),
            ("孙某", Host)
        ]
    );
    assert_eq!(d.meta.organiser.as_deref(), Some("市政府新闻办"));
    assert_eq!(d.meta.place.as_deref(), Some("市民中心"));
    assert_eq!(d.meta.date.as_deref(), Some("2020-09-03"));
    let t = &d.turns[1];
    let levels: Vec<(Option<&str>, u8)> = t
        .blocks
        .iter()
        .filter(|b| b.marker.is_some())
        .map(|b| (b.marker.as_deref(), b.level))
        .collect();
    assert_eq!(
        levels,
        [
            (Some("1."), 1),
            (Some("2."), 1),
            (Some("\u{FF08}1\u{FF09}"), 2),
            (Some("\u{FF08}2\u{FF09}"), 2),
            (Some("3."), 1)
        ]
    );
    assert_eq!(d.appendix.len(), 2);
    assert_eq!(d.appendix[1].kind, BlockKind::Caption);
}

#[test]
fn labels_with_nbsp_and_ascii_or_fullwidth_colons() {
    for colon in [":", "\u{FF1A}"] {
        for space in [" ", "\u{a0}\u{a0}", "\u{3000}", ""] {
            let text = format!("标题\n主持人{space}王某{colon}\n大家好。\n张某{colon}\n谢谢。\n");
            let d = analysed(&text, None);
            assert_eq!(
                speakers(&d),
                [("王某", Role::Host), ("张某", Role::Other)],
                "{space:?}{colon}"
            );
            assert_lossless(&text, &d);
        }
    }
}

#[test]
fn no_structure_is_front_matter() {
    let text = "一段没有任何结构的文字。\n第二段。";
    let d = analysed(text, None);
    assert!(d.turns.is_empty());
    assert_eq!(d.front.len(), 2);
    assert_lossless(text, &d);
}

#[test]
fn label_alone_is_a_turn_without_blocks() {
    let text = "主持人:\n问:\n答:";
    let d = analysed(text, None);
    assert_eq!(d.turns.len(), 3);
    assert!(d.turns.iter().all(|t| t.blocks.is_empty()));
    assert_lossless(text, &d);
}

#[test]
fn bare_host_label_is_the_host_the_intro_names() {
    let text = "标题\n新闻发布会由市委宣传部副部长孙某主持。\n主持人:\n大家好。\n主持人:\n谢谢。\n";
    let d = analysed(text, None);
    assert_eq!(speakers(&d), [("孙某", Role::Host), ("孙某", Role::Host)]);
    assert_eq!(d.turns[0].label, "主持人:");
    assert_eq!(d.participants.len(), 1);
    assert_lossless(text, &d);
}

#[test]
fn title_after_a_stamp() {
    let text = "2019-03-07 10:00\n某某新闻发布会\n主持人 王某:\n大家好。\n";
    let d = analysed(text, None);
    assert_eq!(d.meta.title, "某某新闻发布会");
    assert_eq!(d.front[0].kind, BlockKind::Stamp);
    assert_eq!(d.front[1].kind, BlockKind::Title);
    assert_eq!(d.meta.published.as_deref(), Some("2019-03-07T10:00"));
}

//! The seed transcript: structure, participants, meta, sections, Q&A,
//! appendix, ids and losslessness.

mod common;

use common::*;
use shilu_core::{analysed, BlockKind, Document, Role};

fn seed() -> Document {
    analysed(&seed_text(), None)
}

#[test]
fn twelve_turns_in_order() {
    let d = seed();
    let speakers: Vec<&str> = d.turns.iter().map(|t| t.speaker.as_str()).collect();
    assert_eq!(
        speakers,
        [
            "董晓林",
            "刘志杰",
            "董晓林",
            "张建成",
            "董晓林",
            "山西日报记者",
            "李武军",
            "太原日报记者",
            "高耀东",
            "山西新闻网记者",
            "张建成",
            "董晓林"
        ]
    );
    let roles: Vec<Role> = d.turns.iter().map(|t| t.role).collect();
    use Role::*;
    assert_eq!(
        roles,
        [
            Host, Official, Host, Official, Host, Journalist, Official, Journalist, Official,
            Journalist, Official, Host
        ]
    );
    assert!(d.turns[0].label.starts_with("主持人"));
    assert!(d.turns[0].label.ends_with("董晓林:"));
    assert_eq!(d.turns[5].label, "山西日报记者:");
}

#[test]
fn participants_from_the_intro() {
    let d = seed();
    let find = |n: &str| {
        d.participants
            .iter()
            .find(|p| p.name == n)
            .unwrap_or_else(|| panic!("{n}"))
    };
    let expect = [
        ("刘志杰", "省扶贫办主任", Role::Official),
        ("张建成", "省扶贫办副主任、新闻发言人", Role::Official),
        ("高耀东", "省扶贫办计财处处长", Role::Official),
        ("李武军", "省扶贫办移民处处长", Role::Official),
        ("董晓林", "省委宣传部副部长", Role::Host),
    ];
    for (name, title, role) in expect {
        let p = find(name);
        assert_eq!(p.title.as_deref(), Some(title), "{name}");
        assert_eq!(p.role, role, "{name}");
    }
    let j = find("山西日报记者");
    assert_eq!(j.role, Role::Journalist);
    assert_eq!(j.outlet.as_deref(), Some("山西日报"));
    assert_eq!(find("山西新闻网记者").outlet.as_deref(), Some("山西新闻网"));
    // Intro first, in the intro's order; then new voices.
    let names: Vec<&str> = d.participants.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        &names[..5],
        ["刘志杰", "张建成", "高耀东", "李武军", "董晓林"]
    );
    assert_eq!(d.participants.len(), 8);
    // Every turn points at its participant.
    for t in &d.turns {
        assert_eq!(d.participant(&t.participant).unwrap().name, t.speaker);
    }
    let ids: Vec<&str> = d.participants.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8"]);
}

#[test]
fn meta() {
    let m = seed().meta;
    assert_eq!(m.title, "“聚焦深度贫困 凝心聚力攻坚”新闻发布会");
    assert_eq!(m.published.as_deref(), Some("2017-10-13T14:57"));
    assert_eq!(m.date.as_deref(), Some("2017-10-12"));
    assert_eq!(m.date_text.as_deref(), Some("10月12日下午"));
    assert_eq!(m.organiser.as_deref(), Some("省政府新闻办"));
    assert_eq!(m.place.as_deref(), Some("山西省"));
}

#[test]
fn date_year_comes_from_the_stamp() {
    let text = seed_text().replace("13.10.2017", "13.10.2018");
    assert_eq!(
        analysed(&text, None).meta.date.as_deref(),
        Some("2018-10-12")
    );
    // Published in January: the conference was the year before.
    let text = seed_text().replace("13.10.2017", "02.01.2018");
    assert_eq!(
        analysed(&text, None).meta.date.as_deref(),
        Some("2017-10-12")
    );
}

#[test]
fn front_matter() {
    let d = seed();
    let kinds: Vec<BlockKind> = d.front.iter().map(|b| b.kind).collect();
    assert_eq!(
        kinds,
        [
            BlockKind::Title,
            BlockKind::Stamp,
            BlockKind::Heading,
            BlockKind::Heading,
            BlockKind::Paragraph
        ]
    );
    assert_eq!(d.front[3].text, "全程文字实录");
    assert!(d.front[4].text.starts_with("10月12日下午"));
    let ids: Vec<&str> = d.front.iter().map(|b| b.id.as_str()).collect();
    assert_eq!(ids, ["f1", "f2", "f3", "f4", "f5"]);
}

#[test]
fn ten_dash_sections_in_the_directors_speech() {
    let d = seed();
    let t = &d.turns[1];
    let sections: Vec<_> = t
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Section)
        .collect();
    assert_eq!(sections.len(), 10);
    for s in &sections {
        assert_eq!(s.marker.as_deref(), Some("——"));
        assert!(s.heading.as_deref().unwrap().ends_with('。'));
    }
    assert_eq!(sections[0].heading.as_deref(), Some("聚焦攻坚重点。"));
    assert!(sections[0].text.starts_with("总书记指出"));
    assert_eq!(sections[9].heading.as_deref(), Some("落实“六个帮扶”责任。"));
    // The vocative line is speech, not a label.
    assert_eq!(t.blocks[0].text, "新闻界的各位朋友:");
}

#[test]
fn outline_in_the_activity_plan() {
    let d = seed();
    let t = &d.turns[3];
    let b = |text: &str| {
        t.blocks
            .iter()
            .find(|b| b.full_text().starts_with(text))
            .unwrap_or_else(|| panic!("{text}"))
    };
    let h = b("一、活动宗旨");
    assert_eq!((h.kind, h.level), (BlockKind::Heading, 1));
    assert_eq!(h.marker.as_deref(), Some("一、"));
    assert_eq!(h.heading.as_deref(), Some("活动宗旨"));
    let i = b("(一)政府主导。");
    assert_eq!((i.kind, i.level), (BlockKind::Item, 2));
    assert_eq!(i.marker.as_deref(), Some("(一)"));
    assert_eq!(i.heading.as_deref(), Some("政府主导。"));
    let i = b("1、单位包村帮扶。");
    assert_eq!((i.kind, i.level), (BlockKind::Item, 3));
    assert_eq!(i.heading.as_deref(), Some("单位包村帮扶。"));
    assert_eq!(i.lead_unit.as_deref(), Some("各包村单位"));
    let i = b("(一)开展“五进”宣讲活动。");
    assert_eq!(i.note.as_deref(), Some("(牵头单位:省直工委)"));
    assert_eq!(i.lead_unit.as_deref(), Some("省直工委"));
    let i = b("3、企业合作帮扶。");
    assert_eq!(i.lead_unit.as_deref(), Some("省国资委、省工商联"));
    let h = b("(三)开展深化“六个帮扶”系列活动");
    assert_eq!((h.kind, h.level), (BlockKind::Heading, 2));
    let levels: Vec<u8> = t
        .blocks
        .iter()
        .filter(|b| b.marker.is_some())
        .map(|b| b.level)
        .collect();
    assert!(levels.iter().all(|l| (1..=3).contains(l)));
}

#[test]
fn enumerations_in_the_relocation_answer() {
    let d = seed();
    let t = &d.turns[6];
    assert_eq!(t.speaker, "李武军");
    let items: Vec<_> = t
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Item)
        .collect();
    let markers: Vec<&str> = items.iter().map(|b| b.marker.as_deref().unwrap()).collect();
    assert_eq!(markers, ["一是", "二是", "三是", "四是", "五是"]);
    assert_eq!(items[0].heading.as_deref(), Some("进一步夯实基础工作。"));
}

#[test]
fn questions_paired_with_answers() {
    let d = seed();
    let pairs: Vec<(&str, Vec<&str>)> =
        d.qa.iter()
            .map(|q| {
                (
                    q.question.as_str(),
                    q.answers.iter().map(String::as_str).collect(),
                )
            })
            .collect();
    assert_eq!(
        pairs,
        [("t6", vec!["t7"]), ("t8", vec!["t9"]), ("t10", vec!["t11"])]
    );
}

#[test]
fn trailing_residue_is_the_appendix() {
    let d = seed();
    let last = d.turns.last().unwrap();
    assert!(last.blocks.last().unwrap().text.ends_with("谢谢大家!"));
    assert_eq!(d.appendix.len(), 6);
    assert_eq!(d.appendix[0].text, "省财政拨付专项资金助力脱贫攻坚");
    assert_eq!(d.appendix[4].text, "那山 那水 那人");
    assert!(d.appendix[5].text.starts_with("--乡宁县气象局"));
    let ids: Vec<&str> = d.appendix.iter().map(|b| b.id.as_str()).collect();
    assert_eq!(ids, ["a1", "a2", "a3", "a4", "a5", "a6"]);
}

#[test]
fn ids_are_stable_and_unique() {
    let d = seed();
    for (i, t) in d.turns.iter().enumerate() {
        assert_eq!(t.id, format!("t{}", i + 1));
        for (k, b) in t.blocks.iter().enumerate() {
            assert_eq!(b.id, format!("t{}-b{}", i + 1, k + 1));
        }
    }
    let mut ids: Vec<&str> = d.blocks().map(|b| b.id.as_str()).collect();
    let n = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), n);
    // Same input, same ids.
    assert_eq!(analysed(&seed_text(), None), d);
}

#[test]
fn lossless() {
    let text = seed_text();
    let d = analysed(&text, None);
    assert_lossless(&text, &d);
    assert_lossless_any(&text, &d);
}

#[test]
fn json_has_the_contract_keys() {
    let v: serde_json::Value = serde_json::to_value(seed()).unwrap();
    for k in [
        "meta",
        "participants",
        "front",
        "turns",
        "qa",
        "appendix",
        "events",
        "figures",
    ] {
        assert!(v.get(k).is_some(), "{k}");
    }
    let t = &v["turns"][0];
    assert_eq!(t["speaker"], "董晓林");
    assert_eq!(t["role"], "host");
    assert_eq!(v["turns"][5]["role"], "journalist");
    for k in [
        "figure_details",
        "checks",
        "documents",
        "programmes",
        "lead_units",
    ] {
        assert!(v.get(k).is_some_and(|x| x.is_array()), "{k}");
    }
    // No raw copy of the whole input: the turns hold the text once, the
    // analysis (events, figures and their details, checks) adds about as
    // much again.
    let json = serde_json::to_string(&v).unwrap();
    assert!(json.len() < 4 * seed_bytes().len());
}

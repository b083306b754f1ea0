//! Property tests: the parser never panics and loses nothing, on arbitrary
//! text and on text built from transcript-like pieces.

mod common;

use common::*;
use proptest::prelude::*;
use proptest::sample::select;
use shilu_core::{analysed, analysed_bytes};

/// Pieces of transcripts, including the awkward ones.
const PIECES: &[&str] = &[
    "主持人",
    "主持人 董晓林",
    "主持人\u{a0}\u{a0}王某",
    "刘志杰",
    "张某",
    "王某",
    "山西日报记者",
    "記者",
    "问",
    "答",
    "問",
    "发言人张某",
    "某省生态环境厅副厅长、新闻发言人张某",
    "主持人(省生态环境厅宣教处处长王某)",
    "主持人\u{FF08}王某\u{FF09}",
    "新闻界的各位朋友",
    "各位",
    "——聚焦攻坚重点。",
    "一、活动宗旨",
    "(一)政府主导。",
    "\u{FF08}二\u{FF09}协同联动。",
    "1、单位包村帮扶。",
    "1.",
    "10.17",
    "一是进一步。",
    "第一,",
    "(牵头单位:省直工委)",
    "\u{FF08}牵头单位\u{FF1A}省国资委、省工商联\u{FF09}",
    "谢谢大家!",
    "今天的新闻发布会到此结束,谢谢大家!",
    "到此结束",
    "13.10.2017  14:57",
    "2019-03-07 10:52:20",
    "10:52",
    "中国网 李某摄",
    "图为",
    "发布人:",
    "时间:",
    "地点:",
    "10月12日下午",
    "省政府新闻办举行新闻发布会",
    "在",
    "举行",
    "由",
    "主持",
    "山西",
    "。",
    ",",
    "\u{FF0C}",
    ":",
    "\u{FF1A}",
    "(",
    ")",
    "\u{FF08}",
    "\u{FF09}",
    "\u{a0}",
    "\u{3000}",
    " ",
    "\t",
    "“",
    "”",
    "、",
    "\u{FEFF}",
    "\u{200B}",
    "a",
    "0",
    "x:y",
    "::",
    "：：",
];
const COLONS: &[&str] = &[":", "\u{FF1A}", "", " :", "︰"];
const BREAKS: &[&str] = &["\n", "\r\n", "\r", "\n\n", "\n \n"];

fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        // A run of pieces.
        prop::collection::vec(select(PIECES), 0..6).prop_map(|v| v.concat()),
        // A label-ish line: indent, piece, colon, optional speech.
        (
            select(&["", "  ", "\u{a0}\u{a0}", "\u{3000}\u{3000}", "\t"][..]),
            select(PIECES),
            select(COLONS),
            prop::collection::vec(select(PIECES), 0..3)
        )
            .prop_map(|(i, p, c, rest)| format!("{i}{p}{c}{}", rest.concat())),
        // Anything at all.
        any::<String>(),
        "[\\PC]{0,30}",
    ]
}

fn document() -> impl Strategy<Value = String> {
    prop::collection::vec((line(), select(BREAKS)), 0..40).prop_map(|v| {
        v.into_iter()
            .map(|(l, b)| format!("{l}{b}"))
            .collect::<String>()
    })
}

fn check(text: &str) {
    let d = analysed(text, None);
    assert_lossless_any(text, &d);
    // Ids are unique and shaped as promised.
    let mut ids: Vec<&str> = d.blocks().map(|b| b.id.as_str()).collect();
    let n = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), n, "unique block ids");
    for (i, t) in d.turns.iter().enumerate() {
        assert_eq!(t.id, format!("t{}", i + 1));
        assert!(d.participant(&t.participant).is_some());
    }
    for q in &d.qa {
        assert!(d.turn(&q.question).is_some());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_is_lossless(text in any::<String>()) {
        check(&text);
    }

    #[test]
    fn transcript_like_text_is_lossless(text in document()) {
        check(&text);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        if let Ok(d) = analysed_bytes(&bytes, None) {
            let text = shilu_core::decode(&bytes).unwrap();
            assert_lossless_any(&text, &d);
        }
    }

}

proptest! {
    // Each case parses the whole seed: fewer of them.
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn seed_with_a_line_replaced_is_lossless(i in 0usize..200, l in line()) {
        let text = seed_text();
        let mut lines: Vec<&str> = text.lines().collect();
        let i = i % lines.len();
        lines[i] = &l;
        check(&lines.join("\n"));
    }
}

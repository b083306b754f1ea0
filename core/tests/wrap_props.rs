//! Property test: hard-wrapping every speech at 30 characters, each label
//! still at the start of its line, leaves the speakers and roles as they
//! were (a record converted from print wraps its lines; a reader still
//! sees the same people).

use proptest::prelude::*;
use proptest::sample::select;
use shilu_core::structure;

/// A conference's intro and the labels its speakers use: the first is
/// the one who opens (with what they say first).
struct Cast {
    intro: &'static str,
    opening: &'static str,
    labels: &'static [&'static str],
}

const CASTS: &[Cast] = &[
    Cast {
        intro: "10月12日下午，省政府新闻办举行新闻发布会。省扶贫办主任刘志杰、省扶贫办副主任张建成介绍有关情况。新闻发布会由省委宣传部副部长董晓林主持。",
        opening: "主持人 董晓林",
        labels: &["刘志杰", "张建成", "山西日报记者", "问", "答", "主持人 董晓林"],
    },
    Cast {
        intro: "議員質詢的口頭答覆",
        opening: "主席",
        labels: &["林志明議員", "陳美玲議員", "教育局局長", "發展局局長", "主席"],
    },
    Cast {
        intro: "市政府新闻办新闻发布会实录",
        opening: "主持人",
        labels: &["周文", "吴敏", "都市报记者", "主持人"],
    },
    Cast {
        intro: "發布會由新聞處主持。",
        opening: "主持人",
        labels: &["鏡傳媒", "行政長官", "記者", "黎志明"],
    },
];

/// Clauses of speech: no colons, so no clause reads as a label.
const CLAUSES: &[&str] = &[
    "今年全省新增就业岗位十二万个，",
    "我们将继续推进这项工作。",
    "资金将在九月底前全部拨付到位。",
    "请问这项政策何时落地？",
    "补贴资金已纳入年度预算，分两批下达。",
    "就質詢第一部分，我現綜合答覆如下。",
    "主席，局長的答覆未有回應時間表，",
    "我們會聯同有關部門全面檢討。",
    "政府可否告知本會",
    "一般而言緊急工程會在三個月內動工",
    "谢谢。",
    "市交通运输局局长周文和市财政局副局长吴敏",
];

/// The opener's first words: in the third cast they introduce the speakers.
const INTRODUCTION: &str = "各位记者朋友，上午好！今天我们请市交通运输局局长周文和市财政局副局长吴敏介绍我市公共交通补贴政策，并回答大家关心的问题。";

/// A transcript: (cast, turns as (label, speech), label alone on its line).
fn transcript() -> impl Strategy<Value = (usize, Vec<(usize, String)>, bool)> {
    let speech = prop::collection::vec(select(CLAUSES), 1..8).prop_map(|c| c.concat());
    (
        0..CASTS.len(),
        prop::collection::vec((0usize..8, speech), 1..14),
        any::<bool>(),
    )
}

fn write(cast: &Cast, turns: &[(usize, String)], alone: bool, wrap: Option<usize>) -> String {
    let mut out = format!("新闻发布会实录\n\n{}\n\n", cast.intro);
    let opening = if cast.labels.contains(&"周文") {
        INTRODUCTION.to_string()
    } else {
        "各位好，现在开始。".to_string()
    };
    let all = std::iter::once((cast.opening, opening)).chain(
        turns
            .iter()
            .map(|(i, s)| (cast.labels[i % cast.labels.len()], s.clone())),
    );
    for (label, speech) in all {
        let text = if alone {
            format!("{label}：\n{speech}")
        } else {
            format!("{label}：{speech}")
        };
        // Wrapped as print does: every line of at most `w` characters, the
        // label where it was, at the start of its line.
        let lines: Vec<String> = match wrap {
            None => text.lines().map(str::to_string).collect(),
            Some(w) => text
                .lines()
                .flat_map(|l| {
                    let chars: Vec<char> = l.chars().collect();
                    chars
                        .chunks(w)
                        .map(|c| c.iter().collect::<String>())
                        .collect::<Vec<_>>()
                })
                .collect(),
        };
        out.push_str(&lines.join("\n"));
        out.push_str("\n\n");
    }
    out
}

/// What a reader sees of the speakers: every turn's speaker and role, and
/// every participant's role.
fn speakers(text: &str) -> (Vec<(String, String)>, Vec<(String, String)>) {
    let doc = structure(text, None);
    let turns = doc
        .turns
        .iter()
        .map(|t| (t.speaker.clone(), t.role.as_str().to_string()))
        .collect();
    let people = doc
        .participants
        .iter()
        .map(|p| (p.name.clone(), p.role.as_str().to_string()))
        .collect();
    (turns, people)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn wrapping_speeches_keeps_speakers_and_roles((cast, turns, alone) in transcript()) {
        let cast = &CASTS[cast];
        let plain = write(cast, &turns, alone, None);
        let wrapped = write(cast, &turns, alone, Some(30));
        let (t1, p1) = speakers(&plain);
        prop_assert_eq!(t1.len(), turns.len() + 1, "every label a turn:\n{}", plain);
        let (t2, p2) = speakers(&wrapped);
        prop_assert_eq!(t1, t2, "turns differ:\n{}", wrapped);
        prop_assert_eq!(p1, p2, "speakers differ:\n{}", wrapped);
    }
}

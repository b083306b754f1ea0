//! Property tests for the checks, documents, programmes and lead units: no
//! panic, and every id they name exists.

mod common;

use common::*;
use proptest::prelude::*;
use proptest::sample::select;
use shilu_core::{analysed, Document};

/// Pieces of figure-dense speech, including the awkward ones.
const PIECES: &[&str] = &[
    "刘志杰:\n",
    "高耀东:\n",
    "主持人 董晓林:\n",
    "今年全省投入达到",
    "其中",
    "中央安排",
    "省级每",
    "人均",
    "共",
    "比上年的",
    "增长",
    "下降",
    "完成年度任务的",
    "扶贫周转金的",
    "的扶贫周转金",
    "投入到深度贫困县",
    "69.64亿元",
    "32.56亿",
    "0亿元",
    "0%",
    "22.6%",
    "100千瓦",
    "15-20万元",
    "7万多",
    "2000个以上",
    "4.82万人",
    "1,000元",
    "１２个",
    "《",
    "》",
    "〈",
    "〉",
    "“",
    "”",
    "“六个帮扶”",
    "雨露计划",
    "八大工程",
    "贫困村提升工程",
    "(牵头单位:",
    "省扶贫办、省金融办",
    ")",
    "牵头单位：",
    "，",
    ",",
    "、",
    "。",
    "；",
    "\n",
    " ",
    "其",
    "中",
    // The other wordings: bases after the rate, ratios, 占, parentheses.
    "，上年为",
    "上年同期是",
    "比2022年增长",
    "2022年为",
    "把总投资中的",
    "总投资12.5亿元",
    "占专项资金的",
    "的比例是",
    "的占比为",
    "用于",
    "（",
    "）",
    "“路长制”",
];

fn speech() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::collection::vec(select(PIECES), 0..80).prop_map(|v| v.concat()),
        any::<String>(),
    ]
}

fn ids_exist(d: &Document) {
    assert_eq!(d.figures.len(), d.figure_details.len());
    for (f, x) in d.figures.iter().zip(&d.figure_details) {
        assert_eq!(f.id, x.figure);
        let b = d.blocks().find(|b| b.id == f.block).expect("figure block");
        let text = b.full_text();
        assert_eq!(text.get(x.span[0]..x.span[1]), Some(f.text.as_str()));
        assert!(x.sentence[0] <= x.span[0] && x.span[1] <= x.sentence[1]);
        assert!(text.get(x.sentence[0]..x.sentence[1]).is_some());
        if let Some(p) = &x.parent {
            assert!(d.figures.iter().any(|g| &g.id == p), "parent {p}");
        }
    }
    let block = |id: &str| d.blocks().any(|b| b.id == id);
    for c in &d.checks {
        assert!(!c.figures.is_empty());
        for id in &c.figures {
            assert!(d.figures.iter().any(|f| &f.id == id), "check figure {id}");
        }
        for b in &c.blocks {
            assert!(block(b), "check block {b}");
        }
    }
    for x in &d.documents {
        assert!(!x.title.is_empty() && !x.mentions.is_empty());
        assert!(x.mentions.iter().all(|b| block(b)));
    }
    for p in &d.programmes {
        assert!(!p.name.is_empty() && !p.mentions.is_empty());
        assert!(p.mentions.iter().all(|b| block(b)));
    }
    for l in &d.lead_units {
        assert!(!l.unit.is_empty() && l.items.iter().all(|b| block(b)));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn figure_dense_text(text in speech()) {
        ids_exist(&analysed(&text, None));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn seed_with_a_line_replaced(i in 0usize..200, l in speech()) {
        let text = seed_text();
        let mut lines: Vec<&str> = text.lines().collect();
        let i = i % lines.len();
        lines[i] = &l;
        ids_exist(&analysed(&lines.join("\n"), None));
    }
}

#[test]
fn fixtures_and_seed() {
    ids_exist(&analysed(&seed_text(), None));
    for name in fixtures() {
        ids_exist(&analysed(&fixture(&name), Some(&name)));
    }
}

//! The checks, documents, programmes and lead units of the seed transcript,
//! against hand-checked expectations.

mod common;

use common::*;
use shilu_core::{analysed, Check, CheckKind, CheckStatus, Document};

fn seed() -> Document {
    analysed(&seed_text(), Some(SEED))
}

/// The figures of a check as written, with their speakers.
fn written(doc: &Document, c: &Check) -> Vec<String> {
    c.figures
        .iter()
        .map(|id| {
            let f = doc.figures.iter().find(|f| &f.id == id).expect("figure");
            format!("{}@{}", f.text, f.speaker.as_deref().unwrap_or(""))
        })
        .collect()
}

fn find<'d>(doc: &'d Document, kind: CheckKind, figures: &[&str]) -> Option<&'d Check> {
    doc.checks.iter().find(|c| {
        c.kind == kind && {
            let w = written(doc, c);
            figures.iter().all(|f| w.iter().any(|x| x == f))
        }
    })
}

#[test]
fn the_two_shares_of_the_revolving_fund_conflict() {
    let doc = seed();
    let c = find(&doc, CheckKind::Conflict, &["22.8%@刘志杰", "22.6%@高耀东"])
        .expect("the 22.8% / 22.6% conflict");
    assert_eq!(c.status, CheckStatus::Inconsistent);
    assert_eq!(c.figures.len(), 2);
    assert!(c.note.contains("扶贫周转金"), "{}", c.note);
    assert_eq!(c.blocks.len(), 2);
    // Conflicts come first.
    assert_eq!(doc.checks[0].kind, CheckKind::Conflict);
    // And this is the only one: 10 and 7 深度贫困县 are different things.
    let conflicts: Vec<_> = doc
        .checks
        .iter()
        .filter(|c| c.kind == CheckKind::Conflict)
        .map(|c| c.note.clone())
        .collect();
    assert_eq!(conflicts.len(), 1, "{conflicts:?}");
}

#[test]
fn the_share_of_22_6_percent_is_4_88_of_21_6() {
    let doc = seed();
    let c = find(
        &doc,
        CheckKind::Share,
        &["22.6%@高耀东", "4.88亿元@高耀东", "21.6亿元@高耀东"],
    )
    .expect("the share check");
    assert_eq!(c.status, CheckStatus::Consistent);
    assert_eq!(c.note, "4.88亿元 ÷ 21.6亿元 = 22.59% ≈ 22.6%");
    // 4.82万 of the 6万 trainees is 80% of the year's task.
    let c = find(
        &doc,
        CheckKind::Share,
        &["80%@刘志杰", "4.82万人@刘志杰", "6万@刘志杰"],
    )
    .expect("the task share");
    assert_eq!(c.status, CheckStatus::Consistent);
}

#[test]
fn the_parts_of_69_64_add_up_twice_and_it_is_repeated() {
    let doc = seed();
    for who in ["刘志杰", "高耀东"] {
        let parts = ["69.64亿元", "32.56亿", "16.61亿元", "9.12亿元", "11.35亿元"]
            .map(|t| format!("{t}@{who}"));
        let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
        let c = find(&doc, CheckKind::Sum, &parts).expect("the sum");
        assert_eq!(c.status, CheckStatus::Consistent, "{}", c.note);
        assert_eq!(c.figures.len(), 5);
        assert_eq!(
            c.note,
            "32.56亿 + 16.61亿元 + 9.12亿元 + 11.35亿元 = 69.64亿元 = 69.64亿元"
        );
    }
    let c = find(
        &doc,
        CheckKind::Repeat,
        &["69.64亿元@刘志杰", "69.64亿元@高耀东"],
    )
    .expect("the repeat");
    assert_eq!(c.status, CheckStatus::Consistent);
    // The solar parts: 138 + 80 = 218 (the 每100千瓦 rate is no part).
    let c = find(&doc, CheckKind::Sum, &["218万千瓦@刘志杰"]).expect("the solar sum");
    assert_eq!(c.figures.len(), 3);
    assert_eq!(c.status, CheckStatus::Consistent);
}

#[test]
fn perturbing_one_part_makes_the_sum_inconsistent() {
    let text = seed_text();
    let at = text.find("市县安排9.12亿元").expect("the part");
    let perturbed = format!(
        "{}市县安排9.32亿元{}",
        &text[..at],
        &text[at + "市县安排9.12亿元".len()..]
    );
    let doc = analysed(&perturbed, Some(SEED));
    let c = find(&doc, CheckKind::Sum, &["9.32亿元@刘志杰"]).expect("the sum");
    assert_eq!(c.status, CheckStatus::Inconsistent);
    assert!(c.note.contains("= 69.84亿元 ≠ 69.64亿元"), "{}", c.note);
    // The other speaker's sum still holds, and the part is no longer a repeat.
    let c = find(&doc, CheckKind::Sum, &["9.12亿元@高耀东"]).expect("the other sum");
    assert_eq!(c.status, CheckStatus::Consistent);
}

#[test]
fn every_check_names_existing_figures_and_blocks() {
    let doc = seed();
    assert!(doc.checks.len() >= 10);
    for c in &doc.checks {
        assert!(!c.figures.is_empty() && !c.note.is_empty());
        for id in &c.figures {
            assert!(doc.figures.iter().any(|f| &f.id == id), "{id}");
        }
        for b in &c.blocks {
            assert!(doc.blocks().any(|x| &x.id == b), "{b}");
        }
    }
}

#[test]
fn labels_are_whole_and_rates_apart() {
    let doc = seed();
    let fig = |text: &str| {
        let i = doc.figures.iter().position(|f| f.text == text).expect(text);
        (&doc.figures[i], &doc.figure_details[i])
    };
    let (f, d) = fig("100千瓦");
    assert_eq!(f.label, "省级补贴");
    assert_eq!(d.rate.as_deref(), Some("每100千瓦"));
    let (f, d) = fig("15-20万元");
    assert_eq!((f.value, d.upper), (150_000.0, Some(200_000.0)));
    assert_eq!(d.rate.as_deref(), Some("每100千瓦"));
    assert_eq!(fig("4.82万人").0.label, "贫困劳动力免费职业培训");
    assert_eq!(fig("21.6亿").0.label, "扶贫周转金");
    assert_eq!(fig("2400多个").1.approx.as_deref(), Some("多"));
    let (_, d) = fig("32.56亿");
    let parent = d.parent.as_deref().expect("a part");
    assert_eq!(
        doc.figures.iter().find(|f| f.id == parent).unwrap().text,
        "69.64亿元"
    );
    // Each detail sits on its figure's text.
    for (f, d) in doc.figures.iter().zip(&doc.figure_details) {
        assert_eq!(d.figure, f.id);
        let b = doc.blocks().find(|b| b.id == f.block).unwrap();
        assert_eq!(&b.full_text()[d.span[0]..d.span[1]], f.text);
        assert!(d.sentence[0] <= d.span[0] && d.span[1] <= d.sentence[1]);
    }
}

#[test]
fn documents() {
    let doc = seed();
    let titles: Vec<&str> = doc.documents.iter().map(|d| d.title.as_str()).collect();
    for t in [
        "进一步做好易地扶贫搬迁工作的若干意见",
        "深度贫困自然村整体搬迁的实施意见",
        "关于支持深度贫困地区脱贫攻坚的实施意见",
        "“十三五”脱贫攻坚规划",
        "财政部关于印发〈普惠金融发展专项资金管理办法〉的通知",
    ] {
        assert!(titles.contains(&t), "{t} in {titles:?}");
    }
    let d = &doc.documents[0];
    assert_eq!(d.title, "进一步做好易地扶贫搬迁工作的若干意见");
    assert_eq!(d.speakers, vec!["董晓林", "刘志杰"]);
    assert_eq!(d.mentions.len(), 2);
}

#[test]
fn programmes() {
    let doc = seed();
    let get = |name: &str| doc.programmes.iter().find(|p| p.name == name);
    for name in [
        "雨露计划",
        "六个帮扶",
        "五进",
        "双签约",
        "136",
        "贫困村提升工程",
    ] {
        assert!(get(name).is_some(), "{name} in {:?}", doc.programmes);
    }
    // 三保险三救助 is also written 三保险、三救助: one programme.
    let p = get("三保险三救助").expect("三保险三救助");
    assert_eq!(p.mentions.len(), 2);
    assert!(!doc.programmes.iter().any(|p| p.name == "三保险、三救助"));
    assert!(get("六个帮扶").unwrap().mentions.len() >= 4);
}

#[test]
fn lead_units() {
    let doc = seed();
    let get = |u: &str| doc.lead_units.iter().find(|l| l.unit == u);
    assert!(get("省扶贫办").expect("省扶贫办").items.len() >= 3);
    for u in ["省委组织部", "省金融办", "省国资委", "省工商联", "省卫计委"] {
        assert_eq!(get(u).map(|l| l.items.len()), Some(1), "{u}");
    }
    // The note of 3 units is split: the item is led by all three.
    let item = &get("省委组织部").unwrap().items[0];
    assert!(get("省扶贫办").unwrap().items.contains(item));
}

//! Checks on six transcripts of our own (written for these tests, not
//! real conferences: `checks-*.txt` in the fixtures, public domain), each
//! with figures known to agree and known not to.

mod common;

use common::*;
use shilu_core::{analysed, CheckKind, CheckStatus, Document};
use CheckKind::*;
use CheckStatus::*;

fn doc(name: &str) -> Document {
    analysed(&fixture(name), Some(name))
}

/// Each check as (kind, status, the figures as written), in order.
fn checks(doc: &Document) -> Vec<(CheckKind, CheckStatus, Vec<&str>)> {
    doc.checks
        .iter()
        .map(|c| {
            let figs = c
                .figures
                .iter()
                .map(|id| {
                    doc.figures
                        .iter()
                        .find(|f| &f.id == id)
                        .map(|f| f.text.as_str())
                        .expect("figure exists")
                })
                .collect();
            (c.kind, c.status, figs)
        })
        .collect()
}

#[test]
fn water() {
    let d = doc("checks-water.txt");
    assert_eq!(
        checks(&d),
        vec![
            // 周明远 says 15% of the fund, 孙立平 18%.
            (Conflict, Inconsistent, vec!["15%", "18%"]),
            // 31.2 + 25.7 + 29.5 = 86.4.
            (
                Sum,
                Consistent,
                vec!["86.4亿元", "31.2亿元", "25.7亿元", "29.5亿元"]
            ),
            // (12.6 − 10.5) ÷ 10.5 = 20%.
            (Growth, Consistent, vec!["20%", "12.6亿元", "10.5亿元"]),
            // 6 ÷ 40 = 15%.
            (Share, Consistent, vec!["15%", "6亿元", "40亿元"]),
            (Repeat, Consistent, vec!["38座", "38座"]),
        ]
    );
    let titles: Vec<&str> = d.documents.iter().map(|x| x.title.as_str()).collect();
    assert_eq!(
        titles,
        vec!["关于全面推行河长制的实施意见", "“十四五”水安全保障规划"]
    );
    let names: Vec<&str> = d.programmes.iter().map(|p| p.name.as_str()).collect();
    assert!(names.contains(&"河湖长制") && names.contains(&"农村饮水安全巩固提升工程"));
    let units: Vec<(&str, usize)> = d
        .lead_units
        .iter()
        .map(|l| (l.unit.as_str(), l.items.len()))
        .collect();
    assert_eq!(units, vec![("省水利厅", 2), ("省生态环境厅", 1)]);
}

#[test]
fn education() {
    let d = doc("checks-education.txt");
    assert_eq!(
        checks(&d),
        vec![
            // 18.6 + 30.1 = 48.7, not 52.8.
            (Sum, Inconsistent, vec!["52.8亿元", "18.6亿元", "30.1亿元"]),
            // 96 of the 120 schools planned: 80% of the year's task.
            (Share, Consistent, vec!["80%", "96所", "120所"]),
            // 1.26 → 1.51 is 19.8%, not 30%.
            (Growth, Inconsistent, vec!["30%", "1.51亿元", "1.26亿元"]),
            (Sum, Consistent, vec!["4.2万个", "2.5万个", "1.7万个"]),
            (Repeat, Consistent, vec!["3.6万人", "3.6万人"]),
        ]
    );
    let names: Vec<&str> = d.programmes.iter().map(|p| p.name.as_str()).collect();
    assert!(
        names.contains(&"雨露计划") && names.contains(&"双减"),
        "{names:?}"
    );
    assert_eq!(d.lead_units[0].unit, "市教育局");
    assert_eq!(d.lead_units[0].items.len(), 2);
}

#[test]
fn roads() {
    let d = doc("checks-roads.txt");
    assert_eq!(
        checks(&d),
        vec![
            (Conflict, Inconsistent, vec!["30%", "35%"]),
            // 98 + 21 + 16 = 135, not 145.
            (
                Sum,
                Inconsistent,
                vec!["145亿元", "98亿元", "21亿元", "16亿元"]
            ),
            // 1.2 of 1.25万公里 is 96%.
            (Share, Consistent, vec!["96%", "1.2万公里", "1.25万公里"]),
            (Share, Consistent, vec!["30%", "6亿元", "20亿元"]),
            (Repeat, Consistent, vec!["1.2万公里", "1.2万公里"]),
        ]
    );
    assert_eq!(d.programmes[0].name, "四好农村路");
    assert_eq!(d.programmes[0].mentions.len(), 3);
    let units: Vec<&str> = d.lead_units.iter().map(|l| l.unit.as_str()).collect();
    assert_eq!(units, vec!["省交通运输厅", "省公安厅", "省应急管理厅"]);
}

/// The same facts in other wordings: a growth's base given after the rate,
/// a share of a total from an earlier sentence, two shares of one total in
/// different shapes, a share after its amount (`占…的40%`), a `…制` quoted
/// once.
#[test]
fn forestry() {
    let d = doc("checks-forestry.txt");
    assert_eq!(
        checks(&d),
        vec![
            // 许国梁: 40% of the compensation fund for 公益林管护 (3200万 of
            // 8000万); 唐敏: `森林生态效益补偿资金中用于公益林管护的比例是45%`.
            (Conflict, Inconsistent, vec!["40%", "45%"]),
            // `比上年增长20%，上年为1.5亿元`: (1.8 − 1.5) ÷ 1.5 = 20%.
            (Growth, Consistent, vec!["20%", "1.8亿元", "1.5亿元"]),
            // (12.5 − 10.2) ÷ 10.2 = 22.5%, not 25%.
            (Growth, Inconsistent, vec!["25%", "12.5万亩", "10.2万亩"]),
            // `新增人工造林5万亩，占造林绿化面积的40%`: 5 ÷ 12.5.
            (Share, Consistent, vec!["40%", "5万亩", "12.5万亩"]),
            // `把总投资中的30%，共3.75亿元`, the total a sentence before.
            (Share, Consistent, vec!["30%", "3.75亿元", "12.5亿元"]),
            (Share, Consistent, vec!["40%", "3200万元", "8000万元"]),
        ]
    );
    // The 20% for 护林员培训 is another share of the same fund: no conflict;
    // `比上年增加9个` and `同比增长8%` have no base to check against.
    let names: Vec<&str> = d.programmes.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, vec!["林长制"]);
    assert_eq!(d.lead_units.len(), 2);
}

/// The same in the inline layout: bases after the rate (one in
/// parentheses), a share whose total is an earlier sentence's, and the
/// conflict of `15%，即3亿元` with `…占建设资金的比例为20%`.
#[test]
fn transport() {
    let d = doc("checks-transport.txt");
    assert_eq!(
        checks(&d),
        vec![
            (Conflict, Inconsistent, vec!["15%", "20%"]),
            // `比上年增长25%，上年是4亿元`.
            (Growth, Consistent, vec!["25%", "5亿元", "4亿元"]),
            // (3.3 − 3.2) ÷ 3.2 = 3.1%, not 10%.
            (Growth, Inconsistent, vec!["10%", "3.3亿人次", "3.2亿人次"]),
            (Share, Consistent, vec!["15%", "3亿元", "20亿元"]),
            (Share, Consistent, vec!["20%", "4亿元", "20亿元"]),
            // `6000万元，占建设资金的3%`.
            (Share, Consistent, vec!["3%", "6000万元", "20亿元"]),
        ]
    );
    // `比上年增长10%，上年全市新开工道路项目为30个`: a base of another unit
    // is no base.
    assert!(!d.checks.iter().any(|c| c.note.contains("30个")));
    let names: Vec<&str> = d.programmes.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, vec!["路长制"]);
}

/// More wordings, in the inline layout with `问：`: a base named by its
/// year (`比2022年增长30%，2022年为120亿元`), a share's amount in
/// parentheses, a share after its amount in another clause (`2亿元用于非遗
/// 保护，占专项资金的比重为25%`), a ratio whose total is the clause before
/// (`总投资中，用于乡村旅游的占比为35%`), and one share said in two shapes
/// by two speakers: a repeat.
#[test]
fn tourism() {
    let d = doc("checks-tourism.txt");
    assert_eq!(
        checks(&d),
        vec![
            (Conflict, Inconsistent, vec!["30%", "35%"]),
            (Growth, Consistent, vec!["30%", "156亿元", "120亿元"]),
            // (4200 − 3600) ÷ 3600 = 16.7%, not 12%.
            (
                Growth,
                Inconsistent,
                vec!["12%", "4200万人次", "3600万人次"]
            ),
            (Share, Consistent, vec!["30%", "12亿元", "40亿元"]),
            (Share, Consistent, vec!["25%", "2亿元", "8亿元"]),
            (Repeat, Consistent, vec!["25%", "25%"]),
        ]
    );
    let names: Vec<&str> = d.programmes.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, vec!["景区首问负责制"]);
}

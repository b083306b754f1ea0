//! Checks on three transcripts of our own (written for these tests, not
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

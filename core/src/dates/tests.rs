//! The date forms and their resolution: every form, found and resolved
//! (see the table in the module's notes).
use super::*;

use Precision::*;

fn ctx(iso: &str) -> DateContext {
    DateContext::new(Date::parse_iso(iso))
}

/// Resolves `phrase` as one expression against `reference`.
fn r(reference: &str, phrase: &str) -> DateExpr {
    resolve(phrase, &ctx(reference)).unwrap_or_else(|| {
        panic!(
            "{phrase:?} did not resolve as a whole: {:?}",
            find(phrase, &ctx(reference))
        )
    })
}

/// (start, end, precision, part of day) of `phrase` against 2017-10-12.
fn conf(phrase: &str) -> (String, Option<String>, Precision, Option<String>) {
    let e = r("2017-10-12", phrase);
    (e.start_iso(), e.end_iso(), e.precision, e.part_of_day)
}

fn day(s: &str, p: Precision) -> (String, Option<String>, Precision, Option<String>) {
    (s.to_string(), None, p, None)
}

fn span(s: &str, e: &str, p: Precision) -> (String, Option<String>, Precision, Option<String>) {
    (s.to_string(), Some(e.to_string()), p, None)
}

#[test]
fn days_and_parts_of_day() {
    assert_eq!(conf("6月21日"), day("2017-06-21", Day));
    let (s, e, p, part) = conf("10月12日下午");
    assert_eq!(
        (s.as_str(), e, p, part.as_deref()),
        ("2017-10-12", None, PartOfDay, Some("下午"))
    );
    let (s, _, p, part) = conf("10月17日上午");
    assert_eq!(
        (s.as_str(), p, part.as_deref()),
        ("2017-10-17", PartOfDay, Some("上午"))
    );
    let (s, _, p, part) = conf("10月17日晚");
    assert_eq!(
        (s.as_str(), p, part.as_deref()),
        ("2017-10-17", PartOfDay, Some("晚"))
    );
}

#[test]
fn ranges() {
    assert_eq!(conf("9月4日至5日"), span("2017-09-04", "2017-09-05", Range));
    assert_eq!(conf("9—10月份"), span("2017-09-01", "2017-10-31", Range));
    assert_eq!(conf("9-10月"), span("2017-09-01", "2017-10-31", Range));
    assert_eq!(
        conf("9月30日至10月2日"),
        span("2017-09-30", "2017-10-02", Range)
    );
    assert_eq!(conf("8月份"), span("2017-08-01", "2017-08-31", Month));
    assert_eq!(conf("9月"), span("2017-09-01", "2017-09-30", Month));
    assert_eq!(conf("10月下旬"), span("2017-10-21", "2017-10-31", Range));
}

#[test]
fn approximate_and_deadlines() {
    assert_eq!(conf("10.17前"), day("2017-10-17", Approximate));
    assert_eq!(conf("8月底"), day("2017-08-31", Approximate));
    let e = r("2017-10-12", "到9月底");
    assert_eq!(
        (e.start_iso(), e.precision, e.phrase.as_str()),
        ("2017-09-30".into(), Approximate, "到9月底")
    );
    assert_eq!(conf("年初"), day("2017-01-01", Approximate));
    assert_eq!(conf("年底"), day("2017-12-31", Approximate));
    assert_eq!(conf("年底前"), day("2017-12-31", Approximate));
    assert_eq!(conf("2019年底前"), day("2019-12-31", Approximate));
    assert_eq!(conf("去年底"), day("2016-12-31", Approximate));
}

#[test]
fn years() {
    let e = r("2017-10-12", "今年");
    assert_eq!(
        (e.start_iso(), e.end_iso(), e.year_only),
        ("2017-01-01".into(), Some("2017-12-31".into()), true)
    );
    assert_eq!(conf("明年上半年"), span("2018-01-01", "2018-06-30", Range));
    assert!(!r("2017-10-12", "明年上半年").year_only);
    let e = r("2017-10-12", "2016年");
    assert_eq!(
        (e.start_iso(), e.end_iso(), e.year_only),
        ("2016-01-01".into(), Some("2016-12-31".into()), true)
    );
    let e = r("2017-10-12", "2017 年");
    assert_eq!(
        (e.start_iso(), e.year_only, e.phrase.as_str()),
        ("2017-01-01".into(), true, "2017 年")
    );
    assert_eq!(
        conf("2017—2019年"),
        (
            String::from("2017-01-01"),
            Some("2019-12-31".into()),
            Range,
            None
        )
    );
    assert_eq!(conf("二〇一七年十月十七日"), day("2017-10-17", Day));
    assert_eq!(
        conf("今年第三季度"),
        span("2017-07-01", "2017-09-30", Range)
    );
}

#[test]
fn the_year_comes_from_the_reference() {
    assert_eq!(r("2019-03-05", "6月21日").start_iso(), "2019-06-21");
    assert_eq!(r("2019-03-05", "年初").start_iso(), "2019-01-01");
    assert_eq!(
        r("2019-03-05", "明年上半年").end_iso().unwrap(),
        "2020-06-30"
    );
    assert!(resolve("6月21日", &DateContext::new(None)).is_none());
    // An explicit year needs no reference.
    assert_eq!(
        resolve("2019年底前", &DateContext::new(None))
            .unwrap()
            .start_iso(),
        "2019-12-31"
    );
}

#[test]
fn relative_to_the_named_day() {
    // 扶贫日 is 10月17日; "within 5 days after" = the 5 days 18th–22nd.
    assert_eq!(
        conf("扶贫日活动结束后5日内"),
        span("2017-10-18", "2017-10-22", Range)
    );
    assert_eq!(conf("10月17日后3日"), day("2017-10-20", Day));
    // A document that names another day for it wins over the table.
    let mut c = ctx("2017-10-12");
    let mut days = c.named_days.clone();
    days.insert(0, ("扶贫日".into(), 10, 10));
    c.set_named_days(days);
    assert_eq!(
        resolve("扶贫日活动结束后5日内", &c)
            .unwrap()
            .end_iso()
            .unwrap(),
        "2017-10-15"
    );
}

#[test]
fn other_transcripts() {
    assert_eq!(r("2024-11-20", "2025年1月15日前").start_iso(), "2025-01-15");
    assert_eq!(r("2024-11-20", "2025年1月15日前").precision, Approximate);
    let e = r("2024-11-20", "12月1日起");
    assert_eq!((e.start_iso(), e.precision), ("2024-12-01".into(), Day));
    // Said in November, a deadline at the end of March is next March…
    let e = r("2024-11-20", "3月底前");
    assert_eq!(
        (e.start_iso(), e.precision),
        ("2025-03-31".into(), Approximate)
    );
    // …said in February, it is this March.
    assert_eq!(r("2025-02-10", "3月底前").start_iso(), "2025-03-31");
    // "As of the end of March", without 前, is the past.
    assert_eq!(r("2024-11-20", "到3月底").start_iso(), "2024-03-31");
}

#[test]
fn named_days_written_as_month_dot_day() {
    let c = ctx("2017-10-12");
    let f = find("在10.17全国扶贫日即将来临之际", &c);
    assert_eq!(f.len(), 1);
    assert_eq!(
        (
            f[0].start_iso(),
            f[0].named_day.as_deref(),
            f[0].phrase.as_str()
        ),
        ("2017-10-17".into(), Some("全国扶贫日"), "10.17")
    );
    let f = find("全国第四个“10·17”扶贫日。我省“10.17”扶贫日的主题", &c);
    assert_eq!(f.len(), 2);
    assert!(f
        .iter()
        .all(|e| e.start_iso() == "2017-10-17" && e.named_day.as_deref() == Some("扶贫日")));
    let f = find("10月17日是全国扶贫日。", &c);
    assert_eq!(f[0].named_day.as_deref(), Some("全国扶贫日"));
    assert_eq!(f[0].precision, Day);
}

#[test]
fn numbers_are_not_dates() {
    let c = ctx("2017-10-12");
    for text in [
        "全省拿出中央和省财政专项扶贫资金的30.5%共11.76亿元",
        "4.3亿元奖补资金兑现到户,惠及8.2万贫困户",
        "1900个贫困村退出,人均1.5万,省级筹资15亿",
        "每100千瓦补贴15-20万元",
        "13.10.2017  14:57",
        "是对30年扶贫开发规律的科学总结,用三年时间",
        "拨付专项资金4785.财政厅",
        "光伏扶贫2017—2019三年实施方案",
        "每个县至少有3家省直单位,一月一次",
        "我省57万贫困人口脱贫,年初步",
        "第四个扶贫日,扶贫日活动方案",
    ] {
        assert_eq!(find(text, &c), vec![], "{text}");
    }
}

#[test]
fn finds_in_running_text() {
    let c = ctx("2017-10-12");
    let text =
        "确保2016年项目年底前全部竣工入住;2017年项目投资完成率达到60%以上;2019年底前全面完成。";
    let f: Vec<_> = find(text, &c)
        .into_iter()
        .map(|e| (e.phrase, e.start.iso(), e.year_only))
        .collect();
    assert_eq!(
        f,
        vec![
            ("2016年".into(), "2016-01-01".into(), true),
            ("年底前".into(), "2017-12-31".into(), false),
            ("2017年".into(), "2017-01-01".into(), true),
            ("2019年底前".into(), "2019-12-31".into(), false),
        ]
    );
    let text =
        "8月份组织开展核准工作;9月份组织开展了专项督查。到8月底,全省开工建设集中安置点1102个。";
    let f: Vec<_> = find(text, &c).into_iter().map(|e| e.phrase).collect();
    assert_eq!(f, vec!["8月份", "9月份", "到8月底"]);
    // Spans index the text.
    for e in find(text, &c) {
        assert_eq!(&text[e.span.clone()], e.phrase);
    }
}

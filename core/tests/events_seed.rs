//! Events and figures of the real seed transcript, through the parser.

use shilu_core::model::*;
use shilu_core::{events, figures};

fn seed() -> Document {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../seeds/shanxi-2017-10-12-deep-poverty-press-conference.txt"
    ))
    .unwrap();
    shilu_core::analysed(&text, None)
}

fn listing(ev: &[Event]) -> String {
    ev.iter()
        .map(|e| {
            format!(
                "{} {:?}..{:?} {:?} [{}] {:?} {} act={} {}\n",
                e.id,
                e.start,
                e.end,
                e.precision,
                e.phrase,
                e.lead_unit,
                e.block,
                e.activity,
                e.label
            )
        })
        .collect()
}

/// (label, start, end, precision, part of day, lead unit) of the plan's activities.
type Row<'a> = (
    &'a str,
    Option<&'a str>,
    Option<&'a str>,
    Option<Precision>,
    Option<&'a str>,
    Option<&'a str>,
);

#[test]
fn the_fupinri_plan() {
    let doc = seed();
    assert_eq!(doc.meta.date.as_deref(), Some("2017-10-12"));
    let ev = events::extract(&doc);
    let plan: Vec<Row> = ev
        .iter()
        .filter(|e| e.activity)
        .map(|e| {
            (
                e.label.as_str(),
                e.start.as_deref(),
                e.end.as_deref(),
                e.precision,
                e.part_of_day.as_deref(),
                e.lead_unit.as_deref(),
            )
        })
        .collect();
    use Precision::*;
    let expected: Vec<Row> = vec![
        (
            "全国扶贫日",
            Some("2017-10-17"),
            None,
            Some(Day),
            None,
            None,
        ),
        (
            "开展“五进”宣讲活动",
            Some("2017-09-01"),
            Some("2017-10-31"),
            Some(Range),
            None,
            Some("省直工委"),
        ),
        (
            "举办攻坚深度贫困论坛",
            Some("2017-10-17"),
            None,
            Some(PartOfDay),
            Some("上午"),
            Some("省扶贫办"),
        ),
        ("单位包村帮扶", None, None, None, None, Some("各包村单位")),
        (
            "市域内县际结对帮扶",
            None,
            None,
            None,
            None,
            Some("市脱贫攻坚领导小组"),
        ),
        (
            "企业合作帮扶",
            None,
            None,
            None,
            None,
            Some("省国资委、省工商联"),
        ),
        (
            "干部挂职帮扶",
            None,
            None,
            None,
            None,
            Some("省委组织部、省金融办、省扶贫办"),
        ),
        (
            "组织为建档立卡贫困学生开展定期、日常募捐活动",
            None,
            None,
            None,
            None,
            Some("省教育厅"),
        ),
        (
            "组织医院到对口帮扶的深度贫困县开展义诊等活动",
            None,
            None,
            None,
            None,
            Some("省卫计委"),
        ),
        (
            "开展征文和优秀摄影作品评选活动",
            None,
            None,
            None,
            None,
            Some("省扶贫办"),
        ),
        (
            "组织扶贫文艺节目汇演",
            Some("2017-10-17"),
            None,
            Some(PartOfDay),
            Some("晚"),
            Some("省文化厅"),
        ),
        (
            "召开新闻媒体通气会",
            Some("2017-10-17"),
            None,
            Some(Approximate),
            None,
            Some("省委宣传部、省扶贫办"),
        ),
        (
            "向全省手机用户发送“扶贫日”宣传短信",
            None,
            None,
            None,
            None,
            Some("省通信管理局"),
        ),
        (
            "开展送奖到一线活动",
            None,
            None,
            None,
            None,
            Some("省总工会"),
        ),
        (
            "团省委、省妇联等省脱贫攻坚领导小组成员单位结合各自实际开展…",
            None,
            None,
            None,
            None,
            None,
        ),
        (
            "各市县和省直各单位将活动开展情况报送省扶贫日活动办公室",
            Some("2017-10-18"),
            Some("2017-10-22"),
            Some(Range),
            None,
            None,
        ),
    ];
    assert_eq!(plan, expected, "\n{}", listing(&ev));
    // All of it in 张建成's turn, planned.
    for e in ev.iter().filter(|e| e.activity) {
        assert_eq!(e.speaker.as_deref(), Some("张建成"));
        assert_eq!(e.status, Some(Status::Planned), "{}", e.label);
        assert_eq!(doc.turn_of_block(&e.block).unwrap().speaker, "张建成");
    }
    let forum = ev
        .iter()
        .find(|e| e.label == "举办攻坚深度贫困论坛")
        .unwrap();
    assert_eq!(forum.phrase, "10月17日上午");
    assert_eq!(
        events::sentence_of(&doc, forum).unwrap(),
        "10月17日上午,举办攻坚深度贫困论坛。"
    );
}

#[test]
fn the_policy_timeline() {
    let doc = seed();
    let ev = events::extract(&doc);
    let timeline: Vec<(&str, &str, Option<Status>)> = ev
        .iter()
        .filter(|e| !e.activity)
        .map(|e| (e.start.as_deref().unwrap(), e.phrase.as_str(), e.status))
        .collect();
    use Status::*;
    let expected = vec![
        ("2017-10-12", "10月12日下午", Some(Done)),
        ("2017-06-23", "6月23日", Some(Done)),
        ("2017-09-04", "9月4日至5日", Some(Done)),
        ("2017-06-21", "6月21日", Some(Done)),
        ("2017-08-09", "8月9日", Some(Done)),
        ("2017-08-16", "8月16日", Some(Done)),
        ("2017-08-01", "8月份", Some(Done)),
        ("2017-09-01", "9月份", Some(Done)),
        ("2017-08-31", "到8月底", Some(Done)),
        ("2017-08-06", "8月6日", Some(Done)),
        ("2017-08-15", "8月15日", Some(Done)),
        ("2017-08-31", "到8月底", Some(Done)),
        ("2017-07-04", "7月4日", Some(Done)),
        ("2017-01-01", "年初", Some(Done)),
        ("2017-07-18", "7月18日", Some(Done)),
        ("2017-08-07", "8月7日", Some(Done)),
        ("2017-12-31", "到年底", Some(Planned)),
        ("2017-08-31", "到8月底", Some(Done)),
        ("2017-09-01", "9月份", Some(Done)),
        ("2018-01-01", "明年上半年", Some(Planned)),
        ("2017-09-08", "9月8日", Some(Done)),
        ("2017-08-31", "到8月底", Some(Done)),
        ("2017-09-30", "到9月底", Some(Done)),
        ("2017-09-19", "9月19日", Some(Done)),
        ("2017-09-25", "9月25日", Some(Done)),
        ("2017-09-28", "9月28日", Some(Done)),
        ("2017-12-31", "年底前", Some(Planned)),
        ("2019-12-31", "2019年底前", Some(Planned)),
        ("2017-08-31", "到8月底", Some(Done)),
        ("2017-09-30", "到9月底", Some(Done)),
        ("2017-09-19", "9月19日", Some(Done)),
    ];
    assert_eq!(timeline, expected, "\n{}", listing(&ev));
    let label = |phrase: &str| &ev.iter().find(|e| e.phrase == phrase).unwrap().label;
    assert_eq!(label("10月12日下午"), "省政府新闻办举行新闻发布会");
    assert_eq!(label("7月4日"), "省政府召开“三保障”突出问题电视电话会");
    assert_eq!(
        label("9月28日"),
        "国务院扶贫开发领导小组召开深度贫困地区脱贫攻坚电视电话会"
    );
    // Nothing from the appendix (11月12日 is page residue).
    assert!(!ev.iter().any(|e| e.start.as_deref() == Some("2017-11-12")));
}

#[test]
fn the_seed_figures() {
    let doc = seed();
    let fs = figures::extract(&doc);
    let get = |text: &str| {
        fs.iter()
            .find(|f| f.text == text)
            .unwrap_or_else(|| panic!("no figure {text}"))
    };
    let f = get("57万");
    assert_eq!(
        (f.value, f.unit.as_str(), f.label.as_str()),
        (570_000.0, "人", "贫困人口")
    );
    assert_eq!(f.speaker.as_deref(), Some("刘志杰"));
    assert_eq!(
        (get("1900个").value, get("1900个").label.as_str()),
        (1900.0, "贫困村")
    );
    assert_eq!(
        (get("11.76亿元").value, get("11.76亿元").unit.as_str()),
        (1_176_000_000.0, "元")
    );
    assert_eq!(
        (get("30.5%").value, get("30.5%").unit.as_str()),
        (30.5, "%")
    );
    assert_eq!(get("28.47万").value, 284_700.0);
    assert_eq!(get("25亿元").value, 2_500_000_000.0);
    assert_eq!(get("3350个").label, "深度贫困自然村");
    // No dates, years or ordinals.
    for f in &fs {
        assert!(
            !f.text.contains('年') && !f.text.contains('月') && !f.text.contains('日'),
            "{f:?}"
        );
        assert!(!f.text.ends_with('、'), "{f:?}");
    }
    assert!(!fs
        .iter()
        .any(|f| f.text.starts_with("2016") || f.text.starts_with("2017")));
    assert!(fs
        .iter()
        .enumerate()
        .all(|(i, f)| f.id == format!("n{}", i + 1)));
}

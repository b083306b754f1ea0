//! Events from a hand-built document shaped like the seed's (until and
//! independently of the parser): the 扶贫日 activity plan and the timeline.

use shilu_core::events;
use shilu_core::model::*;

/// Builds blocks from (kind, level, marker, heading, text, note) rows.
fn blocks(turn: &str, rows: &[(BlockKind, u8, &str, &str, &str, &str)]) -> Vec<Block> {
    rows.iter()
        .enumerate()
        .map(|(i, &(kind, level, marker, heading, text, note))| {
            let opt = |s: &str| (!s.is_empty()).then(|| s.to_string());
            let lead_unit = note
                .split([':', ':'])
                .nth(1)
                .map(|u| u.trim_end_matches([')', ')']).to_string());
            Block {
                id: format!("{turn}-b{}", i + 1),
                kind,
                level,
                marker: opt(marker),
                heading: opt(heading),
                text: text.to_string(),
                note: opt(note),
                lead_unit,
            }
        })
        .collect()
}

fn turn(id: &str, speaker: &str, blocks: Vec<Block>) -> Turn {
    Turn {
        id: id.to_string(),
        speaker: speaker.to_string(),
        participant: "p1".into(),
        role: Role::Official,
        label: speaker.to_string(),
        time: None,
        blocks,
        ..Default::default()
    }
}

use BlockKind::{Heading as H, Item as I, Paragraph as P};

fn seed_like() -> Document {
    let mut doc = Document::default();
    doc.meta.date = Some("2017-10-12".into());
    doc.front = blocks(
        "f",
        &[(
            P,
            0,
            "",
            "",
            "10月12日下午,省政府新闻办举行新闻发布会。省扶贫办主任刘志杰介绍情况。",
            "",
        )],
    );
    doc.turns.push(turn(
        "t2",
        "刘志杰",
        blocks(
            "t2",
            &[
                (P, 0, "", "", "在喜迎党的十九大胜利召开之际,我们迎来了全国第四个“10·17”扶贫日。今年我省“10.17”扶贫日的主题是:聚焦深度贫困。特别是6月23日在太原亲自主持召开深度贫困地区脱贫攻坚座谈会并发表重要讲话。9月4日至5日,李克强总理视察我省时,强调要深入贯彻。", ""),
                (P, 0, "", "", "2016年,我省57万贫困人口脱贫,1900个贫困村退出。", ""),
                (I, 1, "——", "破解整村搬迁难题。", "总书记6月21日深入我省岢岚县深度贫困村赵家洼调研后,肯定指出。8月份组织开展易地扶贫搬迁对象进一步核准工作。到8月底,全省开工建设集中安置点1102个。", ""),
                (I, 1, "——", "扎实推进产业就业扶贫。", "年初,省政府出台“一村一品一主体”产业扶贫实施意见。到年底,确保实现50%的贫困村有龙头企业带动。", ""),
                (I, 1, "——", "光伏扶贫向深度贫困倾斜。", "省级每100千瓦补贴15-20万元,明年上半年全部建成并网发电。", ""),
                (P, 0, "", "", "9月25日,中办、国办印发《关于支持深度贫困地区脱贫攻坚的实施意见》。9月28日,国务院扶贫开发领导小组召开深度贫困地区脱贫攻坚电视电话会,下一步,我们将深入贯彻。", ""),
            ],
        ),
    ));
    doc.turns.push(turn(
        "t4",
        "张建成",
        blocks(
            "t4",
            &[
                (P, 0, "", "", "10月17日是全国扶贫日。以习近平总书记在深度贫困地区脱贫攻坚座谈会上的重要讲话精神为指导。", ""),
                (H, 1, "一、", "", "活动宗旨", ""),
                (P, 0, "", "", "深入贯彻落实党的十八大精神。", ""),
                (H, 1, "二、", "", "基本原则", ""),
                (I, 2, "(一)", "政府主导。", "坚持党委、政府在脱贫攻坚中的主导作用。", ""),
                (H, 1, "三、", "", "活动内容", ""),
                (I, 2, "(一)", "开展“五进”宣讲活动。", "9—10月份,组织各级干部进机关、进企业、进社区、进学校、进农村,宣讲习总书记视察山西重要讲话精神。", "(牵头单位:省直工委)"),
                (I, 2, "(二)", "举办攻坚深度贫困论坛。", "10月17日上午,举办攻坚深度贫困论坛。省脱贫攻坚领导小组领导等开展对话、座谈、交流活动。", "(牵头单位:省扶贫办)"),
                (I, 2, "(三)", "", "开展深化“六个帮扶”系列活动", ""),
                (I, 3, "1、", "单位包村帮扶。", "全省承担包扶贫困村任务的单位到所帮扶贫困村开展进村入户访民情等活动。", "(牵头单位:各包村单位)"),
                (I, 3, "5、", "教育、医院对口帮扶。", "组织为建档立卡贫困学生开展定期、日常募捐活动,提高深度贫困地区贫困学生资助水平;(牵头单位:省教育厅)组织医院到对口帮扶的深度贫困县开展义诊等活动。", "(牵头单位:省卫计委)"),
                (I, 2, "(五)", "组织扶贫文艺节目汇演。", "10月17日晚,精选各地反映脱贫攻坚题材的优秀文艺作品,通过艺术形式讲好山西扶贫故事。", "(牵头单位:省文化厅)"),
                (I, 2, "(六)", "", "开展扶贫日宣传活动", ""),
                (I, 3, "1、", "讲好山西扶贫故事。", "10.17前,召开新闻媒体通气会,通报10.17扶贫日活动方案,连续开展报道。(牵头单位:省委宣传部、省扶贫办)向全省手机用户发送“扶贫日”宣传短信。", "(牵头单位:省通信管理局)"),
                (I, 3, "3、", "", "团省委、省妇联等省脱贫攻坚领导小组成员单位结合各自实际开展系列活动。", ""),
                (H, 1, "四、", "", "工作要求", ""),
                (I, 2, "(一)", "加强组织领导。", "2017 年扶贫日活动在省脱贫攻坚领导小组领导下开展。", ""),
                (P, 0, "", "", "各市县结合实际,开展特色鲜明、丰富多彩的扶贫日系列活动。扶贫日活动结束后5日内,各市县和省直各单位将活动开展情况报送省扶贫日活动办公室。", ""),
            ],
        ),
    ));
    doc
}

fn find<'a>(events: &'a [Event], label: &str) -> &'a Event {
    events
        .iter()
        .find(|e| e.label.contains(label))
        .unwrap_or_else(|| panic!("no event labelled {label:?} in {:#?}", labels(events)))
}

fn labels(events: &[Event]) -> Vec<String> {
    events
        .iter()
        .map(|e| format!("{} {:?} {:?} {}", e.id, e.start, e.lead_unit, e.label))
        .collect()
}

fn dates(e: &Event) -> (Option<&str>, Option<&str>, Option<Precision>) {
    (e.start.as_deref(), e.end.as_deref(), e.precision)
}

#[test]
fn the_activity_plan() {
    let doc = seed_like();
    let ev = events::extract(&doc);
    let acts: Vec<&Event> = ev.iter().filter(|e| e.activity).collect();

    let e = find(&ev, "开展“五进”宣讲活动");
    assert_eq!(
        dates(e),
        (
            Some("2017-09-01"),
            Some("2017-10-31"),
            Some(Precision::Range)
        )
    );
    assert_eq!(
        (e.lead_unit.as_deref(), e.phrase.as_str()),
        (Some("省直工委"), "9—10月份")
    );
    assert_eq!(e.status, Some(Status::Planned));
    assert!(e.activity);

    let e = find(&ev, "举办攻坚深度贫困论坛");
    assert_eq!(e.label, "举办攻坚深度贫困论坛");
    assert_eq!(
        dates(e),
        (Some("2017-10-17"), None, Some(Precision::PartOfDay))
    );
    assert_eq!(e.part_of_day.as_deref(), Some("上午"));
    assert_eq!(e.lead_unit.as_deref(), Some("省扶贫办"));
    assert_eq!(e.speaker.as_deref(), Some("张建成"));
    assert_eq!(e.block, "t4-b8");

    let e = find(&ev, "组织扶贫文艺节目汇演");
    assert_eq!(
        dates(e),
        (Some("2017-10-17"), None, Some(Precision::PartOfDay))
    );
    assert_eq!(
        (e.part_of_day.as_deref(), e.lead_unit.as_deref()),
        (Some("晚"), Some("省文化厅"))
    );

    let e = find(&ev, "媒体通气会");
    assert_eq!(e.label, "召开新闻媒体通气会");
    assert_eq!(
        dates(e),
        (Some("2017-10-17"), None, Some(Precision::Approximate))
    );
    assert_eq!(e.lead_unit.as_deref(), Some("省委宣传部、省扶贫办"));
    assert_eq!(e.phrase, "10.17前");

    let e = find(&ev, "报送省扶贫日活动办公室");
    assert_eq!(
        dates(e),
        (
            Some("2017-10-18"),
            Some("2017-10-22"),
            Some(Precision::Range)
        )
    );
    assert_eq!(e.phrase, "扶贫日活动结束后5日内");
    assert!(e.activity);

    // The day itself, once, from the plan's own statement.
    let days: Vec<&&Event> = acts.iter().filter(|e| e.label == "全国扶贫日").collect();
    assert_eq!(days.len(), 1, "{:#?}", labels(&ev));
    assert_eq!(days[0].block, "t4-b1");
    assert!(
        !ev.iter().any(|e| e.label == "扶贫日"),
        "{:#?}",
        labels(&ev)
    );

    // Undated activities, listed as such.
    let undated: Vec<(&str, Option<&str>)> = acts
        .iter()
        .filter(|e| e.start.is_none())
        .map(|e| (e.label.as_str(), e.lead_unit.as_deref()))
        .collect();
    assert_eq!(
        undated,
        vec![
            ("单位包村帮扶", Some("各包村单位")),
            (
                "组织为建档立卡贫困学生开展定期、日常募捐活动",
                Some("省教育厅")
            ),
            (
                "组织医院到对口帮扶的深度贫困县开展义诊等活动",
                Some("省卫计委")
            ),
            ("向全省手机用户发送“扶贫日”宣传短信", Some("省通信管理局")),
            (
                "团省委、省妇联等省脱贫攻坚领导小组成员单位结合各自实际开展…",
                None
            ),
        ]
    );
    assert!(acts
        .iter()
        .filter(|e| e.start.is_none())
        .all(|e| e.status == Some(Status::Planned)));
    // Principles and requirements are not activities.
    assert!(!ev
        .iter()
        .any(|e| e.label.contains("政府主导") || e.label.contains("加强组织领导")));
}

#[test]
fn the_policy_timeline() {
    let doc = seed_like();
    let ev = events::extract(&doc);
    let timeline: Vec<(&str, &str, Option<Status>)> = ev
        .iter()
        .filter(|e| !e.activity)
        .map(|e| (e.start.as_deref().unwrap(), e.phrase.as_str(), e.status))
        .collect();
    use Status::*;
    assert_eq!(
        timeline,
        vec![
            ("2017-10-12", "10月12日下午", Some(Done)),
            ("2017-06-23", "6月23日", Some(Done)),
            ("2017-09-04", "9月4日至5日", Some(Done)),
            ("2017-06-21", "6月21日", Some(Done)),
            ("2017-08-01", "8月份", Some(Done)),
            ("2017-08-31", "到8月底", Some(Done)),
            ("2017-01-01", "年初", Some(Done)),
            ("2017-12-31", "到年底", Some(Planned)),
            ("2018-01-01", "明年上半年", Some(Planned)),
            ("2017-09-25", "9月25日", Some(Done)),
            ("2017-09-28", "9月28日", Some(Done)),
        ],
        "{:#?}",
        labels(&ev)
    );
    let e = find(&ev, "省政府新闻办举行新闻发布会");
    assert_eq!((e.speaker.as_deref(), e.block.as_str()), (None, "f-b1"));
    let e = &ev.iter().find(|e| e.phrase == "9月28日").unwrap();
    assert_eq!(
        e.label,
        "国务院扶贫开发领导小组召开深度贫困地区脱贫攻坚电视电话会"
    );
    let e = &ev.iter().find(|e| e.phrase == "6月23日").unwrap();
    assert!(e.label.starts_with("在太原亲自主持召开"), "{}", e.label);
    let e = &ev.iter().find(|e| e.phrase == "9月25日").unwrap();
    assert_eq!(
        e.label,
        "中办、国办印发《关于支持深度贫困地区脱贫攻坚的实施意见》"
    );
    let e = &ev.iter().find(|e| e.phrase == "9月4日至5日").unwrap();
    assert_eq!(e.label, "李克强总理视察我省时");
    assert_eq!(e.speaker.as_deref(), Some("刘志杰"));
    // Mentions of the named day are not timeline entries: the plan keeps it once.
    assert!(!ev
        .iter()
        .any(|e| e.phrase == "10·17" || e.phrase == "10.17"));
    // Ids are stable and in reading order.
    assert!(ev
        .iter()
        .enumerate()
        .all(|(i, e)| e.id == format!("e{}", i + 1)));
}

#[test]
fn sentences_for_descriptions() {
    let doc = seed_like();
    let ev = events::extract(&doc);
    let e = find(&ev, "举办攻坚深度贫困论坛");
    assert_eq!(
        events::sentence_of(&doc, e).unwrap(),
        "10月17日上午,举办攻坚深度贫困论坛。"
    );
}

#[test]
fn no_reference_date_no_guessing() {
    let mut doc = seed_like();
    doc.meta.date = None;
    let ev = events::extract(&doc);
    // Nothing without a year resolves; undated activities remain.
    assert!(ev.iter().all(|e| e.start.is_none()), "{:#?}", labels(&ev));
    assert!(!ev.is_empty());
    // The publication stamp is the fallback reference.
    doc.meta.published = Some("2017-10-13T14:57".into());
    let ev = events::extract(&doc);
    assert_eq!(
        find(&ev, "举办攻坚深度贫困论坛").start.as_deref(),
        Some("2017-10-17")
    );
}

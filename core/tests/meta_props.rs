//! Properties of the meta over generated transcripts: a place or a date
//! in the meta is always one the text states (a date may also come from
//! the file name), and places discussed in the speeches never become the
//! place.

use proptest::prelude::*;
use shilu_core::structure;

const PROVINCES: &[&str] = &["山西省", "广东省", "湖北省", "福建省", "四川省", "浙江省"];
const CITIES: &[&str] = &["北京", "广州", "武汉", "成都", "长沙"];
const VENUES: &[&str] = &["省政府新闻发布厅", "国务院新闻办新闻发布厅", "市民中心"];
const BODIES: &[&str] = &["省政府新闻办", "市政府新闻办", "外交部", "国务院新闻办公室"];

/// A date as (year, month, day).
fn ymd() -> impl Strategy<Value = (u32, u32, u32)> {
    (2010u32..2030, 1u32..=12, 1u32..=28)
}

/// Whether the text or the file name states the ISO date `iso`.
fn stated(iso: &str, text: &str, name: Option<&str>) -> bool {
    let mut it = iso.split('-').map(|p| p.parse::<u32>().unwrap());
    let (y, m, d) = (it.next().unwrap(), it.next().unwrap(), it.next().unwrap());
    let in_text = [
        format!("{m}月{d}日"),
        format!("{m}月{d}号"),
        format!("{m:02}月{d:02}日"),
        format!("{y}-{m:02}-{d:02}"),
        format!("{y}-{m}-{d}"),
        format!("{y}/{m:02}/{d:02}"),
        format!("{y}.{m:02}.{d:02}"),
        format!("{d:02}.{m:02}.{y}"),
    ];
    let in_name = [
        format!("{y}-{m:02}-{d:02}"),
        format!("{y}_{m:02}_{d:02}"),
        format!("{y}{m:02}{d:02}"),
        format!("{y}.{m:02}.{d:02}"),
    ];
    in_text.iter().any(|f| text.contains(f.as_str()))
        || name.is_some_and(|n| in_name.iter().any(|f| n.contains(f.as_str())))
}

/// One line of a generated front matter, and whether it states a place.
fn front_line() -> impl Strategy<Value = (String, bool)> {
    prop_oneof![
        (ymd(), 0..3usize).prop_map(|((y, m, d), s)| {
            let tail = ["来源：省生态环境厅", "中國網", "来源：新华网  作者：某某"][s];
            (format!("{y}-{m:02}-{d:02} 10:00　　{tail}"), false)
        }),
        ymd().prop_map(|(y, m, d)| (format!("时间：{y}年{m}月{d}日 上午10:00"), false)),
        (0..VENUES.len()).prop_map(|v| (format!("地点：{}", VENUES[v]), true)),
        (ymd(), 0..BODIES.len(), 0..VENUES.len(), any::<bool>()).prop_map(
            |((_, m, d), b, v, at)| {
                let venue = if at {
                    format!("在{}", VENUES[v])
                } else {
                    String::new()
                };
                (
                    format!(
                        "{m}月{d}日上午，{}{venue}举行新闻发布会，介绍有关情况并回答记者提问。",
                        BODIES[b]
                    ),
                    at,
                )
            }
        ),
        (ymd(), 0..CITIES.len()).prop_map(|((_, m, d), c)| (
            format!(
                "新华社{}{m}月{d}日电　省政府新闻办今天举行新闻发布会。",
                CITIES[c]
            ),
            true
        )),
        (0..PROVINCES.len())
            .prop_map(|p| (format!("原标题：{}扶贫工作新闻发布会", PROVINCES[p]), false)),
    ]
}

/// A speech that discusses places and dates.
fn speech() -> impl Strategy<Value = String> {
    (
        ymd(),
        0..PROVINCES.len(),
        0..PROVINCES.len(),
        0..CITIES.len(),
        any::<bool>(),
    )
        .prop_map(|((y, m, d), a, b, c, ours)| {
            let we = if ours { "我省" } else { "我们" };
            format!(
                "{we}将同{}、{}开展合作，{m}月{d}日起在{}举行活动，{y}年{}的经验值得推广。",
                PROVINCES[a], PROVINCES[b], CITIES[c], PROVINCES[a]
            )
        })
}

prop_compose! {
    /// A transcript: a title, front lines, the host's and an official's
    /// turns; the file name perhaps with a date; whether the front or the
    /// host states a place.
    fn transcript()(
        title in prop::option::of("[发布会新闻全省工作情况]{4,12}"),
        front in prop::collection::vec(front_line(), 0..4),
        host_ours in prop::option::of(0..PROVINCES.len()),
        speeches in prop::collection::vec(speech(), 1..4),
        name in prop::option::of((ymd(), any::<bool>()).prop_map(|((y, m, d), dated)| {
            if dated { format!("{y}-{m:02}-{d:02}-发布会.txt") } else { "transcript.txt".to_string() }
        })),
    ) -> (String, Option<String>, bool) {
        let mut text = String::new();
        if let Some(t) = title {
            text.push_str(&t);
            text.push('\n');
        }
        let mut states_place = false;
        for (line, place) in &front {
            text.push_str(line);
            text.push('\n');
            states_place |= *place;
        }
        text.push_str("主持人：各位记者朋友，上午好！");
        if let Some(p) = host_ours {
            text.push_str(&format!("我省今年推进{}全域旅游。", PROVINCES[p]));
            states_place = true;
        }
        text.push('\n');
        for s in &speeches {
            text.push_str("张明：");
            text.push_str(s);
            text.push('\n');
            text.push_str("记者：请问下一步有什么安排？\n");
        }
        (text, name, states_place)
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn a_place_or_date_in_the_meta_is_stated((text, name, states_place) in transcript()) {
        let doc = structure(&text, name.as_deref());
        if let Some(place) = &doc.meta.place {
            prop_assert!(text.contains(place.as_str()), "place {place:?} not in\n{text}");
            prop_assert!(states_place, "place {place:?} from the speeches of\n{text}");
        }
        if let Some(date) = &doc.meta.date {
            prop_assert!(
                stated(date, &text, name.as_deref()),
                "date {date} not stated in {name:?}\n{text}"
            );
        }
    }
}

#[test]
fn the_speeches_places_are_not_the_place() {
    // Provinces named again and again in the speeches, `我省` said by an
    // official: no place.
    let text = "全省工作新闻发布会\n主持人：各位记者朋友，上午好！\n\
        张明：我省将同广东省、广东省开展合作，广东省的经验值得推广。\n\
        记者：请问广东省方面有什么安排？\n张明：广东省、广东省。\n";
    assert_eq!(structure(text, None).meta.place, None);
    // The same words from the host: the host speaks for the organiser,
    // and names one province in full.
    let text = text.replace("上午好！", "上午好！我省今年推进广东省全域旅游。");
    let doc = structure(&text, None);
    assert_eq!(doc.meta.place.as_deref(), Some("广东省"));
}

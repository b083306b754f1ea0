//! What the front matter says of the conference itself: who held it and
//! where (`…在…举行新闻发布会`), a page's dateline, the organiser's own
//! province. Only what the text states: never a place discussed.

use super::lines::Stamp;
use super::phrase::{dates_in, find_date};

pub const SOURCE_KEYS: &[&str] = &["来源", "來源"];
pub const HOLD: &[&str] = &["举行", "舉行", "召开", "召開", "举办", "舉辦"];
pub const MEETING: &[&str] = &[
    "发布会",
    "發布會",
    "通气会",
    "通氣會",
    "吹风会",
    "吹風會",
    "见面会",
    "見面會",
    "记者会",
    "記者會",
];
const ANSWERED: &[&str] = &["记者问", "記者問", "记者提问", "記者提問"];
const TIME_WORDS: &[&str] = &[
    "今天", "今日", "昨天", "昨日", "日前", "近日", "上午", "下午", "晚上", "早上", "中午",
];

/// Whether a sentence says a conference was held or questions answered.
pub fn says_held(t: &str) -> bool {
    HOLD.iter()
        .chain(MEETING)
        .chain(ANSWERED)
        .any(|w| t.contains(w))
}

/// A dateline near the top of a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline<'a> {
    pub stamp: Stamp,
    /// `来源：某省生态环境厅`'s value, or the outlet alone (`中國網`).
    pub source: Option<&'a str>,
}

/// A line that starts with a date stamp and goes on with where it came
/// from: `2024-11-20 10:00　　来源：某省生态环境厅`, `2019-06-18 10:00 中國網`.
pub fn dateline(line: &str) -> Option<Dateline<'_>> {
    // Markdown emphasis around it: `*2024年3月15日 10:30 来源：…*`.
    let line = line.trim().trim_matches(&['*', '_'][..]).trim();
    if line.chars().count() > 80 {
        return None;
    }
    // The stamp: the longest run of leading space-separated parts that
    // reads as one (a date, then perhaps a time).
    let mut cut = None;
    let mut at = 0;
    for _ in 0..2 {
        let rest = &line[at..];
        let word = rest.find(char::is_whitespace).map_or(rest.len(), |i| i);
        let end = at + word;
        if end == at {
            break;
        }
        match super::lines::timestamp(&line[..end]) {
            Some(s) if s.date.is_some() => cut = Some((s, end)),
            _ if cut.is_some() => break,
            _ => {}
        }
        at = end + line[end..].len() - line[end..].trim_start().len();
    }
    let (stamp, end) = cut?;
    let tail = line[end..].trim();
    if !tail.chars().any(crate::chars::is_han) {
        return None;
    }
    // `来源：X` among the fields, else a short outlet name alone.
    // A `来源：` field, else (after a time of day: a date and words alone
    // are a title, `2016-10-01 萌典松前記者會`) a short outlet name.
    let source = source_field(tail);
    let outlet = || {
        let plain = stamp.time.is_some()
            && !tail.contains(crate::chars::is_colon)
            && !tail.chars().any(crate::chars::is_sentence_end)
            && tail.chars().count() <= 20;
        plain.then_some(tail)
    };
    if source.is_none() && stamp.time.is_none() {
        return None;
    }
    let source = source.or_else(outlet);
    Some(Dateline { stamp, source })
}

/// The value of a `来源：X` field among others on a line
/// (`2023-09-26 16:30　来源：省生态环境厅　作者：…`).
pub fn source_field(fields: &str) -> Option<&str> {
    SOURCE_KEYS.iter().find_map(|k| {
        let i = fields.find(k)?;
        let v = fields[i + k.len()..].strip_prefix(crate::chars::is_colon)?;
        v.split(char::is_whitespace)
            .next()
            .filter(|v| !v.is_empty())
    })
}

/// The city of a news agency's dateline: `新华社北京3月5日电` → `北京`.
pub fn news_dateline(text: &str) -> Option<&str> {
    let i = text.find("日电").or_else(|| text.find("日電"))?;
    let head = &text[..i + '日'.len_utf8()];
    // The date ends at the `日` of `日电`.
    let p = dates_in(head).last()?;
    let start = p.text.as_ptr() as usize - head.as_ptr() as usize;
    if start + p.text.len() != head.len() {
        return None;
    }
    let before = &head[..start];
    let j = before.rfind(&['社', '网', '網', '报', '報', '台'][..])?;
    let place = &before[j + 3..];
    let n = place.chars().count();
    let ok = (2..=4).contains(&n) && place.chars().all(crate::chars::is_han);
    // The agency is a short name at the start of its clause.
    let agency = before[..j]
        .rsplit(&['。', '，', '\n', '（', '('][..])
        .next()
        .unwrap_or_default();
    (ok && agency.chars().count() <= 8).then_some(place)
}

/// The organiser's own province: texts that say `我省` (or `本省`) and
/// name one province in full (`山西省`), and no other.
pub fn own_province(texts: &[&str]) -> Option<&'static str> {
    if !texts
        .iter()
        .any(|t| t.contains("我省") || t.contains("本省"))
    {
        return None;
    }
    // A province named as a partner or a destination (`与广东省`,
    // `赴湖北省`) is another one.
    let own = |t: &str, full: &str| {
        t.match_indices(full).any(|(i, _)| {
            !t[..i].ends_with(
                &[
                    '与', '和', '同', '跟', '及', '、', '赴', '援', '对', '對', '與',
                ][..],
            )
        })
    };
    let mut found: Option<&str> = None;
    for full in PROVINCES {
        if texts.iter().any(|t| own(t, full)) {
            if found.is_some() {
                return None;
            }
            found = Some(full);
        }
    }
    found
}

/// What an intro sentence says of the conference held.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Held {
    pub organiser: Option<String>,
    pub place: Option<String>,
    /// The meeting as the sentence names it: `新闻发布会`, `例行记者会`.
    pub meeting: String,
}

/// `省政府新闻办举行新闻发布会` → organiser; `…在XX举行…` → place too;
/// `外交部发言人某某主持例行记者会` → organiser `外交部`.
pub fn holder(text: &str) -> Option<Held> {
    for verb in HOLD.iter().chain(&["主持"]) {
        for (i, _) in text.match_indices(verb).take(20) {
            let after = &text[i + verb.len()..];
            let Some(meeting) = meeting_after(after) else {
                continue;
            };
            let before = &text[..i];
            let start = before
                // A sentence's or clause's start, or the end of a dateline
                // (`新华社长沙5月20日电　`, `（记者 某某）`).
                .rfind(
                    &[
                        '。', ',', '\u{FF0C}', ';', '\u{FF1B}', ':', '\u{FF1A}', '\n', '\u{3000}',
                        ' ',
                    ][..],
                )
                .map_or(0, |j| {
                    j + before[j..].chars().next().map_or(1, char::len_utf8)
                });
            let mut clause = &before[start..];
            // After a bracket closed but not opened here: `（记者 某某）…`.
            if let Some(k) = clause.rfind(&['）', ')'][..]) {
                if !clause[..k].contains(&['（', '('][..]) {
                    clause = &clause[k + clause[k..].chars().next().map_or(1, char::len_utf8)..];
                }
            }
            if *verb == "主持" {
                // Only a spokesperson's briefing: the body before 发言人.
                let Some(k) = clause.find("发言人").or_else(|| clause.find("發言人")) else {
                    continue;
                };
                clause = &clause[..k];
            }
            // The organiser before the first `于`/`在`, the venue after the
            // last `在` (`…于2023年3月3日15时在人民大会堂举行`).
            let org = clause
                .find(&['在', '於', '于'][..])
                .map_or(clause, |j| &clause[..j]);
            let place = clause
                .rfind(&['在', '於'][..])
                .map_or("", |j| &clause[j + '在'.len_utf8()..]);
            let org = without_time(org);
            // The venue as written, less the time words around it.
            let place = without_time(place);
            let ok = |s: String| {
                (!s.is_empty() && s.chars().count() <= 30 && text.contains(s.as_str())).then_some(s)
            };
            let (org, place) = (ok(org), ok(place));
            if org.is_some() || place.is_some() {
                return Some(Held {
                    organiser: org,
                    place,
                    meeting: meeting.to_string(),
                });
            }
        }
    }
    None
}

/// The meeting a verb is followed by (`新闻发布会`, `例行记者会`), within a
/// few characters: the words between count only when they qualify it.
fn meeting_after(after: &str) -> Option<&str> {
    let head: usize = after.chars().take(12).map(char::len_utf8).sum();
    let (at, m) = MEETING
        .iter()
        .filter_map(|m| after[..head].find(m).map(|at| (at, m)))
        .min()?;
    let phrase = &after[..at + m.len()];
    let qualifies = phrase.chars().all(crate::chars::is_han)
        && !phrase[..at].contains(&['的', '了', '在', '和', '与', '及'][..]);
    Some(if qualifies { phrase } else { m })
}

/// `10月12日下午省政府新闻办` → `省政府新闻办`: a date and time words
/// only where they lead or end the phrase, so what is left is as written.
fn without_time(s: &str) -> String {
    let mut s = s.trim();
    loop {
        let before = s;
        if let Some(d) = find_date(s) {
            if let Some(r) = s.strip_prefix(d.text) {
                s = r;
            } else if let Some(r) = s.strip_suffix(d.text) {
                s = r;
            }
        }
        for w in TIME_WORDS {
            s = s.strip_prefix(w).unwrap_or(s);
            s = s.strip_suffix(w).unwrap_or(s);
        }
        s = s.trim().strip_prefix('在').unwrap_or(s).trim();
        s = without_day(s);
        if s == before {
            return s.to_string();
        }
    }
}

/// Without a trailing day of the month alone: `…新闻办公室20日`,
/// `交通部今（9）日` → the body.
fn without_day(s: &str) -> &str {
    let Some(r) = s.strip_suffix('日') else {
        return s;
    };
    let r = r.strip_suffix(&['）', ')'][..]).unwrap_or(r);
    let d = r.trim_end_matches(|c: char| c.is_ascii_digit());
    if d.len() == r.len() || r.len() - d.len() > 2 {
        return s;
    }
    let d = d.strip_suffix(&['（', '('][..]).unwrap_or(d);
    d.strip_suffix('今').unwrap_or(d)
}

/// The provinces by their full names (simplified, then traditional
/// forms): what `我省` can stand for.
const PROVINCES: &[&str] = &[
    "河北省",
    "山西省",
    "辽宁省",
    "吉林省",
    "黑龙江省",
    "江苏省",
    "浙江省",
    "安徽省",
    "福建省",
    "江西省",
    "山东省",
    "河南省",
    "湖北省",
    "湖南省",
    "广东省",
    "海南省",
    "四川省",
    "贵州省",
    "云南省",
    "陕西省",
    "甘肃省",
    "青海省",
    "遼寧省",
    "黑龍江省",
    "江蘇省",
    "山東省",
    "廣東省",
    "貴州省",
    "雲南省",
    "陝西省",
    "甘肅省",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn held(org: Option<&str>, place: Option<&str>, meeting: &str) -> Option<Held> {
        Some(Held {
            organiser: org.map(str::to_string),
            place: place.map(str::to_string),
            meeting: meeting.to_string(),
        })
    }

    #[test]
    fn organiser_and_place() {
        assert_eq!(
            holder("10月12日下午,省政府新闻办举行新闻发布会。"),
            held(Some("省政府新闻办"), None, "新闻发布会")
        );
        assert_eq!(
            holder("国务院新闻办公室3月7日上午在国务院新闻办新闻发布厅举行新闻发布会,"),
            held(
                Some("国务院新闻办公室"),
                Some("国务院新闻办新闻发布厅"),
                "新闻发布会"
            )
        );
        assert_eq!(
            holder("国务院新闻办公室于2019年3月7日上午在北京举行发布会"),
            held(Some("国务院新闻办公室"), Some("北京"), "发布会")
        );
        assert_eq!(
            holder("2020年4月15日，外交部发言人赵立坚主持例行记者会。"),
            held(Some("外交部"), None, "例行记者会")
        );
        assert_eq!(
            holder("新华社长沙5月20日电　湖南省人民政府新闻办公室20日举行新闻发布会")
                .unwrap()
                .organiser
                .as_deref(),
            Some("湖南省人民政府新闻办公室")
        );
        assert_eq!(
            holder("交通部今（9）日下午舉行記者會")
                .unwrap()
                .organiser
                .as_deref(),
            Some("交通部")
        );
        assert_eq!(
            holder("新华社北京3月5日电（记者 张三）国务院新闻办公室5日举行新闻发布会")
                .unwrap()
                .organiser
                .as_deref(),
            Some("国务院新闻办公室")
        );
        // Someone chairing is not an organiser.
        assert_eq!(holder("董晓林主持新闻发布会。"), None);
    }

    #[test]
    fn datelines() {
        let d = dateline("2024-11-20 10:00　　来源：某省生态环境厅").unwrap();
        assert_eq!(d.stamp.iso().as_deref(), Some("2024-11-20T10:00"));
        assert_eq!(d.source, Some("某省生态环境厅"));
        let d = dateline("2019-06-18 10:00 中國網").unwrap();
        assert_eq!(d.source, Some("中國網"));
        assert_eq!(
            dateline("2019-06-18 来源：新华网  作者：某某")
                .unwrap()
                .source,
            Some("新华网")
        );
        let d = dateline("*2024年3月15日 10:30 来源：市政府网站*").unwrap();
        assert_eq!(d.stamp.iso().as_deref(), Some("2024-03-15T10:30"));
        assert_eq!(d.source, Some("市政府网站"));
        assert_eq!(dateline("2019-06-18 10:00"), None);
        assert_eq!(dateline("2016-10-01 萌典松前記者會"), None, "a dated title");
        assert_eq!(dateline("2019年是脱贫攻坚的关键一年。"), None);
        assert_eq!(
            news_dateline("新华社北京3月5日电（记者某某）国务院新闻办…"),
            Some("北京")
        );
        assert_eq!(news_dateline("他说，3月5日电网公司…"), None);
        assert_eq!(news_dateline("中新网5月3日，今日电视台…"), None);
    }

    #[test]
    fn own_province_needs_our_province_and_one_name() {
        let o = |t: &[&str]| own_province(t).map(str::to_string);
        assert_eq!(o(&["我省制定了", "解读山西省攻坚"]), Some("山西省".into()));
        assert_eq!(o(&["解读山西省攻坚", "山西省"]), None, "no 我省");
        assert_eq!(o(&["我省与陕西省、山西省合作"]), None, "two named");
        assert_eq!(o(&["我省的山西话"]), None, "not in full");
        assert_eq!(o(&["我省与广东省签署合作协议"]), None, "a partner");
        assert_eq!(
            o(&["我省与广东省签署协议", "福建省将"]),
            Some("福建省".into())
        );
    }
}

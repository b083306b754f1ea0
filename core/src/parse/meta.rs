//! Conference facts from the front matter: publication time, date,
//! organiser and place.

use super::front::Header;
use super::lines::Stamp;
use crate::chars::digit;
use crate::model::{Meta, Origin};

/// What the front matter (and the file name) offers for [`Meta`].
#[derive(Debug, Default)]
pub struct Sources<'a> {
    /// The title line's text (without Markdown `#` marks).
    pub title: &'a str,
    pub headers: Vec<Header<'a>>,
    /// Front paragraphs and headings, in order.
    pub intro: Vec<&'a str>,
    /// Stamp lines in the front matter.
    pub stamps: Vec<Stamp>,
    /// The file name, when the reader gave one.
    pub file_name: Option<&'a str>,
}

const DATE_KEYS: &[&str] = &["时间", "時間", "日期", "发布日期", "發布日期"];
const PUBLISHED_KEYS: &[&str] = &["发布时间", "發布時間"];
const PLACE_KEYS: &[&str] = &["地点", "地點"];
const SOURCE_KEYS: &[&str] = &["来源", "來源"];
const ORGANISER_KEYS: &[&str] = &[
    "主办",
    "主辦",
    "主办单位",
    "主辦單位",
    "主办方",
    "主辦方",
    "举办单位",
    "舉辦單位",
    "发布机构",
    "發布機構",
];
const HOLD: &[&str] = &["举行", "舉行", "召开", "召開", "举办", "舉辦"];
const MEETING: &[&str] = &[
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
const TIME_WORDS: &[&str] = &[
    "今天", "今日", "昨天", "昨日", "日前", "近日", "上午", "下午", "晚上", "早上", "中午",
];
const PART_OF_DAY: &[&str] = &["上午", "下午", "晚上", "早上", "中午", "傍晚", "凌晨", "晚"];

/// Builds the meta from the front matter; `text` is all conference text
/// (front and turns), for the province count.
pub fn build<'a>(src: &Sources<'a>, text: impl Iterator<Item = &'a str>) -> Meta {
    let mut origin = crate::model::Sources::default();
    let published_header = src.headers.iter().find(|h| h.is(PUBLISHED_KEYS));
    let header_stamp = published_header.and_then(|h| super::lines::timestamp(h.value));
    let published_stamp = src.stamps.iter().find(|s| s.date.is_some());
    let published = match (published_stamp, &header_stamp) {
        (Some(s), _) => s.iso().inspect(|_| origin.published = Some(Origin::Text)),
        (None, Some(s)) if s.date.is_some() => {
            s.iso().inspect(|_| origin.published = Some(Origin::Header))
        }
        _ => None,
    };
    let published_date = published_stamp
        .or(header_stamp.as_ref())
        .and_then(|s| s.date.as_deref());
    // `# 2024-05-08 标题`: the date leads the title.
    let (title_date, title) = leading_iso_date(src.title);
    let mut meta = Meta {
        title: title.to_string(),
        published,
        ..Meta::default()
    };
    if !meta.title.is_empty() {
        origin.title = Some(Origin::Text);
    }

    // The date: a date header, the publication header, the title's date,
    // the intro, the title's `M月D日`, a stamp; failing those, the file name.
    let header_phrase = src
        .headers
        .iter()
        .filter(|h| h.is(DATE_KEYS) || h.is(PUBLISHED_KEYS))
        .find_map(|h| find_date(h.value).map(|p| (p, Origin::Header)));
    let header_iso = || {
        src.headers
            .iter()
            .filter(|h| h.is(DATE_KEYS) || h.is(PUBLISHED_KEYS))
            .find_map(|h| iso_date_in(h.value))
    };
    // The intro's date: preferably in the sentence that says a
    // conference was held (`10月12日下午，省政府新闻办举行新闻发布会`).
    let intro_phrase = || {
        let held =
            |t: &&&str| HOLD.iter().any(|h| t.contains(h)) || MEETING.iter().any(|m| t.contains(m));
        src.intro
            .iter()
            .filter(held)
            .chain(src.intro.iter())
            .find_map(|t| find_date(t))
            .map(|p| (p, Origin::Intro))
    };
    let title_phrase = || find_date(title).map(|p| (p, Origin::Text));
    // `2023年10月12日外交部例行记者会`: a full date in the title.
    let title_full = || {
        let p = find_date(title).filter(|p| p.year.is_some())?;
        resolve(&p, published_date, title).map(|d| (d, p.text, Origin::Text))
    };
    let resolved = header_phrase
        .and_then(|(p, o)| resolve(&p, published_date, title).map(|d| (d, p.text, o)))
        .or_else(|| header_iso().map(|d| (d, "", Origin::Header)))
        .or_else(|| title_date.map(|d| (d, "", Origin::Text)))
        .or_else(title_full)
        .or_else(|| {
            let (p, o) = intro_phrase().or_else(title_phrase)?;
            resolve_in(&p, published_date, title, &src.intro, src.file_name).map(|d| (d, p.text, o))
        })
        .or_else(|| published_date.map(|d| (d.to_string(), "", Origin::Text)))
        .or_else(|| {
            let name = src.file_name?;
            iso_date_in(name).map(|d| (d, "", Origin::FileName))
        });
    if let Some((date, phrase, o)) = resolved {
        meta.date = Some(date);
        if !phrase.is_empty() {
            meta.date_text = Some(phrase.to_string());
        }
        origin.date = Some(o);
        origin.date_text = meta.date_text.as_ref().map(|_| o);
    }
    if meta.title.is_empty() {
        if let Some(name) = src.file_name.and_then(title_of_file_name) {
            meta.title = name;
            origin.title = Some(Origin::FileName);
        }
    }

    // Organiser and place from `…在…举行新闻发布会`.
    let (organiser, place) = src
        .intro
        .iter()
        .find_map(|t| holder(t))
        .unwrap_or((None, None));
    let header = |keys: &[&str]| {
        src.headers
            .iter()
            .find(|h| h.is(keys))
            .map(|h| h.value.to_string())
    };
    // A header's value, else the intro's, with where it came from.
    let pick = |h: Option<String>, intro: Option<String>| match (h, intro) {
        (Some(h), _) => (Some(h), Some(Origin::Header)),
        (None, Some(i)) => (Some(i), Some(Origin::Intro)),
        (None, None) => (None, None),
    };
    (meta.organiser, origin.organiser) = pick(header(ORGANISER_KEYS), organiser);
    (meta.place, origin.place) = pick(header(PLACE_KEYS), place);
    if meta.place.is_none() {
        meta.place = most_mentioned_province(text);
        origin.place = meta.place.as_ref().map(|_| Origin::Text);
    }
    meta.source = header(SOURCE_KEYS);
    origin.source = meta.source.as_ref().map(|_| Origin::Header);
    meta.sources = origin;
    meta
}

/// The ISO date of a `M月D日` phrase: its own year, else the year of
/// publication (the conference can't be after it), else the title's year.
fn resolve(p: &DatePhrase<'_>, published_date: Option<&str>, title: &str) -> Option<String> {
    resolve_in(p, published_date, title, &[], None)
}

/// [`resolve`], also taking the year from a full date of the same day
/// elsewhere in the front matter (`*2024年3月15日 10:30 来源：…*`), then
/// from the file name.
fn resolve_in(
    p: &DatePhrase<'_>,
    published_date: Option<&str>,
    title: &str,
    front: &[&str],
    file_name: Option<&str>,
) -> Option<String> {
    let same_day = || {
        front
            .iter()
            .flat_map(|t| dates_in(t))
            .find(|q| q.year.is_some() && (q.month, q.day) == (p.month, p.day))
            .and_then(|q| q.year)
    };
    let file_year = || {
        let d = iso_date_in(file_name?)?;
        d.get(..4)?.parse().ok()
    };
    let year = p.year.or_else(same_day).or_else(|| {
        let (y, m, d) = ymd(published_date?)?;
        Some(if (p.month, p.day) > (m, d) { y - 1 } else { y })
    });
    let y = year.or_else(|| year_in(title)).or_else(file_year)?;
    valid_ymd(y, p.month, p.day).then(|| format!("{y:04}-{:02}-{:02}", p.month, p.day))
}

fn valid_ymd(y: u32, m: u32, d: u32) -> bool {
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400) => 29,
        2 => 28,
        _ => return false,
    };
    (1900..=2999).contains(&y) && (1..=days).contains(&d)
}

/// A leading `YYYY-MM-DD` (or `YYYY/MM/DD`, `YYYY.MM.DD`) and the rest:
/// `2016-10-01 萌典松前記者會` → (`2016-10-01`, `萌典松前記者會`).
pub fn leading_iso_date(s: &str) -> (Option<String>, &str) {
    match iso_date_at(s) {
        Some((date, len)) => {
            let rest =
                s[len..].trim_start_matches(|c: char| c.is_whitespace() || c == '-' || c == '_');
            (Some(date), rest)
        }
        None => (None, s),
    }
}

/// The first `YYYY-MM-DD`, `YYYY_MM_DD`, `YYYY.MM.DD`, `YYYY/MM/DD` or
/// `YYYYMMDD` in `s` (digits not part of a longer number): a file name's
/// `2024-05-08-….md`, `mfa_2020_04_02.txt`.
pub fn iso_date_in(s: &str) -> Option<String> {
    let b = s.as_bytes();
    (0..b.len())
        .filter(|&i| b[i].is_ascii_digit() && (i == 0 || !b[i - 1].is_ascii_digit()))
        .find_map(|i| iso_date_at(&s[i..]).map(|(d, _)| d))
}

/// An ISO-like date at the very start of `s`, and its length in bytes.
fn iso_date_at(s: &str) -> Option<(String, usize)> {
    let b = s.as_bytes();
    let num = |from: usize, len: usize| -> Option<u32> {
        let part = b.get(from..from + len)?;
        part.iter()
            .all(u8::is_ascii_digit)
            .then(|| part.iter().fold(0, |a, d| a * 10 + u32::from(d - b'0')))
    };
    let y = num(0, 4)?;
    let (m, d, len) = match b.get(4) {
        Some(&sep @ (b'-' | b'_' | b'.' | b'/')) => {
            let m_len = if b.get(6).is_some_and(u8::is_ascii_digit) {
                2
            } else {
                1
            };
            let m = num(5, m_len)?;
            let at = 5 + m_len;
            if b.get(at) != Some(&sep) {
                return None;
            }
            let d_len = if b.get(at + 2).is_some_and(u8::is_ascii_digit) {
                2
            } else {
                1
            };
            (m, num(at + 1, d_len)?, at + 1 + d_len)
        }
        _ => (num(4, 2)?, num(6, 2)?, 8),
    };
    if b.get(len).is_some_and(u8::is_ascii_digit) || !valid_ymd(y, m, d) {
        return None;
    }
    Some((format!("{y:04}-{m:02}-{d:02}"), len))
}

/// A title from a file name: `2024-05-08-某某发布会.md` → `某某发布会`.
fn title_of_file_name(name: &str) -> Option<String> {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let stem = base.rsplit_once('.').map_or(base, |(s, _)| s);
    let (_, rest) = leading_iso_date(stem);
    let t = rest.trim_matches(|c: char| c == '-' || c == '_' || c.is_whitespace());
    (t.chars().any(crate::chars::is_han)).then(|| t.to_string())
}

fn ymd(iso: &str) -> Option<(u32, u32, u32)> {
    let mut it = iso.split('-').map(|p| p.parse::<u32>().ok());
    Some((it.next()??, it.next()??, it.next()??))
}

/// A 4-digit year followed by 年.
fn year_in(s: &str) -> Option<u32> {
    let i = s.find('年')?;
    let digits: Vec<u32> = s[..i].chars().rev().map_while(digit).collect();
    (digits.len() == 4).then(|| digits.iter().rev().fold(0, |a, d| a * 10 + d))
}

/// A date phrase such as `10月12日下午` or `2019年3月7日`.
#[derive(Debug, PartialEq, Eq)]
pub struct DatePhrase<'a> {
    pub text: &'a str,
    pub year: Option<u32>,
    pub month: u32,
    pub day: u32,
}

/// Reads up to `max` digits going backwards from the end of `s`.
fn digits_before(s: &str, max: usize) -> Option<(u32, usize)> {
    let mut val = 0;
    let mut mul = 1;
    let mut bytes = 0;
    let mut n = 0;
    for c in s.chars().rev() {
        let Some(d) = digit(c) else { break };
        n += 1;
        if n > max {
            return None;
        }
        val += d * mul;
        mul *= 10;
        bytes += c.len_utf8();
    }
    (n > 0).then_some((val, bytes))
}

fn digits_after(s: &str, max: usize) -> Option<(u32, usize)> {
    let mut val = 0;
    let mut bytes = 0;
    let mut n = 0;
    for c in s.chars() {
        let Some(d) = digit(c) else { break };
        n += 1;
        if n > max {
            return None;
        }
        val = val * 10 + d;
        bytes += c.len_utf8();
    }
    (n > 0).then_some((val, bytes))
}

/// The first `[YYYY年]M月D日[上午]` in `s`.
pub fn find_date(s: &str) -> Option<DatePhrase<'_>> {
    for (i, _) in s.match_indices('月') {
        let Some((month, mb)) = digits_before(&s[..i], 2) else {
            continue;
        };
        let after = &s[i + '月'.len_utf8()..];
        let Some((day, db)) = digits_after(after, 2) else {
            continue;
        };
        let rest = &after[db..];
        let Some(rest) = rest
            .strip_prefix('日')
            .or_else(|| rest.strip_prefix('号').or_else(|| rest.strip_prefix('號')))
        else {
            continue;
        };
        let mut start = i - mb;
        let mut year = None;
        if let Some(before) = s[..start].strip_suffix('年') {
            if let Some((y, yb)) = digits_before(before, 4) {
                if yb >= 4 {
                    year = Some(y);
                    start = before.len() - yb;
                }
            }
        }
        let mut end = s.len() - rest.len();
        if let Some(p) = PART_OF_DAY.iter().find(|p| rest.starts_with(**p)) {
            end += p.len();
        }
        return Some(DatePhrase {
            text: &s[start..end],
            year,
            month,
            day,
        });
    }
    None
}

/// Every `[YYYY年]M月D日` phrase in `s`, in order.
fn dates_in(s: &str) -> impl Iterator<Item = DatePhrase<'_>> {
    let mut from = 0;
    std::iter::from_fn(move || {
        let p = find_date(&s[from..])?;
        // Phrases borrow from `s`: find where this one ends.
        let start = p.text.as_ptr() as usize - s.as_ptr() as usize;
        from = start + p.text.len().max(1);
        Some(p)
    })
}

/// `省政府新闻办举行新闻发布会` → organiser; `…在XX举行…` → place too.
fn holder(text: &str) -> Option<(Option<String>, Option<String>)> {
    for verb in HOLD {
        for (i, _) in text.match_indices(verb).take(20) {
            let after: String = text[i + verb.len()..].chars().take(12).collect();
            if !MEETING.iter().any(|m| after.contains(m)) {
                continue;
            }
            let before = &text[..i];
            let start = before
                .rfind([
                    '。', ',', '\u{FF0C}', ';', '\u{FF1B}', ':', '\u{FF1A}', '\n',
                ])
                .map_or(0, |j| {
                    j + before[j..].chars().next().map_or(1, char::len_utf8)
                });
            let mut clause = before[start..].to_string();
            if let Some(d) = find_date(&clause) {
                clause = clause.replacen(d.text, "", 1);
            }
            for w in TIME_WORDS {
                clause = clause.replace(w, "");
            }
            let (org, place) = match clause.find(['在', '於', '于']) {
                Some(j) => {
                    let c = clause[j..].chars().next().map_or(1, char::len_utf8);
                    (
                        clause[..j].trim().to_string(),
                        clause[j + c..].trim().to_string(),
                    )
                }
                None => (clause.trim().to_string(), String::new()),
            };
            let ok = |s: String| (!s.is_empty() && s.chars().count() <= 30).then_some(s);
            let (org, place) = (ok(org), ok(place));
            if org.is_some() || place.is_some() {
                return Some((org, place));
            }
        }
    }
    None
}

/// Provinces and their full names (simplified, then traditional forms).
const PROVINCES: &[(&str, &str)] = &[
    ("北京", "北京市"),
    ("天津", "天津市"),
    ("上海", "上海市"),
    ("重庆", "重庆市"),
    ("河北", "河北省"),
    ("山西", "山西省"),
    ("辽宁", "辽宁省"),
    ("吉林", "吉林省"),
    ("黑龙江", "黑龙江省"),
    ("江苏", "江苏省"),
    ("浙江", "浙江省"),
    ("安徽", "安徽省"),
    ("福建", "福建省"),
    ("江西", "江西省"),
    ("山东", "山东省"),
    ("河南", "河南省"),
    ("湖北", "湖北省"),
    ("湖南", "湖南省"),
    ("广东", "广东省"),
    ("海南", "海南省"),
    ("四川", "四川省"),
    ("贵州", "贵州省"),
    ("云南", "云南省"),
    ("陕西", "陕西省"),
    ("甘肃", "甘肃省"),
    ("青海", "青海省"),
    ("台湾", "台湾省"),
    ("内蒙古", "内蒙古自治区"),
    ("广西", "广西壮族自治区"),
    ("西藏", "西藏自治区"),
    ("宁夏", "宁夏回族自治区"),
    ("新疆", "新疆维吾尔自治区"),
    ("香港", "香港特别行政区"),
    ("澳门", "澳门特别行政区"),
    ("重慶", "重慶市"),
    ("遼寧", "遼寧省"),
    ("黑龍江", "黑龍江省"),
    ("江蘇", "江蘇省"),
    ("山東", "山東省"),
    ("廣東", "廣東省"),
    ("貴州", "貴州省"),
    ("雲南", "雲南省"),
    ("陝西", "陝西省"),
    ("甘肅", "甘肅省"),
    ("臺灣", "臺灣省"),
    ("台灣", "台灣省"),
    ("內蒙古", "內蒙古自治區"),
    ("廣西", "廣西壯族自治區"),
    ("寧夏", "寧夏回族自治區"),
    ("新疆", "新疆維吾爾自治區"),
    ("澳門", "澳門特別行政區"),
];

/// Bit `c % 128` of each province's first character `c` (a Bloom
/// filter of two words, computed at compile time).
const FIRST_BITS: [u64; 2] = {
    let mut bits = [0u64; 2];
    let mut k = 0;
    while k < PROVINCES.len() {
        let b = PROVINCES[k].0.as_bytes();
        bits[(b[1] & 1) as usize] |= 1 << (b[2] & 0x3F);
        k += 1;
    }
    bits
};

/// The province named most often (at least twice), by its full name.
pub fn most_mentioned_province<'a>(text: impl Iterator<Item = &'a str>) -> Option<String> {
    let mut counts = vec![0usize; PROVINCES.len()];
    for t in text {
        // A byte scan: the names start with ideographs of three bytes, and
        // the low bits of their code points are tried before the characters.
        for (i, w) in t.as_bytes().windows(3).enumerate() {
            // The low seven bits of a three-byte character's code point
            // are the last bit of its second byte and six of its third.
            if w[0] & 0xF0 != 0xE0 || FIRST_BITS[(w[1] & 1) as usize] >> (w[2] & 0x3F) & 1 == 0 {
                continue;
            }
            let Some(c) = t[i..].chars().next() else {
                continue;
            };
            if !matches!(
                c,
                '北' | '天'
                    | '上'
                    | '重'
                    | '河'
                    | '山'
                    | '辽'
                    | '吉'
                    | '黑'
                    | '江'
                    | '浙'
                    | '安'
                    | '福'
                    | '湖'
                    | '广'
                    | '海'
                    | '四'
                    | '贵'
                    | '云'
                    | '陕'
                    | '甘'
                    | '青'
                    | '台'
                    | '内'
                    | '西'
                    | '宁'
                    | '新'
                    | '香'
                    | '澳'
                    | '遼'
                    | '廣'
                    | '貴'
                    | '雲'
                    | '陝'
                    | '臺'
                    | '內'
                    | '寧'
            ) {
                continue;
            }
            let s = &t[i..];
            for (k, (short, _)) in PROVINCES.iter().enumerate() {
                if s.starts_with(short) {
                    counts[k] += 1;
                }
            }
        }
    }
    let (k, &n) = counts
        .iter()
        .enumerate()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(&a.0)))?;
    (n >= 2).then(|| PROVINCES[k].1.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        let d = find_date("10月12日下午,省政府新闻办举行新闻发布会。").unwrap();
        assert_eq!(
            (d.text, d.year, d.month, d.day),
            ("10月12日下午", None, 10, 12)
        );
        let d = find_date("国务院新闻办公室2019年3月7日上午举行").unwrap();
        assert_eq!(d.text, "2019年3月7日上午");
        assert_eq!(d.year, Some(2019));
        assert!(find_date("9—10月份").is_none());
    }

    #[test]
    fn organiser_and_place() {
        assert_eq!(
            holder("10月12日下午,省政府新闻办举行新闻发布会。"),
            Some((Some("省政府新闻办".into()), None))
        );
        assert_eq!(
            holder("国务院新闻办公室3月7日上午在国务院新闻办新闻发布厅举行新闻发布会,"),
            Some((
                Some("国务院新闻办公室".into()),
                Some("国务院新闻办新闻发布厅".into())
            ))
        );
    }

    #[test]
    fn provinces() {
        let t = ["山西省扶贫", "山西日报", "陕西"];
        assert_eq!(
            most_mentioned_province(t.into_iter()),
            Some("山西省".into())
        );
        assert_eq!(most_mentioned_province(["陕西"].into_iter()), None);
    }

    #[test]
    fn seed_meta() {
        let src = Sources {
            title: "“聚焦深度贫困 凝心聚力攻坚”新闻发布会",
            intro: vec!["10月12日下午,省政府新闻办举行新闻发布会。"],
            stamps: vec![super::super::lines::timestamp("13.10.2017  14:57").unwrap()],
            ..Sources::default()
        };
        let m = build(&src, ["山西", "山西"].into_iter());
        assert_eq!(m.published.as_deref(), Some("2017-10-13T14:57"));
        assert_eq!(m.date.as_deref(), Some("2017-10-12"));
        assert_eq!(m.date_text.as_deref(), Some("10月12日下午"));
        assert_eq!(m.organiser.as_deref(), Some("省政府新闻办"));
        assert_eq!(m.place.as_deref(), Some("山西省"));
    }
}

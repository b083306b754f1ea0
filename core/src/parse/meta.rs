//! Conference facts from the front matter: publication time, date,
//! organiser and place.

use super::front::Header;
use super::held::{
    holder, news_dateline, own_province, says_held, source_field, Dateline, SOURCE_KEYS,
};
use super::lines::Stamp;
use super::phrase::{dates_in, find_date, DatePhrase};
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
    /// Datelines in the front matter (`2024-11-20 10:00　来源：…`).
    pub datelines: Vec<Dateline<'a>>,
    /// The file name, when the reader gave one.
    pub file_name: Option<&'a str>,
}

const DATE_KEYS: &[&str] = &["时间", "時間", "日期", "发布日期", "發布日期"];
const PUBLISHED_KEYS: &[&str] = &["发布时间", "發布時間"];
const PLACE_KEYS: &[&str] = &["地点", "地點"];
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
/// Builds the meta from the front matter; `host` is what the host says
/// (the organiser speaking: `我省…山西省`), the only words of a turn a
/// value is taken from.
pub fn build<'h>(src: &Sources<'_>, host: impl Iterator<Item = &'h str>) -> Meta {
    let mut origin = crate::model::Sources::default();
    let published_header = src.headers.iter().find(|h| h.is(PUBLISHED_KEYS));
    let header_stamp = published_header.and_then(|h| super::lines::timestamp(h.value));
    let published_stamp = src.stamps.iter().find(|s| s.date.is_some());
    let dateline_stamp = src.datelines.iter().find(|d| d.stamp.date.is_some());
    let published = match (published_stamp, dateline_stamp, &header_stamp) {
        (Some(s), _, _) => s.iso().inspect(|_| origin.published = Some(Origin::Text)),
        (None, Some(d), _) => d
            .stamp
            .iso()
            .inspect(|_| origin.published = Some(Origin::Dateline)),
        (None, None, Some(s)) if s.date.is_some() => {
            s.iso().inspect(|_| origin.published = Some(Origin::Header))
        }
        _ => None,
    };
    let published_date = published_stamp
        .or(dateline_stamp.map(|d| &d.stamp))
        .or(header_stamp.as_ref())
        .and_then(|s| s.date.as_deref());
    let published_origin = if published_stamp.is_some() {
        Origin::Text
    } else if dateline_stamp.is_some() {
        Origin::Dateline
    } else {
        Origin::Header
    };
    // `# 2024-05-08 标题`: the date leads the title; `原标题：…` is not
    // part of it.
    let (title_date, title) = leading_iso_date(src.title);
    let title = strip_original(title);
    let mut meta = Meta {
        title: title.to_string(),
        published,
        ..Meta::default()
    };
    if !meta.title.is_empty() {
        origin.title = Some(Origin::Text);
    }

    // The date: a date header, the publication header, the title's date,
    // the intro, the title's `M月D日`, a stamp or dateline; failing those,
    // the file name.
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
    // The intro's date: only from a sentence that says a conference was
    // held or questions answered (`10月12日下午，省政府新闻办举行新闻发布会`),
    // never the date of what the intro reports (`8月31日晚上，…`).
    let intro_phrase = || {
        src.intro
            .iter()
            .flat_map(|t| t.split_inclusive(&['。', '！', '？', '!', '?'][..]))
            .filter(|t| says_held(t))
            .find_map(find_date)
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
        .or_else(|| published_date.map(|d| (d.to_string(), "", published_origin)))
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

    // Organiser and place from `…在…举行新闻发布会`.
    let held = src.intro.iter().find_map(|t| holder(t));
    let (organiser, place) = held
        .clone()
        .map_or((None, None), |h| (h.organiser, h.place));
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
    // The place only as the text states it: the venue, a dateline's
    // place, the organiser's own province; never the places discussed.
    (meta.place, origin.place) = pick(header(PLACE_KEYS), place);
    if meta.place.is_none() {
        // `新华社长沙5月20日电　…`: the city the report was filed from.
        let from_dateline = src.intro.iter().find_map(|t| news_dateline(t));
        if let Some(p) = from_dateline {
            meta.place = Some(p.to_string());
            origin.place = Some(Origin::Dateline);
        }
    }
    if meta.place.is_none() {
        // The intro's words, else the intro's and the host's.
        let mut voice: Vec<&str> = src.intro.iter().map(|t| &t[..]).collect();
        let intro = voice.len();
        let mut place = own_province(&voice).map(|p| (p, Origin::Intro));
        if place.is_none() {
            // (Each word as a `&str` of the shorter life of the two.)
            voice.extend(host.map(|t| -> &str { t }));
            place = own_province(&voice)
                .filter(|_| voice.len() > intro)
                .map(|p| (p, Origin::Host));
        }
        if let Some((p, o)) = place {
            meta.place = Some(p.to_string());
            origin.place = Some(o);
        }
    }
    meta.source = header(SOURCE_KEYS);
    origin.source = meta.source.as_ref().map(|_| Origin::Header);
    if meta.source.is_none() {
        meta.source = src
            .datelines
            .iter()
            .find_map(|d| d.source)
            .map(str::to_string);
        origin.source = meta.source.as_ref().map(|_| Origin::Dateline);
    }
    if meta.source.is_none() {
        // `发布时间：2023-09-26 16:30　来源：省生态环境厅`: a field of another header.
        meta.source = src
            .headers
            .iter()
            .find_map(|h| source_field(h.value))
            .map(str::to_string);
        origin.source = meta.source.as_ref().map(|_| Origin::Header);
    }

    // No title line: what the document is, as the text says it
    // (`2020年4月15日 外交部例行记者会`), else the file name.
    if meta.title.is_empty() {
        let kind = held.as_ref().and_then(|h| {
            let org = meta
                .organiser
                .as_deref()
                .filter(|_| h.organiser.is_some())?;
            Some(format!("{org}{}", h.meeting))
        });
        if let Some(kind) = kind {
            meta.title = match &meta.date {
                Some(d) => format!("{} {kind}", crate::facts::chinese_date(d)),
                None => kind,
            };
            origin.title = Some(Origin::Intro);
        } else if let Some(name) = src.file_name.and_then(title_of_file_name) {
            meta.title = name;
            origin.title = Some(Origin::FileName);
        }
    }
    meta.sources = origin;
    meta
}

/// `原标题：…` (the title a reposting site kept) without its key.
fn strip_original(title: &str) -> &str {
    ["原标题", "原標題"]
        .iter()
        .find_map(|k| title.trim_start().strip_prefix(k))
        .and_then(|r| r.strip_prefix(crate::chars::is_colon))
        .map_or(title, str::trim)
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

/// A title from a file name: `2024-05-08-某某发布会.md` → `某某发布会`;
/// one without words after its date is its name less the extension
/// (`mfa_2020_04_15.txt` → `mfa_2020_04_15`).
fn title_of_file_name(name: &str) -> Option<String> {
    let base = name.rsplit(&['/', '\\'][..]).next().unwrap_or(name);
    let stem = base.rsplit_once('.').map_or(base, |(s, _)| s).trim();
    let (_, rest) = leading_iso_date(stem);
    let t = rest.trim_matches(|c: char| c == '-' || c == '_' || c.is_whitespace());
    let t = if t.chars().any(crate::chars::is_han) {
        t
    } else {
        stem
    };
    (!t.is_empty()).then(|| t.to_string())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn original_titles_lose_their_key() {
        assert_eq!(strip_original("原标题：某某新闻发布会"), "某某新闻发布会");
        assert_eq!(strip_original("原標題: 某某記者會"), "某某記者會");
        assert_eq!(strip_original("某某原标题"), "某某原标题");
    }

    #[test]
    fn seed_meta() {
        let src = Sources {
            title: "“聚焦深度贫困 凝心聚力攻坚”新闻发布会",
            intro: vec!["10月12日下午,省政府新闻办举行新闻发布会。"],
            stamps: vec![super::super::lines::timestamp("13.10.2017  14:57").unwrap()],
            ..Sources::default()
        };
        let m = build(&src, ["山西", "我省", "山西省"].into_iter());
        assert_eq!(m.published.as_deref(), Some("2017-10-13T14:57"));
        assert_eq!(m.date.as_deref(), Some("2017-10-12"));
        assert_eq!(m.date_text.as_deref(), Some("10月12日下午"));
        assert_eq!(m.organiser.as_deref(), Some("省政府新闻办"));
        assert_eq!(m.place.as_deref(), Some("山西省"));
        assert_eq!(m.sources.place, Some(Origin::Host));
        // Named often, but never stated as the place.
        let m = build(&src, ["山西省", "山西省"].into_iter());
        assert_eq!(m.place, None);
    }
}
